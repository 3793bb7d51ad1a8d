package org.activationtck.adapters.tensorflow;

import java.util.Map;
import java.util.Set;
import org.activationtck.spi.Call;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.data.LeakyReluGrad;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.family.TNumber;

/**
 * Which TensorFlow kernel computes a catalog function, and which gradient kernel its derivative.
 *
 * <p>Only single raw ops are used, exactly as tf.nn / tf.math / tf.keras dispatch to them:
 * tf.nn.relu is Relu, tf.nn.relu6 is Relu6, tf.nn.leaky_relu is LeakyRelu (alpha a float32
 * attribute), tf.nn.elu is Elu, tf.nn.selu is Selu, tf.math.softplus is Softplus, tf.nn.softsign
 * is Softsign, tf.math.sigmoid is Sigmoid, tf.math.tanh is Tanh, tf.math.exp is Exp, tf.math.atan
 * is Atan, tf.identity is Identity, tf.nn.softmax / tf.nn.log_softmax are Softmax / LogSoftmax on
 * the last axis. Keras' relu(x, negative_slope, max_value, threshold) dispatches to one of them in
 * three cases (tf_keras backend.relu, keras ReLU.static_call): all defaults to Relu; a slope with
 * no max_value and threshold 0 to LeakyRelu; max_value = 6 with slope and threshold 0 to Relu6.
 * Everything else Keras composes from several ops (elu with alpha != 1, relu with a threshold,
 * gelu, silu, mish, hard_sigmoid, log_sigmoid, crelu), so it is not claimed.
 *
 * <p>Derivatives are TensorFlow's registered gradient kernels with upstream gradient 1, fed as TF's
 * gradient functions feed them: ReluGrad, Relu6Grad, LeakyReluGrad, SoftplusGrad and SoftsignGrad
 * take the features x; EluGrad and SeluGrad the outputs f(x); SigmoidGrad and TanhGrad take
 * (y, dy). Exp, Atan, Identity, Softmax and LogSoftmax have no gradient kernel (their gradients
 * are composed in Python), so their derivatives are not claimed.
 */
final class TensorFlowKernels {

  /** The two dialects whose semantics TensorFlow's kernels implement (Keras 3 on its TF backend). */
  static final Set<String> DIALECTS = Set.of("tf_keras2", "keras3");

  /** Catalog functions computed by a single kernel, with whether a gradient kernel exists. */
  static final Map<String, Boolean> HAS_GRADIENT_KERNEL = Map.ofEntries(
      Map.entry("relu", true),
      Map.entry("relu6", true),
      Map.entry("leaky_relu", true),
      Map.entry("elu", true),
      Map.entry("selu", true),
      Map.entry("softplus", true),
      Map.entry("softsign", true),
      Map.entry("sigmoid", true),
      Map.entry("tanh", true),
      Map.entry("exponential", false),
      Map.entry("arctan", false),
      Map.entry("linear", false),
      Map.entry("softmax", false),
      Map.entry("log_softmax", false));

  private final CallParameters params;

  TensorFlowKernels(CallParameters params) {
    this.params = params;
  }

  /**
   * f(x) by the kernel for the call.
   *
   * @throws UnsupportedOperationException for parameter values no single kernel computes
   */
  <T extends TNumber> Operand<T> value(Ops tf, Call call, Operand<T> x) {
    switch (call.function()) {
      case "relu":
        switch (reluKernel(call)) {
          case RELU: return tf.nn.relu(x);
          case RELU6: return tf.nn.relu6(x);
          default: return tf.nn.leakyRelu(x, LeakyRelu.alpha(params.float32(call, "negative_slope")));
        }
      case "relu6":
        return tf.nn.relu6(x);
      case "leaky_relu":
        return tf.nn.leakyRelu(x, LeakyRelu.alpha(params.float32(call, "negative_slope")));
      case "elu":
        requireDefault(call, "alpha", "tf.nn.elu has no alpha; Keras composes other values");
        return tf.nn.elu(x);
      case "selu":
        requireDefault(call, "alpha", "Selu's constants are fixed");
        requireDefault(call, "scale", "Selu's constants are fixed");
        return tf.nn.selu(x);
      case "softplus":
        requireDefault(call, "beta", "Softplus takes no beta");
        requireDefault(call, "threshold", "Softplus takes no threshold");
        return tf.math.softplus(x);
      case "softsign":
        return tf.nn.softsign(x);
      case "sigmoid":
        return tf.math.sigmoid(x);
      case "tanh":
        return tf.math.tanh(x);
      case "exponential":
        return tf.math.exp(x);
      case "arctan":
        return tf.math.atan(x);
      case "linear":
        return tf.identity(x);
      case "softmax":
        requireLastAxis(call);
        return tf.nn.softmax(x);
      case "log_softmax":
        requireLastAxis(call);
        return tf.nn.logSoftmax(x);
      default:
        throw new UnsupportedOperationException("no TensorFlow kernel computes " + call.function());
    }
  }

  /**
   * f'(x) by the gradient kernel for the call, with upstream gradient {@code ones}.
   *
   * @throws UnsupportedOperationException where TensorFlow has no gradient kernel
   */
  <T extends TNumber> Operand<T> derivative(Ops tf, Call call, Operand<T> x, Operand<T> ones) {
    switch (call.function()) {
      case "relu":
        switch (reluKernel(call)) {
          case RELU: return tf.nn.reluGrad(ones, x);
          case RELU6: return tf.nn.relu6Grad(ones, x);
          default: return tf.data.leakyReluGrad(ones, x,
              LeakyReluGrad.alpha(params.float32(call, "negative_slope")));
        }
      case "relu6":
        return tf.nn.relu6Grad(ones, x);
      case "leaky_relu":
        return tf.data.leakyReluGrad(ones, x,
            LeakyReluGrad.alpha(params.float32(call, "negative_slope")));
      case "elu":
        return tf.nn.eluGrad(ones, value(tf, call, x));
      case "selu":
        return tf.nn.seluGrad(ones, value(tf, call, x));
      case "softplus":
        value(tf, call, x); // checks the parameters
        return tf.math.softplusGrad(ones, x);
      case "softsign":
        return tf.nn.softsignGrad(ones, x);
      case "sigmoid":
        return tf.math.sigmoidGrad(tf.math.sigmoid(x), ones);
      case "tanh":
        return tf.math.tanhGrad(tf.math.tanh(x), ones);
      default:
        throw new UnsupportedOperationException(
            "TensorFlow has no gradient kernel for " + call.function());
    }
  }

  private enum ReluKernel { RELU, RELU6, LEAKY }

  /** Keras' own dispatch of relu(x, negative_slope, max_value, threshold) to a single kernel. */
  private ReluKernel reluKernel(Call call) {
    boolean noSlope = params.is(call, "negative_slope", "0");
    boolean noThreshold = params.is(call, "threshold", "0");
    boolean noMax = params.isNone(call, "max_value");
    if (noSlope && noThreshold && noMax) {
      return ReluKernel.RELU;
    }
    if (noSlope && noThreshold && params.is(call, "max_value", "6")) {
      return ReluKernel.RELU6;
    }
    if (!noSlope && noThreshold && noMax) {
      return ReluKernel.LEAKY;
    }
    throw new UnsupportedOperationException(
        "Keras composes relu with these parameters from several ops: " + call.params());
  }

  private void requireDefault(Call call, String name, String why) {
    if (!params.isDefault(call, name)) {
      throw new UnsupportedOperationException(why + " (" + name + " = " + params.raw(call, name) + ")");
    }
  }

  /** The TCK sends one vector, whose only axis is both -1 and 0. */
  private void requireLastAxis(Call call) {
    String axis = params.raw(call, "axis");
    if (!axis.equals("-1") && !axis.equals("0")) {
      throw new UnsupportedOperationException("axis " + axis + " on a vector");
    }
  }
}
