package org.activationtck.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.activationtck.oracle.Oracle;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * Oracle throughput: evaluations per second of one function's value at a given number of digits,
 * on a fixed list of float64 inputs.
 *
 * <p>One evaluation is {@code OracleValue.at(digits)} for one input: the value with relative
 * error at most 10^-digits (the oracle's contract), no rounding to a format. {@link #measureAll}
 * first warms every cell up for {@link Settings#warmupMillis} (JIT compilation, constant caches:
 * code compiled for one precision is reused by the others, so the first cell alone would pay
 * for it), then runs one untimed and {@link Settings#rounds} timed rounds over all inputs per
 * cell; the reported rate is the median round's.
 * Single-threaded, so that the figure compares with a single-threaded mpmath run.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class OracleBenchmark {

  /** How long to warm up and how many timed rounds to run. */
  public record Settings(long warmupMillis, int rounds, String dialect) {
    public Settings {
      if (warmupMillis < 0 || rounds < 1) {
        throw new IllegalArgumentException("--warmup must be >= 0 and --rounds >= 1");
      }
    }
  }

  /** One measured cell: function, digits, median rate, and the spread of the rounds. */
  public record Result(String function, int digits, int inputs, double perSecond,
      double minPerSecond, double maxPerSecond) {}

  private final Oracle oracle;
  private final Settings settings;

  public OracleBenchmark(Oracle oracle, Settings settings) {
    this.oracle = oracle;
    this.settings = settings;
  }

  /**
   * Measures one function at one precision.
   *
   * @throws IllegalArgumentException for an unknown or axis function, or inputs that are empty
   */
  public Result measure(String function, int digits, double[] inputs) {
    if (inputs.length == 0) {
      throw new IllegalArgumentException("no inputs to benchmark");
    }
    warmUp(function, digits, inputs);
    return timed(function, digits, inputs);
  }

  private void warmUp(String function, int digits, double[] inputs) {
    long warmupEnd = System.nanoTime() + settings.warmupMillis() * 1_000_000L;
    do {
      round(function, digits, inputs);
    } while (System.nanoTime() < warmupEnd);
  }

  private Result timed(String function, int digits, double[] inputs) {
    round(function, digits, inputs);
    double[] rates = new double[settings.rounds()];
    for (int r = 0; r < rates.length; r++) {
      long t0 = System.nanoTime();
      round(function, digits, inputs);
      long t1 = System.nanoTime();
      rates[r] = inputs.length / ((t1 - t0) / 1e9);
    }
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    return new Result(oracle.catalog().require(function).id(), digits, inputs.length,
        sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
  }

  /** One pass: a fresh lazy value per input (no cache carried over), evaluated at digits. */
  private void round(String function, int digits, double[] inputs) {
    List<OracleValue> values = oracle.evaluate(function, settings.dialect(), Map.of(),
        Dtype.FLOAT64, false, inputs);
    for (OracleValue v : values) {
      if (v.at(digits) == null) {
        throw new IllegalStateException("no value");
      }
    }
  }

  /** Measures every function at every precision, in that order. */
  public List<Result> measureAll(List<String> functions, List<Integer> digits, double[] inputs) {
    for (String f : functions) {
      if (oracle.catalog().require(f).kind() != org.activationtck.spec.catalog.Kind.ELEMENTWISE) {
        throw new IllegalArgumentException("--functions: '" + f + "' is an axis function; the "
            + "benchmark covers elementwise functions");
      }
    }
    if (inputs.length == 0) {
      throw new IllegalArgumentException("no inputs to benchmark");
    }
    for (String f : functions) {
      for (int d : digits) {
        warmUp(f, d, inputs);
      }
    }
    List<Result> out = new ArrayList<>();
    for (String f : functions) {
      for (int d : digits) {
        out.add(timed(f, d, inputs));
      }
    }
    return out;
  }

  /** A table: function, digits, evaluations per second (median, min, max of the rounds). */
  public static void print(List<Result> results, PrintStream out) {
    out.printf("%-14s %6s %7s %12s %12s %12s%n", "function", "digits", "inputs", "evals/s",
        "min", "max");
    for (Result r : results) {
      out.printf("%-14s %6d %7d %12.0f %12.0f %12.0f%n", r.function(), r.digits(), r.inputs(),
          r.perSecond(), r.minPerSecond(), r.maxPerSecond());
    }
  }

  /** Tab-separated {@code function digits evals_per_second}, one line per result, for scripts. */
  public static void printTsv(List<Result> results, PrintStream out) {
    for (Result r : results) {
      out.printf("%s\t%d\t%.1f%n", r.function(), r.digits(), r.perSecond());
    }
  }
}
