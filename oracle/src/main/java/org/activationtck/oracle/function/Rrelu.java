package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.SignedProduct;

/**
 * rrelu in evaluation mode (PyTorch only): leaky relu with slope a = (lower + upper) / 2,
 * f(x) = x for x > 0, a x otherwise. Training mode draws a random slope per element and is not a
 * function of x; the catalog covers evaluation mode only (rule rrelu.eval).
 *
 * <p>Method: a = (lower + upper) / 2 exactly from the (format-rounded) bounds; a x exact.
 * PyTorch computes a in double from the Python bounds; for the defaults 1/8 and 1/3 that sum and
 * halving are exact in both formats, so the exact a is the one PyTorch uses.
 *
 * <p>Special cases: NaN → NaN; ±Inf → ±Inf; ±0 → ±0. Derivative: 1 for x > 0, else a (a at 0,
 * leaky_relu_backward's x > 0 test); at NaN a (rule rrelu.derivative.nan).
 *
 * <p>Params.resolve rejects lower > upper (PyTorch's check).
 */
public final class Rrelu implements ElementwiseFunction {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private static BigDecimal slope(Params p) {
    BigDecimal lower = p.real("lower");
    BigDecimal upper = p.real("upper");
    return lower.add(upper).divide(TWO);
  }

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal a = slope(p);
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    return x > 0 ? Real.of(x) : SignedProduct.of(a, x);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal a = slope(p);
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("rrelu", p);
    }
    return x > 0 ? Real.of(1) : a.signum() == 0 ? Real.POSITIVE_ZERO : Real.exact(a);
  }
}
