package org.activationtck.adapters.encog;

import java.util.Set;
import org.activationtck.adapters.support.CallParameters;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.encog.engine.network.activation.ActivationClippedLinear;
import org.encog.engine.network.activation.ActivationElliottSymmetric;
import org.encog.engine.network.activation.ActivationFunction;
import org.encog.engine.network.activation.ActivationLinear;
import org.encog.engine.network.activation.ActivationReLU;
import org.encog.engine.network.activation.ActivationSigmoid;
import org.encog.engine.network.activation.ActivationSoftMax;
import org.encog.engine.network.activation.ActivationTANH;

/**
 * Encog 3.4 under the TCK: the classes of {@code org.encog.engine.network.activation} that are
 * catalog functions.
 *
 * <table>
 *   <caption>mapping</caption>
 *   <tr><th>catalog</th><th>Encog</th><th>dialects</th></tr>
 *   <tr><td>relu</td><td>{@code new ActivationReLU()}: x &lt;= 0 ? 0 : x</td><td>all, default parameters only</td></tr>
 *   <tr><td>threshold</td><td>{@code new ActivationReLU(threshold, value)}: x &lt;= thresholdLow ? low : x</td><td>pytorch (keras3 maps NaN to the default value)</td></tr>
 *   <tr><td>sigmoid</td><td>{@code ActivationSigmoid}: 1 / (1 + BoundMath.exp(-x))</td><td>all</td></tr>
 *   <tr><td>tanh</td><td>{@code ActivationTANH}: Math.tanh</td><td>all</td></tr>
 *   <tr><td>softsign</td><td>{@code ActivationElliottSymmetric} at its default slope 1: x / (1 + |x|)</td><td>all</td></tr>
 *   <tr><td>hard_tanh</td><td>{@code ActivationClippedLinear}: x clipped to [-1, 1]</td><td>keras3, pytorch, jax; default parameters only</td></tr>
 *   <tr><td>softmax</td><td>{@code ActivationSoftMax}</td><td>all, value only</td></tr>
 *   <tr><td>linear</td><td>{@code ActivationLinear}</td><td>all</td></tr>
 * </table>
 *
 * <p>Values come from {@code activationFunction(double[], start, size)}, in place on a copy of the
 * input; derivatives from {@code derivativeFunction(b, a)} with b the input and a the output of
 * {@code activationFunction}, the way Encog's trainers call it. Encog's derivative for softmax is a
 * constant 1 used with its cross-entropy training; the TCK checks no axis derivatives. Encog
 * computes in double only: only float64 is declared. Parameters omitted from a call take the
 * dialect's default from the catalog; parameters Encog cannot take are declined (not implemented).
 *
 * <p>Encog's activation objects are stateless after construction; the TCK calls from one thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EncogActivation implements Activation {

  private static final Set<String> FUNCTIONS = Set.of(
      "relu", "threshold", "sigmoid", "tanh", "softsign", "hard_tanh", "softmax", "linear");

  /** Encog's ClippedLinear is fixed to [-1, 1]: hard_tanh in the dialects whose default that is. */
  private static final Set<String> HARD_TANH_DIALECTS = Set.of("keras3", "pytorch", "jax");

  private final Catalog catalog = Catalog.standard();

  @Override
  public String name() {
    return "encog 3.4";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    if (dtype != Dtype.FLOAT64 || !FUNCTIONS.contains(function)
        || !catalog.require(function).inDialect(dialect)) {
      return false;
    }
    switch (function) {
      case "threshold":
        return dialect.equals("pytorch");
      case "hard_tanh":
        return HARD_TANH_DIALECTS.contains(dialect);
      case "softmax":
        return !derivative;
      default:
        return true;
    }
  }

  @Override
  public double[] apply(Call call, double[] x) {
    if (!supports(call.function(), call.dialect(), call.dtype(), call.derivative())) {
      throw new UnsupportedOperationException(call.function() + " " + call.dialect() + " " + call.dtype().id());
    }
    ActivationFunction f = function(call);
    double[] y = x.clone();
    f.activationFunction(y, 0, y.length);
    if (!call.derivative()) {
      return y;
    }
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = f.derivativeFunction(x[i], y[i]);
    }
    return d;
  }

  private ActivationFunction function(Call call) {
    CallParameters p = new CallParameters("Encog", catalog.require(call.function()), call);
    switch (call.function()) {
      case "relu":
        p.requireDefaults();
        return new ActivationReLU();
      case "threshold":
        return new ActivationReLU(p.real("threshold"), p.real("default_value"));
      case "sigmoid":
        return new ActivationSigmoid();
      case "tanh":
        return new ActivationTANH();
      case "softsign":
        return new ActivationElliottSymmetric();
      case "hard_tanh":
        p.requireDefaults();
        return new ActivationClippedLinear();
      case "softmax":
        p.requireDefaults();
        return new ActivationSoftMax();
      case "linear":
        return new ActivationLinear();
      default:
        throw new UnsupportedOperationException(call.function());
    }
  }

}
