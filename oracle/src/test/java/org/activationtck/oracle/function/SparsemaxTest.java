package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Random;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/**
 * sparsemax against hand-worked projections and against the optimality (KKT) conditions of the
 * Euclidean projection onto the simplex, an independent characterization: y >= 0, sum y = 1, and
 * one tau with z_i - y_i = tau wherever y_i > 0 and z_i <= tau wherever y_i = 0.
 */
class SparsemaxTest {

  private static final Sparsemax F = new Sparsemax();
  private static final Params P = Params.of("keras3", Map.of("axis", -1));
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void required_sparsemax_value_handWorked() {
    Real[] y = F.value(new double[] {0, 0.5, 1}, P, 30);
    assertExact("0", y[0]);
    assertExact("0.25", y[1]);
    assertExact("0.75", y[2]);
    y = F.value(new double[] {-1, 0, 1}, P, 30);
    assertExact("0", y[0]);
    assertExact("0", y[1]);
    assertExact("1", y[2]);
    assertExact("1", F.value(new double[] {-12.5}, P, 30)[0]);
    y = F.value(new double[] {1e17, 0}, P, 30);
    assertExact("1", y[0]);
    assertExact("0", y[1]);
    Real third = F.value(new double[] {2, 2, 2}, P, 40)[0];
    assertAgrees(BigDecimal.ONE.divide(BigDecimal.valueOf(3), new MathContext(60)), third, 40);
  }

  @Test
  void required_sparsemax_tau() {
    // the Keras line that summed the cumulative sums gave [0, 0, 0.25] and all zeros here
    double[] x = {0.1, 0.2, 0.3, 0.4, 0.5};
    Real[] y = F.value(x, P, 40);
    assertEquals(0.0, new OracleValue(d -> F.value(x, P, d)[0]).rounded(Dtype.FLOAT64));
    assertEquals(0.1, new OracleValue(d -> F.value(x, P, d)[1]).rounded(Dtype.FLOAT64), 1e-16);
    assertEquals(0.4, new OracleValue(d -> F.value(x, P, d)[4]).rounded(Dtype.FLOAT64), 1e-16);
    assertKkt(x, y);
    // TensorFlow issue #127246's input: [t/4, 0, -2], t = 0.7: first output 0.5875, not 0.5
    double[] tf = {0.175, 0.0, -2.0};
    assertEquals(0.5875, new OracleValue(d -> F.value(tf, P, d)[0]).rounded(Dtype.FLOAT64), 1e-15);
  }

  @Test
  void required_sparsemax_value_satisfiesKkt_randomVectors() {
    Random r = new Random(7);
    for (int rep = 0; rep < 200; rep++) {
      int n = 1 + r.nextInt(10);
      double[] x = new double[n];
      double scale = Math.pow(10, r.nextInt(7) - 3);
      for (int i = 0; i < n; i++) {
        x[i] = r.nextGaussian() * scale;
      }
      assertKkt(x, F.value(x, P, 50));
    }
  }

  @Test
  void required_sparsemax_nonfinite() {
    for (double[] x : new double[][] {{1, Double.NaN}, {1, INF}, {-INF, -INF}}) {
      for (Real v : F.value(x, P, 30)) {
        assertEquals(Real.Kind.NAN, v.kind());
      }
    }
    Real[] y = F.value(new double[] {-INF, 0, 0.5, 1, -INF}, P, 30);
    assertExact("0", y[0]);
    assertExact("0.25", y[2]);
    assertExact("0", y[4]);
  }

  @Test
  void required_sparsemax_zero_sign() {
    for (Real v : F.value(new double[] {-0.0, -5, 3}, P, 30)) {
      assertTrue(v.kind() != Real.Kind.ZERO || !v.isNegative(), "negative zero");
    }
  }

  /** y in the simplex, and one tau: z_i - y_i = tau on the support, z_i <= tau off it. */
  private static void assertKkt(double[] z, Real[] y) {
    BigDecimal tol = new BigDecimal("1e-45");
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal tau = null;
    for (int i = 0; i < z.length; i++) {
      assertTrue(y[i].kind() == Real.Kind.FINITE || y[i].kind() == Real.Kind.ZERO, y[i].toString());
      BigDecimal yi = y[i].kind() == Real.Kind.ZERO ? BigDecimal.ZERO : y[i].value();
      assertTrue(yi.signum() >= 0);
      sum = sum.add(yi);
      if (yi.signum() > 0) {
        BigDecimal t = new BigDecimal(z[i]).subtract(yi);
        if (tau == null) {
          tau = t;
        }
        assertTrue(t.subtract(tau).abs().compareTo(tol) <= 0, "tau differs on the support");
      }
    }
    assertTrue(sum.subtract(BigDecimal.ONE).abs().compareTo(tol) <= 0, "sum " + sum);
    for (int i = 0; i < z.length; i++) {
      if (y[i].kind() == Real.Kind.ZERO) {
        assertTrue(new BigDecimal(z[i]).compareTo(tau.add(tol)) <= 0, "z_i above tau off support");
      }
    }
  }
}
