package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** sigmoid against Apfloat 1/(1 + e^-x), hand-worked exact values and identities. */
class SigmoidTest {

  private static final Sigmoid F = new Sigmoid();
  private static final Params P = Params.of("keras3", Map.of());
  private static final int PREC = 150;

  private static Apfloat sigma(double x) {
    Apfloat one = new Apfloat(1, PREC);
    return one.divide(one.add(ApfloatMath.exp(apfloat(-x, PREC))));
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, -1e-300, 4.9e-324, 1e-8, -0.5, 0.5, 1, -2, 15, -36, 37.5, -80,
      -709, -745.2, -800, -799.9, 200, 1000, 99999})
  void required_sigmoid_value_matchesApfloat(double x) {
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(sigma(x), F.value(x, P, d), d);
    }
  }

  /** sigma(x) = e^x / (1 + e^x) for x < 0: Apfloat's exp is fast for negative arguments only. */
  private static Apfloat sigmaOfNegative(double x) {
    Apfloat e = ApfloatMath.exp(apfloat(x, PREC));
    return e.divide(new Apfloat(1, PREC).add(e));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-800.5, -1000, -12345.678, -5e5, -999999.5, -1e6})
  void required_sigmoid_farTail_realDigits_matchApfloat(double x) {
    // Below every format's smallest subnormal, but the fixtures print 40 digits of it.
    Apfloat s = sigmaOfNegative(x);
    Apfloat derivative = s.divide(new Apfloat(1, PREC).add(ApfloatMath.exp(apfloat(x, PREC))));
    for (int d : new int[] {20, 40}) {
      assertAgrees(s, F.value(x, P, d), d);
      assertAgrees(derivative, F.derivative(x, P, d), d);
      assertAgrees(derivative, F.derivative(-x, P, d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, -0.5, 1, -3, 20, -20, -700, 300})
  void required_sigmoid_derivative_matchesApfloat(double x) {
    Apfloat s = sigma(x);
    Apfloat expected = s.multiply(new Apfloat(1, PREC).subtract(s));
    if (x > 40) {
      expected = sigma(x).multiply(sigma(-x)); // 1 - s cancels: use sigma(-x) directly
    }
    for (int d : new int[] {20, 40}) {
      assertAgrees(expected, F.derivative(x, P, d), d);
    }
  }

  @Test
  void required_sigmoid_value_halfAtZero() {
    assertExact("0.5", F.value(0.0, P, 30));
    assertExact("0.5", F.value(-0.0, P, 30));
    assertExact("0.25", F.derivative(-0.0, P, 30));
  }

  @Test
  void required_sigmoid_tail_negative() {
    assertEquals(Real.Kind.TINY, F.value(-1e308, P, 40).kind());
    assertEquals(false, F.value(-1e308, P, 40).isNegative());
    // Threshold -4.9 * 10^9 (e^(-4.9 * 10^9) = 10^-2128042961.3); both sides are checked.
    assertEquals(Real.Kind.TINY, F.value(Math.nextDown(-4.9e9), P, 40).kind());
    assertEquals(Real.Kind.FINITE, F.value(-4.9e9, P, 40).kind());
    assertTrue(F.value(-1e6, P, 40).value().compareTo(new BigDecimal("1e-434294")) < 0);
    assertTrue(F.value(-4.9e9, P, 40).value().compareTo(new BigDecimal("1e-2128042961")) < 0);
    assertEquals(Real.Kind.TINY, F.derivative(Math.nextUp(4.9e9), P, 40).kind());
    assertEquals(Real.Kind.FINITE, F.derivative(4.9e9, P, 40).kind());
    assertEquals(Real.Kind.TINY, F.derivative(1e300, P, 40).kind());
    assertExact("0", F.value(Double.NEGATIVE_INFINITY, P, 40));
    assertExact("1", F.value(Double.POSITIVE_INFINITY, P, 40));
    assertExact("0", F.derivative(Double.NEGATIVE_INFINITY, P, 40));
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-20, 0.3, 2, 17, 50})
  void required_sigmoid_identity_sumIsOne(double x) {
    BigDecimal sum = F.value(x, P, 50).value().add(F.value(-x, P, 50).value());
    assertAgrees(BigDecimal.ONE, Real.approx(sum, 49), 48);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-10, 0.25, 1.5, 6})
  void required_sigmoid_identity_tanhIsTwoSigmoidTwoXMinusOne(double x) {
    BigDecimal s = F.value(2 * x, P, 60).value();
    BigDecimal viaSigmoid = s.multiply(BigDecimal.valueOf(2)).subtract(BigDecimal.ONE);
    Real tanh = new Tanh().value(x, P, 60);
    // 2s - 1 cancels about log10(1/x) digits for small x: compare at 60 - 11.
    assertAgrees(tanh.value(), Real.approx(viaSigmoid, 48), 48);
  }

  @Test
  void required_sigmoid_boundedTime() {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (double x : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
          -Double.MIN_VALUE, 1e6, -1e6, 7e5, -7e5, 800, -800, 1e5}) {
        F.value(x, P, 40);
        F.derivative(x, P, 40);
      }
    });
  }
}
