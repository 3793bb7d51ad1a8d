package org.activationtck.tck.report;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.spi.API;
import org.activationtck.tck.harness.Check;
import org.activationtck.tck.harness.RunResult;

/**
 * One self-contained HTML file: the scoreboard, then per function its rows and an SVG plot of the
 * ULP error against x, so a person sees where an implementation breaks. The x axis is linear
 * on [-20, 20] and logarithmic beyond (see {@link #sx}); the y axis is log10(1 + ulps). Every string from the implementation is escaped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HtmlReport {

  static final int W = 640;
  static final int H = 200;
  static final int PAD = 36;

  private HtmlReport() {}

  public static byte[] bytes(RunResult r) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>activation-tck: ").append(Formats.xml(r.implementation())).append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}.fail{background:#fdd}.ni{color:#999}")
        .append(".ok{background:#efe}code{font-size:12px}</style></head><body>\n");
    b.append("<h1>activation-tck report: ").append(Formats.xml(r.implementation())).append("</h1>\n");
    b.append("<p>Tier <b>").append(r.config().tier().id()).append("</b>, signed zero <b>")
        .append(r.config().signedZeroStrict() ? "strict" : "lenient").append("</b>. ")
        .append(r.checks().size()).append(" checks: ").append(r.passed()).append(" passed, ")
        .append(r.failed()).append(" failed, ").append(r.notImplemented()).append(" not implemented. <b>")
        .append(r.failed() == 0 ? "CONFORMS" : "FAILED").append("</b></p>\n");
    Map<String, List<RunResult.Row>> byFunction = new LinkedHashMap<>();
    for (RunResult.Row row : r.rows()) {
      byFunction.computeIfAbsent(row.function(), k -> new java.util.ArrayList<>()).add(row);
    }
    table(b, r.rows(), true);
    for (Map.Entry<String, List<RunResult.Row>> e : byFunction.entrySet()) {
      b.append("<h2 id=\"").append(Formats.xml(e.getKey())).append("\">").append(Formats.xml(e.getKey()))
          .append("</h2>\n");
      table(b, e.getValue(), false);
      for (RunResult.Row row : e.getValue()) {
        if (row.passed() + row.failed() > 0) {
          plot(b, row);
        }
      }
    }
    b.append("</body></html>\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void table(StringBuilder b, List<RunResult.Row> rows, boolean link) {
    b.append("<table><tr><th>function</th><th>dtype</th><th>dialect</th><th>cases</th><th>passed</th><th>failed</th>")
        .append("<th>not impl.</th><th>max ulp</th><th>budget</th><th>CR %</th><th>worst input</th></tr>\n");
    for (RunResult.Row row : rows) {
      String cls = row.failed() > 0 ? "fail" : row.passed() == 0 ? "ni" : "ok";
      String name = Formats.xml(row.label());
      b.append("<tr class=\"").append(cls).append("\"><td>")
          .append(link ? "<a href=\"#" + Formats.xml(row.function()) + "\">" + name + "</a>" : name)
          .append("</td><td>").append(row.dtype().id()).append("</td><td>")
          .append(Formats.xml(row.dialect())).append("</td><td>").append(row.cases())
          .append("</td><td>").append(row.passed()).append("</td><td>").append(row.failed())
          .append("</td><td>").append(row.notImplemented()).append("</td><td>")
          .append(row.passed() + row.failed() == 0 ? "-" : Formats.ulps(row.maxUlps()))
          .append("</td><td>").append(Formats.ulps(row.budget())).append("</td><td>")
          .append(row.passed() + row.failed() == 0 ? "-" : String.format("%.1f", row.percentCorrectlyRounded()))
          .append("</td><td><code>");
      Check w = row.worst();
      if (w != null) {
        b.append(Formats.xml(w.input())).append(w.reason() == null ? "" : ": " + Formats.xml(w.reason()));
      }
      b.append("</code></td></tr>\n");
    }
    b.append("</table>\n");
  }

  /** |x| up to this is drawn linearly over the middle 60% of the axis, where activations bend. */
  static final double LINEAR_LIMIT = 20;

  /**
   * The x position in [-1, 1]: linear on [-20, 20] (the middle 60%), logarithmic from 20 to the
   * largest double on each side (the outer 20%), so both the bends and the far tails are visible.
   */
  static double sx(double x) {
    double a = Math.abs(x);
    if (a <= LINEAR_LIMIT) {
      return 0.6 * x / LINEAR_LIMIT;
    }
    double t = Math.log10(Math.min(a, Double.MAX_VALUE) / LINEAR_LIMIT)
        / Math.log10(Double.MAX_VALUE / LINEAR_LIMIT);
    return Math.copySign(0.6 + 0.4 * t, x);
  }

  private static void plot(StringBuilder b, RunResult.Row row) {
    double xmax = 1.02;
    double ymax = Math.log10(1 + Math.max(row.budget(), 1)) + 1;
    for (Check c : row.checks()) {
      if (c.verdict() != null && Double.isFinite(c.verdict().ulps())) {
        ymax = Math.max(ymax, Math.log10(1 + c.verdict().ulps()));
      }
    }
    ymax = Math.min(ymax, 20);
    b.append("<p>").append(Formats.xml(row.label())).append(' ').append(row.dtype().id())
        .append(" [").append(Formats.xml(row.dialect())).append(']')
        .append(": ULP error against x</p>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(W).append("\" height=\"").append(H).append("\" style=\"background:#fafafa;border:1px solid #ddd\">\n");
    double by = y(Math.log10(1 + row.budget()), ymax);
    b.append(String.format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c80\" stroke-dasharray=\"4\"/>%n",
        PAD, by, W - 4, by));
    b.append(String.format("<text x=\"4\" y=\"%.1f\" font-size=\"10\">budget</text>%n", by));
    b.append(String.format("<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\"/>%n", xp(0, xmax), xp(0, xmax), H - PAD));
    String[] labels = {"-1e300", "-1e100", "-20", "-10", "0", "10", "20", "1e100", "1e300"};
    for (String label : labels) {
      b.append(String.format("<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%s</text>%n",
          xp(sx(Double.parseDouble(label)), xmax), H - PAD + 12, label));
    }
    b.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"10\">x: linear on [-20, 20], logarithmic beyond; y: log10(1 + ulp), top %.1f; red: failed</text>%n", PAD, H - 6, ymax));
    for (Check c : plotted(row)) {
      double u = c.verdict() == null ? Double.POSITIVE_INFINITY : c.verdict().ulps();
      double yy = Double.isFinite(u) ? y(Math.log10(1 + u), ymax) : 6;
      double xx = Double.isNaN(c.x()) ? W - 8 : xp(sx(c.x()), xmax);
      String color = c.status() == Check.Status.FAILED ? "#d00" : "#2a2";
      b.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\"><title>%s</title></circle>%n",
          xx, yy, color, Formats.xml(c.input() + " -> " + c.actual() + " (expected " + c.expected() + ")"
              + (c.kind() == null ? "" : ": " + c.kind().description() + ": " + c.reason()))));
    }
    b.append("</svg>\n");
  }

  /** Points per plot at most: every failure first, then passing checks, one per pixel cell. */
  static final int MAX_POINTS = 1500;

  /**
   * The checks worth a dot: one per (pixel column, pixel row, pass/fail) cell, failures first,
   * so that a full run's page stays small while every failing region stays visible.
   */
  private static java.util.List<Check> plotted(RunResult.Row row) {
    java.util.Map<String, Check> cells = new java.util.LinkedHashMap<>();
    for (boolean failures : new boolean[] {true, false}) {
      for (Check c : row.checks()) {
        boolean failed = c.status() == Check.Status.FAILED;
        if (failed != failures || (c.verdict() == null && !failed)) {
          continue;
        }
        double u = c.verdict() == null ? Double.POSITIVE_INFINITY : c.verdict().ulps();
        String key = (failed ? "f" : "p") + (Double.isNaN(c.x()) ? "nan" : Math.round(sx(c.x()) * 300))
            + "/" + (Double.isFinite(u) ? Math.round(Math.log10(1 + u) * 20) : "inf");
        cells.putIfAbsent(key, c);
        if (cells.size() >= MAX_POINTS) {
          return new java.util.ArrayList<>(cells.values());
        }
      }
    }
    return new java.util.ArrayList<>(cells.values());
  }

  private static double xp(double sx, double xmax) {
    return PAD + (sx + xmax) / (2 * xmax) * (W - PAD - 8);
  }

  private static double y(double v, double ymax) {
    return (H - PAD) - v / ymax * (H - PAD - 8);
  }
}
