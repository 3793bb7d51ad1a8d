package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Working-precision arithmetic for the kernels: how many guard digits an evaluation carries and
 * how many digits a cancellation costs.
 */
public final class Precision {

  /**
   * Guard digits over the requested accuracy. big-math and our kernels return results within one
   * unit in the last place of their MathContext, i.e. relative error below 10^(1-q) at q digits; a
   * formula chaining n <= 100 such steps at q = d + GUARD stays within 100 * 10^(1-d-4) = 10^-(d+1).
   */
  public static final int GUARD = 4;

  private Precision() {}

  /** A MathContext with the guard digits added to d. */
  public static MathContext working(int digits) {
    return new MathContext(digits + GUARD, RoundingMode.HALF_EVEN);
  }

  /** A MathContext of exactly q digits. */
  public static MathContext of(int q) {
    return new MathContext(q, RoundingMode.HALF_EVEN);
  }

  /**
   * floor(log10 |v|) for nonzero v, exactly: the decimal exponent of the leading digit.
   */
  public static long exponent10(BigDecimal v) {
    return (long) v.precision() - v.scale() - 1;
  }

  /**
   * Digits lost when a difference a - b is much smaller than its operands: log10(max(|a|,|b|) /
   * |a - b|) rounded up, plus one; zero when there is no cancellation.
   */
  public static int cancellation(BigDecimal operand, BigDecimal difference) {
    if (difference.signum() == 0) {
      throw new ArithmeticException("total cancellation");
    }
    long lost = exponent10(operand) - exponent10(difference) + 1;
    return (int) Math.max(0, Math.min(lost, Integer.MAX_VALUE / 4));
  }
}
