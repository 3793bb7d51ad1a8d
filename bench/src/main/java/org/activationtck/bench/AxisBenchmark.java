package org.activationtck.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.reference.ReferenceAxisFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ns per input element of the reference's axis functions on one float64 vector (1024 logits, a
 * classifier head; 32768, a vocabulary), against the textbook formula: max-shifted softmax,
 * log-sum-exp, sort-based sparsemax, a * sigmoid(b), concatenated relus. Divide the score by the
 * length for ns per element (run-reference.sh does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// A fixed, pre-touched heap: with a growing one, the first seconds of a fork paid page faults for
// every new region the allocations reached (crelu's axis calls, each allocating its output: warm-up
// and even measured iterations alternated between 2 and 55-70 us per 1024-vector in both columns).
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
// Longer warm-up than ElementwiseBenchmark: a call is one vector (microseconds), and sampled
// calls showed C2 still compiling both columns' loops after 3 x 400 ms on this 2-core machine
// when it was busy (per-call times fell five- to tenfold from the sixth second on).
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class AxisBenchmark {

  @Param({"softmax", "log_softmax", "softmin", "glu", "sparsemax", "crelu"})
  String function;

  @Param({"1024", "32768"})
  int length;

  private double[] x;
  private ReferenceAxisFunction reference;
  private Params params;

  @Setup
  public void setUp() {
    String dialect = function.equals("softmin") ? "pytorch" : "keras3";
    params = Params.resolve(Catalog.standard().require(function), dialect, Map.of(), Dtype.FLOAT64);
    reference = (ReferenceAxisFunction) ReferenceRegistry.lookup(function).orElseThrow();
    SplittableRandom r = new SplittableRandom(42);
    x = new double[length];
    for (int i = 0; i < length; i++) {
      x[i] = r.nextDouble() * 20 - 10;
    }
  }

  @Benchmark
  public double[] reference() {
    return reference.apply(x, params, Dtype.FLOAT64);
  }

  @Benchmark
  public double[] naive() {
    switch (function) {
      case "softmax": return softmax(x, 1);
      case "softmin": return softmax(x, -1);
      case "log_softmax": return logSoftmax(x);
      case "glu": return glu(x);
      case "sparsemax": return sparsemax(x);
      default: return crelu(x);
    }
  }

  private static double[] softmax(double[] x, double sign) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, sign * v);
    }
    double[] y = new double[x.length];
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.exp(sign * x[i] - m);
      s += y[i];
    }
    for (int i = 0; i < y.length; i++) {
      y[i] /= s;
    }
    return y;
  }

  private static double[] logSoftmax(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, v);
    }
    double s = 0;
    for (double v : x) {
      s += Math.exp(v - m);
    }
    double l = m + Math.log(s);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] - l;
    }
    return y;
  }

  private static double[] glu(double[] x) {
    int h = x.length / 2;
    double[] y = new double[h];
    for (int i = 0; i < h; i++) {
      y[i] = x[i] / (1 + Math.exp(-x[h + i]));
    }
    return y;
  }

  private static double[] sparsemax(double[] x) {
    double[] z = x.clone();
    Arrays.sort(z); // ascending; walk from the top
    double cumulative = 0;
    double tau = 0;
    for (int k = 1; k <= z.length; k++) {
      double zk = z[z.length - k];
      cumulative += zk;
      if (1 + k * zk > cumulative) {
        tau = (cumulative - 1) / k;
      } else {
        break;
      }
    }
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(x[i] - tau, 0);
    }
    return y;
  }

  private static double[] crelu(double[] x) {
    double[] y = new double[2 * x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(x[i], 0);
      y[x.length + i] = Math.max(-x[i], 0);
    }
    return y;
  }
}
