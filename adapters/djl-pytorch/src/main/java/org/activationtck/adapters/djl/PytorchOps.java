package org.activationtck.adapters.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.activationtck.adapters.support.CallParameters;

/**
 * The catalog's pytorch dialect mapped onto DJL 0.36.0: for each function, the DJL call that
 * computes it on the PyTorch engine. Only functions DJL itself offers are listed; DJL's
 * compositions ({@code relu6}, {@code swish}, {@code mish}) are its own API and are used as they
 * are, with whatever they compute. What DJL lacks (hardtanh, hardsigmoid, hardswish, logsigmoid,
 * softmin, celu, glu, ...) is absent, so the TCK reports it not implemented.
 *
 * <p>Where DJL's signature takes a {@code float} ({@code leakyRelu}, {@code elu}, {@code swish}),
 * the catalog's parameter, already in the call's compute format, is narrowed to float because
 * that is all DJL can pass on; for float64 tensors this loses the parameter's low bits, a DJL
 * limitation that the TCK then measures (see FINDINGS.md).
 */
final class PytorchOps {

  private static final Map<String, PytorchOp> OPS = Map.ofEntries(
      // torch.exp through NDArray.exp (JniUtils.exp -> torch::exp).
      Map.entry("exponential", (x, p) -> x.exp()),
      // torch.nn.Identity: DJL's identity block, a LambdaBlock returning its input.
      Map.entry("linear", (x, p) -> Blocks.identityBlock()
          .forward(new ParameterStore(x.getManager(), false), new NDList(x), false)
          .singletonOrThrow()),
      // torch.atan.
      Map.entry("arctan", (x, p) -> x.atan()),
      // torch.softmax / torch.log_softmax along dim (-1 or 0: the same axis of a vector).
      Map.entry("softmax", (x, p) -> x.softmax(axis(p))),
      Map.entry("log_softmax", (x, p) -> x.logSoftmax(axis(p))),
      // torch::relu; DJL's relu6 is its own composition minimum(6, relu(x)), not torch.relu6.
      Map.entry("relu", (x, p) -> Activation.relu(x)),
      Map.entry("relu6", (x, p) -> Activation.relu6(x)),
      // torch::leaky_relu(x, negative_slope), slope passed as float by DJL's API.
      Map.entry("leaky_relu", (x, p) -> Activation.leakyRelu(x, (float) p.real("negative_slope"))),
      // torch::elu(x, alpha) with scale = input_scale = 1, alpha passed as float.
      Map.entry("elu", (x, p) -> Activation.elu(x, (float) p.real("alpha"))),
      // torch::selu: fixed constants, no arguments.
      Map.entry("selu", (x, p) -> {
        p.requireDefault("alpha");
        p.requireDefault("scale");
        return Activation.selu(x);
      }),
      // torch::gelu with approximate='none' (the erf form); DJL offers no tanh form.
      Map.entry("gelu", (x, p) -> {
        if (p.bool("approximate")) {
          throw new UnsupportedOperationException("DJL's gelu has no tanh approximation");
        }
        return Activation.gelu(x);
      }),
      // torch::softplus with its defaults beta = 1, threshold = 20; DJL passes no arguments.
      Map.entry("softplus", (x, p) -> {
        p.requireDefault("beta");
        p.requireDefault("threshold");
        return Activation.softPlus(x);
      }),
      // torch::nn::functional::softsign, i.e. x / (1 + |x|).
      Map.entry("softsign", (x, p) -> Activation.softSign(x)),
      Map.entry("sigmoid", (x, p) -> Activation.sigmoid(x)),
      Map.entry("tanh", (x, p) -> Activation.tanh(x)),
      // DJL's swish(x, beta) = x * sigmoid(beta * x); silu is beta = 1.
      Map.entry("silu", (x, p) -> Activation.swish(x, 1f)),
      // DJL's own composition x * tanh(log2(exp(x) + 1)) (NDArrayEx.mish), not torch::mish.
      Map.entry("mish", (x, p) -> Activation.mish(x)));

  /** Functions whose value DJL computes along an axis; autograd of sum(y) is not their derivative. */
  private static final Set<String> AXIS = Set.of("softmax", "log_softmax");

  private PytorchOps() {
  }

  static Optional<PytorchOp> find(String function) {
    return Optional.ofNullable(OPS.get(function));
  }

  /** Whether the TCK's derivative (elementwise f'(x)) is the gradient of sum(f(x)). */
  static boolean elementwise(String function) {
    return OPS.containsKey(function) && !AXIS.contains(function);
  }

  private static int axis(CallParameters p) {
    return p.integer("axis");
  }
}
