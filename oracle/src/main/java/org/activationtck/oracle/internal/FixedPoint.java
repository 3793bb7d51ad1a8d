package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.activationtck.spec.format.PowersOfTen;

/**
 * Binary fixed-point numbers for the kernels: a real v is held as the integer V = floor(v 2^F)
 * (or a value within a stated number of units of it) for a fraction width of F bits, so that sums
 * are exact and a product costs one integer multiplication and one shift. BigDecimal's decimal
 * rounding (a division by a power of ten per operation) is what this avoids.
 *
 * <p>Conversions are exact up to one truncation each, whose error is stated per method.
 */
public final class FixedPoint {

  /** log2(10) rounded up: bits per decimal digit. */
  public static final double LOG2_10 = 3.3219280948873626;


  private FixedPoint() {}

  /** Bits that carry {@code digits} decimal digits: ceil(digits log2 10). */
  public static int bitsFor(int digits) {
    return (int) Math.ceil(digits * LOG2_10);
  }

  /**
   * floor(x 2^f) for an exact decimal x: exact when x 2^f is an integer, else within one unit
   * (truncation toward minus infinity).
   */
  public static BigInteger of(BigDecimal x, int f) {
    BigInteger u = x.unscaledValue();
    int scale = x.scale();
    if (scale <= 0) {
      return u.multiply(PowersOfTen.of(-scale)).shiftLeft(f);
    }
    BigInteger[] qr = u.shiftLeft(f).divideAndRemainder(PowersOfTen.of(scale));
    // divideAndRemainder truncates toward zero; step down for negative non-integers.
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** floor(a b / 2^f): the fixed-point product, within one unit of the exact product. */
  public static BigInteger multiply(BigInteger a, BigInteger b, int f) {
    return a.multiply(b).shiftRight(f);
  }

  /**
   * The decimal v 10^e10 with v = V / 2^f > 0, truncated to {@code digits} digits after v's
   * decimal point: V 10^digits / 2^f floor, so the result is below the exact value by less than
   * 10^(e10 - digits).
   */
  public static BigDecimal toDecimal(BigInteger v, int f, int digits, long e10) {
    BigInteger m = v.multiply(PowersOfTen.of(digits)).shiftRight(f);
    long scale = digits - e10;
    if (scale > Integer.MAX_VALUE || scale < Integer.MIN_VALUE) {
      throw new ArithmeticException("decimal exponent out of range: " + e10);
    }
    return new BigDecimal(m, (int) scale);
  }

  /**
   * x as a double within relative 10^-10 (for scales below 4 * 10^5: the error is below
   * (|shift ln 2| + |scale ln 10| + 50) 2^-52), or 0 when |x| < 10^-299; for choosing reductions and
   * thresholds only. BigDecimal.doubleValue formats and parses a string for every non-compact
   * value (an exact double's 50 digits), which cost as much as a 40-digit exp.
   */
  public static double approximate(BigDecimal x) {
    BigInteger u = x.unscaledValue();
    if (u.signum() == 0) {
      return 0;
    }
    int shift = Math.max(0, u.bitLength() - 62);
    double top = Math.abs(u.shiftRight(shift).doubleValue());
    // ln|x| = ln(top) + shift ln 2 - scale ln 10, each term within an ulp (x beyond the double
    // range becomes +-Infinity, which no caller reaches).
    double log = Math.log(top) + shift * LN2 - x.scale() * LN10;
    if (log < -690) {
      return 0;
    }
    double v = Math.exp(log);
    return u.signum() < 0 ? -v : v;
  }

  /**
   * V 2^-f as a double within relative 2^-52 (V's 62 leading bits, rounded once), for choosing
   * reductions and estimates; 0 for V = 0, and 0 or a subnormal when V 2^-f is below 2^-1022.
   */
  public static double toDouble(BigInteger v, int f) {
    int shift = Math.max(0, v.bitLength() - 62);
    return Math.scalb(v.shiftRight(shift).doubleValue(), shift - f);
  }

  /**
   * floor(y 2^f) for a finite double y, exactly when y 2^f is an integer, else within one unit
   * (truncation toward minus infinity): from y's bits, without a decimal detour.
   */
  public static BigInteger ofDouble(double y, int f) {
    if (y == 0) {
      return BigInteger.ZERO;
    }
    int exponent = Math.getExponent(y);
    long bits = Double.doubleToRawLongBits(y);
    long mantissa = bits & 0xFFFFFFFFFFFFFL;
    if (exponent == Double.MIN_EXPONENT - 1) {
      exponent = Double.MIN_EXPONENT;  // subnormal: fraction 2^-1074, no hidden bit
    } else {
      mantissa |= 0x10000000000000L;
    }
    // |y| = mantissa 2^(exponent - 52)
    BigInteger m = BigInteger.valueOf(y < 0 ? -mantissa : mantissa);
    int shift = exponent - 52 + f;
    return shift >= 0 ? m.shiftLeft(shift) : m.shiftRight(-shift);
  }

  private static final double LN2 = Math.log(2);
  private static final double LN10 = Math.log(10);
}
