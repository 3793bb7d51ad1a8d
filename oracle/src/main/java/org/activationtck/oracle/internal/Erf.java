package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
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
 * is summed as t * S with S = sum_n (2t^2)^n / (2n+1)!!, in binary fixed point (F fraction bits,
 * integers in place of BigDecimal's decimal roundings), with the recurrence a_0 = 1,
 * a_{n+1} = a_n * 2t^2 / (2n+3). Every term is positive, so there is no cancellation (unlike the
 * alternating Maclaurin series, whose terms reach e^(t^2)); 1 <= S <= e^(t^2).
 * Beyond the saturation point erf(t) = 1 - erfc(t) with erfc(t) < e^(-t^2) <= 10^-(d+4), so 1 is
 * within relative 10^-(d+3) and is returned (as an approximation, never exact).
 *
 * <p>Between {@link ErfcContinuedFraction#cutOver}(d) (0.5 sqrt(d) + 1, at least 2) and saturation the
 * series would need about 2t^2 terms just to pass its largest term; there erf(t) = 1 - erfc(t)
 * with erfc from the continued fraction to only m = max(1, d + 2 - L) digits, L = floor(t^2 /
 * LN10_UP) <= t^2 / ln 10: erfc(t) < e^(-t^2) <= 10^-L (t >= 1), so its error is below
 * 10^-(d+2) absolute, relative 1.02 * 10^-(d+2) of erf(t) >= erf(2) > 0.99; the subtraction is exact.
 *
 * <p>Error bound, P = ceil((d + 3) log2 10), F = P + {@link #SERIES_BITS}. Stopping rule: the ratio
 * r_n = 2t^2/(2n+3) decreases in n; once r_n <= 1/2 the tail after a_n is at most a_n
 * (r + r^2 + ... <= 1) and the loop stops when a_n <= S 2^-(P+1). Truncation: 2t^2 is within one
 * unit 2^-F, each term within two more units of a_(n-1) times the computed ratio; over N terms,
 * while the terms grow their relative errors add up to at most 2N units of S, once they shrink
 * the absolute errors contract, and the error of 2t^2 moves S by at most (2N + 4) units: below
 * (8N + 8) 2^-F S < 2^-(P+1) S for N <= {@link #MAX_TERMS} < 2^20. So S is within 2^-P <=
 * 10^-(d+3), its decimal truncation at d + 3 digits after the point (S >= 1) adds 10^-(d+3), and
 * e^(-t^2), 2/sqrt(pi) and the four products at q = d + {@link #SERIES_GUARD} digits add below
 * 6 * 10^(1-q). Total: below 10^-(d+2).
 *
 * <p>Tiny arguments. Below t^2 = 10^-(d+3) ({@link #tiny}) the Maclaurin series
 * erf(t) = (2/sqrt(pi)) t (1 - t^2/3 + t^4/10 - ...), alternating with decreasing terms for
 * t^2 < 1, gives erf(t) = (2t/sqrt(pi))(1 - theta t^2/3), 0 <= theta <= 1: 2t/sqrt(pi) is within
 * relative t^2/3 / (1 - t^2/3) < 10^-(d+3) (the computed t^2 is within relative 10^-(d+10), inside
 * the factor 3). It is computed at q = d + {@link #SERIES_GUARD} digits (a
 * product, a quotient, and sqrt(pi) within one unit: below 3 * 10^(1-q)): total below
 * 10^-(d+2). This skips e^(-t^2) and the fixed-point series, which cost the same at t = 10^-40
 * as at t = 1 (gelu's x/2 hard cases at tiny x evaluate erf there by the million).
 *
 * <p>Cost: about 2t^2 + 2(d+3) terms, t^2 < (d+4) ln 10, so O(d) terms of q digits.
 */
public final class Erf {

  /** Guard digits of the series: log10(3 * MAX_TERMS) + 4 rounded up, see the error bound. */
  static final int SERIES_GUARD = 11;

  /** Fraction bits beyond P: 2^24 > 2(8N + 8) for N <= MAX_TERMS, see the error bound. */
  static final int SERIES_BITS = 24;

  /** Upper bound on the terms summed; (d+4) ln 10 < 2.4e4 for d <= 10^4 keeps n near 6e4. */
  static final int MAX_TERMS = 1_000_000;

  /** ln 10 rounded up, so that t^2 >= (d+4) * LN10_UP implies t^2 >= (d+4) ln 10. */
  static final double LN10_UP = 2.3026;

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private Erf() {}

  /**
   * The smallest t^2 at which erfc(t) < e^(-t^2) <= 10^-(d+4): beyond it erf is 1 and erfc uses
   * the continued fraction (see {@link Erfc}).
   */
  public static double saturation(int digits) {
    return (digits + 4) * LN10_UP;
  }

  /**
   * Whether t^2 (computed to d + {@link #SERIES_GUARD} digits) is below 10^-(d+3), where erf(t) =
   * 2t/sqrt(pi) within relative 10^-(d+3): decided exactly on the decimal exponent, see the class
   * comment.
   */
  static boolean tiny(BigDecimal t2, int digits) {
    return Precision.exponent10(t2) < -(digits + 3L);
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
    // (approximate: relative 10^-10, far inside LN10_UP's margin over ln 10 of 6 * 10^-6)
    double t2d = FixedPoint.approximate(t2);
    if (t2d >= saturation(digits)) {
      return BigDecimal.ONE;
    }
    if (tiny(t2, digits)) {
      return t.multiply(TWO, mc).divide(PiConstants.sqrtPi(mc.getPrecision()), mc);
    }
    if (FixedPoint.approximate(t) >= ErfcContinuedFraction.cutOver(digits)) {
      int m = Math.max(1, digits + 2 - (int) Math.floor(t2d / LN10_UP));
      return BigDecimal.ONE.subtract(ErfcContinuedFraction.erfc(t, m))
          .round(Precision.working(digits));
    }
    return scaledSeries(t, t2, digits, mc);
  }

  /** (2/sqrt(pi)) e^(-t^2) t * sum; t > 0, t^2 below saturation. */
  private static BigDecimal scaledSeries(BigDecimal t, BigDecimal t2, int digits, MathContext mc) {
    int p = FixedPoint.bitsFor(digits + 3);
    int f = p + SERIES_BITS;
    BigInteger one = BigInteger.ONE.shiftLeft(f);
    BigInteger twoT2 = FixedPoint.of(t2.add(t2), f);
    BigInteger a = one;
    BigInteger s = one;
    // r_n = 2t^2 / (2n+3) <= 1/2 once 2n + 3 >= c = ceil(2 twoT2 2^-f): from n = ratioFrom on.
    long c = twoT2.shiftLeft(1).add(one).subtract(BigInteger.ONE).shiftRight(f).longValueExact();
    long ratioFrom = Math.max(0, (c - 2) / 2);
    for (int n = 0; ; n++) {
      if (n > MAX_TERMS) {
        throw new ArithmeticException("erf series did not converge for t = " + t);
      }
      long denominator = 2L * n + 3;
      a = a.multiply(twoT2).shiftRight(f).divide(BigInteger.valueOf(denominator));
      s = s.add(a);
      // Once r_n <= 1/2 the tail is below a_n; stop when a_n <= S 2^-(P+1), tested by bit
      // lengths (a < 2^len(a) <= 2^(len(S) - 1 - (P+1)) <= S 2^-(P+1)): at most a term later.
      if (n >= ratioFrom && a.bitLength() <= s.bitLength() - (p + 2)) {
        break;
      }
    }
    BigDecimal sum = FixedPoint.toDecimal(s, f, digits + 3, 0);
    BigDecimal e = Exp.exp(t2.negate(), digits + SERIES_GUARD);
    BigDecimal sqrtPi = PiConstants.sqrtPi(mc.getPrecision());
    return sum.multiply(t, mc).multiply(e, mc).multiply(BigDecimal.valueOf(2), mc).divide(sqrtPi, mc);
  }
}
