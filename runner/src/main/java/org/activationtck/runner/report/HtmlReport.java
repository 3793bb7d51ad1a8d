package org.activationtck.runner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activationtck.spi.API;
import org.activationtck.runner.gate.Gate;
import org.activationtck.runner.gate.GateResult;
import org.activationtck.runner.Check;
import org.activationtck.runner.FailureKind;
import org.activationtck.runner.RunResult;

/**
 * The run report for people: one self-contained HTML file (no network when viewed; see
 * {@link HtmlPage}). It opens with the outcome, the run's configuration and its deviation list,
 * and a grid of function by dtype and dialect coloured by outcome, each cell linking to its row.
 * Per row: the ULP error against x (uPlot; x linear to ±20, then logarithmic to ±10^4 and on to
 * the largest double, see {@link #tx}; ulps on a log scale; the budget as a line; each failure
 * kind its own mark, failures the deviation list admits hollow), and for a failing row the failing
 * inputs with the {@code ./tck oracle} command that prints the expected value. Rows that passed
 * are folded. Every string from the implementation is escaped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HtmlReport {

  /** Failing inputs listed per row, at most; the count of the rest is given. */
  static final int MAX_LISTED = 25;
  /** Points per plot at most: failures first, then passes, one per cell of the plot. */
  static final int MAX_POINTS = 1500;

  private HtmlReport() {}

  /** A run on its own (no deviation list). */
  public static byte[] bytes(RunResult r) {
    return bytes(Gate.none().apply(r));
  }

  /** A run and what its gate made of it: failures the deviation list admits are marked known. */
  public static byte[] bytes(GateResult g) {
    RunResult r = g.run();
    Set<Check> known = Collections.newSetFromMap(new IdentityHashMap<>());
    g.admitted().values().forEach(known::addAll);
    List<RunResult.Row> rows = r.rows();
    ObjectMapper m = new ObjectMapper();
    ObjectNode data = m.createObjectNode();
    ObjectNode plots = data.putObject("plots");
    ArrayNode kinds = data.putArray("kinds");
    for (FailureKind k : FailureKind.values()) {
      kinds.addObject().put("id", k.id()).put("description", k.description());
    }
    StringBuilder b = new StringBuilder();
    String title = "activation-tck report: " + r.implementation()
        + (r.version().isEmpty() ? "" : " " + r.version());
    b.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"outcome o-")
        .append(g.outcome().id()).append("\">").append(esc(ConsoleReport.resultLine(g))).append("</p>\n")
        .append("<nav><a href=\"#config\">Run configuration</a> · <a href=\"#grid\">Summary grid</a>")
        .append(" · <a href=\"#functions\">Functions</a></nav></header>\n");
    config(b, g);
    grid(b, rows, known);
    b.append("<section id=\"functions\"><h2>Functions</h2>\n").append(RunHtml.legend());
    Map<String, List<RunResult.Row>> byFunction = new LinkedHashMap<>();
    for (RunResult.Row row : rows) {
      byFunction.computeIfAbsent(row.function(), k -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<String, List<RunResult.Row>> e : byFunction.entrySet()) {
      b.append("<section class=\"function\" id=\"f-").append(RunHtml.id(e.getKey())).append("\"><h3>")
          .append(esc(e.getKey())).append("</h3>\n");
      RunHtml.table(b, e.getValue(), known);
      for (RunResult.Row row : e.getValue()) {
        if (row.passed() + row.failed() > 0) {
          RunHtml.rowDetails(b, row, known);
          plots.set(RunHtml.rowId(row), plot(m, row, known));
        }
      }
      b.append("</section>\n");
    }
    b.append("</section>\n");
    return HtmlPage.page(title, "run-report.js", data, b.toString());
  }

  private static void config(StringBuilder b, GateResult g) {
    RunResult r = g.run();
    b.append("<section id=\"config\"><h2>Run configuration</h2>\n<table class=\"kv\">");
    kv(b, "implementation", r.implementation() + (r.version().isEmpty() ? "" : " " + r.version()));
    kv(b, "declared dialects", r.declaredDialects().isEmpty() ? "none (every dialect checked)"
        : String.join(", ", r.declaredDialects()));
    kv(b, "tier", r.config().tier().id());
    kv(b, "budget overrides", r.config().tolerances().overrides().isEmpty() ? "none (the tier's budgets)"
        : String.join(", ", r.config().tolerances().overrides().entrySet().stream()
            .map(e -> e.getKey() + "=" + Formats.ulps(e.getValue())).toList()));
    kv(b, "signed zero", r.config().signedZeroStrict() ? "strict" : "lenient");
    kv(b, "positions", r.config().positions() ? "all" : "one");
    kv(b, "functions", r.config().functions().isEmpty() ? "all" : String.join(", ", r.config().functions()));
    kv(b, "dialects", r.config().dialects().isEmpty() ? "all" : String.join(", ", r.config().dialects()));
    kv(b, "dtypes", r.config().dtypes().isEmpty() ? "all in the fixtures"
        : String.join(", ", r.config().dtypes().stream().map(d -> d.id()).toList()));
    kv(b, "fixtures", r.config().fixturesDir() == null ? "shipped in the jar" : r.config().fixturesDir().toString());
    kv(b, "call time-out", r.config().callTimeout().toMillis() / 1000.0 + " s");
    kv(b, "checks", r.checks().size() + ": " + r.passed() + " passed, " + r.failed() + " failed ("
        + g.admittedChecks() + " known, " + g.unexpected().size() + " not listed), "
        + r.notImplemented() + " not implemented");
    kv(b, "failed by kind", r.failuresByKind().isEmpty() ? "none" : String.join(", ",
        r.failuresByKind().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().description()).toList()));
    kv(b, "time", String.format("%.1f s", r.elapsed().toMillis() / 1000.0));
    b.append("</table>\n");
    RunHtml.deviations(b, g);
    b.append("</section>\n");
  }

  private static void kv(StringBuilder b, String k, String v) {
    b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
  }

  /** Function (and derivative) by dtype and dialect, each cell the outcome of one row. */
  private static void grid(StringBuilder b, List<RunResult.Row> rows, Set<Check> known) {
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    Set<String> labels = new LinkedHashSet<>();
    Map<String, RunResult.Row> cells = new LinkedHashMap<>();
    for (RunResult.Row row : rows) {
      columns.computeIfAbsent(row.dtype().id(), k -> new LinkedHashSet<>()).add(row.dialect());
      labels.add(row.label());
      cells.put(row.label() + "|" + row.dtype().id() + "|" + row.dialect(), row);
    }
    b.append("<section id=\"grid\"><h2>Summary grid</h2>\n<p class=\"note\">Each cell is one row: the")
        .append(" largest error in ulps when everything passed, else the number of failed checks. Click a cell for")
        .append(" its plot and failing inputs.</p>\n<div class=\"gridwrap\"><table class=\"grid\"><thead><tr><th rowspan=\"2\">function</th>");
    columns.forEach((dtype, dialects) -> b.append("<th colspan=\"").append(dialects.size()).append("\">")
        .append(esc(dtype)).append("</th>"));
    b.append("</tr><tr>");
    columns.forEach((dtype, dialects) -> dialects.forEach(d -> b.append("<th class=\"dia\">").append(esc(d)).append("</th>")));
    b.append("</tr></thead><tbody>\n");
    for (String label : labels) {
      b.append("<tr><th>").append(esc(label)).append("</th>");
      columns.forEach((dtype, dialects) -> {
        for (String d : dialects) {
          RunResult.Row row = cells.get(label + "|" + dtype + "|" + d);
          if (row == null) {
            b.append("<td class=\"c-none\"></td>");
          } else {
            RunHtml.cell(b, row, known);
          }
        }
      });
      b.append("</tr>\n");
    }
    b.append("</tbody></table></div>\n<p class=\"legend\"><span class=\"c-pass\">passed</span>")
        .append("<span class=\"c-fail\">failed (not listed)</span><span class=\"c-known\">failed, every")
        .append(" failure a known deviation</span><span class=\"c-ni\">not implemented</span></p></section>\n");
  }

  /**
   * The plot's data: x (finite inputs only), ulps (-1: a failure that is no ulp count) and the
   * series of each point (0 passed; then per failure kind, not listed and known), thinned to one
   * point per cell of about a pixel, failures first.
   */
  private static ObjectNode plot(ObjectMapper m, RunResult.Row row, Set<Check> known) {
    ObjectNode p = m.createObjectNode();
    p.put("budget", row.budget());
    ArrayNode xs = p.putArray("x");
    ArrayNode us = p.putArray("u");
    ArrayNode ss = p.putArray("s");
    Set<String> cells = new java.util.HashSet<>();
    int notPlotted = 0;
    List<Check> order = new ArrayList<>(row.checks());
    order.sort(Comparator.comparingInt(c -> c.status() == Check.Status.FAILED ? 0 : 1));
    for (Check c : order) {
      if (c.status() == Check.Status.NOT_IMPLEMENTED) {
        continue;
      }
      if (!Double.isFinite(c.x())) {
        notPlotted += c.status() == Check.Status.FAILED ? 1 : 0;
        continue;
      }
      boolean failed = c.status() == Check.Status.FAILED;
      double u = c.measured() && Double.isFinite(c.verdict().ulps()) ? c.verdict().ulps() : -1;
      int s = failed ? series(c.kind(), known.contains(c)) : 0;
      String key = s + "/" + Math.round(tx(c.x()) * (failed ? 600 : 200)) + "/"
          + (u < 0 ? "x" : Math.round(Math.log10(1 + u) * (failed ? 40 : 15)));
      if (!cells.add(key) || xs.size() >= MAX_POINTS) {
        continue;
      }
      xs.add(c.x());
      us.add(u);
      ss.add(s);
    }
    p.put("notPlotted", notPlotted);
    return p;
  }

  /** The series of a failure: 1 + 2 x the kind's ordinal, + 1 when the deviation list admits it. */
  static int series(FailureKind k, boolean known) {
    return 1 + 2 * k.ordinal() + (known ? 1 : 0);
  }

  /**
   * The x position in [-1, 1], the same as {@code common.js}'s {@code tx}: linear on [-20, 20]
   * (the inner 35% of each side), logarithmic from 20 to 10^4 (the next 30%: the exp-based
   * tails, where results overflow, underflow or cancel) and from 10^4 to the largest double (the
   * outer 35%).
   */
  static double tx(double x) {
    double a = Math.min(Math.abs(x), Double.MAX_VALUE);
    double t;
    if (a <= 20) {
      t = 0.35 * a / 20;
    } else if (a <= 1e4) {
      t = 0.35 + 0.30 * Math.log10(a / 20) / Math.log10(1e4 / 20);
    } else {
      t = 0.65 + 0.35 * Math.log10(a / 1e4) / Math.log10(Double.MAX_VALUE / 1e4);
    }
    return Math.copySign(t, x);
  }

  private static String esc(String s) {
    return HtmlPage.esc(s);
  }
}
