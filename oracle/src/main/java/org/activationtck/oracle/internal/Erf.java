package org.activationtck.oracle.internal;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The error function erf(t) = (2/sqrt(pi)) * integral_0^t e^(-s^2) ds with relative error at most
 * 10^-digits, for exact arguments (big-math has no erf).
 *
 * <p>Method. Odd symmetry keeps t > 0. For t^2 below {@link #saturation} the positive series
 * (Abramowitz and Stegun 7.1.6; DLMF 7.6.2)
 *
 * <pre>
 *   erf(t) = (2/sqrt(pi)) e^(-t^2) * sum_{n>=0} 2^n t^(2n+1) / (1*3*5*...*(2n+1))
 * </pre>
 *
 * is summed with the recurrence a_0 = t, a_{n+1} = a_n * 2t^2 / (2n+3). Every term is positive, so
 * there is no cancellation (unlike the alternating Maclaurin series, whose terms reach e^(t^2)).
 * Beyond the saturation point erf(t) = 1 - erfc(t) with erfc(t) < e^(-t^2) <= 10^-(d+4), so 1 is
 * within relative 10^-(d+3) and is returned (as an approximation, never exact).
 *
 * <p>Error bound. Stopping rule: the ratio r_n = 2t^2/(2n+3) decreases in n; once r_n <= 1/2 the
 * tail after a_n is at most a_n (r + r^2 + ... <= 1) and the loop stops when a_n <= S * 10^-(d+3).
 * Rounding: every term, partial sum and the final products are rounded to q = d + {@link
 * #SERIES_GUARD} digits, relative error below 10^(1-q) per operation; with at most {@link
 * #MAX_TERMS} terms of one sign the accumulated relative error is below 3 * MAX_TERMS * 10^(1-q)
 * = 3 * 10^(-d-3). Total: below 10^-(d+2).
 *
 * <p>Cost: about 2t^2 + 2(d+3) terms, t^2 < (d+4) ln 10, so O(d) terms of q digits.
 */
public final class Erf {

  /** Guard digits of the series: log10(3 * MAX_TERMS) + 4 rounded up, see the error bound. */
  static final int SERIES_GUARD = 11;

  /** Upper bound on the terms summed; (d+4) ln 10 < 2.4e4 for d <= 10^4 keeps n near 6e4. */
  static final int MAX_TERMS = 1_000_000;

  /** ln 10 rounded up, so that t^2 >= (d+4) * LN10_UP implies t^2 >= (d+4) ln 10. */
  static final double LN10_UP = 2.3026;

  private Erf() {}

  /**
   * The smallest t^2 at which erfc(t) < e^(-t^2) <= 10^-(d+4): beyond it erf is 1 and erfc uses
   * its asymptotic expansion (see {@link Erfc}).
   */
  public static double saturation(int digits) {
    return (digits + 4) * LN10_UP;
  }

  /** erf(t) within relative 10^-digits; exactly 0 for t = 0. */
  public static BigDecimal erf(BigDecimal t, int digits) {
    if (t.signum() < 0) {
      return erf(t.negate(), digits).negate();
    }
    if (t.signum() == 0) {
      return BigDecimal.ZERO;
    }
    MathContext mc = Precision.of(digits + SERIES_GUARD);
    BigDecimal t2 = t.multiply(t, mc);
    if (t2.doubleValue() >= saturation(digits)) {
      return BigDecimal.ONE;
    }
    return scaledSeries(t, t2, digits, mc);
  }

  /** (2/sqrt(pi)) e^(-t^2) * sum; t > 0, t^2 below saturation. */
  private static BigDecimal scaledSeries(BigDecimal t, BigDecimal t2, int digits, MathContext mc) {
    BigDecimal twoT2 = t2.add(t2);
    BigDecimal a = t.round(mc);
    BigDecimal s = a;
    BigDecimal stop = BigDecimal.ONE.movePointLeft(digits + 3);
    for (int n = 0; ; n++) {
      if (n > MAX_TERMS) {
        throw new ArithmeticException("erf series did not converge for t = " + t);
      }
      long denominator = 2L * n + 3;
      a = a.multiply(twoT2, mc).divide(BigDecimal.valueOf(denominator), mc);
      s = s.add(a, mc);
      // r_n = 2t^2 / (2n+3) <= 1/2 bounds the tail by a_n; then stop on relative size.
      boolean ratioSmall = twoT2.multiply(BigDecimal.valueOf(2)).compareTo(
          BigDecimal.valueOf(denominator)) <= 0;
      if (ratioSmall && a.compareTo(s.multiply(stop, mc)) <= 0) {
        break;
      }
    }
    BigDecimal e = Exp.exp(t2.negate(), digits + SERIES_GUARD);
    BigDecimal sqrtPi = BigDecimalMath.sqrt(BigDecimalMath.pi(mc), mc);
    return s.multiply(e, mc).multiply(BigDecimal.valueOf(2), mc).divide(sqrtPi, mc);
  }
}
