package org.activationtck.adapters.tensorflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * TensorFlow's CPU kernels, run eagerly through TensorFlow Java 1.1.0, under the catalog's
 * {@code tf_keras2} and {@code keras3} dialects (Keras 3 on its default TensorFlow backend calls
 * the same ops). Which kernel computes which function, and which gradient kernel its derivative,
 * is {@link TensorFlowKernels}'s business; float32 and float64 tensors are computed natively.
 *
 * <p>Every call runs in its own {@link EagerSession}, closed before the call returns, so that the
 * tensors and op handles of a call are released with it (about 1.3 ms per session here); nothing
 * native outlives a call.
 *
 * <p>The native libraries come from {@code tensorflow-core-native:linux-x86_64} and are unpacked by
 * JavaCPP into {@code -Dorg.bytedeco.javacpp.cachedir} (set it: the default is ~/.javacpp/cache).
 * Calls may come from any thread, one at a time.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TensorFlowActivation implements Activation {

  private final TensorFlowKernels kernels =
      new TensorFlowKernels(new CallParameters(Catalog.standard()));

  /** E.g. {@code tensorflow-java 1.1.0 (TensorFlow 2.18.0)}: the Java API and the native runtime. */
  @Override
  public String name() {
    return "tensorflow-java " + javaApiVersion() + " (TensorFlow " + TensorFlow.version() + ")";
  }

  /** TensorFlow's kernels are what Keras 3 (TensorFlow backend) and tf.keras 2 compute. */
  @Override
  public java.util.Set<String> dialects() {
    return TensorFlowKernels.DIALECTS;
  }

  /** The tensorflow-core-api version, from the pom.properties Maven puts in its jar. */
  private static String javaApiVersion() {
    try (InputStream in = TensorFlow.class.getResourceAsStream(
        "/META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties")) {
      if (in == null) {
        return "?";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "?");
    } catch (IOException e) {
      return "?";
    }
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    Boolean hasGradient = TensorFlowKernels.HAS_GRADIENT_KERNEL.get(function);
    return hasGradient != null
        && (hasGradient || !derivative)
        && (dtype == Dtype.FLOAT32 || dtype == Dtype.FLOAT64)
        && TensorFlowKernels.DIALECTS.contains(dialect)
        && Catalog.standard().require(function).inDialect(dialect);
  }

  @Override
  public double[] apply(Call call, double[] x) {
    requireDeclared(call, Dtype.FLOAT64);
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat64> in = tf.constant(x);
      double[] ones = new double[x.length];
      Arrays.fill(ones, 1.0);
      Operand<TFloat64> out = call.derivative()
          ? kernels.derivative(tf, call, in, tf.constant(ones))
          : kernels.value(tf, call, in);
      TFloat64 t = out.asTensor();
      double[] y = new double[(int) t.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = t.getDouble(i);
      }
      return y;
    }
  }

  @Override
  public float[] applyFloat32(Call call, float[] x) {
    requireDeclared(call, Dtype.FLOAT32);
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat32> in = tf.constant(x);
      float[] ones = new float[x.length];
      Arrays.fill(ones, 1f);
      Operand<TFloat32> out = call.derivative()
          ? kernels.derivative(tf, call, in, tf.constant(ones))
          : kernels.value(tf, call, in);
      TFloat32 t = out.asTensor();
      float[] y = new float[(int) t.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = t.getFloat(i);
      }
      return y;
    }
  }

  private void requireDeclared(Call call, Dtype dtype) {
    if (call.dtype() != dtype
        || !supports(call.function(), call.dialect(), call.dtype(), call.derivative())) {
      throw new UnsupportedOperationException(
          "not declared: " + call.function() + " " + call.dialect() + " " + call.dtype().id()
              + (call.derivative() ? " derivative" : ""));
    }
  }
}
