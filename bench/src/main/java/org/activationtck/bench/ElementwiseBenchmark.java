package org.activationtck.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ns per element of the reference kernel (bound for the dtype, through the array form
 * {@code Kernel.values} that {@code ReferenceActivation} calls) against {@link NaiveFormula},
 * over one array of 2^20 inputs drawn uniformly from
 * [-10, 10] (rounded to float32 for float32). float32 is computed in double and narrowed once on
 * both sides (java.lang.Math has no float exp). Both loops write into a preallocated array that
 * the benchmark returns, so nothing is dead code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ElementwiseBenchmark.N)
// A fixed, pre-touched heap, as in AxisBenchmark.
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
// 3 s of warm-up: the block pipelines' loops are compiled one by one (each first on-stack), and
// 3 x 400 ms did not always reach compiled code on this 2-core machine when it was busy.
@Warmup(iterations = 5, time = 600, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class ElementwiseBenchmark {

  static final int N = 1 << 20;

  @Param({"arctan", "celu", "elu", "exponential", "gelu", "hard_shrink", "hard_sigmoid", "hard_silu",
      "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "mish", "prelu", "relu", "relu6", "rrelu",
      "selu", "sigmoid", "silu", "soft_exponential", "soft_shrink", "softplus", "softsign",
      "sparse_plus", "sparse_sigmoid", "squareplus", "tanh", "tanh_shrink", "threshold",
      "thresholded_relu"})
  String function;

  @Param({"float64", "float32"})
  String dtype;

  private boolean narrow;
  private double[] x;
  private float[] xf;
  private double[] y;
  private float[] yf;
  private ReferenceFunction.Kernel kernel;
  private DoubleUnaryOperator naive;

  @Setup
  public void setUp() {
    Dtype t = Dtype.fromId(dtype);
    narrow = t == Dtype.FLOAT32;
    NaiveFormula.Entry e = NaiveFormula.ELEMENTWISE.get(function);
    Params p = Params.resolve(Catalog.standard().require(function), e.dialect(), Map.of(), t);
    kernel = ((ReferenceFunction) ReferenceRegistry.lookup(function).orElseThrow()).bind(p, t);
    naive = e.formula();
    SplittableRandom r = new SplittableRandom(42);
    x = new double[N];
    xf = new float[N];
    for (int i = 0; i < N; i++) {
      xf[i] = (float) (r.nextDouble() * 20 - 10);
      x[i] = t == Dtype.FLOAT32 ? xf[i] : r.nextDouble() * 20 - 10;
    }
    y = new double[N];
    yf = new float[N];
  }

  @Benchmark
  public Object reference() {
    if (!narrow) {
      kernel.values(x, y);
      return y;
    }
    kernel.values(xf, yf);
    return yf;
  }

  @Benchmark
  public Object naive() {
    if (!narrow) {
      for (int i = 0; i < N; i++) {
        y[i] = naive.applyAsDouble(x[i]);
      }
      return y;
    }
    for (int i = 0; i < N; i++) {
      yf[i] = (float) naive.applyAsDouble(xf[i]);
    }
    return yf;
  }
}
