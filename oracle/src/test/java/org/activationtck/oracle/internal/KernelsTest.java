package org.activationtck.oracle.internal;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.activationtck.oracle.Real;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernels against Apfloat at 120 digits, near the cancellation points above all. */
class KernelsTest {

  private static final int P = 120;

  /** Enough precision that 1 + x keeps P digits of x. */
  private static long precisionFor(double x) {
    return P + Math.max(0, (long) -Math.floor(Math.log10(Math.abs(x))));
  }

  private static Real r(BigDecimal v, int digits) {
    return Real.approx(v, digits);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, -1e-300, 1e-50, -3e-20, 1e-10, -1e-5, 0.001, 0.5, -0.5, 1, -1,
      2.5, -20, 100, -700, 709.5, -745.2})
  void expm1_matchesApfloat(double x) {
    long p = precisionFor(x);
    Apfloat expected = ApfloatMath.exp(apfloat(x, p)).subtract(new Apfloat(1, p));
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(expected, r(Expm1.expm1(new BigDecimal(x), d), d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, -1e-300, 1e-50, -3e-20, 1e-10, -1e-5, 0.001, 0.49, -0.49, 1,
      -0.9999999999, 1e10, 1e300})
  void log1p_matchesApfloat(double x) {
    long p = precisionFor(x);
    Apfloat expected = ApfloatMath.log(apfloat(x, p).add(new Apfloat(1, p)));
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(expected, r(Log1p.log1p(new BigDecimal(x), d), d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, 1e-20, 0.6, 0.999999, 1.000001, 1.4, 2, 1e300})
  void log_matchesApfloat(double x) {
    Apfloat expected = ApfloatMath.log(apfloat(x, P));
    for (int d : new int[] {20, 40}) {
      assertAgrees(expected, r(Log.log(new BigDecimal(x), d), d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, -1e-200, 1e-9, -0.3, 0.7, 3, -19, 40, 120})
  void tanh_matchesApfloat(double x) {
    Apfloat expected = ApfloatMath.tanh(apfloat(x, P));
    for (int d : new int[] {20, 40}) {
      assertAgrees(expected, r(Tanh.tanh(new BigDecimal(x), d), d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, -1e-300, -700, -40, -2, 0.25, 3, 40, 100})
  void logistic_identity_sigmaPlusSigmaOfNegativeIsOne(double x) {
    // sigma(x) + sigma(-x) = 1: an identity, not the oracle against itself at one formula,
    // since the two sides take different branches (e^-x and e^x forms).
    BigDecimal x1 = new BigDecimal(x);
    BigDecimal s = Logistic.sigmoid(x1, 50).add(Logistic.sigmoid(x1.negate(), 50));
    assertEquals(0, s.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("1e-49")) > 0 ? 1 : 0,
        () -> "sum " + s);
    Apfloat ax = apfloat(x, P);
    Apfloat expected = new Apfloat(1, P).divide(new Apfloat(1, P).add(ApfloatMath.exp(ax.negate())));
    assertAgrees(expected, r(Logistic.sigmoid(x1, 40), 40), 40);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e5, -745.5, -1, 1e-300, 0.5, 88.7, 709.78, 1e5})
  void exp_matchesApfloat(double x) {
    Apfloat expected = ApfloatMath.exp(apfloat(x, P));
    assertAgrees(expected, r(Exp.exp(new BigDecimal(x), 40), 40), 40);
  }
}
