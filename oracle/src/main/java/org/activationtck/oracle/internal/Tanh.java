package org.activationtck.oracle.internal;

import org.activationtck.spec.format.PowersOfTen;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * tanh(x) with relative error at most 10^-digits.
 *
 * <p>Method. Odd symmetry keeps x > 0. For x beyond {@code (d + 2) ln(10) / 2 + 1} the result is
 * 1 - 2e^(-2x) + ... = 1 within relative 10^-(d+2), returned as 1 (not exact; the caller's Ziv
 * loop treats it as an approximation). For tiny x (2x below 10^-(d+3)) tanh x = m / (m + 2) with
 * m = 2x + 2x^2 from {@link Expm1}'s short series (relative error below 10^-(2d+4)), as before
 * (the fixed-point path below holds for every x > 0; the series only saves its width).
 * Otherwise, in binary fixed point with F fraction bits: m = e^(-2x) by one
 * {@link Exp#expNonPositive} and tanh x = (1 - m) / (1 + m) by one integer division. Near 0,
 * 1 - m ~ 2x cancels, which the width pays for: F = P + E + 3 with P = ceil((d + 2) log2 10) and
 * E = max(1, 1 - floor(log2 2x)), so that 1 - m >= 2^-E (1 - e^-y >= y/2 for y <= 1, >= 0.63
 * beyond).
 *
 * <p>Error bound. 2x to fixed point within 1 unit 2^-F (slope of e^-y below 1), m within 2 more
 * ({@link Exp#expNonPositive}): 1 - m and 1 + m within 3 units, relative 3 * 2^(E-F) and
 * 3 * 2^-F; the quotient within 6.01 * 2^(E-F) = 0.76 * 2^-P <= 0.76 * 10^-(d+2). It is
 * truncated at D = d + 3 + max(0, -e10) decimals (e10 = floor(log10 x); tanh x >= 0.76 min(x, 1)
 * >= 0.76 * 10^min(e10, 0)): relative below 1.32 * 10^-(d+3), and the result is returned
 * unrounded (it has d + 4 or d + 5 significant digits). Total below 10^-(d+1).
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
    if (FixedPoint.approximate(x) > (digits + 2) * LN10 / 2 + 1) {
      return BigDecimal.ONE;
    }
    BigDecimal y = x.multiply(BigDecimal.valueOf(2));
    long e10 = Precision.exponent10(x);
    if (Precision.exponent10(y) < -(digits + 3)) {
      BigDecimal m = Expm1.expm1(y, digits + 1);
      return m.divide(m.add(BigDecimal.valueOf(2)), Precision.working(digits));
    }
    double ya = FixedPoint.approximate(y);
    // below about 1e-300 approximate is 0 (its log would be -Infinity and E overflow): there
    // (bitLength(u) - 1) - scale log2 10 <= log2 y, one bit lower for the double's error, is
    // never too large
    double log2y = ya > 0 ? Math.floor(Math.log(ya) / Math.log(2))
        : Math.floor(y.unscaledValue().bitLength() - 1 - y.scale() * (LN10 / Math.log(2))) - 1;
    int e = (int) Math.max(1, 1 - log2y);
    // approximate is within relative 10^-10, so floor(log2) is off only for y within 10^-10 of a
    // power of two: one too small adds a bit; one too large leaves 1 - m >= 2^-E (1 - 10^-10),
    // which the slack in the bound below (0.76 of 10^-(d+2)) covers.
    int f = FixedPoint.bitsFor(digits + 2) + e + 3;
    return quotient(FixedPoint.of(y, f), f, e10, digits);
  }

  /**
   * tanh(x) for a double x, as {@link #tanh(BigDecimal, int)} with the same bound, without the
   * decimal detour: 2x goes into fixed point from its bits ({@link FixedPoint#ofDouble}, the
   * same one-unit truncation) and E from its binary exponent; e10 is taken one below
   * floor(log10 x) (one more decimal, never fewer). |x| < 2^-20 takes the decimal path.
   */
  public static BigDecimal tanh(double x, int digits) {
    if (x < 0) {
      return tanh(-x, digits).negate();
    }
    if (!(x >= 0x1p-20) || x > (digits + 2) * LN10 / 2 + 1) {
      return tanh(new BigDecimal(x), digits);
    }
    double y = 2 * x;
    int e = Math.max(1, 1 - Math.getExponent(y));
    int f = FixedPoint.bitsFor(digits + 2) + e + 3;
    return quotient(FixedPoint.ofDouble(y, f), f, (long) Math.floor(Math.log10(x)) - 1, digits);
  }

  /**
   * (1 - m) / (1 + m) with m = e^(-y), y = Y 2^-f > 0, truncated at d + 3 + max(0, -e10)
   * decimals, e10 <= floor(log10(y / 2)); see the class bound (no rounding after it).
   */
  private static BigDecimal quotient(BigInteger y, int f, long e10, int digits) {
    BigInteger one = BigInteger.ONE.shiftLeft(f);
    BigInteger m = Exp.expNonPositive(y.negate(), f);
    int decimals = (int) (digits + 3 + Math.max(0, -e10));
    BigInteger q = one.subtract(m).multiply(PowersOfTen.of(decimals)).divide(one.add(m));
    return new BigDecimal(q, decimals);
  }
}
