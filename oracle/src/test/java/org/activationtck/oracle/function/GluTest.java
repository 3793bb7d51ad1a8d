package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spi.Dtype;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** glu against Apfloat's a / (1 + e^(-b)), the exact points, the signs of zero and the errors. */
class GluTest {

  private static final Glu F = new Glu();
  private static final Params P = Params.of("keras3", Map.of("axis", -1));
  private static final double INF = Double.POSITIVE_INFINITY;

  private static Apfloat truth(double a, double b, long p) {
    Apfloat one = new Apfloat(1, p);
    return apfloat(a, p).divide(one.add(ApfloatMath.exp(apfloat(-b, p))));
  }

  @Test
  void required_glu_value_againstApfloat() {
    double[][] pairs = {{1, 2}, {-3, 0.5}, {2.5, -7}, {1e300, -800}, {-1e-300, 30}, {5, -700},
        {Double.MIN_VALUE, 3}, {0.75, 1e-10}, {4, 40}, {-2, -1e5}};
    for (double[] ab : pairs) {
      for (int digits : new int[] {20, 50}) {
        Real y = F.value(new double[] {ab[0], ab[1]}, P, digits)[0];
        assertAgrees(truth(ab[0], ab[1], digits + 30), y, digits);
      }
    }
  }

  @Test
  void required_glu_value_underflowingGate_isNotZero() {
    // sigmoid(-800) underflows float64, the product 1e300 * sigmoid(-800) ~ 3.7e-48 does not
    double y = new OracleValue(d -> F.value(new double[] {1e300, -800}, P, d)[0])
        .rounded(Dtype.FLOAT64);
    assertTrue(y > 3.6e-48 && y < 3.8e-48, "got " + y);
  }

  @Test
  void required_glu_value_halvesAndPairs() {
    Real[] y = F.value(new double[] {1, 2, 3, 0, INF, -INF}, P, 30);
    assertEquals(3, y.length);
    assertExact("0.5", y[0]);
    assertExact("2", y[1]);
    assertExact("0", y[2]);
  }

  @Test
  void required_glu_nonfinite() {
    assertEquals(Real.Kind.NAN, F.value(new double[] {Double.NaN, 1}, P, 30)[0].kind());
    assertEquals(Real.Kind.NAN, F.value(new double[] {1, Double.NaN}, P, 30)[0].kind());
    assertEquals(Real.Kind.NAN, F.value(new double[] {INF, -INF}, P, 30)[0].kind());
    assertEquals(Real.NEGATIVE_INFINITY, F.value(new double[] {-INF, 3}, P, 30)[0]);
    assertEquals(Real.POSITIVE_INFINITY, F.value(new double[] {INF, INF}, P, 30)[0]);
    assertExact("-7", F.value(new double[] {-7, INF}, P, 30)[0]);
  }

  @Test
  void required_glu_zero_sign() {
    assertExact("-0", F.value(new double[] {-0.0, 5}, P, 30)[0]);
    assertExact("0", F.value(new double[] {0.0, -5}, P, 30)[0]);
    assertExact("-0", F.value(new double[] {-3, -INF}, P, 30)[0]);
    Real far = F.value(new double[] {-3, -1e10}, P, 30)[0];
    assertEquals(Real.Kind.TINY, far.kind());
    assertTrue(far.isNegative());
    assertEquals(-0.0, new OracleValue(d -> F.value(new double[] {-1e300, -1600}, P, d)[0])
        .rounded(Dtype.FLOAT64));
  }

  @Test
  void required_glu_odd_length() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> F.value(new double[] {1, 2, 3}, P, 30));
    assertTrue(e.getMessage().contains("even") && e.getMessage().contains("3"), e.getMessage());
    assertEquals(0, F.value(new double[0], P, 30).length);
  }
}
