package org.activationtck.tck.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activationtck.spi.API;
import org.activationtck.tck.harness.Check;
import org.activationtck.tck.harness.FailureKind;
import org.activationtck.tck.harness.RunResult;

/**
 * The scoreboard for people: one row per function, dtype and value/derivative, the failures by
 * kind, and the run's outcome as its last line.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConsoleReport {

  /** Width of the worst-input column; longer text is cut with an ellipsis. */
  private static final int WORST_WIDTH = 110;

  private ConsoleReport() {}

  public static void print(RunResult r, PrintStream out) {
    out.printf("activation-tck: %s, tier %s, signed zero %s, positions %s%n",
        Formats.plain(r.implementation()), r.config().tier().id(),
        r.config().signedZeroStrict() ? "strict" : "lenient", r.config().positions() ? "all" : "one");
    String fmt = "%-18s %-8s %7s %7s %6s %7s %8s %7s %6s  %s%n";
    out.printf(fmt, "function", "dtype", "checks", "passed", "failed", "not-impl", "max-ulp", "budget", "CR%", "worst input");
    for (RunResult.Row row : r.rows()) {
      Check w = row.worst();
      // the reason may carry an implementation's text: plain() strips control characters
      String worst = w == null ? "" : w.input() + (w.status() == Check.Status.FAILED
          ? " [" + w.dialect() + "] " + w.kind().description() + ": " + Formats.plain(w.reason()) : "");
      if (worst.length() > WORST_WIDTH) {
        worst = worst.substring(0, WORST_WIDTH - 3) + "...";
      }
      boolean answered = row.notImplemented() < row.cases();
      out.printf(fmt, row.label(), row.dtype().id(), row.cases(), row.passed(), row.failed(),
          row.notImplemented(), answered ? Formats.ulps(row.maxUlps()) : "-",
          Formats.ulps(row.budget()),
          answered ? String.format("%.1f", row.percentCorrectlyRounded()) : "-", worst);
    }
    out.printf("%ntotal: %d checks, %d passed, %d failed, %d not implemented (%.1f s)%n",
        r.checks().size(), r.passed(), r.failed(), r.notImplemented(), r.elapsed().toMillis() / 1000.0);
    Map<FailureKind, Long> kinds = r.failuresByKind();
    if (!kinds.isEmpty()) {
      out.println("failed by kind: " + kinds.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey().description()).collect(Collectors.joining(", ")));
    }
    out.println(resultLine(r));
  }

  /** The last line, which names the outcome: {@code RESULT: CONFORMS ...}. */
  static String resultLine(RunResult r) {
    switch (r.outcome()) {
      case CONFORMS:
        return "RESULT: CONFORMS (nothing failed)";
      case FAILED:
        return "RESULT: FAILED";
      default:
        List<String> unchecked = r.unchecked();
        return "RESULT: NOT CHECKED (" + (r.passed() == 0
            ? "nothing was checked: every call was declined or not implemented"
            : "nothing of " + String.join(", ", unchecked) + " was checked") + ")";
    }
  }
}
