package org.activationtck.oracle.internal;

import java.math.BigDecimal;

/**
 * tanh(x) with relative error at most 10^-digits.
 *
 * <p>Method: tanh x = m / (m + 2) with m = e^(2x) - 1 from {@link Expm1}, relative-accurate near
 * 0 where tanh x ~ x. Odd symmetry keeps x >= 0, so m + 2 >= 2 never cancels. For x beyond
 * {@code (d + 2) * ln(10) / 2} the result is 1 - 2e^(-2x) + ... = 1 within relative 10^-(d+2),
 * returned as 1 (not exact; the caller's Ziv loop treats it as an approximation).
 */
public final class Tanh {

  private static final double LN10 = Math.log(10);

  private Tanh() {}

  /** tanh(x) within relative 10^-digits (0 exactly for x = 0). */
  public static BigDecimal tanh(BigDecimal x, int digits) {
    if (x.signum() < 0) {
      return tanh(x.negate(), digits).negate();
    }
    if (x.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (x.compareTo(BigDecimal.valueOf((digits + 2) * LN10 / 2 + 1)) > 0) {
      return BigDecimal.ONE;
    }
    BigDecimal m = Expm1.expm1(x.multiply(BigDecimal.valueOf(2)), digits + 1);
    return m.divide(m.add(BigDecimal.valueOf(2)), Precision.working(digits));
  }
}
