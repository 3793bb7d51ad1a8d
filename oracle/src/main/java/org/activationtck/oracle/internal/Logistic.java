package org.activationtck.oracle.internal;

import java.math.BigDecimal;

/**
 * The logistic sigmoid 1 / (1 + e^-x) with relative error at most 10^-digits, for |x| up to
 * {@link Exp#MAX_ARGUMENT}.
 *
 * <p>Method: for x >= 0, 1/(1 + e^-x) (e^-x <= 1, no cancellation); for x < 0, e^x/(1 + e^x),
 * relative-accurate however small e^x is. For x beyond (d + 2) ln 10 the value is 1 within
 * relative 10^-(d+2) and is returned as 1.
 */
public final class Logistic {

  private static final double LN10 = Math.log(10);

  private Logistic() {}

  /** sigma(x) within relative 10^-digits; sigma(0) = 1/2 exactly. */
  public static BigDecimal sigmoid(BigDecimal x, int digits) {
    if (x.signum() == 0) {
      return new BigDecimal("0.5");
    }
    if (x.compareTo(BigDecimal.valueOf((digits + 2) * LN10)) > 0) {
      return BigDecimal.ONE;
    }
    if (x.signum() > 0) {
      BigDecimal e = Exp.exp(x.negate(), digits + 1);
      return BigDecimal.ONE.divide(BigDecimal.ONE.add(e, Precision.working(digits + 1)),
          Precision.working(digits));
    }
    BigDecimal e = Exp.exp(x, digits + 1);
    // 1 + e rounded (not exact): e can be 10^-434294, and an exact sum would carry every decimal.
    return e.divide(BigDecimal.ONE.add(e, Precision.working(digits + 1)), Precision.working(digits));
  }
}
