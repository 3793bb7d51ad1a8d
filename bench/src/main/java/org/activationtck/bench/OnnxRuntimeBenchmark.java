package org.activationtck.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.activationtck.adapters.onnxruntime.OnnxRuntimeActivation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ns per element of ONNX Runtime's CPU kernels (one intra-op thread, as the adapter configures
 * its sessions) over the same 2^20 float32 inputs as {@link ElementwiseBenchmark}, for the
 * functions the onnx dialect has as an operator, at the onnx dialect's defaults. The input is one
 * tensor over direct memory made once, so a call costs ONNX Runtime's kernel, its allocation of
 * the output and the JNI round trip (not the array copies of the adapter's {@code applyFloat32}):
 * a third column next to the reference and the naive loop, for scale, not a goal.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ElementwiseBenchmark.N)
// A fixed, pre-touched heap, as in AxisBenchmark.
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class OnnxRuntimeBenchmark {

  @Param({"arctan", "celu", "elu", "exponential", "gelu", "hard_shrink", "hard_sigmoid", "hard_silu",
      "leaky_relu", "linear", "mish", "prelu", "relu", "selu", "sigmoid", "soft_shrink", "softplus",
      "softsign", "tanh", "thresholded_relu"})
  String function;

  /** Only float32: most of these operators have no float64 kernel in ONNX Runtime's CPU provider. */
  @Param({"float32"})
  String dtype;

  private OnnxRuntimeActivation onnx;
  private Call call;
  private OnnxTensor input;

  @Setup
  public void setUp() throws OrtException {
    onnx = new OnnxRuntimeActivation();
    Dtype t = Dtype.fromId(dtype);
    if (!onnx.supports(function, "onnx", t, false)) {
      throw new IllegalStateException("ONNX Runtime adapter does not run " + function + " " + dtype);
    }
    call = new Call(function, "onnx", Map.of(), t, false, -1);
    SplittableRandom r = new SplittableRandom(42); // the same inputs as ElementwiseBenchmark
    FloatBuffer xf = ByteBuffer.allocateDirect(4 * ElementwiseBenchmark.N)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
    for (int i = 0; i < ElementwiseBenchmark.N; i++) {
      xf.put(i, (float) (r.nextDouble() * 20 - 10));
      r.nextDouble(); // ElementwiseBenchmark's float64 draw, skipped to keep the sequences aligned
    }
    input = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), xf,
        new long[] {ElementwiseBenchmark.N});
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    input.close();
    onnx.close();
  }

  @Benchmark
  public float onnxruntime() throws OrtException {
    try (OrtSession.Result r = onnx.runFloat32(call, input)) {
      // getFloatBuffer copies the output into a heap buffer (part of a call's cost for any Java
      // caller); one element of it is returned so the result is used. close() frees ORT's output.
      return ((OnnxTensor) r.get(0)).getFloatBuffer().get(ElementwiseBenchmark.N - 1);
    }
  }
}
