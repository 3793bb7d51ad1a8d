package org.activationtck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.gate.DeviationList;
import org.activationtck.runner.gate.DeviationListWriter;
import org.activationtck.runner.gate.Gate;
import org.activationtck.runner.gate.GateResult;
import org.activationtck.runner.gate.Requirement;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Tolerances;
import org.activationtck.runner.report.ConsoleReport;
import org.activationtck.runner.report.HtmlReport;
import org.activationtck.runner.report.JsonReport;
import org.activationtck.runner.report.JunitXmlReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tck run}: the conformance run. Exit 0 conforms, 1 something failed, 2 bad input, 3
 * internal error, 4 nothing failed but nothing was checked (or nothing of a function asked for).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the fixtures against an implementation and prints the scoreboard.",
        "Exit code 0 when it conforms (something was checked and nothing failed), 1 when something",
        "failed, 2 for bad input, 3 for an internal error, 4 when nothing failed but nothing was",
        "checked, or nothing of a function named with --functions or --require (every call",
        "declined or not implemented). With --expect, failures listed as known deviations do",
        "not fail the run (exit 0, RESULT: KNOWN DEVIATIONS ONLY); unlisted ones do."})
final class RunCommand implements Callable<Integer> {

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  ImplementationOptions impl = new ImplementationOptions();

  @Option(names = "--shell", description = "start --impl-command through /bin/sh -c (default: no shell)")
  boolean shell;

  @Option(names = "--dialect", split = ",", description = "dialects to check (default: all)")
  List<String> dialects = new ArrayList<>();

  @Option(names = "--dtype", split = ",", description = "dtypes to check (default: all in the fixtures)")
  List<String> dtypes = new ArrayList<>();

  @Option(names = "--functions", split = ",", description = "functions to check (default: all)")
  List<String> functions = new ArrayList<>();

  @Option(names = "--tier", defaultValue = "strict",
      description = "strict (default), libm or framework (docs/TIERS.md); lenient: deprecated name of framework")
  String tier;

  @Option(names = "--signed-zero", defaultValue = "strict", description = "strict (default): -0.0 != +0.0; lenient")
  String signedZero;

  @Option(names = "--tolerance", paramLabel = "F:DTYPE=ULPS", description = "override a budget, e.g. gelu:float32=4 (repeatable)")
  List<String> tolerances = new ArrayList<>();

  @Option(names = "--fixtures", paramLabel = "DIR", description = "fixture folder (default: the fixtures shipped in the jar)")
  Path fixtures;

  @Option(names = "--positions", defaultValue = "all", paramLabel = "all|one",
      description = "all (default): every input also alone, reversed and in the tails of 4- to 64-wide"
          + " kernels, axis vectors in every rotation; one: each input once, in its fixture batch")
  String positions;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "per-call time-out (default 60)")
  double timeoutSeconds;

  @Option(names = "--expect", paramLabel = "FILE", description = "the implementation's known"
      + " deviations (docs/DEVIATIONS.md): the run passes when every failure is listed; a failure"
      + " not listed fails it; a listed deviation that no longer occurs is reported as fixed")
  Path expect;

  @Option(names = "--strict", description = "with --expect: a listed deviation that no longer"
      + " occurs (fixed) fails the run, so that the list shrinks")
  boolean strict;

  @Option(names = "--require", split = ",", paramLabel = "WHAT", description = "what must have been"
      + " checked, else NOT CHECKED (exit 4): function, dtype or dialect ids, or combinations such"
      + " as sigmoid:float32:pytorch (repeatable, comma-separated)")
  List<String> require = new ArrayList<>();

  @Option(names = "--write-expectations", paramLabel = "FILE", description = "write the deviation"
      + " list this run calls for: the --expect entries that still occur or were not exercised,"
      + " and one entry per new distinct deviation (reasons TODO). The exit code is the run's.")
  Path writeExpectations;

  @Option(names = "--report-json", paramLabel = "FILE") Path reportJson;
  @Option(names = "--report-junit", paramLabel = "FILE") Path reportJunit;
  @Option(names = "--report-html", paramLabel = "FILE") Path reportHtml;

  @Override
  public Integer call() throws IOException {
    Tolerances tol = Tolerances.standard();
    for (String t : tolerances) {
      tol = tol.withOverride(t);
    }
    List<Dtype> dts = new ArrayList<>();
    for (String d : dtypes) {
      dts.add(Dtype.fromId(d));
    }
    if (!(timeoutSeconds >= 0.001)) {
      throw new IllegalArgumentException("--timeout must be at least 0.001 (seconds), got " + timeoutSeconds);
    }
    if (!signedZero.equals("strict") && !signedZero.equals("lenient")) {
      throw new IllegalArgumentException("--signed-zero must be strict or lenient, got '" + signedZero + "'");
    }
    if (!positions.equals("all") && !positions.equals("one")) {
      throw new IllegalArgumentException("--positions must be all or one, got '" + positions + "'");
    }
    if (fixtures != null && fixtures.toString().isBlank()) {
      throw new IllegalArgumentException("--fixtures: an empty path (omit the option for the shipped fixtures)");
    }
    checkReports();
    Gate gate = new Gate(expect == null ? DeviationList.empty() : DeviationList.read(expect), strict,
        Requirement.parseAll(require));
    if (strict && expect == null) {
      throw new IllegalArgumentException("--strict needs --expect FILE (the list it keeps short)");
    }
    TckConfig config = TckConfig.builder().dialects(dialects).dtypes(dts).functions(functions)
        .tier(tier(tier)).signedZeroStrict(signedZero.equals("strict")).tolerances(tol)
        .fixturesDir(fixtures).callTimeout(Duration.ofMillis((long) (timeoutSeconds * 1000)))
        .positions(positions.equals("all")).build();
    Activation activation = activation();
    RunResult result;
    Thread guard = exitGuard();
    try {
      result = new TckRunner(activation, config).run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(guard);
      } catch (IllegalStateException shuttingDown) {
        // the guard is running: it ends the JVM
      }
      if (activation instanceof AutoCloseable) {
        try {
          ((AutoCloseable) activation).close();
        } catch (Exception ignored) {
          // the run's result stands
        }
      }
    }
    GateResult gated = gate.apply(result);
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    ConsoleReport.print(gated, new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
    Stdout.write(console.toByteArray()); // also when the implementation holds System.out's lock
    if (reportJson != null) {
      AtomicFiles.write(reportJson, JsonReport.bytes(gated));
    }
    if (writeExpectations != null) {
      AtomicFiles.write(writeExpectations, DeviationListWriter.bytes(gated));
      Stdout.write(("wrote " + writeExpectations + ": the deviation list for this run"
          + " (fill in the reasons marked TODO)" + System.lineSeparator())
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (reportJunit != null) {
      AtomicFiles.write(reportJunit, JunitXmlReport.bytes(gated));
    }
    if (reportHtml != null) {
      AtomicFiles.write(reportHtml, HtmlReport.bytes(gated));
    }
    return gated.outcome().exitCode();
  }

  private void checkReports() {
    if (reportJson != null) {
      AtomicFiles.checkWritable("--report-json", reportJson);
    }
    if (reportJunit != null) {
      AtomicFiles.checkWritable("--report-junit", reportJunit);
    }
    if (reportHtml != null) {
      AtomicFiles.checkWritable("--report-html", reportHtml);
    }
    if (writeExpectations != null) {
      AtomicFiles.checkWritable("--write-expectations", writeExpectations);
    }
  }

  /**
   * A shutdown hook for the length of the run: an in-process implementation that calls
   * {@code System.exit} (or a signal) ends the JVM mid-run, and the exit status would be the
   * implementation's (0 for {@code System.exit(0)}: a pass with no output). The hook says so on
   * stderr, stops the programs started, and ends the JVM with status 1.
   */
  private static Thread exitGuard() {
    Thread guard = new Thread(() -> {
      System.err.println("tck run: the JVM was asked to exit during the run (System.exit in the"
          + " implementation, or a signal): no result, RESULT: FAILED");
      System.err.flush();
      try {
        org.activationtck.runner.process.ProcessActivation.stopAll();
      } catch (Throwable notLoaded) {
        // no program was started (the class cannot be initialised during shutdown)
      } finally {
        Runtime.getRuntime().halt(1);
      }
    }, "tck-run-exit-guard");
    Runtime.getRuntime().addShutdownHook(guard);
    return guard;
  }

  private Activation activation() {
    return impl.create(shell, Duration.ofMillis((long) (timeoutSeconds * 1000)));
  }

  /** The tier of a --tier value; the deprecated {@code lenient} works, with a warning on stderr. */
  static Tier tier(String id) {
    Tier t = Tier.fromId(id);
    if (Tier.LENIENT_ALIAS.equals(id)) {
      System.err.println("warning: --tier lenient is deprecated since 0.2: it is the framework tier (docs/TIERS.md)");
    }
    return t;
  }
}
