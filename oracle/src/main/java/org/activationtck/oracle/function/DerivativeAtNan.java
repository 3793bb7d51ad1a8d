package org.activationtck.oracle.function;

import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;

/**
 * f'(NaN) as the catalog states it: every function's {@code derivative} answers a NaN input with
 * this, so the value per dialect (a number where the framework's gradient mask takes a branch at
 * NaN, a parameter such as leaky_relu's slope, or NaN) lives in one place, the function's
 * {@code derivativeAtNan} entries ({@link FunctionSpec#derivativeAtNan(String,
 * java.util.function.Function)}), with the sources in its rule {@code <function>.derivative.nan}.
 *
 * <p>Reads the standard catalog, the one every {@code Oracle} of this module uses. Exact: the
 * values are decimals or real parameters already rounded to the compute format (a zero is +0.0,
 * which is what the frameworks' masks give). Thread-safe.
 */
final class DerivativeAtNan {

  private DerivativeAtNan() {}

  /**
   * f'(NaN) of the catalog function in {@code p}'s dialect at {@code p}'s parameters.
   *
   * @param function the catalog id, never {@code null}
   * @throws IllegalArgumentException for an unknown id
   */
  static Real of(String function, Params p) {
    FunctionSpec f = Catalog.standard().require(function);
    return f.derivativeAtNan(p.dialect(), p.asMap()::get).map(Real::exact).orElse(Real.NAN);
  }
}
