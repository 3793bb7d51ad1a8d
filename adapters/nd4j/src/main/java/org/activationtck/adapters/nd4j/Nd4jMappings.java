package org.activationtck.adapters.nd4j;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationHardTanH;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationMish;
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

/**
 * The catalog mapped onto ND4J 1.0.0-M2.1's activation classes
 * ({@code org.nd4j.linalg.activations.impl}), the ones Deeplearning4j layers and its Keras import
 * use. Each function is claimed only for the dialects whose definition the class implements, read
 * from libnd4j's kernels ({@code include/ops/ops.h} and the {@code *_bp} custom ops); the
 * catalog's defaults for the dialect are passed explicitly, never ND4J's own.
 *
 * <p>Left out: {@code ActivationGELU()} (the default, x·sigmoid(1.702x), is neither catalog form),
 * {@code ActivationPReLU} (a learned per-channel array), {@code ActivationCube},
 * {@code ActivationRationalTanh}, {@code ActivationRectifiedTanh} (not in the catalog).
 */
final class Nd4jMappings {

  private static final Set<String> ALL = Set.of("keras3", "tf_keras2", "pytorch", "jax", "onnx");

  private static final Map<String, Nd4jMapping> MAPPINGS = Map.ofEntries(
      Map.entry("linear", of(ALL, (p, d) -> new ActivationIdentity())),
      Map.entry("sigmoid", of(ALL, (p, d) -> new ActivationSigmoid())),
      Map.entry("tanh", of(ALL, (p, d) -> new ActivationTanH())),
      Map.entry("softsign", of(ALL, (p, d) -> new ActivationSoftSign())),
      Map.entry("mish", of(ALL, (p, d) -> new ActivationMish())),
      // Swish is x * sigmoid(x), i.e. silu (the catalog's dialects that have it).
      Map.entry("silu", of(Set.of("keras3", "tf_keras2", "pytorch", "jax"),
          (p, d) -> new ActivationSwish())),
      // sd_softplus is ln(1 + e^x) with no threshold: not PyTorch's thresholded form.
      Map.entry("softplus", of(Set.of("keras3", "tf_keras2", "jax", "onnx"), (p, d) -> {
        p.requireDefault("beta");
        return new ActivationSoftPlus();
      })),
      // alpha * (e^x - 1) for x <= 0, derivative alpha * e^x there (EluBp).
      Map.entry("elu", of(Set.of("keras3", "tf_keras2", "jax", "onnx"),
          (p, d) -> new ActivationELU(p.real("alpha")))),
      // Fixed constants; SeluBp gives scale * alpha at x = 0 (the x > 0 test), as PyTorch and JAX.
      Map.entry("selu", of(Set.of("pytorch", "jax"), (p, d) -> {
        p.requireDefault("alpha");
        p.requireDefault("scale");
        return new ActivationSELU();
      })),
      // Leaky ReLU with the slope given (the dialect's default when omitted); LeakyReLUBp gives the
      // slope at x = 0, as every dialect but jax.
      Map.entry("leaky_relu", of(Set.of("keras3", "tf_keras2", "pytorch", "onnx"),
          (p, d) -> new ActivationLReLU(p.real("negative_slope")))),
      // ActivationReLU(max, threshold, negativeSlope) is DL4J's Keras ReLU layer; with no
      // arguments it is the plain max(x, 0) of the other dialects.
      Map.entry("relu", of(ALL, Nd4jMappings::relu)),
      Map.entry("relu6", of(Set.of("keras3", "tf_keras2", "pytorch", "jax"),
          (p, d) -> new ActivationReLU6())),
      // min(1, max(0, 0.2x + 0.5)): the linear form of tf.keras 2 and ONNX, constants fixed.
      Map.entry("hard_sigmoid", of(Set.of("tf_keras2", "onnx"), (p, d) -> {
        p.requireDefault("alpha");
        p.requireDefault("beta");
        return new ActivationHardSigmoid();
      })),
      // clip(x, -1, 1); HardTanhBp passes the gradient only strictly inside (-1, 1).
      Map.entry("hard_tanh", of(Set.of("pytorch"), (p, d) -> {
        p.requireDefault("min_val");
        p.requireDefault("max_val");
        return new ActivationHardTanH();
      })),
      // x for x > theta, else 0.
      Map.entry("thresholded_relu", of(Set.of("tf_keras2", "onnx"),
          (p, d) -> new ActivationThresholdedReLU(p.real("theta")))),
      // Evaluated with training = false: slope (lower + upper) / 2, as torch's rrelu in eval mode.
      Map.entry("rrelu", new Nd4jMapping(Set.of("pytorch"),
          (p, d) -> new ActivationRReLU(p.real("lower"), p.real("upper")), false)),
      // PreciseGELU, which its Javadoc calls the tanh approximation; the default sigmoid form is
      // not a catalog GELU, so approximate = false is declined.
      Map.entry("gelu", of(Set.of("keras3", "tf_keras2", "pytorch", "jax", "onnx"), (p, d) -> {
        if (!p.bool("approximate")) {
          throw new UnsupportedOperationException("ND4J has no erf-form GELU");
        }
        return new ActivationGELU(true);
      })),
      Map.entry("softmax", new Nd4jMapping(ALL, (p, d) -> new ActivationSoftmax(), false)));

  private Nd4jMappings() {
  }

  static Optional<Nd4jMapping> find(String function) {
    return Optional.ofNullable(MAPPINGS.get(function));
  }

  private static Nd4jMapping of(Set<String> dialects,
      java.util.function.BiFunction<CallParameters, String, IActivation> factory) {
    return new Nd4jMapping(dialects, factory, true);
  }

  private static IActivation relu(CallParameters p, String dialect) {
    if (!dialect.equals("keras3") && !dialect.equals("tf_keras2")) {
      return new ActivationReLU();
    }
    Double max = p.has("max_value") ? p.real("max_value") : null;
    return new ActivationReLU(max, p.real("threshold"), p.real("negative_slope"));
  }
}
