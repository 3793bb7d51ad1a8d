package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.Precision;

/**
 * tanh: f(x) = (e^x - e^-x) / (e^x + e^-x), f'(x) = 1 - tanh(x)^2 = 4m / (1 + m)^2 with
 * m = e^(-2|x|).
 *
 * <p>Method: the oracle's {@link org.activationtck.oracle.internal.Tanh} kernel (expm1-based,
 * relative-accurate near 0, odd). The derivative uses 4m/(1 + m)^2, which never cancels (the
 * form 1 - tanh^2 loses 2|x|/ln 10 digits for large |x|); m at d + 1 digits gives relative
 * error below 3 * 10^-(d+1) + rounding < 10^-d.
 *
 * <p>Special cases (every dialect): NaN → NaN; ±Inf → ±1; ±0 → ±0 (odd, sign kept).
 * Derivative: NaN → NaN; ±Inf → +0.0; ±0 → 1 exactly.
 *
 * <p>Thresholds: the kernel returns 1 (approximately) beyond (d + 2) ln 10 / 2 without
 * evaluating e^x, so every double is fast. The derivative is TINY for |x| > {@link
 * #TINY_BEYOND} = 2.45 * 10^9: 4e^(-4.9 * 10^9) < 2^-1100 (= 10^-331.1); below that it is computed to real
 * digits (e^-2|x| stays within {@link Exp#MAX_ARGUMENT}), as 4m / (1 + m)^2 with m = e^-2|x| and
 * the sum 1 + m rounded to the working precision (an exact one would carry m's decimals, 10^9 of
 * them near the threshold): relative 10^-(d+1) from m, 2 * 10^-(d+4) from the rounded sum and
 * square, 10^-(d+4) from the quotient, below 10^-d.
 */
public final class Tanh implements ElementwiseFunction {

  /** Beyond |x| = TINY_BEYOND the derivative is TINY. */
  static final double TINY_BEYOND = 2.45e9;

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (Double.isInfinite(x)) {
      return Real.exact(BigDecimal.valueOf(x > 0 ? 1 : -1));
    }
    if (x == 0) {
      return Real.of(x);
    }
    return Real.approx(org.activationtck.oracle.internal.Tanh.tanh(x, digits), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("tanh", p);
    }
    if (Double.isInfinite(x)) {
      return Real.POSITIVE_ZERO;
    }
    if (x == 0) {
      return Real.exact(BigDecimal.ONE);
    }
    if (Math.abs(x) > TINY_BEYOND) {
      return Real.tiny(false);
    }
    BigDecimal twoAbs = new BigDecimal(x).abs().multiply(BigDecimal.valueOf(2));
    BigDecimal m = Exp.exp(twoAbs.negate(), digits + 1);
    MathContext mc = Precision.working(digits);
    BigDecimal onePlusM = BigDecimal.ONE.add(m, mc);
    BigDecimal d = m.multiply(BigDecimal.valueOf(4)).divide(onePlusM.multiply(onePlusM, mc), mc);
    return Real.approx(d, digits);
  }
}
