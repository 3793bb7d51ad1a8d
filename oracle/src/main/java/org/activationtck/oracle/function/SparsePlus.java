package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * sparse_plus: the piecewise-quadratic twin of softplus.
 *
 * <p>Definition: f(x) = 0 for x <= -1, (x + 1)^2 / 4 for -1 < x < 1, x for x >= 1.
 * f'(x) = 0 for x <= -1, (x + 1) / 2 for -1 < x < 1, 1 for x >= 1; f' is continuous (0 at -1,
 * 1 at 1), so the gradients the dialects take at the breakpoints (0 at -1 from the x <= -1
 * branch, 1 at 1 from the x >= 1 branch) are the values of the formula anyway. f'(NaN): the
 * catalog's value per dialect (rule sparse_plus.derivative.nan).
 *
 * <p>Method: every result is exact ((x + 1)^2 / 4 of a binary x is a binary fraction).
 *
 * <p>Special cases: NaN → NaN; +Inf → +Inf; -Inf → +0.0; x <= -1 → +0.0 (the frameworks select a
 * literal 0.0); ±0 → 1/4.
 */
public final class SparsePlus implements ElementwiseFunction {

  private static final BigDecimal QUARTER = new BigDecimal("0.25");
  private static final BigDecimal HALF = new BigDecimal("0.5");

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (x <= -1) {
      return Real.POSITIVE_ZERO;
    }
    if (x >= 1) {
      return Real.of(x);
    }
    BigDecimal s = new BigDecimal(x).add(BigDecimal.ONE);
    return Real.exact(s.multiply(s).multiply(QUARTER));
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("sparse_plus", p);
    }
    if (x <= -1) {
      return Real.POSITIVE_ZERO;
    }
    if (x >= 1) {
      return Real.exact(BigDecimal.ONE);
    }
    return Real.exact(new BigDecimal(x).add(BigDecimal.ONE).multiply(HALF));
  }
}
