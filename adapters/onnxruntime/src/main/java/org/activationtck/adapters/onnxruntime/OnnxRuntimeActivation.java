package org.activationtck.adapters.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.activationtck.adapters.onnxruntime.SingleNodeModel.ElementType;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;

/**
 * The catalog's {@code onnx} dialect as ONNX Runtime 1.22.0 computes it on its CPU execution
 * provider: every call runs a one-node model ({@link SingleNodeModel}, opset
 * {@value SingleNodeModel#OPSET}) of the operator the catalog names ({@link OnnxOperators}), on a
 * float32 or float64 tensor.
 *
 * <p>Declared per function and dtype where ONNX Runtime accepts the model: where it has a CPU
 * kernel for the type, or expands the operator's function body into operators that have one.
 * Where it refuses the model (no kernel, or a type the operator's schema excludes) the pair is not
 * declared; {@code OnnxRuntimeKernelsTest} checks this table against ONNX Runtime both ways.
 * No derivatives: ONNX defines no gradients, and ONNX Runtime's training kernels are not in this
 * artifact. float16 and bfloat16 are not declared.
 *
 * <p>Thread-safe. Sessions are cached per node and type for the life of the object; {@link
 * #close()} releases them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class OnnxRuntimeActivation implements Activation, AutoCloseable {

  private static final Set<Dtype> BOTH = EnumSet.of(Dtype.FLOAT32, Dtype.FLOAT64);
  private static final Set<Dtype> FLOAT32_ONLY = EnumSet.of(Dtype.FLOAT32);

  /**
   * Per catalog function, the dtypes for which ONNX Runtime 1.22.0's CPU provider accepts the model
   * (measured; {@code OnnxRuntimeKernelsTest} checks it). float64 is missing where ONNX Runtime
   * registers no double kernel (LeakyRelu, PRelu, ThresholdedRelu, HardSigmoid, Elu, Selu,
   * Softplus, Softsign, Atan: "Could not find an implementation"), where the operator's function
   * body reaches such an operator (HardSwish through HardSigmoid, Mish through Softplus), and where
   * the schema excludes double (Celu: "Type 'tensor(double)' ... is invalid"). gelu float64 runs
   * only approximate=tanh (its function body uses Tanh); the erf form reaches Erf, which has no
   * double kernel, and is refused per call.
   */
  static final Map<String, Set<Dtype>> KERNELS = Map.ofEntries(
      Map.entry("exponential", BOTH),
      Map.entry("linear", BOTH),
      Map.entry("softmax", BOTH),
      Map.entry("log_softmax", BOTH),
      Map.entry("relu", BOTH),
      Map.entry("leaky_relu", FLOAT32_ONLY),
      Map.entry("prelu", FLOAT32_ONLY),
      Map.entry("thresholded_relu", FLOAT32_ONLY),
      Map.entry("hard_shrink", BOTH),
      Map.entry("soft_shrink", BOTH),
      Map.entry("hard_sigmoid", FLOAT32_ONLY),
      Map.entry("hard_silu", FLOAT32_ONLY),
      Map.entry("elu", FLOAT32_ONLY),
      Map.entry("selu", FLOAT32_ONLY),
      Map.entry("celu", FLOAT32_ONLY),
      Map.entry("softplus", FLOAT32_ONLY),
      Map.entry("mish", FLOAT32_ONLY),
      Map.entry("softsign", FLOAT32_ONLY),
      Map.entry("arctan", FLOAT32_ONLY),
      Map.entry("sigmoid", BOTH),
      Map.entry("tanh", BOTH),
      Map.entry("gelu", BOTH));

  private final OrtEnvironment env;
  private final OnnxOperators operators;
  private final SessionCache sessions;

  public OnnxRuntimeActivation() {
    this.env = OrtEnvironment.getEnvironment();
    this.operators = new OnnxOperators(Catalog.standard());
    this.sessions = new SessionCache(env);
  }

  @Override
  public String name() {
    return "onnxruntime " + env.getVersion();
  }

  /** ONNX Runtime runs ONNX operators: the onnx dialect only. */
  @Override
  public java.util.Set<String> dialects() {
    return java.util.Set.of(OnnxOperators.DIALECT);
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return !derivative
        && OnnxOperators.DIALECT.equals(dialect)
        && KERNELS.getOrDefault(function, Set.of()).contains(dtype);
  }

  @Override
  public double[] apply(Call call, double[] x) {
    if (call.dtype() != Dtype.FLOAT64) {
      throw new UnsupportedOperationException("ONNX Runtime adapter runs float32 and float64 only");
    }
    OrtSession s = session(call, ElementType.DOUBLE);
    try (OnnxTensor in = OnnxTensor.createTensor(env, DoubleBuffer.wrap(x), shape(x.length));
        OrtSession.Result r = s.run(Map.of(SingleNodeModel.INPUT, in))) {
      DoubleBuffer b = ((OnnxTensor) r.get(0)).getDoubleBuffer();
      double[] y = new double[b.remaining()];
      b.get(y);
      return y;
    } catch (OrtException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public float[] applyFloat32(Call call, float[] x) {
    OrtSession s = session(call, ElementType.FLOAT);
    try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape(x.length));
        OrtSession.Result r = s.run(Map.of(SingleNodeModel.INPUT, in))) {
      FloatBuffer b = ((OnnxTensor) r.get(0)).getFloatBuffer();
      float[] y = new float[b.remaining()];
      b.get(y);
      return y;
    } catch (OrtException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Runs call on a float32 tensor the caller owns and returns ONNX Runtime's result, which the
   * caller closes. The path of an application whose data already sits in native buffers: no
   * array copies, unlike {@link #applyFloat32} (whose heap buffers ONNX Runtime copies into
   * fresh native memory on every call). For benchmarks.
   *
   * @param x a one-dimensional float tensor, e.g. {@code OnnxTensor.createTensor(env, directBuffer, shape)}
   * @throws UnsupportedOperationException for derivatives and dialects other than onnx
   * @throws OrtException when ONNX Runtime rejects the run
   */
  public OrtSession.Result runFloat32(Call call, OnnxTensor x) throws OrtException {
    return session(call, ElementType.FLOAT).run(Map.of(SingleNodeModel.INPUT, x));
  }

  private OrtSession session(Call call, ElementType type) {
    if (call.derivative()) {
      throw new UnsupportedOperationException("ONNX defines no derivatives");
    }
    if (!OnnxOperators.DIALECT.equals(call.dialect())) {
      throw new UnsupportedOperationException("ONNX Runtime implements the onnx dialect only");
    }
    return sessions.session(operators.node(call), type);
  }

  private static long[] shape(int n) {
    return new long[] {n};
  }

  /** Closes the cached sessions (the shared environment stays, as ONNX Runtime requires). */
  @Override
  public void close() {
    sessions.close();
  }
}
