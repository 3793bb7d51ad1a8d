package org.activationtck.tck.report;

import java.io.PrintStream;
import org.activationtck.spec.API;
import org.activationtck.tck.harness.Check;
import org.activationtck.tck.harness.RunResult;

/** The scoreboard for people: one row per function, dtype and value/derivative. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConsoleReport {

  private ConsoleReport() {}

  public static void print(RunResult r, PrintStream out) {
    out.printf("activation-tck: %s, tier %s, signed zero %s%n", Formats.plain(r.implementation()),
        r.config().tier().id(), r.config().signedZeroStrict() ? "strict" : "lenient");
    String fmt = "%-18s %-8s %7s %7s %6s %7s %8s %7s %6s  %s%n";
    out.printf(fmt, "function", "dtype", "cases", "passed", "failed", "not-impl", "max-ulp", "budget", "CR%", "worst input");
    for (RunResult.Row row : r.rows()) {
      Check w = row.worst();
      String worst = w == null ? "" : w.input() + (w.status() == Check.Status.FAILED && w.reason() != null
          ? ": " + Formats.plain(w.reason()) : ""); // the reason may carry an implementation's text
      if (worst.length() > 70) {
        worst = worst.substring(0, 67) + "...";
      }
      out.printf(fmt, row.label(), row.dtype().id(), row.cases(), row.passed(), row.failed(),
          row.notImplemented(), row.notImplemented() == row.cases() ? "-" : Formats.ulps(row.maxUlps()),
          Formats.ulps(row.budget()),
          row.notImplemented() == row.cases() ? "-" : String.format("%.1f", row.percentCorrectlyRounded()), worst);
    }
    out.printf("%ntotal: %d checks, %d passed, %d failed, %d not implemented (%.1f s)%n",
        r.checks().size(), r.passed(), r.failed(), r.notImplemented(), r.elapsed().toMillis() / 1000.0);
    out.println(r.failed() == 0 ? "RESULT: CONFORMS (nothing failed)" : "RESULT: FAILED");
  }
}
