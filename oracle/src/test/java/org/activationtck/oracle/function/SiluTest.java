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
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spi.Dtype;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** silu against Apfloat x/(1 + e^-x) and its derivative, near the derivative's root above all. */
class SiluTest {

  private static final Silu F = new Silu();
  private static final Params P = Params.of("jax", Map.of());
  private static final int PREC = 200;

  /** The root of f', x0 = -1.2784645427610738 (mpmath/hand Newton; rounded to double). */
  private static final double X0 = -1.2784645427610738;

  private static Apfloat sigma(double x) {
    Apfloat one = new Apfloat(1, PREC);
    return one.divide(one.add(ApfloatMath.exp(apfloat(-x, PREC))));
  }

  @ParameterizedTest
  @ValueSource(doubles = {4.9e-324, -4.9e-324, 1e-300, -1e-20, 0.5, -1.5, X0, 4, -30, 40, -709,
      -745, 800, -799.9, -800, 99999})
  void required_silu_value_matchesApfloat(double x) {
    Apfloat expected = apfloat(x, PREC).multiply(sigma(x));
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(expected, F.value(x, P, d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {X0, -1.2784645427610736, -1.278464542761074, -1.2784, 1e-300, -0.5, 2.4,
      -8, -40, 30, -700})
  void required_silu_derivative_matchesApfloat(double x) {
    Apfloat s = sigma(x);
    Apfloat one = new Apfloat(1, PREC);
    Apfloat expected = s.multiply(one.add(apfloat(x, PREC).multiply(sigma(-x))));
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(expected, F.derivative(x, P, d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-800.5, -1000, -54321.25, -999999.5})
  void required_silu_farTail_realDigits_matchApfloat(double x) {
    // silu(x) = x e^x / (1 + e^x); silu'(x) = sigma(x) (1 + x sigma(-x)), sigma(-x) = 1/(1 + e^x).
    Apfloat one = new Apfloat(1, PREC);
    Apfloat e = ApfloatMath.exp(apfloat(x, PREC));
    Apfloat s = e.divide(one.add(e));
    Apfloat value = apfloat(x, PREC).multiply(s);
    Apfloat derivative = s.multiply(one.add(apfloat(x, PREC).divide(one.add(e))));
    for (int d : new int[] {20, 40}) {
      assertAgrees(value, F.value(x, P, d), d);
      assertAgrees(derivative, F.derivative(x, P, d), d);
    }
  }

  @Test
  void required_silu_signed_zero() {
    assertExact("-0", F.value(-0.0, P, 40));
    assertExact("0", F.value(0.0, P, 40));
    assertExact("0.5", F.derivative(-0.0, P, 40));
  }

  @Test
  void required_silu_neg_infinity() {
    assertEquals(Real.Kind.NAN, F.value(Double.NEGATIVE_INFINITY, P, 40).kind());
    assertEquals(Real.Kind.INFINITE, F.value(Double.POSITIVE_INFINITY, P, 40).kind());
    assertExact("-0", F.derivative(Double.NEGATIVE_INFINITY, P, 40));
    assertExact("1", F.derivative(Double.POSITIVE_INFINITY, P, 40));
    Real t = F.value(Math.nextDown(-4.9e9), P, 40);
    assertTrue(t.kind() == Real.Kind.TINY && t.isNegative());
  }

  @Test
  void required_silu_value_tinySubnormalTieRoundsUp() {
    // silu(2^-1074) = 2^-1075 (1 + 2^-1075 + ...) lies just above the midpoint 2^-1075.
    double r = new OracleValue(d -> F.value(Double.MIN_VALUE, P, d)).rounded(Dtype.FLOAT64);
    assertEquals(Double.MIN_VALUE, r);
    double n = new OracleValue(d -> F.value(-Double.MIN_VALUE, P, d)).rounded(Dtype.FLOAT64);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(n));
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-10, 0.7, 3, 25})
  void required_silu_identity_oddPartIsX(double x) {
    BigDecimal diff = F.value(x, P, 50).value().subtract(F.value(-x, P, 50).value());
    assertAgrees(new BigDecimal(x), Real.approx(diff, 49), 48);
  }

  @Test
  void required_silu_boundedTime() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (double x : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e6,
          -1e6, X0, 1e5, -1e5, 800, -800, 200}) {
        F.value(x, P, 40);
        F.derivative(x, P, 40);
      }
    });
  }
}
