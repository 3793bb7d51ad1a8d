package org.activationtck.oracle.internal;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.activationtck.oracle.Real;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Erf and Erfc against Apfloat's erf/erfc (an independent implementation) at 150 digits, on each
 * side of every cut-over: the continued fraction's (t = 3.236 at d = 20, 4.162 at d = 40, 5.472
 * at d = 80) where erfc leaves 1 - erf and erf becomes 1 - erfc, and the saturation point t^2 =
 * (d+4) ln 10 (t = 10.066 at d = 40, 8.26 at d = 20, 13.74 at d = 80) where erf becomes 1;
 * and the tiny-argument cut-over t^2 = 10^-(d+3) (t = 3.16e-12 at d = 20, 3.16e-22 at d = 40,
 * 3.16e-42 at d = 80) where erf becomes 2t/sqrt(pi).
 */
class ErfTest {

  private static final int P = 150;

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, 4.9e-324, 1e-20, 3.1e-12, 3.2e-12, 3.1e-22, 3.2e-22, 3.1e-42,
      3.2e-42, 0.1, 0.5, 1, 2.5, 3.2, 3.3, 4.1, 4.2, 5.4,
      5.5, 5, 8.2, 8.3, 10.0, 10.1,
      13.7, 13.8, 27, -0.3, -3, -12})
  void erf_matchesApfloat(double t) {
    Apfloat expected = ApfloatMath.erf(apfloat(t, P));
    for (int d : new int[] {20, 40, 80}) {
      assertAgrees(expected, Real.approx(Erf.erf(new BigDecimal(t), d), d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, 1e-20, 0.1, 0.5, 1, 2.5, 3.2, 3.3, 4.1, 4.2, 5.4, 5.5, 5, 8.2, 8.3, 10.0, 10.1, 13.7, 13.8,
      20, 26.5, 28.3, 100, 999.9, 1000.5, 4344.5, 69999.75, 70000, -1e-10, -0.7, -4, -30})
  void erfc_matchesApfloat(double t) {
    Apfloat expected = ApfloatMath.erfc(apfloat(t, P));
    for (int d : new int[] {20, 40, 80}) {
      assertAgrees(expected, Real.approx(Erfc.erfc(new BigDecimal(t), d), d), d);
    }
  }

  /**
   * erf within its internal bound 10^-(d+2) on both sides of the tiny cut-over t^2 = 10^-(d+3):
   * just below it (where the dropped term t^2/3 is largest) and at t^2 = 10^-(d+1), where
   * 2t/sqrt(pi) would be 3.3 * 10^-(d+2) off, so a cut-over placed two decades too high fails.
   */
  @Test
  void erf_aroundTinyCutOver_isWithinItsBound() {
    for (int d : new int[] {20, 40, 80, 400}) {
      BigDecimal below = new BigDecimal("3.16E-" + (d / 2 + 2));
      BigDecimal above = new BigDecimal("3.17E-" + (d / 2 + 1));
      assertTrue(Erf.tiny(below.multiply(below), d), "t = " + below + " at d = " + d);
      for (BigDecimal t : new BigDecimal[] {below, above}) {
        Apfloat expected = ApfloatMath.erf(new Apfloat(t, 2 * d + 40));
        assertAgrees(expected, Real.approx(Erf.erf(t, d), d + 3), d + 3);
        assertAgrees(expected, Real.approx(Erf.erf(t.negate(), d).negate(), d + 3), d + 3);
      }
    }
  }

  @Test
  void erf_andErfc_atZero_areExact() {
    assertEquals(0, Erf.erf(BigDecimal.ZERO, 40).signum());
    assertEquals(0, Erfc.erfc(BigDecimal.ZERO, 40).compareTo(BigDecimal.ONE));
  }

  @Test
  void erfc_highPrecision_matchesApfloat() {
    for (double t : new double[] {0.75, 6, 30}) {
      Apfloat expected = ApfloatMath.erfc(apfloat(t, 700));
      assertAgrees(expected, Real.approx(Erfc.erfc(new BigDecimal(t), 600), 600), 600);
    }
  }

  @Test
  void erfc_beyondMaxArgument_throws() {
    // 70,000^2 = 4.9e9 = Exp.MAX_ARGUMENT: erfc(70000) ~ 10^-2128042966 is the last one computed
    assertThrows(ArithmeticException.class, () -> Erfc.erfc(new BigDecimal("70000.001"), 40));
  }
}
