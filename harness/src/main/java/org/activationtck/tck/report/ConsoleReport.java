package org.activationtck.tck.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activationtck.spi.API;
import org.activationtck.tck.harness.Check;
import org.activationtck.tck.harness.FailureKind;
import org.activationtck.tck.harness.RunResult;
import org.activationtck.tck.gate.Deviation;
import org.activationtck.tck.gate.DeviationList;
import org.activationtck.tck.gate.Gate;
import org.activationtck.tck.gate.GateResult;
import org.activationtck.tck.gate.Requirement;

/**
 * The scoreboard for people: one row per function, dtype and value/derivative, the failures by
 * kind, and the run's outcome as its last line.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConsoleReport {

  /** Width of the worst-input column; longer text is cut with an ellipsis. */
  private static final int WORST_WIDTH = 110;

  private ConsoleReport() {}

  /** Prints a run on its own (no deviation list, nothing required). */
  public static void print(RunResult r, PrintStream out) {
    print(Gate.none().apply(r), out);
  }

  /** Prints a run and what its gate made of it. */
  public static void print(GateResult g, PrintStream out) {
    RunResult r = g.run();
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
    if (g.gate().active()) {
      printGate(g, out);
    }
    out.println(resultLine(g));
  }

  /** Lines listed per section of the gate, at most; the counts stay exact. */
  static final int MAX_LISTED = 20;

  private static void printGate(GateResult g, PrintStream out) {
    DeviationList list = g.gate().deviations();
    if (!list.entries().isEmpty() || !list.origin().equals(DeviationList.empty().origin())) {
      out.printf("deviations (%s): %d entries; %d occurred, admitting %d failed checks; %d fixed;"
          + " %d not exercised%n", Formats.plain(list.origin()), list.entries().size(),
          g.occurring().size(), g.admittedChecks(), g.fixed().size(), g.notExercised().size());
    }
    for (Deviation d : g.fixed().stream().limit(MAX_LISTED).toList()) {
      out.println("  fixed: " + d.label() + ": no failure it admits occurred; remove it"
          + (g.gate().strict() ? " (--strict: this fails the run)" : ""));
    }
    for (Deviation d : g.notExercised().stream().limit(MAX_LISTED).toList()) {
      out.println("  not exercised: " + d.label() + ": nothing in its scope was checked");
    }
    if (!g.unexpected().isEmpty()) {
      out.println("failures not in the list: " + g.unexpected().size());
      for (Check c : g.unexpected().stream().limit(MAX_LISTED).toList()) {
        out.println("  " + describe(c));
      }
      if (g.unexpected().size() > MAX_LISTED) {
        out.println("  ... and " + (g.unexpected().size() - MAX_LISTED) + " more");
      }
    }
    for (Requirement q : g.unmet()) {
      out.println("required but not checked: " + q.text());
    }
  }

  /** One failed check on one line: what, where, expected, got, and why. */
  static String describe(Check c) {
    return c.function() + (c.derivative() ? "'" : "") + " " + c.dtype().id() + " [" + c.dialect()
        + "]" + (c.params().isEmpty() ? "" : " " + c.params()) + " x = " + c.input() + ": expected "
        + c.expected() + ", got " + c.actual() + ": " + c.kind().description() + ": "
        + Formats.plain(c.reason()) + " (rules " + String.join(", ", c.rules()) + "; case "
        + c.caseId() + ")";
  }

  /** The last line, which names the outcome: {@code RESULT: CONFORMS ...}. */
  static String resultLine(RunResult r) {
    return resultLine(Gate.none().apply(r));
  }

  /** The last line, which names the gate's outcome. */
  static String resultLine(GateResult g) {
    RunResult r = g.run();
    String list = Formats.plain(g.gate().deviations().origin());
    switch (g.outcome()) {
      case CONFORMS:
        return "RESULT: CONFORMS (nothing failed)";
      case KNOWN_DEVIATIONS:
        return "RESULT: KNOWN DEVIATIONS ONLY (" + r.failed() + " failed checks, every one listed in "
            + list + ")";
      case FAILED:
        if (!g.gate().active()) {
          return "RESULT: FAILED";
        }
        return "RESULT: FAILED (" + (g.unexpected().isEmpty() ? "" : g.unexpected().size()
            + " failed checks not listed in " + list) + (!g.unexpected().isEmpty()
            && g.gate().strict() && !g.fixed().isEmpty() ? "; " : "")
            + (g.gate().strict() && !g.fixed().isEmpty() ? g.fixed().size()
            + " listed deviations fixed, --strict" : "") + ")";
      default:
        List<String> unchecked = r.unchecked();
        if (r.passed() + r.failed() == 0) {
          return "RESULT: NOT CHECKED (nothing was checked: every call was declined or not implemented)";
        }
        if (!unchecked.isEmpty()) {
          return "RESULT: NOT CHECKED (nothing of " + String.join(", ", unchecked) + " was checked)";
        }
        return "RESULT: NOT CHECKED (required but not checked: " + String.join(", ",
            g.unmet().stream().map(Requirement::text).toList()) + ")";
    }
  }
}
