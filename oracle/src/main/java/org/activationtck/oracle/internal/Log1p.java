package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.BigInteger;

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

  /** Fewest fraction bits {@link #ofFixed} accepts: w's 5 units must stay far below 2^-40. */
  static final int MIN_FIXED_BITS = 64;

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
      // x (1 - x/2) with 1 - x/2 rounded: the exact x^2 of x = 10^-2128000000 (log_softmax's s)
      // overflows BigDecimal's scale. x^3/3 dropped (relative x^2/3), two roundings at d + 4
      // digits: relative error below 10^-(d+3).
      MathContext mc = Precision.working(digits);
      return x.multiply(BigDecimal.ONE.subtract(x.divide(BigDecimal.valueOf(2)), mc), mc);
    }
    int extra = (int) Math.max(0, -e10 + 1);
    BigDecimal onePlusX = BigDecimal.ONE.add(x);
    return Log.ln(onePlusX, digits + extra + 1).round(Precision.working(digits));
  }

  /**
   * ln(1 + y) for a fixed-point 0 <= y = Y 2^-f <= 1 (Y taken as exact), in fixed point with f
   * fraction bits and an absolute error below 2N + 12 units 2^-f, N <= f / 48 + 2 (so below
   * 2^12 for 64 <= f <= 80,000); for kernels that stay in fixed point (softplus).
   *
   * <p>Method: one Newton step on {@link Exp#expNonPositive}, as in {@link Log}, without decimal
   * glue. y0 = Math.log1p of y's double (within relative 2^-51 of ln(1 + y), y's double within
   * 2^-52), truncated to fixed point Y0; w = (1 + y) e^-y0 - 1, so ln(1 + y) = y0 + ln(1 + w)
   * with |w| < 2^-49; ln(1 + w) = w - w^2/2 + w^3/3 - ... summed until a term truncates to 0.
   *
   * <p>Error bound in units 2^-f: Y0 is exact as used (its truncation only moves w); e^-y0
   * within 2, times 1 + y <= 2, and the product's truncation: w within 5 units, moving ln(1 + w)
   * by at most 5 (1 + 2^-48). The series: each of the N terms within 2 units (the powers of
   * |w| < 2^-48 shrink inherited errors), the tail after the first zero term below 2; the terms
   * shrink by 2^-48 each, so N <= f / 48 + 2. Total below 2N + 12.
   */
  static BigInteger ofFixed(BigInteger y, int f) {
    if (f < MIN_FIXED_BITS) {
      throw new IllegalArgumentException("log1p in fixed point needs f >= 64, got " + f);
    }
    if (y.signum() == 0) {
      return BigInteger.ZERO;
    }
    BigInteger one = BigInteger.ONE.shiftLeft(f);
    BigInteger y0 = FixedPoint.ofDouble(Math.log1p(FixedPoint.toDouble(y, f)), f);
    BigInteger w = one.add(y).multiply(Exp.expNonPositive(y0.negate(), f)).shiftRight(f)
        .subtract(one);
    if (w.abs().bitLength() > f - 40) {
      throw new ArithmeticException("log1p: estimate too far off (w = " + w + " / 2^" + f + ")");
    }
    BigInteger sum = w;
    BigInteger power = w;
    for (int n = 2; ; n++) {
      power = power.multiply(w).shiftRight(f);
      BigInteger term = power.divide(BigInteger.valueOf(n));
      if (term.signum() == 0) {
        return y0.add(sum);
      }
      sum = (n % 2 == 0) ? sum.subtract(term) : sum.add(term);
    }
  }
}
