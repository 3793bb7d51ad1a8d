package org.activationtck.runner.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activationtck.runner.gate.Deviation;
import org.activationtck.runner.gate.GateResult;
import org.activationtck.runner.Check;
import org.activationtck.runner.FailureKind;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.report.Reproducer;

/** The markup pieces of {@link HtmlReport}: tables, grid cells, row details, the deviation list. */
final class RunHtml {

  private RunHtml() {}

  /** An id fragment: letters, digits, {@code -} and {@code _}; anything else becomes {@code _}. */
  static String id(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** The anchor of a row: {@code r-gelu-d-float32-pytorch}. */
  static String rowId(RunResult.Row row) {
    return "r-" + id(row.function()) + (row.derivative() ? "-d" : "") + "-" + row.dtype().id() + "-"
        + id(row.dialect());
  }

  private static String esc(String s) {
    return HtmlPage.esc(s);
  }

  /** How failure kinds are drawn: the shape of each kind; failures the list admits are hollow. */
  static String legend() {
    StringBuilder b = new StringBuilder("<p class=\"legend marks\">Marks in the plots: <span class=\"m m-pass\"></span>passed");
    for (FailureKind k : FailureKind.values()) {
      b.append(" <span class=\"m m-").append(k.id()).append("\"></span>").append(esc(k.description()));
    }
    return b.append("; filled red: failures not listed, hollow amber: known deviations; dashed: the budget.</p>\n").toString();
  }

  static void table(StringBuilder b, List<RunResult.Row> rows, Set<Check> known) {
    b.append("<table class=\"rows\"><tr><th>row</th><th>dtype</th><th>dialect</th><th>checks</th><th>passed</th>")
        .append("<th>failed</th><th>known</th><th>not impl.</th><th>max ulp</th><th>budget</th><th>CR %</th></tr>\n");
    for (RunResult.Row row : rows) {
      boolean answered = row.passed() + row.failed() > 0;
      long k = row.checks().stream().filter(known::contains).count();
      b.append("<tr class=\"").append(cls(row, known)).append("\"><td>")
          .append(answered ? "<a href=\"#" + rowId(row) + "\">" + esc(row.label()) + "</a>" : esc(row.label()))
          .append("</td><td>").append(row.dtype().id()).append("</td><td>").append(esc(row.dialect()))
          .append("</td><td>").append(row.cases()).append("</td><td>").append(row.passed())
          .append("</td><td>").append(row.failed()).append("</td><td>").append(k).append("</td><td>")
          .append(row.notImplemented()).append("</td><td>")
          .append(answered ? Formats.ulps(row.maxUlps()) : "-").append("</td><td>")
          .append(Formats.ulps(row.budget())).append("</td><td>")
          .append(answered ? String.format("%.1f", row.percentCorrectlyRounded()) : "-").append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  /** {@code c-fail}, {@code c-known} (every failure admitted), {@code c-pass} or {@code c-ni}. */
  static String cls(RunResult.Row row, Set<Check> known) {
    if (row.failed() > 0) {
      boolean allKnown = row.checks().stream()
          .allMatch(c -> c.status() != Check.Status.FAILED || known.contains(c));
      return allKnown ? "c-known" : "c-fail";
    }
    return row.passed() == 0 ? "c-ni" : "c-pass";
  }

  static void cell(StringBuilder b, RunResult.Row row, Set<Check> known) {
    String cls = cls(row, known);
    String text;
    String title = row.label() + " " + row.dtype().id() + " [" + row.dialect() + "]: " + row.passed()
        + " passed, " + row.failed() + " failed, " + row.notImplemented() + " not implemented";
    if (row.failed() > 0) {
      FailureKind worst = row.failuresByKind().keySet().iterator().next();
      text = row.failed() + " failed";
      title += "; most severe kind: " + worst.description() + "; max " + Formats.ulps(row.maxUlps()) + " ulp, budget " + Formats.ulps(row.budget());
    } else if (row.passed() == 0) {
      text = "n/i";
    } else {
      text = Formats.ulps(Double.isNaN(row.maxUlps()) ? 0 : row.maxUlps()) + " ulp";
      title += "; max " + text + ", budget " + Formats.ulps(row.budget());
    }
    boolean link = row.passed() + row.failed() > 0;
    b.append("<td class=\"").append(cls).append("\" title=\"").append(esc(title)).append("\">");
    if (row.failed() > 0) {
      // the most severe kind's mark, as in the plots
      b.append("<span class=\"m m-").append(row.failuresByKind().keySet().iterator().next().id()).append("\"></span>");
    }
    if (link) {
      b.append("<a href=\"#").append(rowId(row)).append("\">").append(esc(text)).append("</a>");
    } else {
      b.append(esc(text));
    }
    b.append("</td>");
  }

  /** A row's plot and failing inputs, folded when it passed. */
  static void rowDetails(StringBuilder b, RunResult.Row row, Set<Check> known) {
    List<Check> failures = new ArrayList<>();
    for (Check c : row.checks()) {
      if (c.status() == Check.Status.FAILED) {
        failures.add(c);
      }
    }
    long k = failures.stream().filter(known::contains).count();
    b.append("<details class=\"row ").append(cls(row, known)).append("\" id=\"").append(rowId(row)).append('"')
        .append(failures.isEmpty() ? "" : " open=\"open\"").append("><summary>").append(esc(row.label())).append(' ')
        .append(row.dtype().id()).append(" [").append(esc(row.dialect())).append("]: ");
    if (failures.isEmpty()) {
      b.append("passed ").append(row.passed());
    } else {
      b.append(row.failed()).append(" failed (").append(failures.size() - k).append(" not listed, ")
          .append(k).append(" known) of ").append(row.passed() + row.failed());
    }
    b.append(", max ").append(Formats.ulps(row.maxUlps())).append(" ulp, budget ")
        .append(Formats.ulps(row.budget())).append("</summary>\n<div class=\"plot\" data-row=\"")
        .append(rowId(row)).append("\"></div>\n");
    if (!failures.isEmpty()) {
      failures(b, failures, known);
    }
    b.append("</details>\n");
  }

  /** Not listed first, then by kind (most severe first), then the larger error. */
  private static final Comparator<Check> ORDER = Comparator
      .comparingInt((Check c) -> c.kind().ordinal())
      .thenComparing(Comparator.comparingDouble((Check c) -> c.measured() ? c.verdict().ulps() : 0).reversed());

  private static void failures(StringBuilder b, List<Check> failures, Set<Check> known) {
    List<Check> sorted = new ArrayList<>(failures);
    sorted.sort(Comparator.comparingInt((Check c) -> known.contains(c) ? 1 : 0).thenComparing(ORDER));
    b.append("<table class=\"failures\"><tr><th>input (decimal, hex)</th><th>dialect</th><th>params</th>")
        .append("<th>expected</th><th>got</th><th>ulps / kind</th><th>rules</th><th>reproducer</th></tr>\n");
    for (Check c : sorted.subList(0, Math.min(sorted.size(), HtmlReport.MAX_LISTED))) {
      boolean isKnown = known.contains(c);
      String input = c.input();
      int p = input.indexOf(" (");
      String inputHtml = input.startsWith("[") || p < 0 ? "<code>" + esc(input) + "</code>"
          : "<code>" + esc(input.substring(0, p)) + "</code><br/><code class=\"hex\">"
              + esc(input.substring(p + 2, input.endsWith(")") ? input.length() - 1 : input.length())) + "</code>";
      String ulps = c.measured() ? Formats.ulps(c.verdict().ulps()) + " ulp" : c.kind().description();
      b.append("<tr class=\"").append(isKnown ? "f-known" : "f-new").append("\"><td>").append(inputHtml)
          .append("</td><td>").append(esc(c.dialect())).append("</td><td>")
          .append(c.params().isEmpty() ? "defaults" : esc(params(c.params()))).append("</td><td><code class=\"expected\">")
          .append(esc(c.expected())).append("</code></td><td><code class=\"got\">")
          .append(esc(c.actual() == null ? "no result" : c.actual())).append("</code></td><td>")
          .append("<span class=\"m m-").append(c.kind().id()).append(isKnown ? " hollow" : "").append("\"></span>")
          .append(esc(ulps)).append(isKnown ? " <span class=\"badge known\">known</span>"
              : " <span class=\"badge new\">not listed</span>")
          .append("<div class=\"reason\">").append(esc(c.reason())).append("</div></td><td>")
          .append(esc(String.join(", ", c.rules()))).append("</td><td class=\"repro\"><code class=\"cmd\">")
          .append(esc(oracleCommand(c))).append("</code><button type=\"button\" class=\"copy\">copy</button></td></tr>\n");
    }
    b.append("</table>\n");
    if (sorted.size() > HtmlReport.MAX_LISTED) {
      b.append("<p class=\"more\">").append(sorted.size() - HtmlReport.MAX_LISTED)
          .append(" more failing inputs not listed here (").append(HtmlReport.MAX_LISTED).append(" shown).</p>\n");
    }
  }

  private static String params(Map<String, String> params) {
    return String.join(", ", params.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  /** The {@code ./tck oracle} command that prints the check's expected value. */
  static String oracleCommand(Check c) {
    return new Reproducer(c.function(), c.dialect(), c.params(), c.dtype().id(), c.derivative(),
        c.input(), c.expected(), c.actual(), c.measured() ? c.verdict().ulps() : Double.POSITIVE_INFINITY,
        c.reason(), c.caseId()).oracleCommand();
  }

  /** The deviation list: each entry with what it admitted, then fixed and not exercised entries. */
  static void deviations(StringBuilder b, GateResult g) {
    List<Deviation> entries = g.gate().deviations().entries();
    b.append("<h3 id=\"deviations\">Deviation list</h3>\n");
    if (entries.isEmpty()) {
      b.append("<p>None (no <code>--expect</code>): every failure counts against the run.</p>\n");
      return;
    }
    b.append("<p>").append(esc(g.gate().deviations().origin())).append(": ").append(entries.size())
        .append(" entries; ").append(g.occurring().size()).append(" occurred, admitting ")
        .append(g.admittedChecks()).append(" failed checks; ").append(g.fixed().size()).append(" fixed; ")
        .append(g.notExercised().size()).append(" not exercised; ").append(g.unexpected().size())
        .append(" failures not listed").append(g.gate().strict() ? " (--strict)" : "").append(".</p>\n")
        .append("<details class=\"devs\"").append(entries.size() <= 12 ? " open=\"open\"" : "")
        .append("><summary>the entries (those that occurred first)</summary>\n")
        .append("<table class=\"devs\"><tr><th>entry</th><th>admitted</th><th>status</th><th>reason</th></tr>\n");
    List<Deviation> ordered = new ArrayList<>(entries);
    ordered.sort(Comparator.comparingInt((Deviation d) -> g.fixed().contains(d) ? 1
        : g.notExercised().contains(d) ? 2 : 0));
    for (Deviation d : ordered) {
      List<Check> admitted = g.admitted().getOrDefault(d, List.of());
      String status = g.fixed().contains(d) ? "fixed: remove it" : g.notExercised().contains(d)
          ? "not exercised" : "occurred";
      b.append("<tr class=\"").append(g.fixed().contains(d) ? "d-fixed" : "d-ok").append("\"><td><code>")
          .append(esc(d.label())).append("</code></td><td>").append(admitted.size()).append("</td><td>")
          .append(status).append("</td><td>").append(esc(d.reason()))
          .append(d.link() == null || !d.link().matches("(?i)https?://\\S+") ? ""
              : " <a href=\"" + esc(d.link()) + "\">link</a>").append("</td></tr>\n");
    }
    b.append("</table></details>\n");
  }
}
