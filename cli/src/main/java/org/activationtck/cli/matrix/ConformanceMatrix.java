package org.activationtck.cli.matrix;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.activationtck.spi.API;
import org.activationtck.runner.Tolerances;

/**
 * Runs the matrix: discovers the adapters, builds each (unless told not to or up to date), runs it
 * in the strict tier and then, for the functions that failed strictly, in the framework tier, each
 * in a child JVM, and merges the reports, deciding each row's tier with the standard budgets. An adapter that fails to build or start becomes a row with
 * that reason; it never stops the others. Before that, an adapter whose {@code requires} probe fails
 * is reported {@code skipped: <requires-hint>}, and one whose {@code setup} fails {@code
 * setup_failed} ({@link AdapterSpec}); neither is run. Children's reports and logs go to
 * {@code target/matrix/<adapter>/} under the root.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConformanceMatrix {

  /**
   * What to run.
   *
   * @param root the repository root
   * @param adapters adapter directories or names to run (empty: all)
   * @param functions functions to check (empty: all)
   * @param skipBuild use the modules as they are built
   * @param runLimit how long one tier of one adapter may take
   * @param progress where one line per step goes (e.g. stderr)
   */
  public record Options(Path root, List<String> adapters, List<String> functions, boolean skipBuild,
      Duration runLimit, PrintStream progress) {

    public Options {
      adapters = List.copyOf(adapters);
      functions = List.copyOf(functions);
    }
  }

  private ConformanceMatrix() {}

  /**
   * Runs it.
   *
   * @throws IllegalArgumentException for a malformed adapter.properties (naming file and key) or an
   *     unknown adapter name
   */
  public static Matrix run(Options o) {
    List<AdapterSpec> specs = AdapterDiscovery.discover(o.root(), o.adapters());
    FixtureParameters params = new FixtureParameters();
    List<Matrix.AdapterResult> results = new ArrayList<>();
    for (AdapterSpec a : specs) {
      results.add(runOne(a, o, params));
    }
    return new Matrix(results);
  }

  private static Matrix.AdapterResult runOne(AdapterSpec a, Options o, FixtureParameters params) {
    Path work = o.root().resolve("target/matrix").resolve(a.dir());
    String findings = findings(a);
    String missing = AdapterRunner.missingRequirement(a, o.root(), work);
    if (missing != null) {
      String message = "skipped: " + a.skipReason();
      o.progress().println("matrix: " + a.dir() + ": " + message + " (" + missing + ")");
      return new Matrix.AdapterResult(a, Matrix.Status.SKIPPED, message, 0, List.of(), findings);
    }
    if (!o.skipBuild()) {
      AdapterRunner.Setup setup = AdapterRunner.setup(a, o.root(), work, o.runLimit());
      if (!setup.ok()) {
        o.progress().println("matrix: " + a.dir() + ": " + setup.message());
        return new Matrix.AdapterResult(a, Matrix.Status.SETUP_FAILED, setup.message(), 0, List.of(), findings);
      }
      if (setup.ran()) {
        o.progress().println("matrix: " + a.dir() + ": setup `" + String.join(" ", a.setup()) + "` done");
      }
    }
    if (!o.skipBuild()) {
      long t0 = System.nanoTime();
      AdapterBuild.Outcome b = AdapterBuild.build(a, o.root(), work.resolve("build.log"));
      if (!b.ok()) {
        o.progress().println("matrix: " + a.dir() + ": " + b.message());
        return new Matrix.AdapterResult(a, Matrix.Status.BUILD_FAILED, b.message(), 0, List.of(), findings);
      }
      o.progress().println("matrix: " + a.dir() + ": " + (b.built()
          ? String.format(Locale.ROOT, "built (%.1f s)", (System.nanoTime() - t0) / 1e9) : "up to date"));
    }
    AdapterRunner.Outcome strict = AdapterRunner.run(a, o.root(), AdapterRunner.Tier.STRICT, o.functions(), work, o.runLimit());
    if (strict.report() == null) {
      o.progress().println("matrix: " + a.dir() + ": " + strict.message());
      return new Matrix.AdapterResult(a, strict.status(), strict.message(), strict.seconds(), List.of(), findings);
    }
    Set<String> failing = new LinkedHashSet<>();
    for (TierReport.Row r : strict.report().rows()) {
      if (r.failed() > 0) {
        failing.add(r.function());
      }
    }
    TierReport framework = null;
    double seconds = strict.seconds();
    String message = null;
    Matrix.Status status = Matrix.Status.OK;
    if (!failing.isEmpty()) {
      AdapterRunner.Outcome l = AdapterRunner.run(a, o.root(), AdapterRunner.Tier.FRAMEWORK, List.copyOf(failing), work, o.runLimit());
      seconds += l.seconds();
      framework = l.report();
      if (framework == null) {
        status = l.status();
        message = "framework tier: " + l.message();
      }
    }
    o.progress().println(String.format(Locale.ROOT, "matrix: %s: ran (%.1f s)%s", a.dir(), seconds,
        message == null ? "" : ": " + message));
    return new Matrix.AdapterResult(a, status, message, seconds,
        Matrix.merge(strict.report(), framework, params::of, Tolerances.standard()), findings);
  }

  /**
   * A matrix read back from {@code conformance.json}, with each adapter's findings re-read from its
   * {@code FINDINGS.md} where the file is there (as a run would), else as stored.
   */
  public static Matrix rerender(Matrix stored) {
    List<Matrix.AdapterResult> out = new ArrayList<>();
    for (Matrix.AdapterResult a : stored.adapters()) {
      String f = Files.isRegularFile(a.spec().module().resolve("FINDINGS.md")) ? findings(a.spec()) : a.findings();
      out.add(new Matrix.AdapterResult(a.spec(), a.status(), a.message(), a.seconds(), a.rows(), f));
    }
    return new Matrix(out);
  }

  private static String findings(AdapterSpec a) {
    Path f = a.module().resolve("FINDINGS.md");
    try {
      return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return "(FINDINGS.md unreadable: " + e.getMessage() + ")";
    }
  }
}
