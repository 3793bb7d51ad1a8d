package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** log_sigmoid against Apfloat's -ln(1 + e^-x). */
class LogSigmoidTest {

  private static final LogSigmoid LS = new LogSigmoid();
  private static final int P = 120;

  static Params p(String dialect) {
    return Params.of(dialect, Map.of());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-800, -40, -2, -1e-300, 1e-300, 0.5, 5, 40, 745.5, 1000})
  void required_log_sigmoid_value_matchesApfloat(double x) {
    long prec = P + (x > 0 ? (long) (x / Math.log(10)) + 1 : 0);
    Apfloat expected = ApfloatMath.log(new Apfloat(1, prec).add(ApfloatMath.exp(apfloat(-x, prec))))
        .negate();
    for (String d : new String[] {"keras3", "pytorch"}) {
      assertAgrees(expected, LS.value(x, p(d), 40), 40);
    }
  }

  @Test
  void required_log_sigmoid_identity() {
    for (double x : new double[] {0.375, 7, 60}) {
      BigDecimal diff = LS.value(x, p("jax"), 50).value().subtract(LS.value(-x, p("jax"), 50).value());
      assertTrue(diff.subtract(new BigDecimal(x)).abs().compareTo(new BigDecimal("1e-45")) < 0);
    }
  }

  @Test
  void required_log_sigmoid_infinity_perDialect() {
    assertExact("-0", LS.value(Double.POSITIVE_INFINITY, p("keras3"), 20));
    assertExact("-0", LS.value(Double.POSITIVE_INFINITY, p("jax"), 20));
    assertExact("-0", LS.value(Double.POSITIVE_INFINITY, p("tf_keras2"), 20));
    assertExact("0", LS.value(Double.POSITIVE_INFINITY, p("pytorch"), 20));
    assertEquals(Real.NEGATIVE_INFINITY, LS.value(Double.NEGATIVE_INFINITY, p("pytorch"), 20));
    // finite underflow: -tiny in every dialect (rounds to -0.0)
    Real r = LS.value(1e10, p("pytorch"), 20);
    assertEquals(Real.Kind.TINY, r.kind());
    assertTrue(r.isNegative());
    assertAgrees(new BigDecimal(-1e300), LS.value(-1e300, p("keras3"), 40), 40);
  }

  @Test
  void required_log_sigmoid_derivative() {
    assertExact("0.5", LS.derivative(0.0, p("keras3"), 20));
    assertExact("1", LS.derivative(Double.NEGATIVE_INFINITY, p("keras3"), 20));
    assertExact("0", LS.derivative(Double.POSITIVE_INFINITY, p("keras3"), 20));
    for (double x : new double[] {-30, -1, 2.5, 600}) {
      Apfloat expected = new Apfloat(1, P).divide(new Apfloat(1, P).add(ApfloatMath.exp(apfloat(x, P))));
      assertAgrees(expected, LS.derivative(x, p("pytorch"), 40), 40);
    }
  }
}
