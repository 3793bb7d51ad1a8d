package org.activationtck.oracle.internal;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;

/**
 * ln(1 + x) with relative error at most 10^-digits, for x > -1.
 *
 * <p>Method. 1 + x is formed exactly in BigDecimal. For |x| >= 10^-(d+2) the logarithm near 1
 * loses about -log10|x| digits (big-math bounds its error relative to ln's argument scale), so
 * it runs with that many extra digits. For |x| < 10^-(d+2): ln(1+x) = x - x^2/2 + r with
 * |r| < |x|^3, so x - x^2/2 has relative error below 2|x|^2 < 10^-(2d+3).
 */
public final class Log1p {

  private Log1p() {}

  /** ln(1 + x) within relative 10^-digits; x = 0 gives exactly 0. */
  public static BigDecimal log1p(BigDecimal x, int digits) {
    if (x.compareTo(BigDecimal.ONE.negate()) <= 0) {
      throw new ArithmeticException("log1p of " + x + " <= -1");
    }
    if (x.signum() == 0) {
      return BigDecimal.ZERO;
    }
    long e10 = Precision.exponent10(x);
    if (e10 < -(digits + 2)) {
      BigDecimal half = x.multiply(x).divide(BigDecimal.valueOf(2));
      return x.subtract(half).round(Precision.working(digits));
    }
    int extra = (int) Math.max(0, -e10 + 1);
    BigDecimal onePlusX = BigDecimal.ONE.add(x);
    // Near x = -1, ln(1+x) is large, no cancellation; far from 0 neither.
    return BigDecimalMath.log(onePlusX, Precision.working(digits + extra + 1))
        .round(Precision.working(digits));
  }
}
