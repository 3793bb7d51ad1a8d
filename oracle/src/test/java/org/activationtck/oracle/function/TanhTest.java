package org.activationtck.oracle.function;

import java.math.BigDecimal;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** tanh against ApfloatMath.tanh and 1/cosh^2 from Apfloat exponentials. */
class TanhTest {

  private static final Tanh F = new Tanh();
  private static final Params P = Params.of("pytorch", Map.of());
  private static final int PREC = 150;

  @ParameterizedTest
  @ValueSource(doubles = {4.9e-324, -1e-300, 1e-9, -0.001, 0.5, -1, 3, -19.1, 25, 60, -300})
  void required_tanh_value_matchesApfloat(double x) {
    Apfloat expected = ApfloatMath.tanh(apfloat(x, PREC));
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(expected, F.value(x, P, d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, -0.7, 2, -20, 100, 354})
  void required_tanh_derivative_matchesApfloat(double x) {
    Apfloat e = ApfloatMath.exp(apfloat(x, PREC));
    Apfloat cosh = e.add(new Apfloat(1, PREC).divide(e)).divide(new Apfloat(2, PREC));
    Apfloat expected = new Apfloat(1, PREC).divide(cosh.multiply(cosh));
    for (int d : new int[] {20, 40}) {
      assertAgrees(expected, F.derivative(x, P, d), d);
    }
  }

  @Test
  void required_tanh_odd() {
    assertExact("-0", F.value(-0.0, P, 40));
    assertExact("0", F.value(0.0, P, 40));
    assertExact("-1", F.value(Double.NEGATIVE_INFINITY, P, 40));
    assertExact("1", F.value(Double.POSITIVE_INFINITY, P, 40));
    for (double x : new double[] {1e-200, 0.3, 7}) {
      assertEquals(F.value(x, P, 40).value().negate(), F.value(-x, P, 40).value());
    }
  }

  @Test
  void required_tanh_derivative_specials() {
    assertExact("1", F.derivative(-0.0, P, 40));
    assertExact("0", F.derivative(Double.NEGATIVE_INFINITY, P, 40));
    assertEquals(Real.Kind.TINY, F.derivative(Math.nextUp(2.45e9), P, 40).kind());
    assertEquals(Real.Kind.FINITE, F.derivative(-2.45e9, P, 40).kind());
    assertEquals(Real.Kind.FINITE, F.derivative(-5e5, P, 40).kind());
    // Real digits far below the formats: 4m / (1 + m)^2 with m = e^(-2|x|), against Apfloat.
    for (double x : new double[] {-400.5, 1234.5, -5e5}) {
      org.apfloat.Apfloat m = org.apfloat.ApfloatMath.exp(
          new org.apfloat.Apfloat(new BigDecimal(-2 * Math.abs(x)), 80));
      org.apfloat.Apfloat one = new org.apfloat.Apfloat(1, 80);
      org.apfloat.Apfloat expected = m.multiply(new org.apfloat.Apfloat(4, 80))
          .divide(one.add(m).multiply(one.add(m)));
      org.activationtck.oracle.testing.Truth.assertAgrees(expected, F.derivative(x, P, 40), 40);
    }
  }

  @Test
  void required_tanh_boundedTime() {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (double x : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 4e5, 400, 1e5}) {
        F.value(x, P, 40);
        F.derivative(x, P, 40);
      }
    });
  }
}
