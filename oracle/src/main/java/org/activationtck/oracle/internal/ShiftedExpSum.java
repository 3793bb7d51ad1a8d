package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Sums of shifted exponentials for softmax-like axis functions: s = sum_{j != skip} e^(x_j - m),
 * with relative error at most 10^-digits, for exact finite x_j and any shift m.
 *
 * <p>Method. Let t = max_{j != skip} x_j. Then s = e^(t - m) * sum_{j != skip} e^(x_j - t): the
 * inner sum lies in [1, n] and has no cancellation (positive terms). Terms with
 * x_j - t < -(W ln 10 + 1) are below 10^-W / e relative to the largest and are dropped; every
 * kept exponent is in [-(W ln 10 + 1), 0], so e^(x_j - t) never leaves BigDecimal's range
 * whatever the spread of the inputs (|x_j - t| up to 2 * Double.MAX_VALUE). The outer factor
 * e^(t - m) is computed only when t - m >= -{@link Exp#MAX_ARGUMENT}; below that s is positive
 * but below n * e^(-4.9 * 10^9) < 2^-1100 for any n < 10^2000000000, and null is returned.
 *
 * <p>Error bound at working precision W = digits + {@link #GUARD} + ceil(log10(n + 3)): each
 * exponent is rounded to W + {@link #ARGUMENT_DIGITS} significant digits; since |exponent| <=
 * {@link Exp#MAX_ARGUMENT} = 4.9 * 10^9 < 10^10, its absolute error is below 10^(10 - W - 11) =
 * 10^-(W+1), a relative error below
 * 1.1 * 10^-(W+1) in the exponential. Each exponential carries relative 10^-W, each of the n
 * additions and the final product one rounding of at most 10^(1-W)/2, the dropped terms at most
 * n * 10^-W. In all at most (2n + 4) * 10^-W <= 10^(log10(n+3) + 1 - W) = 10^-(digits + 2).
 */
public final class ShiftedExpSum {

  /** Digits beyond ceil(log10(n + 3)) added to the request: covers the bound above. */
  static final int GUARD = 3;

  /**
   * Extra digits kept in a rounded exponent: |exponent| <= {@link Exp#MAX_ARGUMENT} = 4.9 * 10^9
   * has at most 10 integer digits.
   */
  static final int ARGUMENT_DIGITS = 11;

  private static final double LN10 = Math.log(10);

  private ShiftedExpSum() {}

  /**
   * sum over j != skip with x[j] != null of e^(x[j] - m), within relative 10^-digits; exactly
   * zero when there is no such j; {@code null} when positive but below 2^-1100.
   *
   * @param x exact finite elements, {@code null} for elements that take no part (-Infinity)
   * @param skip an index to leave out, or -1
   * @param m the shift (usually the maximum)
   */
  public static BigDecimal sumExcept(BigDecimal[] x, int skip, BigDecimal m, int digits) {
    BigDecimal top = null;
    for (int j = 0; j < x.length; j++) {
      if (j != skip && x[j] != null && (top == null || x[j].compareTo(top) > 0)) {
        top = x[j];
      }
    }
    if (top == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal outer = top.subtract(m);
    if (outer.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
      return null;
    }
    int w = digits + GUARD + (int) Math.ceil(Math.log10(x.length + 3.0));
    MathContext mc = new MathContext(w, RoundingMode.HALF_EVEN);
    MathContext arg = new MathContext(w + ARGUMENT_DIGITS, RoundingMode.HALF_EVEN);
    BigDecimal cutoff = BigDecimal.valueOf(-(w * LN10 + 1));
    BigDecimal inner = BigDecimal.ZERO;
    for (int j = 0; j < x.length; j++) {
      if (j == skip || x[j] == null) {
        continue;
      }
      BigDecimal d = x[j].subtract(top);
      if (d.compareTo(cutoff) < 0) {
        continue;
      }
      inner = inner.add(Exp.exp(d.round(arg), w), mc);
    }
    if (outer.signum() == 0) {
      return inner;
    }
    return inner.multiply(Exp.exp(outer.round(arg), w), mc);
  }

  /**
   * e^d for -{@link Exp#MAX_ARGUMENT} <= d <= 0 within relative 10^-digits (1 exactly at d = 0), the exponent first
   * rounded to digits + GUARD + ARGUMENT_DIGITS digits (see the class bound).
   */
  public static BigDecimal expShift(BigDecimal d, int digits) {
    if (d.signum() == 0) {
      return BigDecimal.ONE;
    }
    int w = digits + GUARD;
    return Exp.exp(d.round(new MathContext(w + ARGUMENT_DIGITS, RoundingMode.HALF_EVEN)), w);
  }
}
