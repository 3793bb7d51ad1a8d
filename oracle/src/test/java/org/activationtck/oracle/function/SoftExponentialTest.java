package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Map;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spi.Dtype;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** soft_exponential against Apfloat's direct formulas, its inverse identity, and d/dalpha. */
class SoftExponentialTest {

  private static final SoftExponential SE = new SoftExponential();
  private static final int PREC = 150;

  static Params alpha(double a) {
    return Params.of("keras3", Map.of("alpha", new BigDecimal(a)));
  }

  /** f(a, x) by the definition, in Apfloat at high precision (enough for the cancellations). */
  static Apfloat truth(double a, double x, long p) {
    Apfloat aa = apfloat(a, p);
    Apfloat ax = apfloat(x, p);
    Apfloat one = new Apfloat(1, p);
    if (a > 0) {
      return ApfloatMath.exp(aa.multiply(ax)).subtract(one).divide(aa).add(aa);
    }
    return ApfloatMath.log(one.subtract(aa.multiply(ax.add(aa)))).negate().divide(aa);
  }

  @Test
  void required_soft_exponential_identity_alphaZero() {
    for (double x : new double[] {-0.0, 0.0, 3.5, -1e300, Double.MIN_VALUE}) {
      Real r = SE.value(x, alpha(0), 20);
      assertEquals(Real.of(x).toString(), r.toString());
      assertExact("1", SE.derivative(x, alpha(0), 20));
    }
    assertEquals(Real.NAN, SE.value(Double.NaN, alpha(0), 20));
    assertEquals(Real.NEGATIVE_INFINITY, SE.value(Double.NEGATIVE_INFINITY, alpha(0), 20));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-30, -2, -0.25, 1e-200, 0.5, 3, 40})
  void required_soft_exponential_value_matchesApfloat(double x) {
    for (double a : new double[] {0.5, 1, 2.5, 1e-8}) {
      assertAgrees(truth(a, x, PREC + 40), SE.value(x, alpha(a), 40), 40);
    }
    for (double a : new double[] {-0.5, -1, -1e-8}) {
      if (1 - a * (x + a) > 0 && x != -a) {
        assertAgrees(truth(a, x, PREC + 40), SE.value(x, alpha(a), 40), 40);
      }
    }
  }

  @Test
  void required_soft_exponential_value_specialAlphas() {
    // alpha = 1: e^x; alpha = -1: ln x
    assertAgrees(ApfloatMath.exp(new Apfloat(3, PREC)), SE.value(3, alpha(1), 40), 40);
    assertAgrees(ApfloatMath.log(new Apfloat("2.5", PREC)), SE.value(2.5, alpha(-1), 40), 40);
    assertExact("0.5", SE.value(0.0, alpha(0.5), 20));
    assertExact("0", SE.value(0.5, alpha(-0.5), 20)); // x = -alpha
  }

  @Test
  void required_soft_exponential_value_nearTheRoot() {
    // alpha = 0.5: e^(x/2) - 1 + 1/4 = 0 at x0 = 2 ln(3/4); the doubles around x0 make the
    // numerator cancel as deeply as it can.
    double x0 = 2 * Math.log(0.75);
    double x = Math.nextDown(Math.nextDown(x0));
    for (int i = 0; i < 5; i++) {
      assertAgrees(truth(0.5, x, 300), SE.value(x, alpha(0.5), 40), 40);
      x = Math.nextUp(x);
    }
  }

  @Test
  void required_soft_exponential_domain() {
    // alpha = -0.5: boundary 1/alpha - alpha = -1.5
    assertEquals(Real.NEGATIVE_INFINITY, SE.value(-1.5, alpha(-0.5), 20));
    assertEquals(Real.NAN, SE.value(-1.6, alpha(-0.5), 20));
    assertEquals(Real.NAN, SE.value(Double.NEGATIVE_INFINITY, alpha(-0.5), 20));
    assertEquals(Real.POSITIVE_INFINITY, SE.value(Double.POSITIVE_INFINITY, alpha(-0.5), 20));
    assertEquals(Real.POSITIVE_INFINITY, SE.derivative(-1.5, alpha(-0.5), 20));
    assertEquals(Real.NAN, SE.derivative(-1.6, alpha(-0.5), 20));
    assertEquals(Real.NAN, SE.derivativeAlpha(-1.6, alpha(-0.5), 20));
    // alpha > 0 at -Infinity: (alpha^2 - 1) / alpha; +0.0 for alpha = 1
    assertExact("-1.5", SE.value(Double.NEGATIVE_INFINITY, alpha(0.5), 20));
    assertExact("0", SE.value(Double.NEGATIVE_INFINITY, alpha(1), 20));
  }

  @Test
  void required_soft_exponential_identity() {
    // f(-a, f(a, x)) = x: the oracle's f(a, x) at 60 digits, inverted by Apfloat's definition.
    for (double a : new double[] {0.5, -0.5, 1.25, -2}) {
      for (double x : new double[] {-1.25, 0.3, 2}) {
        if (a < 0 && 1 - a * (x + a) <= 0 || x == -a) {
          continue;
        }
        BigDecimal y = SE.value(x, alpha(a), 60).value();
        Apfloat ay = new Apfloat(y, 200);
        Apfloat b = apfloat(-a, 200);
        Apfloat one = new Apfloat(1, 200);
        Apfloat back = -a < 0
            ? ApfloatMath.log(one.subtract(b.multiply(ay.add(b)))).negate().divide(b)
            : ApfloatMath.exp(b.multiply(ay)).subtract(one).divide(b).add(b);
        assertAgrees(new BigDecimal(x), toReal(back), 55);
      }
    }
    // and in doubles: the round trip through the oracle, correctly rounded both ways
    double y = new OracleValue(d -> SE.value(0.3, alpha(0.5), d)).rounded(Dtype.FLOAT64);
    double back = new OracleValue(d -> SE.value(y, alpha(-0.5), d)).rounded(Dtype.FLOAT64);
    assertTrue(Math.abs(back - 0.3) <= 2 * Math.ulp(0.3), "round trip " + back);
  }

  private static Real toReal(Apfloat a) {
    return Real.approx(new BigDecimal(a.toString(true)), 60);
  }

  @Test
  void required_soft_exponential_derivative() {
    for (double a : new double[] {0.5, -0.5}) {
      for (double x : new double[] {-1.25, 0.3, 4}) {
        Apfloat aa = apfloat(a, PREC);
        Apfloat ax = apfloat(x, PREC);
        Apfloat expected = a > 0 ? ApfloatMath.exp(aa.multiply(ax))
            : new Apfloat(1, PREC).divide(new Apfloat(1, PREC).subtract(aa.multiply(ax.add(aa))));
        assertAgrees(expected, SE.derivative(x, alpha(a), 40), 40);
      }
    }
  }

  @Test
  void required_soft_exponential_derivative_alpha() {
    assertExact("5.5", SE.derivativeAlpha(3, alpha(0), 20)); // 1 + x^2 / 2
    // central difference of Apfloat's definition at high precision: error ~ h^2 f''' / 6
    Apfloat h = new Apfloat("1e-40", 400);
    for (double a : new double[] {0.5, -0.5, 1e-6, -1e-6}) {
      for (double x : new double[] {-1.25, 0.3, 2}) {
        if (a < 0 && 1 - a * (x + a) <= 0) {
          continue;
        }
        Apfloat aa = apfloat(a, 400);
        Apfloat q = defined(aa.add(h), x).subtract(defined(aa.subtract(h), x))
            .divide(h.multiply(new Apfloat(2, 400)));
        assertAgrees(q, SE.derivativeAlpha(x, alpha(a), 40), 40);
      }
    }
    // continuity at alpha = 0
    assertAgrees(new BigDecimal("5.5"), SE.derivativeAlpha(3, alpha(1e-30), 25), 25);
    assertAgrees(new BigDecimal("5.5"), SE.derivativeAlpha(3, alpha(-1e-30), 25), 25);
  }

  /**
   * d/dalpha for alpha > 0 at and near x = 0 (z = alpha x tiny, either sign, and x = -0.0), where
   * it is 1 + (z e^z - expm1 z)/alpha^2 = 1 + x^2/2 + O(x^3): against that formula in Apfloat at
   * 600 digits (enough for the cancellation), and exactly 1 at x = +-0. The saturated value
   * (alpha^2 + 1)/alpha^2 belongs to x -> -Infinity only (checked at x = -1000).
   */
  @Test
  void required_soft_exponential_derivative_alpha_nearZero() {
    for (double a : new double[] {0.5, 2}) {
      assertAgrees(BigDecimal.ONE, SE.derivativeAlpha(0.0, alpha(a), 40), 40);
      assertAgrees(BigDecimal.ONE, SE.derivativeAlpha(-0.0, alpha(a), 40), 40);
      for (double x : new double[] {-1e-20, -1e-50, -1e-200, -Double.MIN_VALUE, 1e-50, -0.75}) {
        Apfloat aa = apfloat(a, 600);
        Apfloat z = aa.multiply(apfloat(x, 600));
        Apfloat one = new Apfloat(1, 600);
        Apfloat ez = ApfloatMath.exp(z);
        Apfloat expected = one.add(z.multiply(ez).subtract(ez.subtract(one)).divide(aa.multiply(aa)));
        assertAgrees(expected, SE.derivativeAlpha(x, alpha(a), 40), 40);
      }
      BigDecimal ba = new BigDecimal(a);
      BigDecimal saturated = ba.multiply(ba).add(BigDecimal.ONE)
          .divide(ba.multiply(ba), MathContext.DECIMAL128);
      assertAgrees(saturated, SE.derivativeAlpha(-1000, alpha(a), 30), 30);
    }
  }

  private static Apfloat defined(Apfloat a, double x) {
    Apfloat ax = apfloat(x, 400);
    Apfloat one = new Apfloat(1, 400);
    if (a.signum() > 0) {
      return ApfloatMath.exp(a.multiply(ax)).subtract(one).divide(a).add(a);
    }
    return ApfloatMath.log(one.subtract(a.multiply(ax.add(a)))).negate().divide(a);
  }

  @Test
  void required_soft_exponential_boundedTime() {
    Duration limit = Duration.ofSeconds(2);
    for (double a : new double[] {0.5, 1, -0.5}) {
      for (double x : new double[] {-Double.MAX_VALUE, -1e6, Double.MAX_VALUE, 1e-320}) {
        assertTimeoutPreemptively(limit, () -> SE.value(x, alpha(a), 40));
        assertTimeoutPreemptively(limit, () -> SE.derivative(x, alpha(a), 40));
        assertTimeoutPreemptively(limit, () -> SE.derivativeAlpha(x, alpha(a), 40));
      }
    }
    assertEquals(Real.Kind.HUGE, SE.value(1e300, alpha(0.5), 20).kind());
    assertEquals(Real.Kind.TINY, SE.value(-1e300, alpha(1), 20).kind());
    assertAgrees(new BigDecimal("-1.5"), SE.value(-1e300, alpha(0.5), 40), 40);
  }
}
