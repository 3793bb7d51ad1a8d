package org.activationtck.oracle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.activationtck.oracle.Real;
import org.apfloat.Apfloat;

/**
 * Independent truths for oracle tests: Apfloat (an arbitrary-precision engine that shares no code
 * with big-math) and assertions that compare an oracle {@link Real} with them.
 */
public final class Truth {

  private Truth() {}

  /** The exact value of a double as an Apfloat of the given precision (exact when it fits). */
  public static Apfloat apfloat(double x, long precision) {
    return new Apfloat(new BigDecimal(x), precision);
  }

  /** An exact decimal string as an Apfloat. */
  public static Apfloat apfloat(String decimal, long precision) {
    return new Apfloat(decimal, precision);
  }

  /**
   * Apfloat to BigDecimal, from the scientific form (the plain one writes e^(-4.9 * 10^9)'s
   * 2.1 * 10^9 leading zeros).
   */
  public static BigDecimal big(Apfloat a) {
    return new BigDecimal(a.toString(false));
  }

  /**
   * Asserts the real is finite and agrees with the expected value to within relative
   * 10^-(digits - 1): the oracle promises 10^-digits, the expectation carries its own rounding.
   */
  public static void assertAgrees(BigDecimal expected, Real actual, int digits) {
    assertEquals(Real.Kind.FINITE, actual.kind(), () -> "expected finite " + expected + ", got " + actual);
    BigDecimal diff = actual.value().subtract(expected).abs();
    BigDecimal bound = expected.abs().scaleByPowerOfTen(-(digits - 1));
    assertTrue(diff.compareTo(bound) <= 0, () -> "expected " + expected.round(new MathContext(digits + 5))
        + "\n     got " + actual + "\nrelative error above 1E-" + (digits - 1));
  }

  /** As {@link #assertAgrees(BigDecimal, Real, int)} with an Apfloat expectation. */
  public static void assertAgrees(Apfloat expected, Real actual, int digits) {
    assertAgrees(big(expected), actual, digits);
  }

  /** Asserts the real is exact and equal to the decimal. */
  public static void assertExact(String expected, Real actual) {
    if (!actual.isExact()) {
      fail("expected exact " + expected + ", got " + actual);
    }
    if (actual.kind() == Real.Kind.ZERO) {
      assertEquals(0, new BigDecimal(expected.replace("-", "")).signum(), () -> "got " + actual);
      assertEquals(expected.startsWith("-"), actual.isNegative(), () -> "sign of zero: got " + actual);
      return;
    }
    assertEquals(0, new BigDecimal(expected).compareTo(actual.value()),
        () -> "expected " + expected + ", got " + actual);
  }

  /** Rounds to n significant digits, half-even. */
  public static BigDecimal round(BigDecimal v, int n) {
    return v.round(new MathContext(n, RoundingMode.HALF_EVEN));
  }
}
