package org.activationtck.runner.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activationtck.spi.API;
import org.activationtck.runner.Check;
import org.activationtck.runner.FailureKind;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.gate.Deviation;
import org.activationtck.runner.gate.DeviationList;
import org.activationtck.runner.gate.Gate;
import org.activationtck.runner.gate.GateResult;
import org.activationtck.runner.gate.Requirement;

/**
 * The scoreboard for people: one row per function, dtype and value/derivative, the failures by
 * kind, and the run's outcome as its last line.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConsoleReport {

  /** Width of the worst-input column; a longer input is cut with an ellipsis, the reason is not. */
  private static final int WORST_WIDTH = 110;

  private ConsoleReport() {}

  /** Prints a run on its own (no deviation list, nothing required). */
  public static void print(RunResult r, PrintStream out) {
    print(Gate.none().apply(r), out);
  }

  /** Prints a run and what its gate made of it. */
  public static void print(GateResult g, PrintStream out) {
    RunResult r = g.run();
    out.printf("activation-tck: %s%s, tier %s, signed zero %s, positions %s%s%n",
        Formats.plain(r.implementation()), r.version().isEmpty() ? "" : " " + Formats.plain(r.version()),
        r.config().tier().id(), r.config().signedZeroStrict() ? "strict" : "lenient",
        r.config().positions() ? "all" : "one", r.declaredDialects().isEmpty() ? ""
            : ", declared dialects " + String.join(", ", r.declaredDialects()));
    String fmt = "%-18s %-8s %7s %7s %6s %7s %8s %7s %6s  %-24s %s";
    out.println(String.format(fmt, "function", "dtype", "checks", "passed", "failed", "not-impl",
        "max-ulp", "budget", "CR%", "dialects", "worst input"));
    List<RunResult.Row> rows = r.rows(); // groups every check: once per report
    for (List<RunResult.Row> same : sameResults(rows)) {
      RunResult.Row row = same.get(0);
      Check w = row.worst();
      // the reason may carry an implementation's text: plain() strips control characters
      String worst = w == null ? "" : w.status() == Check.Status.FAILED
          ? worst(w.input(), w.kind().description() + ": " + Formats.plain(w.reason()))
          : row.maxUlps() > 0 ? shorten(w.input(), WORST_WIDTH) : "";
      int cases = same.stream().mapToInt(RunResult.Row::cases).sum();
      int passed = same.stream().mapToInt(RunResult.Row::passed).sum();
      int failed = same.stream().mapToInt(RunResult.Row::failed).sum();
      int notImplemented = same.stream().mapToInt(RunResult.Row::notImplemented).sum();
      int correct = same.stream().mapToInt(RunResult.Row::correctlyRounded).sum();
      boolean answered = passed + failed > 0;
      out.println(String.format(fmt, row.label(), row.dtype().id(), cases, passed, failed,
          notImplemented, answered ? Formats.ulps(row.maxUlps()) : "-", Formats.ulps(row.budget()),
          answered ? String.format("%.1f", 100.0 * correct / (passed + failed)) : "-",
          dialects(same), worst).stripTrailing());
    }
    out.printf("%ntotal: %d checks, %d passed, %d failed, %d not implemented (%.1f s)%n",
        r.checks().size(), r.passed(), r.failed(), r.notImplemented(), r.elapsed().toMillis() / 1000.0);
    Map<FailureKind, Long> kinds = r.failuresByKind();
    if (!kinds.isEmpty()) {
      out.println("failed by kind: " + kinds.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey().description()).collect(Collectors.joining(", ")));
    }
    int flushed = rows.stream().mapToInt(RunResult.Row::flushed).sum();
    if (flushed > 0) {
      out.printf("forgiven by the %s tier: %d results flushed to zero where the exact value is"
          + " subnormal (not in max-ulp)%n", r.config().tier().id(), flushed);
    }
    if (g.gate().active()) {
      printGate(g, out);
    }
    out.println(resultLine(g));
  }

  /** The input shown at least this wide before a long vector is cut. */
  private static final int INPUT_MIN = 24;
  /** A reason longer than this (an implementation's stack of messages) is cut at its end. */
  private static final int REASON_MAX = 400;

  /**
   * The worst failure in about {@link #WORST_WIDTH} characters: a long input (a vector) is
   * shortened first, so that the reason, with the implementation's own message, stays whole
   * (up to {@link #REASON_MAX} characters).
   */
  static String worst(String input, String reason) {
    String r = shorten(reason, REASON_MAX);
    return shorten(input, Math.max(INPUT_MIN, WORST_WIDTH - r.length() - 1)) + " " + r;
  }

  private static String shorten(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 3) + "...";
  }

  /**
   * The rows of one function, dtype and value/derivative that share a line: those that passed
   * everything (or answered nothing) with the same largest error, and rows that failed alike
   * (same counts, errors and worst failure), so that dialects that behave alike share a line.
   */
  static List<List<RunResult.Row>> sameResults(List<RunResult.Row> rows) {
    Map<String, List<RunResult.Row>> groups = new java.util.LinkedHashMap<>();
    for (RunResult.Row row : rows) {
      Check w = row.worst();
      String behaviour = row.function() + "|" + row.dtype() + "|" + row.derivative() + "|";
      String key;
      if (row.failed() == 0 && (row.notImplemented() == 0 || row.passed() == 0)) {
        // all passed, or none answered: the counts are summed, the rest must agree
        key = behaviour + (row.passed() == 0 ? "none" : "all|" + row.maxUlps() + "|" + row.budget());
      } else {
        key = behaviour + row.cases() + "|" + row.passed() + "|" + row.failed() + "|"
            + row.notImplemented() + "|" + row.maxUlps() + "|" + row.correctlyRounded() + "|"
            + row.budget() + "|" + row.failuresByKind() + "|"
            + (w == null ? "" : w.input() + "|" + w.kind() + "|" + w.reason());
      }
      groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(row);
    }
    return List.copyOf(groups.values());
  }

  /** {@code all} when every dialect of the function was run and behaved alike, else the list. */
  private static String dialects(List<RunResult.Row> same) {
    org.activationtck.spec.catalog.FunctionSpec f = org.activationtck.spec.catalog.Catalog.standard()
        .find(same.get(0).function()).orElse(null);
    if (f != null && same.size() == f.names().size() && same.size() > 1) {
      return "all";
    }
    return String.join(",", same.stream().map(RunResult.Row::dialect).toList());
  }

  /** Lines listed per section of the gate, at most; the counts stay exact. */
  static final int MAX_LISTED = 20;

  private static void printGate(GateResult g, PrintStream out) {
    DeviationList list = g.gate().deviations();
    if (!list.entries().isEmpty() || list.given()) {
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
    // the line may carry an implementation's text: plain() strips control characters
    return c.function() + (c.derivative() ? "'" : "") + " " + c.dtype().id() + " [" + c.dialect()
        + "]" + (c.params().isEmpty() ? "" : " " + c.params()) + " " + Formats.plain(c.failureLine());
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
        if (r.checks().isEmpty()) {
          return "RESULT: NOT CHECKED (no fixture case matched the functions, dialects and dtypes"
              + " asked for: nothing to check)";
        }
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
