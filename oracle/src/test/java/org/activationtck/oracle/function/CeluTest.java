package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** celu against Apfloat: alpha (e^(x/alpha) - 1), with an inexact x / alpha (alpha = 0.3). */
class CeluTest {

  private static final Celu CELU = new Celu();

  static Params params(String dialect, String alpha) {
    return Params.of(dialect, Map.of("alpha", new BigDecimal(alpha)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e-300, -1e-9, -0.2, -1, -7, -100, -300})
  void required_celu_value_matchesApfloat(double x) {
    for (String alpha : new String[] {"1", "0.3", "-2"}) {
      long p = 90 + Math.max(0, (long) -Math.floor(Math.log10(-x)));
      Apfloat a = apfloat(new BigDecimal(alpha).doubleValue(), p);
      Apfloat u = apfloat(x, p).divide(a);
      Apfloat expected = a.multiply(ApfloatMath.exp(u).subtract(new Apfloat(1, p)));
      Params pa = params("jax", new BigDecimal(new BigDecimal(alpha).doubleValue()).toString());
      assertAgrees(expected, CELU.value(x, pa, 40), 40);
      assertAgrees(ApfloatMath.exp(u), CELU.derivative(x, pa, 40), 40);
    }
  }

  @Test
  void required_celu_derivative_continuousAtZero() {
    for (String d : new String[] {"keras3", "pytorch", "jax", "onnx"}) {
      assertExact("1", CELU.derivative(0.0, params(d, "0.3"), 20));
      assertExact("1", CELU.derivative(-0.0, params(d, "0.3"), 20));
    }
    // just below 0: e^(x/alpha) -> 1
    assertAgrees(BigDecimal.ONE, CELU.derivative(-1e-300, params("jax", "0.3"), 30), 30);
  }

  @Test
  void required_celu_negative_zero_perDialect() {
    assertExact("-0", CELU.value(-0.0, params("keras3", "1"), 20));
    assertExact("-0", CELU.value(-0.0, params("jax", "1"), 20));
    assertExact("0", CELU.value(-0.0, params("pytorch", "1"), 20));
    assertExact("0", CELU.value(-0.0, params("onnx", "1"), 20));
  }

  @Test
  void required_celu_tails() {
    assertExact("-0.5", CELU.value(Double.NEGATIVE_INFINITY, params("keras3", "0.5"), 20));
    assertAgrees(new BigDecimal("-0.5"), CELU.value(-1e300, params("keras3", "0.5"), 40), 40);
    assertEquals(Real.NEGATIVE_INFINITY, CELU.value(Double.NEGATIVE_INFINITY, params("jax", "-2"), 20));
    assertEquals(Real.Kind.HUGE, CELU.value(-1e300, params("jax", "-2"), 20).kind());
    assertEquals(Real.Kind.TINY, CELU.derivative(-1e300, params("jax", "0.5"), 20).kind());
  }
}
