package org.activationtck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.activationtck.cli.exhaustive.HardCaseCollector;
import org.activationtck.cli.exhaustive.HardCaseSearch;
import org.activationtck.fixtures.FixtureCase;
import org.activationtck.fixtures.FixtureFile;
import org.activationtck.fixtures.Fixtures;
import org.activationtck.fixtures.generator.FixtureWriter;
import org.activationtck.fixtures.generator.HardCaseIndex;
import org.activationtck.fixtures.generator.HardCaseSet;
import org.activationtck.fixtures.generator.HardCaseSet.Behaviour;
import org.activationtck.oracle.Oracle;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.spi.Dtype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tck fixtures hardcases}: searches the float16 and bfloat16 hard cases of every
 * behaviour of the elementwise functions (all 65,536 inputs each) and writes them into the
 * hard-case files, keeping the float32 blocks those files already hold (float32 comes from whole
 * sweeps: {@code ./tck exhaustive --hard-cases}, then {@code ./tck exhaustive merge}).
 */
@Command(name = "hardcases", mixinStandardHelpOptions = true,
    description = {"Searches all float16 and bfloat16 inputs of every elementwise function, in every"
        + " behaviour, for the results nearest a rounding boundary, and writes the hard-case fixtures"
        + " (float32 blocks already in the files are kept)."})
final class HardCasesCommand implements Callable<Integer> {

  static final String DEFAULT_DIR = "fixtures/src/main/resources/org/activationtck/fixtures/hardcases";

  @Option(names = "--functions", split = ",", description = "only these functions (default: every elementwise one)")
  List<String> functions = new ArrayList<>();

  @Option(names = "--dtypes", split = ",", defaultValue = "float16,bfloat16",
      description = "float16, bfloat16 or both (default)")
  List<String> dtypes = new ArrayList<>();

  @Option(names = "--out", description = "output folder (default: " + DEFAULT_DIR + ")")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "functions searched at once (default: the number of cores)")
  Integer threads;

  @Option(names = "--table", paramLabel = "FILE", description = "also write the Markdown table of"
      + " every hard-case block (from index.tsv) to FILE")
  Path table;

  @Option(names = "--table-only", description = "search nothing: only write --table from the index")
  boolean tableOnly;

  /** One block: a behaviour in one format, value and derivative. */
  record Block(Behaviour behaviour, Dtype format, List<FixtureCase> cases, HardCaseSet.Selection value,
      HardCaseSet.Selection derivative) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path dir = out != null ? out : ProjectRoot.path().resolve(DEFAULT_DIR);
    FixturesCommand.checkOutputDir("--out", dir);
    List<Dtype> formats = new ArrayList<>();
    for (String d : dtypes) {
      Dtype t = Dtype.fromId(d);
      if (t != Dtype.FLOAT16 && t != Dtype.BFLOAT16) {
        throw new IllegalArgumentException("--dtypes '" + d + "': float16 or bfloat16 (float32 hard"
            + " cases come from ./tck exhaustive --hard-cases and ./tck exhaustive merge)");
      }
      formats.add(t);
    }
    Oracle oracle = Oracle.standard();
    Path index = dir.resolve("index.tsv");
    if (table != null) {
      AtomicFiles.checkWritable("--table", table);
    }
    if (tableOnly) {
      if (table == null) {
        throw new IllegalArgumentException("--table-only needs --table FILE");
      }
      AtomicFiles.write(table, HardCaseIndex.markdown(oracle, HardCaseIndex.read(index))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return 0;
    }
    List<FunctionSpec> todo = targets(oracle, functions);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, n));
    FixturesCommand.Progress progress = new FixturesCommand.Progress(todo.size());
    try {
      List<Future<List<Block>>> futures = new ArrayList<>();
      for (FunctionSpec f : todo) {
        futures.add(pool.submit(() -> {
          List<Block> blocks = search(oracle, f, formats);
          progress.done(f.id());
          return blocks;
        }));
      }
      List<String> lines = new ArrayList<>();
      List<HardCaseIndex.Row> rows = new ArrayList<>();
      long cases = 0;
      for (int i = 0; i < todo.size(); i++) {
        FunctionSpec f = todo.get(i);
        List<Block> blocks;
        try {
          blocks = futures.get(i).get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        Path file = dir.resolve(f.id() + ".json");
        FixtureFile existing = Files.exists(file) ? Fixtures.read(file) : null;
        List<String> replaced = new ArrayList<>();
        List<FixtureCase> added = new ArrayList<>();
        for (Block b : blocks) {
          replaced.add(b.behaviour().key() + "/" + b.format().id() + "/value");
          replaced.add(b.behaviour().key() + "/" + b.format().id() + "/derivative");
          added.addAll(b.cases());
          lines.add(summary(f.id(), b));
          rows.add(HardCaseIndex.row(b.behaviour(), b.format(), false, "65536", b.value()));
          rows.add(HardCaseIndex.row(b.behaviour(), b.format(), true, "65536", b.derivative()));
        }
        FixtureFile merged = HardCaseSet.merge(oracle, f, HardCaseSet.behaviours(oracle, f),
            existing, replaced, added);
        AtomicFiles.write(file, FixtureWriter.bytes(merged));
        cases += added.size();
      }
      AtomicFiles.write(index, HardCaseIndex.upsert(oracle, HardCaseIndex.read(index), rows));
      if (table != null) {
        AtomicFiles.write(table, HardCaseIndex.markdown(oracle, HardCaseIndex.read(index))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      progress.finish();
      lines.forEach(System.out::println);
      System.out.printf("wrote %,d hard cases of %d functions to %s%n", cases, todo.size(), dir);
      return 0;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The elementwise functions asked for (all when none), each with a reference and an oracle. */
  static List<FunctionSpec> targets(Oracle oracle, List<String> only) {
    for (String id : only) {
      FunctionSpec f = oracle.catalog().require(id);
      if (f.kind() != Kind.ELEMENTWISE) {
        throw new IllegalArgumentException("'" + f.id() + "' is an axis function; hard cases exist"
            + " for elementwise functions");
      }
    }
    List<FunctionSpec> out = new ArrayList<>();
    for (FunctionSpec f : oracle.catalog().functions()) {
      boolean asked = only.isEmpty() || only.contains(f.id()) || f.names().values().stream()
          .anyMatch(only::contains);
      if (asked && f.kind() == Kind.ELEMENTWISE && oracle.implemented(f.id())
          && ReferenceRegistry.lookup(f.id()).isPresent()) {
        out.add(f);
      }
    }
    return out;
  }

  /** Every behaviour of f in the given 16-bit formats. */
  static List<Block> search(Oracle oracle, FunctionSpec f, List<Dtype> formats) {
    ReferenceFunction reference = (ReferenceFunction) ReferenceRegistry.lookup(f.id()).orElseThrow();
    List<Block> out = new ArrayList<>();
    for (Behaviour b : HardCaseSet.behaviours(oracle, f)) {
      for (Dtype t : formats) {
        HardCaseSet.Selection[] s = new HardCaseSet.Selection[2];
        List<FixtureCase> cases = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
          boolean derivative = k == 1;
          HardCaseCollector c = HardCaseSearch.search16(reference, f, b, t, derivative);
          if (c.overflowed() > 0) {
            throw new IllegalStateException(f.id() + " " + b.key() + " " + t.id() + ": more than "
                + HardCaseCollector.CAP + " candidates");
          }
          s[k] = HardCaseSet.select(HardCaseSearch.prove(oracle, b, t, derivative, c.candidates()));
          cases.addAll(HardCaseSet.cases(oracle, f, b, t, derivative, s[k].kept(), 0));
        }
        out.add(new Block(b, t, cases, s[0], s[1]));
      }
    }
    return out;
  }

  /**
   * {@code fixtures check} for the hard cases: every elementwise function has its file, every
   * behaviour its float16 and bfloat16 rows in the index, and every committed case equals what the
   * oracle gives now ({@link HardCaseSet#regenerate}). Prints one line per problem and a summary
   * naming the float32 blocks not yet searched; returns the number of problems.
   */
  static int check(Path dir) throws IOException, InterruptedException {
    return check(dir, 1);
  }

  /** As {@link #check(Path)}, regenerating every {@code stride}-th case of each file only. */
  static int check(Path dir, int stride) throws IOException, InterruptedException {
    Oracle oracle = Oracle.standard();
    List<HardCaseIndex.Row> rows = HardCaseIndex.read(dir.resolve("index.tsv"));
    java.util.Set<String> indexed = new java.util.HashSet<>();
    for (HardCaseIndex.Row r : rows) {
      indexed.add(r.function() + "/" + r.behaviour() + "/" + r.format() + "/" + r.of());
    }
    List<FunctionSpec> todo = targets(oracle, List.of());
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    int problems = 0;
    long cases = 0;
    int float32Searched = 0;
    int float32Blocks = 0;
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (FunctionSpec f : todo) {
        futures.add(pool.submit(() -> checkFile(oracle, f, dir.resolve(f.id() + ".json"), stride)));
      }
      for (int i = 0; i < todo.size(); i++) {
        FunctionSpec f = todo.get(i);
        for (Behaviour b : HardCaseSet.behaviours(oracle, f)) {
          for (Dtype t : HardCaseSet.FORMATS) {
            for (String of : List.of("value", "derivative")) {
              boolean there = indexed.contains(f.id() + "/" + b.key() + "/" + t.id() + "/" + of);
              if (t == Dtype.FLOAT32) {
                float32Blocks++;
                float32Searched += there ? 1 : 0;
              } else if (!there) {
                System.out.println(f.id() + ": hard cases " + b.key() + " " + t.id() + " " + of
                    + " missing; run ./tck fixtures hardcases --functions " + f.id());
                problems++;
              }
            }
          }
        }
        List<String> found;
        try {
          found = futures.get(i).get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        cases += Long.parseLong(found.get(0));
        for (String line : found.subList(1, found.size())) {
          System.out.println(line);
          problems++;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("hard cases: %,d checked against the oracle; float32 searched for %d of %d"
        + " behaviour results%s%n", cases, float32Searched, float32Blocks,
        float32Searched < float32Blocks ? " (the others: docs/hard-cases-table.md, Not searched yet)"
            : "");
    return problems;
  }

  /** The case count, then one line per problem of the function's hard-case file. */
  private static List<String> checkFile(Oracle oracle, FunctionSpec f, Path file, int stride) {
    List<String> out = new ArrayList<>();
    if (!Files.exists(file)) {
      out.add("0");
      out.add(f.id() + ": missing " + file + "; run ./tck fixtures hardcases --functions " + f.id());
      return out;
    }
    FixtureFile committed = Fixtures.read(file);
    out.add(Integer.toString((committed.cases().size() + stride - 1) / stride));
    List<Behaviour> behaviours = HardCaseSet.behaviours(oracle, f);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (int i = 0; i < committed.cases().size(); i += stride) {
      FixtureCase c = committed.cases().get(i);
      FixtureCase now = HardCaseSet.regenerate(oracle, f, behaviours, c);
      String a;
      String b;
      try {
        a = json.writeValueAsString(c); // as the writer writes them: an empty map and none alike
        b = json.writeValueAsString(now);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      if (!a.equals(b)) {
        out.add(f.id() + ": hard case " + c.id() + " differs: committed " + a + " vs now " + b);
        if (out.size() > 4) {
          break;
        }
      }
    }
    return out;
  }

  private static String summary(String function, Block b) {
    return String.format("%s %s %s: value %s, derivative %s", function, b.behaviour().key(),
        b.format().id(), describe(b.value()), describe(b.derivative()));
  }

  static String describe(HardCaseSet.Selection s) {
    String hardest = s.kept().stream().filter(p -> !p.distance().tie()).findFirst()
        .map(p -> p.distance().describe() + " at " + p.x()).orElse("none below 1e-3 ulp");
    return String.format("hardest %s, %d ties, %d double-rounding%s", hardest, s.ties(),
        s.doubleRounding(), s.bounded() == 0 ? "" : ", " + s.bounded() + " bounded");
  }
}
