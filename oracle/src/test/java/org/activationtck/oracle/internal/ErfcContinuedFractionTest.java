package org.activationtck.oracle.internal;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.big;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The continued fraction against Apfloat's erfc (an independent implementation), held to the
 * class's own bound: below 10^-(d+2) before the final rounding at d + 4 digits, so within 2 *
 * 10^-(d+2) relative after it (the promise to callers is 10^-d; the sharper check catches a
 * stopping rule a few bits too loose). Seeded random t in [1, 40] at digits 1 to 300, the ends of
 * the range, and both sides of every cut-over.
 */
class ErfcContinuedFractionTest {

  private static void assertWithinBound(double t, int digits) {
    BigDecimal expected = big(ApfloatMath.erfc(apfloat(t, digits + 40)));
    BigDecimal actual = ErfcContinuedFraction.erfc(new BigDecimal(t), digits);
    BigDecimal relative = actual.subtract(expected).abs()
        .divide(expected, new MathContext(5));
    BigDecimal bound = BigDecimal.valueOf(2).movePointLeft(digits + 2);
    assertTrue(relative.compareTo(bound) <= 0,
        () -> "erfc(" + t + ") at " + digits + " digits: relative error " + relative
            + " above " + bound + " (" + actual + " vs " + expected + ")");
  }

  @Test
  void seededRandomArguments_withinTheBound() {
    SplittableRandom random = new SplittableRandom(7);
    int[] digits = {1, 2, 5, 17, 20, 40, 100, 300};
    for (int i = 0; i < 400; i++) {
      double t = 1 + 39 * random.nextDouble();
      assertWithinBound(t, digits[i % digits.length]);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 20, 40, 80, 100, 400})
  void cutOvers_andRangeEnds_withinTheBound(int digits) {
    double c = ErfcContinuedFraction.cutOver(digits);
    for (double t : new double[] {1, Math.nextDown(c), c, Math.nextUp(c), 2 * c, 1000.5,
        69999.75, 70000}) {
      if (t >= 1) {
        assertWithinBound(t, digits);
      }
    }
  }

  @Test
  void argumentsOutsideTheRange_throw() {
    assertThrows(IllegalArgumentException.class,
        () -> ErfcContinuedFraction.erfc(new BigDecimal("0.999"), 20));
    assertThrows(ArithmeticException.class,
        () -> ErfcContinuedFraction.erfc(new BigDecimal("70000.001"), 20));
  }
}
