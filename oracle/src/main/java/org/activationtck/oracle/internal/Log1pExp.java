package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * ln(1 + e^x) (softplus) with relative error at most 10^-digits, for |x| up to
 * {@link Exp#MAX_ARGUMENT}.
 *
 * <p>Method. For x < -(d + 3) ln 10 the result is e^x (ln(1 + y) = y (1 - y/2 + ...), relative
 * error below e^x / 2 < 10^-(d+3)), from {@link Exp#exp} at d + 1 digits. Otherwise, with
 * a = |x| and y = e^-a in (0, 1], ln(1 + e^x) is L = ln(1 + y) for x <= 0 and x + L for x > 0 (a
 * sum of two non-negative terms: no cancellation). L is computed in binary fixed point with F
 * fraction bits, without decimal glue: a to fixed point, y by {@link Exp#expNonPositive}, L by
 * {@link Log1p#ofFixed}, then one conversion to decimal.
 *
 * <p>Error bound, in units 2^-F: a within 1 (e^-a has slope below 1), y within 2 more, so within
 * 3 units of e^-a, moving L (slope below 1) by 3; {@link Log1p#ofFixed} adds below 2^12 - 3 for
 * F <= 80,000 (d up to 10^4): L within 2^12 units. x > 0: F = max(64, P + 12), P = ceil((d + 2) log2 10), so L is
 * within 10^-(d+2) absolute; it is truncated at d + 3 decimals; the result x + L >= max(x, ln 2)
 * has relative error below 1.45 (10^-(d+2) + 10^-(d+3)), and the rounding to d + 4 digits adds
 * 10^-(d+3): below 10^-(d+1). x <= 0: L >= y ln 2 >= 2^-E with E = ceil(a / ln 2) + 1, so
 * F = max(64, P + E + 12) puts L within relative 10^-(d+2); the truncation at
 * d + 3 + ceil(E log10 2) decimals adds below 10^-(d+3) relative, the final rounding
 * 10^-(d+3): below 10^-(d+1). Callers handle |x| > {@link Exp#MAX_ARGUMENT}.
 */
public final class Log1pExp {

  private static final double LN10 = Math.log(10);
  private static final double LN2 = Math.log(2);
  private static final double LOG10_2 = Math.log10(2);

  /** Bits covering the 2^12 units of the fixed-point error bound. */
  static final int ERROR_BITS = 12;

  private Log1pExp() {}

  /** ln(1 + e^x) within relative 10^-digits. @throws ArithmeticException for |x| > MAX_ARGUMENT */
  public static BigDecimal log1pExp(BigDecimal x, int digits) {
    // (relative 10^-10 in x moves e^x by far less than the margin of the bound below)
    double xd = FixedPoint.approximate(x);
    if (xd < -(digits + 3) * LN10) {
      // ln(1 + y) = y (1 - y/2 + ...) with y = e^x < 10^-(d+3): e^x itself is within relative
      // 10^-(d+3) (and log1p's exact 1 + y would carry y's 10^-400000 scale).
      return Exp.exp(x, digits + 1);
    }
    if (x.abs().compareTo(Exp.MAX_ARGUMENT) > 0) {
      throw new ArithmeticException("log1pExp argument out of range: " + x);
    }
    int p = FixedPoint.bitsFor(digits + 2);
    if (x.signum() > 0) {
      int f = Math.max(Log1p.MIN_FIXED_BITS, p + ERROR_BITS);
      BigInteger l = Log1p.ofFixed(Exp.expNonPositive(FixedPoint.of(x, f).negate(), f), f);
      return x.add(FixedPoint.toDecimal(l, f, digits + 3, 0)).round(Precision.working(digits));
    }
    // (xd within relative 10^-10 of x: a / ln 2 rounded up, plus one, covers a.)
    int e = (int) Math.ceil(-xd * (1 + 1e-9) / LN2) + 1;
    int f = Math.max(Log1p.MIN_FIXED_BITS, p + e + ERROR_BITS);
    // floor(x 2^F) <= x 2^F: -floor(...) >= a 2^F >= 0, within one unit.
    BigInteger l = Log1p.ofFixed(Exp.expNonPositive(FixedPoint.of(x, f), f), f);
    int decimals = digits + 3 + (int) Math.ceil(e * LOG10_2);
    return FixedPoint.toDecimal(l, f, decimals, 0).round(Precision.working(digits));
  }

  /**
   * ln(1 + e^x) for a double x, as {@link #log1pExp(BigDecimal, int)} with the same bound,
   * without the decimal detour for |x| <= 700: x goes into fixed point from its bits ({@link
   * FixedPoint#ofDouble}, the same one-unit truncation), and for x <= 0 the truncated L is
   * returned unrounded (no rounding term in the bound). Other x take the decimal path.
   */
  public static BigDecimal log1pExp(double x, int digits) {
    if (!(Math.abs(x) <= 700) || x < -(digits + 3) * LN10) {
      return log1pExp(new BigDecimal(x), digits);
    }
    int p = FixedPoint.bitsFor(digits + 2);
    if (x > 0) {
      int f = Math.max(Log1p.MIN_FIXED_BITS, p + ERROR_BITS);
      BigInteger l = Log1p.ofFixed(Exp.expNonPositive(FixedPoint.ofDouble(x, f).negate(), f), f);
      return new BigDecimal(x).add(FixedPoint.toDecimal(l, f, digits + 3, 0))
          .round(Precision.working(digits));
    }
    int e = (int) Math.ceil(-x * (1 + 1e-9) / LN2) + 1;
    int f = Math.max(Log1p.MIN_FIXED_BITS, p + e + ERROR_BITS);
    BigInteger l = Log1p.ofFixed(Exp.expNonPositive(FixedPoint.ofDouble(x, f), f), f);
    return FixedPoint.toDecimal(l, f, digits + 3 + (int) Math.ceil(e * LOG10_2), 0);
  }
}
