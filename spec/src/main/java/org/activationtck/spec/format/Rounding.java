package org.activationtck.spec.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * Correct rounding of exact decimals to the binary formats, round-to-nearest-even, with
 * subnormals, overflow to ±Infinity and underflow to a signed zero; and the shortest decimal that
 * reads back as a given value of a format.
 *
 * <p>Method: write |v| = num/den with integers, find e with 2^e <= |v| < 2^(e+1), take the quantum
 * 2^q with q = max(e, emin) - (p - 1) (fixed at emin - p + 1 in the subnormal range), divide
 * num by den*2^q with remainder and round the quotient half-to-even on the remainder. The result
 * n*2^q is exact in a double for every format here, so {@link Math#scalb} reconstructs it without
 * a second rounding. Overflow: a rounded magnitude of 2^(emax+1) or more is infinite, which is
 * IEEE 754's rule for round-to-nearest.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class Rounding {

  private static final BigDecimal HALF = new BigDecimal("0.5");

  private Rounding() {}

  /** Rounds an exact decimal to the nearest value of the format, ties to even. */
  public static double round(BigDecimal v, Dtype t) {
    return round(v, 0, t);
  }

  /**
   * How every value strictly beside v, on the given side and close enough to it, rounds: as v
   * itself, except that a v exactly halfway between two values of the format goes to the one on
   * that side (instead of to even). For Ziv's loop on one-sided approximations (the oracle's
   * Real.beside), without building a point a few thousand decimals beside v.
   *
   * @param side +1 (values just above v) or -1 (just below)
   */
  public static double roundBeside(BigDecimal v, int side, Dtype t) {
    if (v.signum() == 0 || (side != 1 && side != -1)) {
      throw new IllegalArgumentException("roundBeside needs a nonzero value and a side of +1 or -1");
    }
    return round(v, side, t);
  }

  /** side 0: ties to even; +-1: the values just above/below v (see roundBeside). */
  private static double round(BigDecimal v, int side, Dtype t) {
    int signum = v.signum();
    if (signum == 0) {
      return 0.0;
    }
    // Decimal exponents far outside every format settle the result without building 10^scale:
    // |v| < 10^-400 < 2^-1075 (half of float64's smallest subnormal) rounds to a signed zero,
    // |v| >= 10^400 > 2^1024 overflows every format.
    long e10 = (long) v.precision() - v.scale() - 1;
    if (e10 < -400) {
      return signum < 0 ? -0.0 : 0.0;
    }
    if (e10 > 400) {
      return signum < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    BigInteger num = v.unscaledValue().abs();
    BigInteger den = BigInteger.ONE;
    int scale = v.scale();
    if (scale > 0) {
      den = PowersOfTen.of(scale);
    } else if (scale < 0) {
      num = num.multiply(PowersOfTen.of(-scale));
    }
    // floor(log2(num/den)): bit lengths give it to within one.
    long e = (long) num.bitLength() - den.bitLength();
    if (compareScaled(num, den, e) < 0) {
      e--;
    }
    int p = t.precision();
    if (e > t.maxExponent()) {
      return signum < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    long q = Math.max(e, t.minExponent()) - (p - 1);
    if (q < t.minExponent() - p - 2) {
      // unreachable: q is at least emin - p + 1
      throw new AssertionError();
    }
    BigInteger n;
    BigInteger rem;
    BigInteger div;
    if (q >= 0) {
      div = den.shiftLeft((int) q);
      BigInteger[] qr = num.divideAndRemainder(div);
      n = qr[0];
      rem = qr[1];
    } else {
      div = den;
      BigInteger[] qr = num.shiftLeft((int) -q).divideAndRemainder(div);
      n = qr[0];
      rem = qr[1];
    }
    int c = rem.shiftLeft(1).compareTo(div);
    // A tie goes to even, or, for the values just beside v, to the side they lie on (in
    // magnitude: side * signum).
    boolean tieUp = side == 0 ? n.testBit(0) : side * signum > 0;
    if (c > 0 || (c == 0 && tieUp)) {
      n = n.add(BigInteger.ONE);
    }
    double r = Math.scalb((double) n.longValueExact(), (int) q);
    if (Math.getExponent(r) > t.maxExponent()) {
      r = Double.POSITIVE_INFINITY;
    }
    return signum < 0 ? -r : r;
  }

  /** Compares num/den with 2^e. */
  private static int compareScaled(BigInteger num, BigInteger den, long e) {
    if (e >= 0) {
      return num.compareTo(den.shiftLeft((int) e));
    }
    return num.shiftLeft((int) -e).compareTo(den);
  }

  /**
   * Rounds a double to the format (identity for float64). NaN, infinities and signed zeros are
   * kept; a nonzero value may underflow to a zero of its sign.
   */
  public static double round(double d, Dtype t) {
    if (t == Dtype.FLOAT64 || Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
      return d;
    }
    if (t == Dtype.FLOAT32) {
      return (float) d;
    }
    double r = round(new BigDecimal(d), t);
    return r == 0 ? Math.copySign(0.0, d) : r;
  }

  /** Whether d is a value of the format (NaN and infinities included). */
  public static boolean isRepresentable(double d, Dtype t) {
    return Double.isNaN(d) || Double.compare(round(d, t), d) == 0;
  }

  /**
   * The shortest decimal string that rounds back to d in the format: {@code NaN},
   * {@code Infinity}, {@code -Infinity}, {@code 0.0} and {@code -0.0} spelled so, otherwise plain
   * notation for 1e-5 <= |d| < 1e16 and {@code 1.234E-320} style outside.
   *
   * @throws IllegalArgumentException when d is not a value of the format
   */
  public static String shortest(double d, Dtype t) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return Double.doubleToRawLongBits(d) == 0 ? "0.0" : "-0.0";
    }
    if (!isRepresentable(d, t)) {
      throw new IllegalArgumentException(d + " is not a " + t.id() + " value");
    }
    BigDecimal exact = new BigDecimal(d);
    // A candidate exactly halfway to a neighbour reads back as d only by ties-to-even; such a
    // string ("710" for bfloat16's 712) misleads people and readers that round otherwise, so it
    // is skipped. 17 significant digits always single out a double (9 a float32): the loop ends.
    BigDecimal below = midpoint(exact, next(d, t, false));
    BigDecimal above = midpoint(exact, next(d, t, true));
    BigDecimal head = head(exact);
    for (int digits = 1; ; digits++) {
      BigDecimal c = head.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      boolean readsBack;
      if (below != null && above != null) {
        // Between two finite neighbours, c reads back as d exactly when it lies strictly
        // between the midpoints (a midpoint itself is excluded anyway): two comparisons in
        // place of a rounding.
        BigDecimal lo = below.min(above);
        BigDecimal hi = below.max(above);
        readsBack = c.compareTo(lo) > 0 && c.compareTo(hi) < 0;
      } else {
        readsBack = round(c, t) == d && !equal(c, below) && !equal(c, above);
      }
      if (readsBack) {
        return format(c.stripTrailingZeros());
      }
    }
  }

  /** Significant digits {@link #head} keeps before its sticky digit. */
  private static final int HEAD_DIGITS = 24;

  /**
   * v truncated to {@link #HEAD_DIGITS} significant digits, with a last digit 1 appended when
   * anything nonzero was cut: it rounds half-even to any n <= HEAD_DIGITS - 1 digits exactly as v
   * does (that depends only on the first n + 1 digits and on whether any later digit is
   * nonzero). A subnormal's 750 digits are cut once, with a cached power of ten, instead of
   * once per candidate length.
   */
  static BigDecimal head(BigDecimal v) {
    BigInteger u = v.unscaledValue().abs();
    int length = decimalLength(u);
    if (length <= HEAD_DIGITS) {
      return v;
    }
    int cut = length - HEAD_DIGITS;
    BigInteger[] qr = u.divideAndRemainder(PowersOfTen.of(cut));
    BigInteger h = qr[0].multiply(BigInteger.TEN);
    if (qr[1].signum() != 0) {
      h = h.add(BigInteger.ONE);
    }
    return new BigDecimal(v.signum() < 0 ? h.negate() : h, v.scale() - cut + 1);
  }

  /** The number of decimal digits of u > 0, with cached powers of ten. */
  private static int decimalLength(BigInteger u) {
    int estimate = (int) ((u.bitLength() - 1) * 0.30102999566398120) + 1;
    // 10^(estimate-1) <= u holds, or the estimate is one too high.
    if (u.compareTo(PowersOfTen.of(estimate - 1)) < 0) {
      estimate--;
    }
    return u.compareTo(PowersOfTen.of(estimate)) >= 0 ? estimate + 1 : estimate;
  }

  private static BigDecimal midpoint(BigDecimal a, double b) {
    return Double.isInfinite(b) ? null : a.add(new BigDecimal(b)).multiply(HALF);
  }

  private static boolean equal(BigDecimal a, BigDecimal b) {
    return b != null && a.compareTo(b) == 0;
  }

  /**
   * The neighbouring value of the format above (or below) a finite value of it; the largest
   * finite value's neighbour outward is infinite.
   */
  public static double next(double x, Dtype t, boolean up) {
    if (Double.isInfinite(x) || Double.isNaN(x)) {
      return x;
    }
    if (t == Dtype.FLOAT64) {
      return up ? Math.nextUp(x) : Math.nextDown(x);
    }
    if (t == Dtype.FLOAT32) {
      return up ? Math.nextUp((float) x) : Math.nextDown((float) x);
    }
    if (x == 0) {
      return fromBits16((short) (up ? 0x0001 : 0x8001), t);
    }
    int b = toBits16(x, t) & 0xffff;
    boolean negative = (b & 0x8000) != 0;
    return fromBits16((short) ((up != negative) ? b + 1 : b - 1), t);
  }

  /** Plain notation near 1, scientific far from it; always with a decimal point or exponent. */
  public static String format(BigDecimal c) {
    int exponent = c.precision() - c.scale() - 1;
    if (exponent >= -5 && exponent < 16) {
      String s = c.toPlainString();
      return s.indexOf('.') < 0 ? s + ".0" : s;
    }
    String digits = c.unscaledValue().abs().toString();
    StringBuilder b = new StringBuilder();
    if (c.signum() < 0) {
      b.append('-');
    }
    b.append(digits.charAt(0));
    if (digits.length() > 1) {
      b.append('.').append(digits, 1, digits.length());
    }
    return b.append('E').append(exponent).toString();
  }

  /**
   * The IEEE bit pattern of a value of a 16-bit format (float16 or bfloat16).
   *
   * @throws IllegalArgumentException when d is not a value of the format
   */
  public static short toBits16(double d, Dtype t) {
    return org.activationtck.spi.Bits16.encode(d, t);
  }

  /** The value of a 16-bit pattern in float16 or bfloat16. */
  public static double fromBits16(short bits, Dtype t) {
    return org.activationtck.spi.Bits16.decode(bits, t);
  }
}
