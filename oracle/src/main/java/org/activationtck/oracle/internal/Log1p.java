package org.activationtck.oracle.internal;

import java.math.BigDecimal;

/**
 * ln(1 + x) with relative error at most 10^-digits, for x > -1.
 *
 * <p>Method. 1 + x is formed exactly in BigDecimal. For |x| >= 10^-(d+2), {@link Log#ln} at
 * q = d + 1 + max(0, 1 - e10) digits, e10 = floor(log10 |x|): its absolute bound
 * 10^-q max(1, |ln(1+x)|) / 9 is relative below 10^-(d+1) since |ln(1 + x)| >= |x|/2 >= 10^e10/2
 * for |x| < 1 and ln(1 + x) >= ln 2 for x >= 1. For |x| < 10^-(d+2): ln(1+x) = x - x^2/2 + r with
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
    return Log.ln(onePlusX, digits + extra + 1).round(Precision.working(digits));
  }
}
