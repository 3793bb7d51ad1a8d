package org.activationtck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.runner.Tolerances;
import org.activationtck.cli.matrix.Conformance;
import org.activationtck.cli.matrix.ConformanceJson;
import org.activationtck.cli.matrix.ConformanceHtml;
import org.activationtck.cli.matrix.ConformanceMarkdown;
import org.activationtck.cli.matrix.ConformanceMatrix;
import org.activationtck.cli.matrix.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tck matrix}: every adapter under {@code adapters/} against the fixtures, in the strict and
 * the framework tier, each row placed in the strictest tier it meets, written to
 * {@code CONFORMANCE.md}, {@code conformance.json} and the dashboard {@code conformance.html}. With {@code --render-only} nothing runs: the
 * stored {@code conformance.json} is read back, its rows' tiers decided again with today's budgets,
 * and the files written again (the adapters' FINDINGS.md re-read). Exit 0 when the matrix was
 * written (whatever the libraries' results: failing is what the matrix reports), 2 for bad input
 * (a malformed adapter.properties or conformance.json, an unknown adapter or function, an
 * unwritable folder).
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
    description = {"Builds and runs every adapter under adapters/ and writes the conformance matrix.",
        "Exit code 0 when the matrix was written, 2 for a usage error."})
final class MatrixCommand implements Callable<Integer> {

  @Option(names = "--adapters", split = ",", description = "adapters to run, by directory or name (default: all)")
  List<String> adapters = new ArrayList<>();

  @Option(names = "--functions", split = ",", description = "functions to check (default: all)")
  List<String> functions = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "where CONFORMANCE.md, conformance.json and conformance.html go (default: docs/)")
  Path out;

  @Option(names = "--skip-build", description = "run the adapters as they are built, without mvn")
  boolean skipBuild;

  @Option(names = "--root", paramLabel = "DIR", description = "the repository checkout (default: $TCK_HOME, set by ./tck)")
  Path rootOption;

  @Option(names = "--run-timeout", defaultValue = "900", paramLabel = "SECONDS",
      description = "how long one tier of one adapter may run (default 900)")
  double runTimeoutSeconds;

  @Option(names = "--render-only", description = "run nothing: read the stored conformance.json (in --out),"
      + " decide its rows' tiers with today's budgets and write both files again")
  boolean renderOnly;

  @Override
  public Integer call() throws IOException {
    Path root = rootOption != null ? rootOption.toAbsolutePath().normalize() : ProjectRoot.path();
    Catalog catalog = Catalog.standard();
    for (String f : functions) {
      if (catalog.find(f).isEmpty()) {
        throw new IllegalArgumentException("--functions: unknown function '" + f + "'");
      }
    }
    if (!(runTimeoutSeconds >= 1) || Double.isInfinite(runTimeoutSeconds)) {
      throw new IllegalArgumentException("--run-timeout must be at least 1 (seconds), got " + runTimeoutSeconds);
    }
    Path dir = out != null ? out : root.resolve("docs");
    Path md = dir.resolve("CONFORMANCE.md");
    Path json = dir.resolve("conformance.json");
    Path html = dir.resolve("conformance.html");
    AtomicFiles.checkWritable("--out", md);
    AtomicFiles.checkWritable("--out", html);
    AtomicFiles.checkWritable("--out", json);
    long start = System.nanoTime();
    Matrix m;
    if (renderOnly) {
      if (!adapters.isEmpty() || !functions.isEmpty()) {
        throw new IllegalArgumentException("--render-only renders the stored matrix as a whole; drop --adapters and --functions");
      }
      if (!Files.isRegularFile(json)) {
        throw new IllegalArgumentException("--render-only: no stored matrix at " + rel(root, json));
      }
      m = ConformanceMatrix.rerender(ConformanceJson.read(Files.readAllBytes(json), rel(root, json), root,
          Tolerances.standard()));
    } else {
      m = ConformanceMatrix.run(new ConformanceMatrix.Options(root, adapters, functions, skipBuild,
          Duration.ofMillis((long) (runTimeoutSeconds * 1000)), System.err));
    }
    AtomicFiles.write(md, ConformanceMarkdown.bytes(m));
    AtomicFiles.write(json, ConformanceJson.bytes(m));
    AtomicFiles.write(html, ConformanceHtml.bytes(m));
    System.out.printf(Locale.ROOT, "%-16s %-10s %-16s %7s %5s %10s %5s %10s %9s%n", "adapter", "version", "status",
        "strict", "libm", "framework", "no", "unsettled", "not-impl");
    for (Matrix.AdapterResult a : m.adapters()) {
      var c = a.counts();
      System.out.printf(Locale.ROOT, "%-16s %-10s %-16s %7d %5d %10d %5d %10d %9d%n", a.spec().dir(), a.spec().version(),
          a.status().name().toLowerCase(Locale.ROOT), c.get(Conformance.STRICT), c.get(Conformance.LIBM),
          c.get(Conformance.FRAMEWORK), c.get(Conformance.NO), c.get(Conformance.UNSETTLED),
          c.get(Conformance.NOT_IMPLEMENTED));
    }
    System.out.printf(Locale.ROOT, "wrote %s, %s and %s (%.0f s)%n", rel(root, md), rel(root, json), rel(root, html),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private static String rel(Path root, Path p) {
    Path a = p.toAbsolutePath().normalize();
    return a.startsWith(root) ? root.relativize(a).toString() : a.toString();
  }
}
