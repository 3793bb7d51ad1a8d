package org.activationtck.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.activationtck.fixtures.FixtureCase;
import org.activationtck.fixtures.FixtureFile;
import org.activationtck.fixtures.Fixtures;
import org.activationtck.fixtures.generator.FixtureGenerator;
import org.activationtck.fixtures.generator.FixtureWriter;
import org.activationtck.oracle.Oracle;
import org.activationtck.spec.catalog.FunctionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tck fixtures generate|check}. */
@Command(name = "fixtures", mixinStandardHelpOptions = true,
    description = "Regenerates or verifies the golden fixtures.",
    subcommands = {FixturesCommand.Generate.class, FixturesCommand.Check.class,
        FixturesCommand.Exhaustive.class, HardCasesCommand.class})
final class FixturesCommand {

  static final String DEFAULT_DIR = "fixtures/src/main/resources/org/activationtck/fixtures/cases";

  /** Generates every implemented function's file in parallel; returned in catalog order. */
  static List<Generated> generateAll(List<String> only) throws InterruptedException {
    FixtureGenerator generator = FixtureGenerator.standard();
    List<FunctionSpec> functions = new ArrayList<>();
    Oracle oracle = Oracle.standard();
    List<String> wanted = new ArrayList<>();
    for (String id : only) {
      FunctionSpec f = oracle.catalog().require(id);
      if (!oracle.implemented(f.id())) {
        throw new IllegalArgumentException("function '" + id + "' is not implemented by the oracle");
      }
      wanted.add(f.id());
    }
    for (FunctionSpec f : oracle.catalog().functions()) {
      if ((wanted.isEmpty() || wanted.contains(f.id())) && oracle.implemented(f.id())) {
        functions.add(f);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    Progress progress = new Progress(functions.size());
    try {
      // Submitted largest first (parameter sets times dialects, a proxy for the number of cases)
      // so that no big file starts last and runs alone on one core; collected in catalog order,
      // so the output does not depend on the schedule.
      List<FunctionSpec> bySize = new ArrayList<>(functions);
      bySize.sort(java.util.Comparator.comparingInt(
          (FunctionSpec f) -> -(1 + f.fixtureParams().size()) * f.names().size()));
      java.util.Map<String, Future<Generated>> byId = new java.util.HashMap<>();
      for (FunctionSpec f : bySize) {
        byId.put(f.id(), pool.submit(() -> {
          FixtureFile file = generator.generate(f);
          progress.done(f.id());
          return new Generated(f.id(), file, FixtureWriter.bytes(file));
        }));
      }
      List<Future<Generated>> futures = new ArrayList<>();
      for (FunctionSpec f : functions) {
        futures.add(byId.get(f.id()));
      }
      List<Generated> out = new ArrayList<>();
      for (Future<Generated> g : futures) {
        try {
          out.add(g.get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException) {
            throw (RuntimeException) c;
          }
          throw new IllegalStateException(c);
        }
      }
      progress.finish();
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Fails fast, before generating for minutes, when the output folder cannot be written. */
  static void checkOutputDir(String option, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(option + " " + dir + ": not a directory");
    }
    AtomicFiles.checkWritable(option, dir.resolve("probe.json"));
  }

  record Generated(String function, FixtureFile file, byte[] bytes) {}

  /** A one-line progress bar on stderr. */
  static final class Progress {
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final long start = System.nanoTime();

    Progress(int total) {
      this.total = total;
    }

    void done(String id) {
      int n = done.incrementAndGet();
      int width = 30;
      int filled = total == 0 ? width : n * width / total;
      synchronized (System.err) {
        System.err.printf("\r[%s%s] %d/%d %-18s %5.1fs", "#".repeat(filled), ".".repeat(width - filled),
            n, total, id, (System.nanoTime() - start) / 1e9);
        System.err.flush();
      }
    }

    void finish() {
      System.err.println();
    }
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Regenerates the committed fixtures byte for byte, each file written atomically.")
  static final class Generate implements Callable<Integer> {
    @Option(names = "--out", description = "output folder (default: " + DEFAULT_DIR + ")")
    Path out;

    @Option(names = "--functions", split = ",", description = "only these functions")
    List<String> functions = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
      Path dir = out != null ? out : ProjectRoot.path().resolve(DEFAULT_DIR);
      checkOutputDir("--out", dir);
      long cases = 0;
      long bytes = 0;
      for (Generated g : generateAll(functions)) {
        AtomicFiles.write(dir.resolve(g.function() + ".json"), g.bytes());
        cases += g.file().cases().size();
        bytes += g.bytes().length;
      }
      System.out.printf("wrote %d cases, %.1f MB, to %s%n", cases, bytes / 1e6, dir);
      return 0;
    }
  }

  @Command(name = "exhaustive", mixinStandardHelpOptions = true,
      description = {"Writes fixtures for all 65,536 float16 or bfloat16 inputs of elementwise functions",
          "(not committed; run them with ./tck run --fixtures DIR)."})
  static final class Exhaustive implements Callable<Integer> {
    @Option(names = "--dtype", required = true, description = "float16 or bfloat16")
    String dtype;

    @Option(names = "--functions", split = ",", description = "functions (default: every elementwise one)")
    List<String> functions = new ArrayList<>();

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
      org.activationtck.spi.Dtype t = org.activationtck.spi.Dtype.fromId(dtype);
      if (t != org.activationtck.spi.Dtype.FLOAT16 && t != org.activationtck.spi.Dtype.BFLOAT16) {
        throw new IllegalArgumentException("--dtype '" + dtype + "': exhaustive fixtures exist for float16 and bfloat16 only");
      }
      checkOutputDir("--out", out);
      FixtureGenerator generator = FixtureGenerator.standard();
      Oracle oracle = Oracle.standard();
      List<FunctionSpec> todo = new ArrayList<>();
      for (FunctionSpec f : oracle.catalog().functions()) {
        if (functions.isEmpty() ? f.kind() == org.activationtck.spec.catalog.Kind.ELEMENTWISE
            && oracle.implemented(f.id()) : functions.contains(f.id())) {
          todo.add(f);
        }
      }
      for (String f : functions) {
        oracle.catalog().require(f);
      }
      ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
      Progress progress = new Progress(todo.size());
      try {
        List<Future<Generated>> futures = new ArrayList<>();
        for (FunctionSpec f : todo) {
          futures.add(pool.submit(() -> {
            FixtureFile file = generator.exhaustive(f, t);
            progress.done(f.id());
            return new Generated(f.id(), file, FixtureWriter.bytes(file));
          }));
        }
        long cases = 0;
        for (Future<Generated> g : futures) {
          Generated r;
          try {
            r = g.get();
          } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                : new IllegalStateException(e.getCause());
          }
          AtomicFiles.write(out.resolve(r.function() + ".json"), r.bytes());
          cases += r.file().cases().size();
        }
        progress.finish();
        System.out.printf("wrote %d %s cases to %s%n", cases, t.id(), out);
        return 0;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Verifies that the committed fixtures equal what the oracle produces now.")
  static final class Check implements Callable<Integer> {
    @Option(names = "--dir", description = "fixture folder (default: " + DEFAULT_DIR + ")")
    Path dir;

    @Option(names = "--hard-cases-dir", paramLabel = "DIR", description = "hard-case folder (default:"
        + " hardcases beside --dir, else " + HardCasesCommand.DEFAULT_DIR + ")")
    Path hardCasesDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Path d = dir != null ? dir : ProjectRoot.path().resolve(DEFAULT_DIR);
      if (!Files.isDirectory(d)) {
        throw new IllegalArgumentException("--dir " + d + ": no such directory");
      }
      int stale = 0;
      for (Generated g : generateAll(List.of())) {
        Path file = d.resolve(g.function() + ".json");
        if (!Files.exists(file)) {
          System.out.println(g.function() + ": missing " + file);
          stale++;
          continue;
        }
        byte[] committed = Files.readAllBytes(file);
        if (!Arrays.equals(committed, g.bytes())) {
          stale++;
          System.out.println(g.function() + ": differs: " + firstDifference(committed, g, file));
        }
      }
      Path hard = hardCasesDir != null ? hardCasesDir
          : dir != null ? d.resolveSibling("hardcases") : ProjectRoot.path().resolve(HardCasesCommand.DEFAULT_DIR);
      int hardProblems = Files.isDirectory(hard) ? HardCasesCommand.check(hard) : -1;
      if (hardProblems < 0) {
        System.out.println("hard cases: no folder " + hard + "; run ./tck fixtures hardcases");
        hardProblems = 1;
      }
      if (stale > 0 || hardProblems > 0) {
        System.out.println(stale + " fixture file(s) stale, " + hardProblems + " hard-case problem(s);"
            + " run ./tck fixtures generate, ./tck fixtures hardcases");
        return 1;
      }
      System.out.println("fixtures are up to date");
      return 0;
    }

    private static String firstDifference(byte[] committed, Generated g, Path file) throws IOException {
      FixtureFile old;
      try {
        old = Fixtures.read(new ByteArrayInputStream(committed), file.toString());
      } catch (IllegalArgumentException e) {
        return "committed file unreadable: " + e.getMessage();
      }
      List<FixtureCase> a = old.cases();
      List<FixtureCase> b = g.file().cases();
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        if (!a.get(i).equals(b.get(i))) {
          return "case " + i + " (" + b.get(i).id() + "): committed " + a.get(i) + " vs now " + b.get(i);
        }
      }
      if (a.size() != b.size()) {
        return "committed has " + a.size() + " cases, now " + b.size();
      }
      return "header or formatting differs";
    }
  }
}
