package org.activationtck.adapters.nd4j;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.activationtck.adapters.support.CallParameters;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationHardTanH;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationMish;
import org.nd4j.linalg.activations.impl.ActivationPReLU;
import org.nd4j.linalg.activations.impl.ActivationRReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.activations.impl.ActivationThresholdedReLU;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The catalog mapped onto ND4J 1.0.0-M2.1's activation classes
 * ({@code org.nd4j.linalg.activations.impl}), the ones Deeplearning4j layers and its Keras import
 * use. Each function is claimed only for the dialects whose definition the class implements, read
 * from libnd4j's kernels ({@code include/ops/ops.h} and the {@code *_bp} custom ops); the
 * catalog's defaults for the dialect are passed explicitly, never ND4J's own.
 *
 * <p>Left out: {@code ActivationGELU()} (the default, x·sigmoid(1.702x), is neither catalog form),
 * {@code ActivationCube},
 * {@code ActivationRationalTanh}, {@code ActivationRectifiedTanh} (not in the catalog).
 */
final class Nd4jMappings {

  private static final Set<String> ALL = Set.of("keras3", "tf_keras2", "pytorch", "jax", "onnx");

  private static final Map<String, Nd4jMapping> MAPPINGS = Map.ofEntries(
      Map.entry("linear", both(ALL, (p, d, x) -> new ActivationIdentity())),
      Map.entry("sigmoid", both(ALL, (p, d, x) -> new ActivationSigmoid())),
      Map.entry("tanh", both(ALL, (p, d, x) -> new ActivationTanH())),
      Map.entry("softsign", both(ALL, (p, d, x) -> new ActivationSoftSign())),
      Map.entry("mish", both(ALL, (p, d, x) -> new ActivationMish())),
      // Swish is x * sigmoid(x), i.e. silu (the catalog's dialects that have it).
      Map.entry("silu", both(Set.of("keras3", "tf_keras2", "pytorch", "jax"),
          (p, d, x) -> new ActivationSwish())),
      // sd_softplus is ln(1 + e^x) with no threshold: not PyTorch's thresholded form.
      Map.entry("softplus", both(Set.of("keras3", "tf_keras2", "jax", "onnx"), (p, d, x) -> {
        p.requireDefault("beta");
        return new ActivationSoftPlus();
      })),
      // alpha * (e^x - 1) for x <= 0. EluBp returns 1 at x = 0 where every dialect has alpha;
      // no dialect matches there, so the kink is checked against the ones it follows elsewhere.
      Map.entry("elu", both(Set.of("keras3", "tf_keras2", "jax", "onnx"),
          (p, d, x) -> new ActivationELU(p.real("alpha")))),
      // Fixed constants; SeluBp gives scale * alpha at x = 0 (its x > 0 test), as PyTorch and JAX.
      Map.entry("selu", both(Set.of("pytorch", "jax"), (p, d, x) -> {
        p.requireDefault("alpha");
        p.requireDefault("scale");
        return new ActivationSELU();
      })),
      // Values: x for x > 0, slope * x otherwise, in every dialect (the slope given, else the
      // dialect's default). LeakyReLUBp returns 1 at x = 0: JAX's gradient, not the others' slope.
      Map.entry("leaky_relu", new Nd4jMapping(ALL, Set.of("jax"),
          (p, d, x) -> new ActivationLReLU(p.real("negative_slope")))),
      // ActivationReLU(max, threshold, negativeSlope) is DL4J's Keras ReLU layer; with no
      // arguments it is the plain max(x, 0) of every dialect.
      Map.entry("relu", both(ALL, (p, d, x) -> relu(p, d))),
      Map.entry("relu6", both(Set.of("keras3", "tf_keras2", "pytorch", "jax"),
          (p, d, x) -> new ActivationReLU6())),
      // min(1, max(0, 0.2x + 0.5)): the linear form of tf.keras 2 and ONNX, constants fixed.
      Map.entry("hard_sigmoid", both(Set.of("tf_keras2", "onnx"), (p, d, x) -> {
        p.requireDefault("alpha");
        p.requireDefault("beta");
        return new ActivationHardSigmoid();
      })),
      // clip(x, -1, 1); HardTanhBp passes the gradient at x = -1 and x = 1 too (1 there), as
      // Keras 3 and JAX, not PyTorch (0).
      Map.entry("hard_tanh", new Nd4jMapping(Set.of("keras3", "pytorch", "jax"),
          Set.of("keras3", "jax"), (p, d, x) -> {
            p.requireDefault("min_val");
            p.requireDefault("max_val");
            return new ActivationHardTanH();
          })),
      // ND4J's thresholdedrelu is a select, x > theta ? x : 0 (+0.0 for -0.0, NaN and -Inf):
      // ONNX's Where form, not tf.keras's x * cast(x > theta).
      Map.entry("thresholded_relu", both(Set.of("onnx"),
          (p, d, x) -> new ActivationThresholdedReLU(p.real("theta")))),
      // Inference mode (training = false), meant as torch's rrelu in eval mode: slope
      // (lower + upper) / 2. Its backprop needs the random slopes of a training pass, so no
      // derivative.
      Map.entry("rrelu", new Nd4jMapping(Set.of("pytorch"), Set.of(),
          (p, d, x) -> new ActivationRReLU(p.real("lower"), p.real("upper")))),
      // ActivationGELU(true) runs PreciseGELU, which its Javadoc calls the tanh approximation; the
      // default ActivationGELU() is x * sigmoid(1.702 x), not a catalog GELU, so approximate =
      // false is declined.
      Map.entry("gelu", both(ALL, (p, d, x) -> {
        if (!p.bool("approximate")) {
          throw new UnsupportedOperationException("ND4J has no erf-form GELU");
        }
        return new ActivationGELU(true);
      })),
      // PReLU with one learned slope per feature, all set to the call's alpha (the catalog's
      // scalar alpha is that array filled with one value); x is a 1 x n row. Values are
      // alpha * x below 0 (-0.0 for alpha = 0, where Keras's relu(x) - alpha relu(-x) gives +0.0),
      // as PyTorch and ONNX; prelu_bp gives 1 at x = 0, ONNX's x >= 0 branch.
      Map.entry("prelu", new Nd4jMapping(Set.of("pytorch", "onnx"), Set.of("onnx"),
          (p, d, x) -> new ActivationPReLU(
              Nd4j.valueArrayOf(new long[] {x.size(1)}, p.real("alpha"), x.dataType()), null))),
      Map.entry("softmax", new Nd4jMapping(ALL, Set.of(), (p, d, x) -> new ActivationSoftmax())));

  private Nd4jMappings() {
  }

  static Optional<Nd4jMapping> find(String function) {
    return Optional.ofNullable(MAPPINGS.get(function));
  }

  /** A mapping whose value and backprop follow the same dialects. */
  private static Nd4jMapping both(Set<String> dialects, Nd4jMapping.Factory factory) {
    return new Nd4jMapping(dialects, dialects, factory);
  }

  private static IActivation relu(CallParameters p, String dialect) {
    if (!dialect.equals("keras3") && !dialect.equals("tf_keras2")) {
      return new ActivationReLU();
    }
    // DL4J's "absent" is null: a parameter at its default (0, none) is left out, so the defaults
    // take the plain-relu path, as DL4J's "relu" activation does.
    Double max = p.has("max_value") ? p.real("max_value") : null;
    Double threshold = p.real("threshold") != 0 ? p.real("threshold") : null;
    Double slope = p.real("negative_slope") != 0 ? p.real("negative_slope") : null;
    return new ActivationReLU(max, threshold, slope);
  }
}
