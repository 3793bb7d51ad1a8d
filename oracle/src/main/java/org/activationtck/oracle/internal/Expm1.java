package org.activationtck.oracle.internal;

import java.math.BigDecimal;

/**
 * e^x - 1 with relative error at most 10^-digits, without the cancellation of a naive
 * {@code exp(x) - 1}.
 *
 * <p>Method. For |x| >= 10^-(d+2): for |x| < 1 the difference e^x - 1 ~ x loses about
 * -log10|x| digits to cancellation, so e^x is computed with that many extra digits and 1 is
 * subtracted exactly; for |x| >= 1 there is no cancellation. For |x| < 10^-(d+2): e^x - 1 =
 * x + x^2/2 + r with |r| < |x|^3, so x + x^2/2 has relative error below |x|^2 < 10^-(2d+4).
 */
public final class Expm1 {

  private Expm1() {}

  /** e^x - 1 within relative 10^-digits; x = 0 gives exactly 0. */
  public static BigDecimal expm1(BigDecimal x, int digits) {
    if (x.signum() == 0) {
      return BigDecimal.ZERO;
    }
    long e10 = Precision.exponent10(x);
    if (e10 < -(digits + 2)) {
      BigDecimal half = x.multiply(x).divide(BigDecimal.valueOf(2));
      return x.add(half).round(Precision.working(digits));
    }
    // |e^x - 1| >= |x|/2 for x >= -1 ... and >= 0.63 for x <= -1: the loss is at most -e10 + 1.
    int extra = (int) Math.max(0, -e10 + 1);
    BigDecimal ex = Exp.exp(x, digits + extra + 1);
    // Subtract under a MathContext: the correctly rounded difference, without the exact one's
    // 434,294 decimals when e^x is 10^-434294 (x = -10^6).
    return ex.subtract(BigDecimal.ONE, Precision.working(digits));
  }
}
