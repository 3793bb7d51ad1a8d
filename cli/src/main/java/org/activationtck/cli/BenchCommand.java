package org.activationtck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.activationtck.oracle.Oracle;
import org.activationtck.spi.Dtype;
import org.activationtck.cli.bench.OracleBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tck bench}: throughput benchmarks (not tests; nothing here can fail a build). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Throughput benchmarks.",
    subcommands = {BenchCommand.OracleBench.class})
final class BenchCommand {

  /** {@code ./tck bench oracle}: evaluations per second of the oracle. */
  @Command(name = "oracle", mixinStandardHelpOptions = true,
      description = {"Evaluations per second of the oracle's value of each function at each "
          + "number of digits (single thread, median of the timed rounds after a warm-up).",
          "bench/oracle_vs_mpmath.py runs this and mpmath on the same inputs side by side."})
  static final class OracleBench implements Callable<Integer> {

    @Option(names = "--functions", split = ",", defaultValue = "sigmoid,softplus,tanh,gelu,elu,mish",
        description = "elementwise functions (default: ${DEFAULT-VALUE})")
    List<String> functions;

    @Option(names = "--digits", split = ",", defaultValue = "20,40,100",
        description = "significant digits (default: ${DEFAULT-VALUE})")
    List<Integer> digits;

    @Option(names = "--inputs", paramLabel = "FILE",
        description = "float64 inputs, whitespace-separated decimals (default: --count seeded "
            + "uniform points in [-20, 20])")
    Path inputs;

    @Option(names = "--count", defaultValue = "1000", description = "generated inputs (default 1000)")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the generated inputs")
    long seed;

    @Option(names = "--dialect", defaultValue = "keras3", description = "dialect (default keras3)")
    String dialect;

    @Option(names = "--rounds", defaultValue = "5", description = "timed rounds (default 5)")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up seconds per cell (default 2)")
    double warmup;

    @Option(names = "--tsv", description = "print 'function<TAB>digits<TAB>evals/s' lines for scripts")
    boolean tsv;

    @Override
    public Integer call() throws IOException {
      for (int d : digits) {
        if (d < 1 || d > 10_000) {
          throw new IllegalArgumentException("--digits " + d + ": expected 1 to 10000");
        }
      }
      double[] x = inputs != null ? read(inputs) : generated(count, seed);
      OracleBenchmark bench = new OracleBenchmark(Oracle.standard(),
          new OracleBenchmark.Settings(Math.round(warmup * 1000), rounds, dialect));
      List<OracleBenchmark.Result> results = bench.measureAll(functions, digits, x);
      if (tsv) {
        OracleBenchmark.printTsv(results, System.out);
      } else {
        OracleBenchmark.print(results, System.out);
      }
      return 0;
    }

    private static double[] generated(int count, long seed) {
      if (count < 1) {
        throw new IllegalArgumentException("--count " + count + ": expected at least 1");
      }
      SplittableRandom random = new SplittableRandom(seed);
      double[] x = new double[count];
      for (int i = 0; i < count; i++) {
        x[i] = random.nextDouble(-20, 20);
      }
      return x;
    }

    private static double[] read(Path file) throws IOException {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("--inputs " + file + ": no such file");
      }
      List<Double> out = new ArrayList<>();
      String[] lines = text.split("\n", -1);
      for (int line = 0; line < lines.length; line++) {
        for (String token : lines[line].trim().split("\\s+")) {
          if (token.isEmpty()) {
            continue;
          }
          try {
            out.add(NumberLiteral.parse(token, Dtype.FLOAT64));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + (line + 1) + ": " + e.getMessage());
          }
        }
      }
      double[] x = new double[out.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = out.get(i);
      }
      if (x.length == 0) {
        throw new IllegalArgumentException("--inputs " + file + ": no numbers in the file");
      }
      return x;
    }
  }
}
