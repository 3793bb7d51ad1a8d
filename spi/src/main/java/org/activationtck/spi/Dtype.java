package org.activationtck.spi;

import java.util.Locale;

/**
 * The IEEE 754 binary formats an activation is evaluated in. Every value of every format is
 * exactly representable as a Java {@code double}, which is how the TCK carries them.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Dtype {
  /** binary64: 53-bit significand, exponents -1022..1023. */
  FLOAT64(53, -1022, 1023),
  /** binary32: 24-bit significand, exponents -126..127. */
  FLOAT32(24, -126, 127),
  /** binary16: 11-bit significand, exponents -14..15. */
  FLOAT16(11, -14, 15),
  /** bfloat16: 8-bit significand, float32's exponent range. */
  BFLOAT16(8, -126, 127);

  private final int precision;
  private final int minExponent;
  private final int maxExponent;

  Dtype(int precision, int minExponent, int maxExponent) {
    this.precision = precision;
    this.minExponent = minExponent;
    this.maxExponent = maxExponent;
  }

  /** Significand bits, the implicit leading bit included. */
  public int precision() {
    return precision;
  }

  /** Exponent of the smallest normal number, {@code 2^minExponent}. */
  public int minExponent() {
    return minExponent;
  }

  /** Exponent of the largest finite binade. */
  public int maxExponent() {
    return maxExponent;
  }

  /** The lower-case name used in fixtures, the CLI and the process protocol, e.g. {@code float32}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an id such as {@code float32}.
   *
   * @throws IllegalArgumentException naming the bad token when it is not a dtype
   */
  public static Dtype fromId(String id) {
    for (Dtype d : values()) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown dtype '" + id + "' (expected float64, float32, float16 or bfloat16)");
  }
}
