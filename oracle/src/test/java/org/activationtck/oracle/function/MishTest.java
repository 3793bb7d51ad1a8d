package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * mish against Apfloat's x tanh(ln(1 + e^x)) and, for the derivative, the textbook chain rule
 * tanh(sp) + x sigma(x) (1 - tanh(sp)^2): different formulas from the oracle's rational form.
 */
class MishTest {

  private static final Mish MISH = new Mish();
  private static final Params P = Params.of("keras3", Map.of());

  /** Precision that keeps relative accuracy in ln(1 + e^x) for x << 0 and in 1 - tanh^2. */
  static long precision(double x) {
    return 120 + (long) (Math.abs(x) / Math.log(10)) + 1;
  }

  static Apfloat softplus(Apfloat x, long p) {
    return ApfloatMath.log(new Apfloat(1, p).add(ApfloatMath.exp(x)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-700, -50, -5, -1.1924, -0.3, -1e-300, 1e-300, 0.7, 3, 25, 60})
  void required_mish_value_matchesApfloat(double x) {
    long p = precision(x);
    Apfloat ax = apfloat(x, p);
    Apfloat expected = ax.multiply(ApfloatMath.tanh(softplus(ax, p)));
    for (int d : new int[] {20, 40}) {
      assertAgrees(expected, MISH.value(x, P, d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-700, -30, -3, -1.25, -1.1924, -1.19, -1.1, -0.5, 0.25, 2, 15, 40})
  void required_mish_derivative_matchesChainRule(double x) {
    long p = precision(x) + 40;
    Apfloat ax = apfloat(x, p);
    Apfloat one = new Apfloat(1, p);
    Apfloat t = ApfloatMath.tanh(softplus(ax, p));
    Apfloat sigma = one.divide(one.add(ApfloatMath.exp(ax.negate())));
    Apfloat expected = t.add(ax.multiply(sigma).multiply(one.subtract(t.multiply(t))));
    for (int d : new int[] {20, 40}) {
      assertAgrees(expected, MISH.derivative(x, P, d), d);
    }
  }

  @Test
  void required_mish_derivative_nearTheMinimum() {
    // f'(x0) = 0 near x0 = -1.19237...: the doubles closest to the root make the cancellation
    // in u (u + 2) + 4 x e (1 + e) as deep as it gets; Apfloat at 200 digits has no such issue.
    double x = -1.1923698;
    for (int i = 0; i < 40; i++) {
      long p = 200;
      Apfloat ax = apfloat(x, p);
      Apfloat one = new Apfloat(1, p);
      Apfloat t = ApfloatMath.tanh(softplus(ax, p));
      Apfloat sigma = one.divide(one.add(ApfloatMath.exp(ax.negate())));
      Apfloat expected = t.add(ax.multiply(sigma).multiply(one.subtract(t.multiply(t))));
      assertAgrees(expected, MISH.derivative(x, P, 30), 30);
      x = Math.nextUp(x);
    }
  }

  @Test
  void required_mish_exactPoints_andSpecials() {
    assertExact("0.6", MISH.derivative(0.0, P, 20));
    assertExact("-0", MISH.value(-0.0, P, 20));
    assertExact("0", MISH.value(0.0, P, 20));
    assertEquals(Real.NAN, MISH.value(Double.NEGATIVE_INFINITY, P, 20));
    assertEquals(Real.POSITIVE_INFINITY, MISH.value(Double.POSITIVE_INFINITY, P, 20));
    assertEquals(Real.NAN, MISH.derivative(Double.POSITIVE_INFINITY, P, 20));
    assertEquals(Real.NAN, MISH.derivative(Double.NEGATIVE_INFINITY, P, 20));
  }

  @Test
  void required_mish_tails_boundedTime() {
    Duration limit = Duration.ofSeconds(2);
    Real low = assertTimeoutPreemptively(limit, () -> MISH.value(-1e10, P, 40));
    assertEquals(Real.Kind.TINY, low.kind());
    assertTrue(low.isNegative());
    Real dlow = assertTimeoutPreemptively(limit, () -> MISH.derivative(-Double.MAX_VALUE, P, 40));
    assertEquals(Real.Kind.TINY, dlow.kind());
    Real mid = assertTimeoutPreemptively(limit, () -> MISH.value(-9.9e5, P, 40));
    assertEquals(Real.Kind.FINITE, mid.kind());
    Real high = assertTimeoutPreemptively(limit, () -> MISH.value(Double.MAX_VALUE, P, 40));
    assertAgrees(new BigDecimal(Double.MAX_VALUE), high, 40);
    assertFalse(high.isExact());
    Real dhigh = assertTimeoutPreemptively(limit, () -> MISH.derivative(Double.MAX_VALUE, P, 40));
    assertAgrees(BigDecimal.ONE, dhigh, 40);
  }
}
