package org.activationtck.oracle.internal;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;

/**
 * e^x with relative error at most 10^-digits.
 *
 * <p>Method: big-math's exp at {@code digits + GUARD} digits (its result is within one ulp of
 * that precision). Domain: callers keep |x| below {@link #MAX_ARGUMENT}, beyond which e^x no
 * longer fits a BigDecimal's int exponent (e^(4.9e9) ~ 10^(2.1e9)) and beyond which every
 * activation here has long since underflowed or overflowed every binary format.
 */
public final class Exp {

  /**
   * Largest |x| callers may pass: e^(10^6) = 10^434294.48..., far inside BigDecimal's range and
   * far beyond 2^1100 ~ 10^331, so anything larger is TINY or HUGE for every format.
   */
  public static final BigDecimal MAX_ARGUMENT = BigDecimal.valueOf(1_000_000);

  private Exp() {}

  /** e^x within relative 10^-digits. @throws ArithmeticException when |x| > MAX_ARGUMENT */
  public static BigDecimal exp(BigDecimal x, int digits) {
    if (x.abs().compareTo(MAX_ARGUMENT) > 0) {
      throw new ArithmeticException("exp argument out of range: " + x);
    }
    if (x.signum() == 0) {
      return BigDecimal.ONE;
    }
    return BigDecimalMath.exp(x, Precision.working(digits));
  }
}
