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
 * softmax against Apfloat's e^(x_i) / sum_j e^(x_j) evaluated WITHOUT the shift by the maximum
 * (Apfloat's exponent range holds e^(10^5)), so the truth shares neither code nor method with
 * the oracle; plus hand-worked exact values and the catalog's special cases.
 */
class SoftmaxTest {

  private static final Softmax F = new Softmax();
  private static final Params P = Params.of("keras3", Map.of("axis", -1));
  static final double INF = Double.POSITIVE_INFINITY;

  /** e^(x_i) / sum_j e^(x_j) over the finite elements, in Apfloat at precision p. */
  static Apfloat truth(double[] x, int i, long p) {
    Apfloat sum = new Apfloat(0, p);
    for (double v : x) {
      if (v != -INF) {
        sum = sum.add(ApfloatMath.exp(apfloat(v, p)));
      }
    }
    return ApfloatMath.exp(apfloat(x[i], p)).divide(sum);
  }

  static void assertAllAgree(java.util.function.BiFunction<double[], Integer, Apfloat> truth,
      Real[] y, double[] x, int digits) {
    for (int i = 0; i < x.length; i++) {
      assertAgrees(truth.apply(x, i), y[i], digits);
    }
  }

  @Test
  void required_softmax_value_againstApfloat() {
    double[][] vectors = {{1, -2}, {0.5, 0.25, -3, 7}, {1e-300, -1e-300, 0}, {100, 99, 98.5},
        {0, -1000}, {0, -745.5, -700, 3}, {-5000, -5001, -4999.5}, {1e4, -1e4, 0}};
    for (double[] x : vectors) {
      for (int digits : new int[] {20, 40, 120}) {
        Real[] y = F.value(x, P, digits);
        assertAllAgree((v, i) -> truth(v, i, digits + 30), y, x, digits);
      }
    }
  }

  @Test
  void required_softmax_value_tinyProbabilities_keepRelativeAccuracy() {
    // e^-1000 / (1 + e^-1000): far below any subnormal, yet relative 10^-40 in the oracle
    double[] x = {0, -1000, -1000.5};
    Real[] y = F.value(x, P, 40);
    assertAgrees(truth(x, 1, 80), y[1], 40);
    assertAgrees(truth(x, 2, 80), y[2], 40);
    assertTrue(y[1].value().compareTo(new java.math.BigDecimal("1e-434")) < 0);
  }

  @Test
  void required_softmax_value_spreadBeyondMillion_isTiny_andFast() {
    double[] x = {1e308, -1e308, 1.7e308, Double.MIN_VALUE, 0};
    long start = System.nanoTime();
    Real[] y = F.value(x, P, 40);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms < 100, "took " + ms + " ms");
    assertEquals(Real.Kind.TINY, y[0].kind());
    assertEquals(1.0, new OracleValue(d -> F.value(x, P, d)[2]).rounded(Dtype.FLOAT64));
    assertEquals(0.0, new OracleValue(d -> F.value(x, P, d)[3]).rounded(Dtype.FLOAT64));
  }

  @Test
  void required_softmax_nonfinite_nan_posinf_allNeginf() {
    for (double[] x : new double[][] {{1, Double.NaN, 2}, {1, INF, 2}, {INF}, {-INF, -INF},
        {Double.NaN}}) {
      for (Real r : F.value(x, P, 30)) {
        assertEquals(Real.Kind.NAN, r.kind());
      }
    }
  }

  @Test
  void required_softmax_nonfinite_neginf_givesPositiveZero() {
    Real[] y = F.value(new double[] {-INF, 2, -INF}, P, 30);
    assertExact("0", y[0]);
    assertExact("1", y[1]);
    assertExact("0", y[2]);
  }

  @Test
  void required_softmax_exact_ties() {
    assertExact("1", F.value(new double[] {-3.5}, P, 30)[0]);
    for (Real r : F.value(new double[] {7, 7, 7, 7}, P, 30)) {
      assertExact("0.25", r);
    }
    Real third = F.value(new double[] {2, 2, -INF, 2}, P, 50)[0];
    assertAgrees(new Apfloat(1, 80).divide(new Apfloat(3, 80)), third, 50);
    assertEquals(1.0 / 3, new OracleValue(d -> F.value(new double[] {2, 2, 2}, P, d)[1])
        .rounded(Dtype.FLOAT64));
  }

  @Test
  void required_softmax_properties_sumToOne_orderPreserving() {
    double[] x = {0.3, -1.2, 4.5, 4.25, -30};
    Real[] y = F.value(x, P, 60);
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (Real r : y) {
      sum = sum.add(r.value());
    }
    assertTrue(sum.subtract(java.math.BigDecimal.ONE).abs().compareTo(new java.math.BigDecimal("1e-58")) < 0);
    assertTrue(y[2].value().compareTo(y[3].value()) > 0);
    assertTrue(y[3].value().compareTo(y[0].value()) > 0);
  }
}
