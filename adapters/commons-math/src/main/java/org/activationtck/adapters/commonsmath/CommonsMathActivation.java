package org.activationtck.adapters.commonsmath;

import java.util.Map;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;
import org.apache.commons.math3.analysis.function.Atan;
import org.apache.commons.math3.analysis.function.Exp;
import org.apache.commons.math3.analysis.function.Identity;
import org.apache.commons.math3.analysis.function.Sigmoid;
import org.apache.commons.math3.analysis.function.Tanh;

/**
 * Apache Commons Math 3.6.1 under the TCK: the parameterless classes of
 * {@code org.apache.commons.math3.analysis.function} that are catalog functions.
 *
 * <table>
 *   <caption>mapping</caption>
 *   <tr><th>catalog</th><th>Commons Math</th></tr>
 *   <tr><td>sigmoid</td><td>{@code new Sigmoid()} (lo = 0, hi = 1: {@code 1 / (1 + FastMath.exp(-x))})</td></tr>
 *   <tr><td>tanh</td><td>{@code new Tanh()} ({@code FastMath.tanh})</td></tr>
 *   <tr><td>exponential</td><td>{@code new Exp()} ({@code FastMath.exp})</td></tr>
 *   <tr><td>arctan</td><td>{@code new Atan()} ({@code FastMath.atan})</td></tr>
 *   <tr><td>linear</td><td>{@code new Identity()}</td></tr>
 * </table>
 *
 * <p>These functions have the same semantics in every dialect that has them, so each is declared
 * for every such dialect. Values come from {@code UnivariateFunction.value(double)}; derivatives from
 * the library's own automatic differentiation, {@code UnivariateDifferentiableFunction.value(
 * DerivativeStructure)} at order 1, never from a formula written here. The library computes in
 * double only, so only float64 is declared. Everything else the catalog has (relu, softplus, gelu,
 * ...) has no class in the library and is reported not implemented: composing it from
 * {@code Max}, {@code Log1p} etc. would test this adapter, not the library.
 *
 * <p>Stateless and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CommonsMathActivation implements Activation {

  private static final Map<String, UnivariateDifferentiableFunction> FUNCTIONS = Map.of(
      "sigmoid", new Sigmoid(),
      "tanh", new Tanh(),
      "exponential", new Exp(),
      "arctan", new Atan(),
      "linear", new Identity());

  private final Catalog catalog = Catalog.standard();

  @Override
  public String name() {
    return "commons-math 3.6.1";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return dtype == Dtype.FLOAT64 && FUNCTIONS.containsKey(function)
        && catalog.require(function).inDialect(dialect);
  }

  @Override
  public double[] apply(Call call, double[] x) {
    UnivariateDifferentiableFunction f = FUNCTIONS.get(call.function());
    if (f == null || call.dtype() != Dtype.FLOAT64) {
      throw new UnsupportedOperationException(call.function() + " " + call.dtype().id());
    }
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (call.derivative()) {
        // one free parameter, derivation order 1, the parameter's index 0, at x
        y[i] = f.value(new DerivativeStructure(1, 1, 0, x[i])).getPartialDerivative(1);
      } else {
        y[i] = f.value(x[i]);
      }
    }
    return y;
  }
}
