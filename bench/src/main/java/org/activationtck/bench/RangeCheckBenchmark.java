package org.activationtck.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it costs, per element of ElementwiseBenchmark's 2^20 inputs, to learn whether any input
 * lies outside a kernel's fast range: the pass that squareplus and hard_silu add to their
 * vectorized formulas (docs/PERFORMANCE.md, section 4, on why those two miss the 1.5x goal).
 * For scale: {@link #copy}, one vectorized read and write of the array (the floor under every
 * naive loop there), and {@link #squareplusNaive}, the naive squareplus loop itself.
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main RangeCheckBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(RangeCheckBenchmark.N)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 600, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class RangeCheckBenchmark {

  static final int N = 1 << 20;

  /** squareplus's range at b = 4: [-8 sqrt(b), 2^500]. */
  private static final double LOW = -16;
  private static final double HIGH = 0x1p500;

  private double[] x;
  private double[] y;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    x = new double[N];
    y = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = r.nextDouble() * 20 - 10;
    }
  }

  /** y = x: the memory traffic of a one-pass loop, nothing else. */
  @Benchmark
  public double[] copy() {
    for (int i = 0; i < N; i++) {
      y[i] = x[i];
    }
    return y;
  }

  /** (x + sqrt(x^2 + 4)) / 2, as ElementwiseBenchmark's naive column. */
  @Benchmark
  public double[] squareplusNaive() {
    for (int i = 0; i < N; i++) {
      double v = x[i];
      y[i] = (v + Math.sqrt(v * v + 4)) / 2;
    }
    return y;
  }

  /** A compare and a branch per element (never taken here): C2 keeps it scalar. */
  @Benchmark
  public boolean branchPerElement() {
    for (int i = 0; i < N; i++) {
      double v = x[i];
      if (!(v >= LOW && v <= HIGH)) {
        return false;
      }
    }
    return true;
  }

  /** Running minimum and maximum (NaN propagates through Math.min), two reductions. */
  @Benchmark
  public boolean minMaxReduction() {
    double lo = 0;
    double hi = 0;
    for (int i = 0; i < N; i++) {
      double v = x[i];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return lo >= LOW && hi <= HIGH;
  }

  /**
   * One compare per element for NaN: the scan a kernel would need if its vector loop turned
   * out-of-range inputs into NaN results (a guard of a few operations fused into the formula).
   */
  @Benchmark
  public boolean nanScan() {
    for (int i = 0; i < N; i++) {
      double v = x[i];
      if (v != v) {
        return false;
      }
    }
    return true;
  }

  /** The same NaN test on the bits, as an OR reduction (sign bit set iff an exponent is all ones). */
  @Benchmark
  public boolean exponentBitsOr() {
    long any = 0;
    for (int i = 0; i < N; i++) {
      any |= (Double.doubleToRawLongBits(x[i]) & 0x7ff0000000000000L) + 0x0010000000000000L;
    }
    return any >= 0;
  }

  /** One running minimum of (x - LOW)(HIGH - x), positive inside: hard_silu's check. */
  @Benchmark
  public boolean productReduction() {
    double lowest = 1;
    for (int i = 0; i < N; i++) {
      double v = x[i];
      lowest = Math.min(lowest, (v - LOW) * (HIGH - v));
    }
    return lowest > 0;
  }
}
