package org.activationtck.runner.report;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.spi.API;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.gate.Gate;
import org.activationtck.runner.gate.GateResult;

/**
 * JUnit XML for CI systems: one test suite per function, one test case per dtype and
 * value/derivative row; a row fails with its first failures listed, and a row with nothing
 * implemented is skipped (never passed).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JunitXmlReport {

  private JunitXmlReport() {}

  /** A run on its own. */
  public static byte[] bytes(RunResult r) {
    return bytes(Gate.none().apply(r));
  }

  /**
   * A run and its gate: a row fails only for failures its deviation list does not admit; a row
   * whose failures are all listed passes and says so in {@code system-out}.
   */
  public static byte[] bytes(GateResult g) {
    RunResult r = g.run();
    java.util.Set<Check> unexpected = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    unexpected.addAll(g.unexpected());
    List<RunResult.Row> all = r.rows(); // grouped once: rows() walks every check
    Map<String, List<RunResult.Row>> suites = new LinkedHashMap<>();
    java.util.Set<RunResult.Row> failing =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (RunResult.Row row : all) {
      suites.computeIfAbsent(row.function(), k -> new java.util.ArrayList<>()).add(row);
      if (row.checks().stream().anyMatch(unexpected::contains)) {
        failing.add(row);
      }
    }
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    java.util.function.Predicate<RunResult.Row> fails = failing::contains;
    long failures = failing.size();
    long skipped = all.stream().filter(x -> x.failed() == 0 && x.passed() == 0).count();
    b.append("<testsuites name=\"activation-tck ").append(Formats.xml(r.implementation()))
        .append("\" tests=\"").append(all.size()).append("\" failures=\"").append(failures)
        .append("\" skipped=\"").append(skipped).append("\" time=\"")
        .append(r.elapsed().toMillis() / 1000.0).append("\">\n");
    for (Map.Entry<String, List<RunResult.Row>> s : suites.entrySet()) {
      List<RunResult.Row> rows = s.getValue();
      b.append("  <testsuite name=\"").append(Formats.xml(s.getKey())).append("\" tests=\"")
          .append(rows.size()).append("\" failures=\"")
          .append(rows.stream().filter(fails).count()).append("\" skipped=\"")
          .append(rows.stream().filter(x -> x.failed() == 0 && x.passed() == 0).count()).append("\">\n");
      for (RunResult.Row row : rows) {
        b.append("    <testcase classname=\"activation-tck.").append(Formats.xml(row.function()))
            .append("\" name=\"").append(Formats.xml(row.label() + " " + row.dtype().id() + " ["
                + row.dialect() + "]"))
            .append("\">");
        if (row.failed() > 0 && !fails.test(row)) {
          b.append("<system-out>").append(Formats.xml(row.failed() + " failed checks, all listed as"
              + " known deviations in " + g.gate().deviations().origin())).append("</system-out>");
        } else if (row.failed() > 0) {
          Check w = row.worst();
          String kinds = row.failuresByKind().entrySet().stream()
              .map(e -> e.getValue() + " " + e.getKey().description())
              .collect(java.util.stream.Collectors.joining(", "));
          b.append("\n      <failure type=\"").append(Formats.xml(w == null ? "" : w.kind().id()))
              .append("\" message=\"").append(row.failed()).append(" of ").append(row.cases())
              .append(" checks failed (").append(Formats.xml(kinds)).append("); max ")
              .append(Formats.ulps(row.maxUlps())).append(" ulp\">");
          int n = 0;
          for (Check c : row.checks()) {
            if (unexpected.contains(c) && n++ < 20) {
              b.append(Formats.xml(c.caseId() + " [" + c.dialect() + "] x=" + c.input() + " expected="
                  + c.expected() + " actual=" + c.actual() + ": " + c.kind().description() + ": "
                  + c.reason())).append('\n');
            }
          }
          if (w != null) {
            b.append(Formats.xml("worst: " + w.input()));
          }
          b.append("</failure>\n    ");
        } else if (row.passed() == 0) {
          b.append("<skipped message=\"not implemented\"/>");
        }
        b.append("</testcase>\n");
      }
      b.append("  </testsuite>\n");
    }
    b.append("</testsuites>\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
