package org.activationtck.oracle.function;

import static org.activationtck.oracle.function.PiecewiseTesting.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.testing.Truth;
import org.junit.jupiter.api.Test;

/** crelu: [relu(x), relu(-x)], hand-worked, signed zeros included. */
class CreluTest {

  private final Crelu f = new Crelu();

  @Test
  void required_crelu_value() {
    for (String d : new String[] {"keras3", "tf_keras2"}) {
      Params p = params("crelu", d);
      Real[] y = f.value(new double[] {1.5, -2, 4.9e-324}, p, 20);
      assertEquals(6, y.length);
      String[] expected = {"1.5", "0", new java.math.BigDecimal(4.9e-324).toString(), "0", "2", "0"};
      for (int i = 0; i < 6; i++) {
        Truth.assertExact(expected[i], y[i]);
      }
    }
  }

  @Test
  void required_crelu_zero_sign() {
    Real[] y = f.value(new double[] {0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY}, params("crelu", "tf_keras2"), 20);
    Truth.assertExact("0", y[0]);
    Truth.assertExact("-0", y[1]);
    assertEquals(Real.Kind.NAN, y[2].kind());
    Truth.assertExact("0", y[3]);
    Truth.assertExact("-0", y[4]);
    Truth.assertExact("0", y[5]);
    assertEquals(Real.Kind.NAN, y[6].kind());
    assertEquals(Real.POSITIVE_INFINITY, y[7]);
    assertEquals(0, f.value(new double[0], params("crelu", "keras3"), 20).length);
  }
}
