package org.activationtck.cli.exhaustive;

import org.activationtck.spi.API;

/**
 * The class of a float32 input a failure is reported under: its sign times its binade
 * ([2^e, 2^(e+1)) for each normal exponent e), the subnormals, the zeros, the infinities and NaN
 * (every payload), each with its sign. 2 x 258 classes, numbered by {@link #of}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class InputClass {

  /** The number of classes. */
  public static final int COUNT = 2 * 258;

  private static final int ZERO = 256;
  private static final int INFINITY = 257;
  private static final int NAN = 255;
  private static final int SUBNORMAL = 0;

  private InputClass() {}

  /** The class of a float32 bit pattern. */
  public static int of(int bits) {
    int sign = bits >>> 31;
    int exponent = (bits >>> 23) & 0xff;
    int mantissa = bits & 0x7fffff;
    int k;
    if (exponent == 0) {
      k = mantissa == 0 ? ZERO : SUBNORMAL;
    } else if (exponent == 0xff) {
      k = mantissa == 0 ? INFINITY : NAN;
    } else {
      k = exponent;
    }
    return sign * 258 + k;
  }

  /** A readable label: {@code -[2^-3, 2^-2)}, {@code +subnormal}, {@code -0.0}, {@code NaN (sign 1)}. */
  public static String label(int c) {
    int sign = c / 258;
    int k = c % 258;
    String s = sign == 0 ? "+" : "-";
    switch (k) {
      case ZERO: return s + "0.0";
      case INFINITY: return s + "Infinity";
      case NAN: return "NaN (sign bit " + sign + ")";
      case SUBNORMAL: return s + "subnormal";
      default: return s + "[2^" + (k - 127) + ", 2^" + (k - 126) + ")";
    }
  }
}
