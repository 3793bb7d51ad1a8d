package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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

/** elu against Apfloat (alpha (e^x - 1) at enough precision to absorb the cancellation). */
class EluTest {

  private static final Elu ELU = new Elu();

  static Params params(String dialect, String alpha) {
    return Params.of(dialect, Map.of("alpha", new BigDecimal(alpha)));
  }

  /** alpha (e^x - 1) with P digits left after the cancellation near 0. */
  static Apfloat expm1Times(double x, String alpha) {
    long p = 80 + Math.max(0, (long) -Math.floor(Math.log10(Math.abs(x))));
    Apfloat e = ApfloatMath.exp(apfloat(x, p)).subtract(new Apfloat(1, p));
    return e.multiply(apfloat(alpha, p));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e-300, -1e-20, -1e-5, -0.5, -1, -3, -30, -700, -745.5})
  void required_elu_value_negativeBranchIsExpm1(double x) {
    for (String alpha : new String[] {"1", "0.25", "3.5"}) {
      for (int d : new int[] {20, 40}) {
        assertAgrees(expm1Times(x, alpha), ELU.value(x, params("keras3", alpha), d), d);
        assertAgrees(expm1Times(x, alpha), ELU.value(x, params("pytorch", alpha), d), d);
      }
    }
  }

  @Test
  void required_elu_positive_exact() {
    assertExact("2.5", ELU.value(2.5, params("keras3", "1"), 30));
    assertExact(new BigDecimal(Double.MIN_VALUE).toString(), ELU.value(Double.MIN_VALUE, params("pytorch", "2"), 30));
    assertEquals(Real.POSITIVE_INFINITY, ELU.value(Double.POSITIVE_INFINITY, params("jax", "1"), 30));
  }

  @Test
  void required_elu_negative_zero_perDialect() {
    for (String d : new String[] {"keras3", "tf_keras2", "jax", "onnx"}) {
      assertExact("-0", ELU.value(-0.0, params(d, "1"), 20));
      assertExact("0", ELU.value(0.0, params(d, "1"), 20));
    }
    // elu.negative_zero.pytorch: (e^-0 - 1) * alpha = +0.0
    assertExact("0", ELU.value(-0.0, params("pytorch", "1"), 20));
    assertExact("0", ELU.value(0.0, params("pytorch", "1"), 20));
  }

  @Test
  void required_elu_saturation() {
    assertExact("-1.5", ELU.value(Double.NEGATIVE_INFINITY, params("keras3", "1.5"), 30));
    Duration limit = Duration.ofSeconds(2);
    for (double x : new double[] {-1e5, -1e6, -2e6, -1e308, -Double.MAX_VALUE}) {
      Real r = assertTimeoutPreemptively(limit, () -> ELU.value(x, params("keras3", "1.5"), 40));
      assertAgrees(new BigDecimal("-1.5"), r, 40);
      assertEquals(false, r.isExact(), "saturated value is not exact");
    }
    assertEquals(Real.Kind.NAN, ELU.value(Double.NaN, params("keras3", "1"), 20).kind());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e-300, -0.5, -3, -700})
  void required_elu_derivative_matchesApfloat_andIdentity(double x) {
    Apfloat expected = ApfloatMath.exp(apfloat(x, 60)).multiply(new Apfloat("0.25", 60));
    assertAgrees(expected, ELU.derivative(x, params("jax", "0.25"), 40), 40);
    // f'(x) = f(x) + alpha for x <= 0 (where the truth's own e^x - 1 keeps e^x's digits)
    if (x < -100) {
      return;
    }
    assertAgrees(expm1Times(x, "0.25").add(new Apfloat("0.25", 60)),
        ELU.derivative(x, params("jax", "0.25"), 40), 40);
  }

  @Test
  void required_elu_derivative_atZeroIsAlphaInEveryDialect() {
    for (String d : new String[] {"keras3", "tf_keras2", "pytorch", "jax", "onnx"}) {
      assertExact("0.25", ELU.derivative(0.0, params(d, "0.25"), 20));
      assertExact("0.25", ELU.derivative(-0.0, params(d, "0.25"), 20));
      assertExact("1", ELU.derivative(Double.MIN_VALUE, params(d, "0.25"), 20));
    }
    assertExact("0", ELU.derivative(Double.NEGATIVE_INFINITY, params("keras3", "0.25"), 20));
    assertEquals(Real.Kind.TINY, ELU.derivative(-1e10, params("keras3", "0.25"), 20).kind());
    assertEquals(Real.Kind.FINITE, ELU.derivative(-2e6, params("keras3", "0.25"), 20).kind());
  }

  @Test
  void optional_elu_alphaZero_givesNegativeZero() {
    assertExact("-0", ELU.value(-3, params("keras3", "0"), 20));
    assertExact("0", ELU.derivative(-3, params("keras3", "0"), 20));
  }
}
