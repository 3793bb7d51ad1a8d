package org.activationtck.oracle.function;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Precision;

/**
 * arctan: the inverse tangent, as an activation.
 *
 * <p>Definition: f(x) = arctan x in (-pi/2, pi/2); f'(x) = 1 / (1 + x^2).
 *
 * <p>Method. Odd symmetry reduces to x > 0. For x < 10^-(d/2 + 2): arctan x = x - x^3/3 + r with
 * |r| <= x^5/5, so x - x^3/3 is within relative x^4 < 10^-(2d+8). For x <= 1: big-math's atan with
 * -log10(x) + 2 extra digits, so that an error absolute to the scale of 1 is still relative
 * 10^-(d+3) to a result near x. For x > 1: pi/2 - arctan(1/x), where arctan(1/x) <= pi/4 <= the
 * result, so the subtraction loses nothing. f' is a quotient of exact values: exact when it
 * terminates (f'(1) = 1/2), else one division at d + 4 digits.
 *
 * <p>Error bound: relative 10^-digits. Special cases: NaN → NaN; ±Inf → ±pi/2; ±0 → ±0;
 * f'(±Inf) = +0.0, f'(±0) = 1.
 */
public final class Arctan implements ElementwiseFunction {

  private static final BigDecimal THREE = BigDecimal.valueOf(3);

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (x == 0) {
      return Real.of(x);
    }
    BigDecimal r = Double.isInfinite(x) ? halfPi(digits)
        : atanPositive(new BigDecimal(Math.abs(x)), digits);
    return Real.approx(x < 0 ? r.negate() : r, digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("arctan", p);
    }
    if (Double.isInfinite(x)) {
      return Real.POSITIVE_ZERO;
    }
    BigDecimal bx = new BigDecimal(x);
    return Softsign.quotient(BigDecimal.ONE, BigDecimal.ONE.add(bx.multiply(bx)), digits);
  }

  private static BigDecimal atanPositive(BigDecimal x, int digits) {
    MathContext mc = Precision.working(digits);
    if (Precision.exponent10(x) < -(digits / 2 + 2)) {
      return x.subtract(x.multiply(x).multiply(x).divide(THREE, mc)).round(mc);
    }
    if (x.compareTo(BigDecimal.ONE) <= 0) {
      int extra = (int) Math.max(0, -Precision.exponent10(x)) + 2;
      return BigDecimalMath.atan(x, Precision.working(digits + extra)).round(mc);
    }
    MathContext wide = Precision.working(digits + 2);
    BigDecimal inverse = BigDecimal.ONE.divide(x, wide);
    BigDecimal small = Precision.exponent10(inverse) < -(digits / 2 + 4)
        ? inverse : BigDecimalMath.atan(inverse, wide);
    return halfPi(digits + 2).subtract(small).round(mc);
  }

  private static BigDecimal halfPi(int digits) {
    return BigDecimalMath.pi(Precision.working(digits)).divide(BigDecimal.valueOf(2));
  }
}
