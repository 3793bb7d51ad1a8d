package org.activationtck.spi;

/**
 * Conversions between the 16-bit formats' IEEE bit patterns and the doubles they denote, exact
 * both ways for values of the format.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Bits16 {

  private Bits16() {}

  /** The value of a float16 or bfloat16 bit pattern. */
  public static double decode(short bits, Dtype t) {
    int b = bits & 0xffff;
    if (t == Dtype.BFLOAT16) {
      return Float.intBitsToFloat(b << 16);
    }
    requireFloat16(t);
    double sign = (b & 0x8000) != 0 ? -1.0 : 1.0;
    int exp = (b >>> 10) & 0x1f;
    int mant = b & 0x3ff;
    if (exp == 0x1f) {
      return mant == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (exp == 0) {
      return sign * mant * 0x1p-24;
    }
    return sign * Math.scalb(1.0 + mant / 1024.0, exp - 15);
  }

  /**
   * The bit pattern of a value of float16 or bfloat16 (NaN becomes the canonical quiet NaN).
   *
   * @throws IllegalArgumentException when d is not a value of the format
   */
  public static short encode(double d, Dtype t) {
    if (t == Dtype.BFLOAT16) {
      if (Double.isNaN(d)) {
        return (short) 0x7fc0;
      }
      float f = (float) d;
      int bits = Float.floatToRawIntBits(f);
      if (f != d || (bits & 0xffff) != 0) {
        throw new IllegalArgumentException(d + " is not a bfloat16 value");
      }
      return (short) (bits >>> 16);
    }
    requireFloat16(t);
    if (Double.isNaN(d)) {
      return (short) 0x7e00;
    }
    int sign = Double.doubleToRawLongBits(d) < 0 ? 0x8000 : 0;
    double a = Math.abs(d);
    if (Double.isInfinite(a)) {
      return (short) (sign | 0x7c00);
    }
    short bits;
    if (a < 0x1p-14) {
      double m = a * 0x1p24;
      bits = (short) (sign | (int) m);
      if (m != Math.rint(m)) {
        throw new IllegalArgumentException(d + " is not a float16 value");
      }
    } else {
      int exp = Math.getExponent(a);
      double frac = (a / Math.scalb(1.0, exp) - 1.0) * 1024;
      if (exp > 15 || frac != Math.rint(frac)) {
        throw new IllegalArgumentException(d + " is not a float16 value");
      }
      bits = (short) (sign | ((exp + 15) << 10) | (int) frac);
    }
    return bits;
  }

  private static void requireFloat16(Dtype t) {
    if (t != Dtype.FLOAT16) {
      throw new IllegalArgumentException("not a 16-bit format: " + t.id());
    }
  }
}
