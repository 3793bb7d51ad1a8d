package org.activationtck.oracle.function;

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

/**
 * tanh_shrink against Apfloat x - tanh(x) computed with enough extra digits to absorb the
 * cancellation (3 log10(1/|x|) + 1 more), on both sides of the cut-over |x| = 1.
 */
class TanhShrinkTest {

  private static final TanhShrink F = new TanhShrink();
  private static final Params P = Params.of("pytorch", Map.of());

  private static Apfloat truth(double x) {
    if (Math.abs(x) > 40) {
      // x - tanh x = x - sign(x) (1 - 2e^(-2|x|) + ...): the correction is below 10^-34 of |x|,
      // far below the 10^-(d-1) checked only for d <= 33; Apfloat's tanh would build e^(2|x|).
      return apfloat(x, 150).subtract(new Apfloat(x > 0 ? 1 : -1, 150));
    }
    long p = 150 + Math.max(0, (long) (-3 * Math.log10(Math.abs(x)))) + 2;
    Apfloat ax = apfloat(x, p);
    return ax.subtract(ApfloatMath.tanh(ax));
  }

  @ParameterizedTest
  @ValueSource(doubles = {4.9e-324, -1e-310, 1e-103, 1e-50, -1e-8, 1e-5, 0.01, -0.3,
      0.9999999999999999, 1, 1.0000000000000002, -1.5, 5, 19, -40, 1e10, -1e300})
  void required_tanh_shrink_value_matchesApfloat(double x) {
    Apfloat expected = truth(x);
    for (int d : Math.abs(x) > 40 ? new int[] {20, 30} : new int[] {20, 40, 60}) {
      assertAgrees(expected, F.value(x, P, d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-200, -0.5, 1, 3, -30})
  void required_tanh_shrink_derivative_matchesApfloat(double x) {
    Apfloat t = ApfloatMath.tanh(apfloat(x, 150));
    for (int d : new int[] {20, 40}) {
      assertAgrees(t.multiply(t), F.derivative(x, P, d), d);
    }
  }

  @Test
  void required_tanh_shrink_signed_zero() {
    assertExact("0", F.value(-0.0, P, 40));
    assertExact("0", F.value(0.0, P, 40));
    assertExact("0", F.derivative(-0.0, P, 40));
    assertEquals(Real.NEGATIVE_INFINITY, F.value(Double.NEGATIVE_INFINITY, P, 40));
    assertEquals(Real.POSITIVE_INFINITY, F.value(Double.POSITIVE_INFINITY, P, 40));
    assertExact("1", F.derivative(Double.NEGATIVE_INFINITY, P, 40));
  }

  @Test
  void required_tanh_shrink_value_highPrecisionSeries() {
    double x = 0.125;
    Apfloat ax = apfloat(x, 900);
    Apfloat expected = ax.subtract(ApfloatMath.tanh(ax));
    assertAgrees(expected, F.value(x, P, 800), 800);
  }

  @Test
  void required_tanh_shrink_boundedTime() {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (double x : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
          -Double.MIN_VALUE, 1, 0x1p-1022}) {
        F.value(x, P, 40);
        F.derivative(x, P, 40);
      }
    });
  }
}
