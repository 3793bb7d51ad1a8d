package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spi.Dtype;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * log_softmax against Apfloat's textbook x_i - ln(sum_j e^(x_j)) at a precision large enough to
 * absorb its cancellation (the oracle avoids the cancellation instead), plus the exact zero, the
 * special values and the rounding ties that only an infinitesimal breaks.
 */
class LogSoftmaxTest {

  private static final LogSoftmax F = new LogSoftmax();
  private static final Params P = Params.of("keras3", Map.of("axis", -1));
  private static final double INF = Double.POSITIVE_INFINITY;

  private static Apfloat truth(double[] x, int i, long p) {
    Apfloat sum = new Apfloat(0, p);
    for (double v : x) {
      if (v != -INF) {
        sum = sum.add(ApfloatMath.exp(apfloat(v, p)));
      }
    }
    return apfloat(x[i], p).subtract(ApfloatMath.log(sum));
  }

  @Test
  void required_log_softmax_value_againstApfloat() {
    double[][] vectors = {{1, -2}, {0.5, 0.25, -3, 7}, {100, 99, 98.5}, {3, 3, -1},
        {-5000, -5001, -4999.5}, {1e-300, -1e-300, 0}};
    for (double[] x : vectors) {
      for (int digits : new int[] {20, 60}) {
        Real[] y = F.value(x, P, digits);
        for (int i = 0; i < x.length; i++) {
          assertAgrees(truth(x, i, digits + 40), y[i], digits);
        }
      }
    }
  }

  @Test
  void required_log_softmax_value_maximumCancellation() {
    // the largest element's value is -log1p(e^-40) ~ -4.2e-18 (frameworks print 0.0), and
    // -log1p(e^-1000) ~ -5.1e-435: the textbook form needs 18 and 435 extra digits
    double[] x = {0, -40};
    assertAgrees(truth(x, 0, 120), F.value(x, P, 40)[0], 40);
    double[] far = {0, -1000, -1000.25};
    assertAgrees(truth(far, 0, 600), F.value(far, P, 40)[0], 40);
    assertEquals(-4.248354255291589E-18,
        new OracleValue(d -> F.value(x, P, d)[0]).rounded(Dtype.FLOAT64));
  }

  @Test
  void required_log_softmax_exact_single() {
    assertExact("0", F.value(new double[] {5}, P, 30)[0]);
    Real[] y = F.value(new double[] {-INF, -2.5, -INF}, P, 30);
    assertEquals(Real.NEGATIVE_INFINITY, y[0]);
    assertExact("0", y[1]);
    Real[] ties = F.value(new double[] {4, 4, -INF}, P, 40);
    assertAgrees(ApfloatMath.log(new Apfloat(2, 80)).negate(), ties[0], 40);
  }

  @Test
  void required_log_softmax_nonfinite() {
    for (double[] x : new double[][] {{1, Double.NaN}, {1, INF, 2}, {-INF, -INF}}) {
      for (Real r : F.value(x, P, 30)) {
        assertEquals(Real.Kind.NAN, r.kind());
      }
    }
  }

  @Test
  void required_log_softmax_zero_sign_farSpread() {
    double[] x = {0, -1e10};
    Real[] y = F.value(x, P, 30);
    assertEquals(Real.Kind.TINY, y[0].kind());
    assertTrue(y[0].isNegative());
    // a spread of 2 * 10^6: -log1p(e^-2e6) = -e^-2e6 (1 - ...), with its digits (Apfloat's exp)
    Real near = F.value(new double[] {0, -2e6}, P, 30)[0];
    org.activationtck.oracle.testing.Truth.assertAgrees(org.apfloat.ApfloatMath.exp(
        new org.apfloat.Apfloat(-2000000, 50)).negate(), near, 30);
    assertEquals(-0.0, new OracleValue(d -> F.value(x, P, d)[0]).rounded(Dtype.FLOAT64));
    assertEquals(-1e10, new OracleValue(d -> F.value(x, P, d)[1]).rounded(Dtype.FLOAT64));
  }

  @Test
  void required_log_softmax_value_tiesBrokenDownward() {
    // float32: 2^-5 - (-2^19) = 2^19 + 2^-5 is a tie between float32 neighbours 2^19 and
    // 2^19 + 2^-4; the true value lies below -(2^19 + 2^-5) by log1p(e^-524288), so it rounds
    // away from zero, where ties-to-even would give -2^19.
    double[] x = {0x1p-5, -0x1p19};
    assertEquals(-524288.0625, new OracleValue(d -> F.value(x, P, d)[1]).rounded(Dtype.FLOAT32));
    // same beyond a spread of 10^6: 1 - (-2^24) = 2^24 + 1 is a float32 tie
    double[] far = {1, -0x1p24};
    assertEquals(-16777218.0, new OracleValue(d -> F.value(far, P, d)[1]).rounded(Dtype.FLOAT32));
    assertEquals(-16777217.0, new OracleValue(d -> F.value(far, P, d)[1]).rounded(Dtype.FLOAT64));
  }

  @Test
  void required_log_softmax_value_fast_atHugeLogits() {
    double[] x = {1e308, -1e308, 1.7e308, 0, 3};
    long start = System.nanoTime();
    Real[] y = F.value(x, P, 40);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms < 100, "took " + ms + " ms");
    assertEquals(Double.NEGATIVE_INFINITY,
        new OracleValue(d -> F.value(x, P, d)[1]).rounded(Dtype.FLOAT64));
    assertEquals(Real.Kind.TINY, y[2].kind());
  }
}
