package org.activationtck.adapters.smile;

import java.util.Set;
import org.activationtck.adapters.support.CallParameters;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import smile.deep.activation.ActivationFunction;

/**
 * Smile 3.1.1 under the TCK: the neural-network activation functions of
 * {@code smile.deep.activation} and the identity of {@code smile.base.mlp}.
 *
 * <table>
 *   <caption>mapping</caption>
 *   <tr><th>catalog</th><th>Smile</th><th>dialects</th></tr>
 *   <tr><td>relu</td><td>{@code ActivationFunction.relu()}: {@code Math.max(0, x)}</td><td>all, default parameters only</td></tr>
 *   <tr><td>leaky_relu</td><td>{@code ActivationFunction.leaky(a)}: {@code Math.max(a * x, x)}, 0 &lt;= a &lt; 1</td><td>all; derivative not jax</td></tr>
 *   <tr><td>sigmoid</td><td>{@code ActivationFunction.sigmoid()}: {@code MathEx.sigmoid}</td><td>all</td></tr>
 *   <tr><td>tanh</td><td>{@code ActivationFunction.tanh()}: {@code Math.tanh}</td><td>all</td></tr>
 *   <tr><td>softmax</td><td>{@code ActivationFunction.softmax()}: {@code MathEx.softmax}</td><td>all, value only</td></tr>
 *   <tr><td>linear</td><td>{@code smile.base.mlp.ActivationFunction.linear()}</td><td>all</td></tr>
 * </table>
 *
 * <p>Values come from {@code f(double[])}, which works in place on a copy of the input.
 * Derivatives come from the library's backpropagation step {@code g(double[] g, double[] y)}, which
 * multiplies the upstream gradient {@code g} by f' computed <em>from the output</em> {@code y = f(x)}:
 * it is called with {@code g = 1} and the output of {@code f}, exactly as Smile's layers call it. The
 * derivative is therefore what Smile's training uses, including its loss of precision where f' is
 * recovered from a rounded output (sigmoid' = y(1 - y) is 0 once y rounds to 1).
 *
 * <p>A leaky slope outside [0, 1) is rejected by Smile and reported not implemented. jax's leaky
 * relu selects {@code x >= 0}, so its derivative at 0 is 1; Smile's is the slope, so the jax
 * derivative is not declared. Softmax's {@code g} is not the softmax Jacobian (Smile's softmax
 * is trained only through the likelihood cost) and axis functions have no derivative in the TCK.
 * Smile computes in double only: only float64 is declared.
 *
 * <p>Not thread-safe beyond what Smile's stateless functions allow; the TCK calls it from one thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SmileActivation implements Activation {

  private static final Set<String> FUNCTIONS =
      Set.of("relu", "leaky_relu", "sigmoid", "tanh", "softmax", "linear");

  private final Catalog catalog = Catalog.standard();

  @Override
  public String name() {
    return "smile 3.1.1";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    if (dtype != Dtype.FLOAT64 || !FUNCTIONS.contains(function)
        || !catalog.require(function).inDialect(dialect)) {
      return false;
    }
    if (derivative) {
      return !function.equals("softmax") && !(function.equals("leaky_relu") && dialect.equals("jax"));
    }
    return true;
  }

  @Override
  public double[] apply(Call call, double[] x) {
    if (!supports(call.function(), call.dialect(), call.dtype(), call.derivative())) {
      throw new UnsupportedOperationException(call.function() + " " + call.dialect() + " " + call.dtype().id());
    }
    double[] y = x.clone();
    if (call.function().equals("linear")) {
      smile.base.mlp.ActivationFunction linear = smile.base.mlp.ActivationFunction.linear();
      linear.f(y);
      if (!call.derivative()) {
        return y;
      }
      double[] g = ones(x.length);
      linear.g(g, y);
      return g;
    }
    ActivationFunction f = function(call);
    f.f(y);
    if (!call.derivative()) {
      return y;
    }
    double[] g = ones(x.length);
    f.g(g, y);
    return g;
  }

  private ActivationFunction function(Call call) {
    CallParameters p = new CallParameters("Smile", catalog.require(call.function()), call);
    switch (call.function()) {
      case "relu":
        p.requireDefaults();
        return ActivationFunction.relu();
      case "leaky_relu":
        double slope = p.real("negative_slope");
        try {
          return ActivationFunction.leaky(slope);
        } catch (IllegalArgumentException e) {
          throw new UnsupportedOperationException("Smile's leaky relu takes 0 <= slope < 1: " + e.getMessage());
        }
      case "sigmoid":
        return ActivationFunction.sigmoid();
      case "tanh":
        return ActivationFunction.tanh();
      case "softmax":
        p.requireDefaults();
        return ActivationFunction.softmax();
      default:
        throw new UnsupportedOperationException(call.function());
    }
  }

  private static double[] ones(int n) {
    double[] g = new double[n];
    java.util.Arrays.fill(g, 1.0);
    return g;
  }
}
