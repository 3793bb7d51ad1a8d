package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** softmin against Apfloat's e^(-x_i) / sum_j e^(-x_j), and the special values mirrored. */
class SoftminTest {

  private static final Softmin F = new Softmin();
  private static final Params P = Params.of("pytorch", Map.of("axis", -1));
  private static final double INF = Double.POSITIVE_INFINITY;

  private static Apfloat truth(double[] x, int i, long p) {
    Apfloat sum = new Apfloat(0, p);
    for (double v : x) {
      if (v != INF) {
        sum = sum.add(ApfloatMath.exp(apfloat(-v, p)));
      }
    }
    return ApfloatMath.exp(apfloat(-x[i], p)).divide(sum);
  }

  @Test
  void required_softmin_value_againstApfloat() {
    for (double[] x : new double[][] {{1, -2}, {0.5, 0.25, -3, 7}, {0, 1000}, {300, -300, 2}}) {
      Real[] y = F.value(x, P, 40);
      for (int i = 0; i < x.length; i++) {
        assertAgrees(truth(x, i, 80), y[i], 40);
      }
    }
  }

  @Test
  void required_softmin_nonfinite() {
    for (double[] x : new double[][] {{1, -INF}, {Double.NaN, 0}, {INF, INF}}) {
      for (Real r : F.value(x, P, 30)) {
        assertEquals(Real.Kind.NAN, r.kind());
      }
    }
    Real[] y = F.value(new double[] {INF, -4}, P, 30);
    assertExact("0", y[0]);
    assertExact("1", y[1]);
  }
}
