package org.activationtck.oracle.function;

import static org.activationtck.oracle.function.PiecewiseTesting.derivative;
import static org.activationtck.oracle.function.PiecewiseTesting.derivativeMatchesQuotient;
import static org.activationtck.oracle.function.PiecewiseTesting.params;
import static org.activationtck.oracle.function.PiecewiseTesting.value;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.activationtck.spec.params.Params;
import org.junit.jupiter.api.Test;

/** soft_shrink: x ∓ t exact, NaN per dialect. */
class SoftShrinkTest {

  private final SoftShrink f = new SoftShrink();

  @Test
  void required_soft_shrink_value() {
    for (String d : new String[] {"keras3", "pytorch", "onnx"}) {
      Params p = params("soft_shrink", d);
      value(f, p, 0.75, "0.25");
      value(f, p, -2, "-1.5");
      value(f, p, 0.5, "0");
      value(f, p, -0.0, "0");
      // x - t inexact in double: exact here.
      value(f, p, Math.nextUp(0.5), new BigDecimal(Math.nextUp(0.5)).subtract(new BigDecimal("0.5")).toString());
      value(f, p, 1e20, new BigDecimal(1e20).subtract(new BigDecimal("0.5")).toString());
      value(f, p, Double.NEGATIVE_INFINITY, "-Infinity");
      derivative(f, p, 0.5, "0");
      derivative(f, p, -0.5, "0");
      derivativeMatchesQuotient(f, p, 3, 1);
      derivativeMatchesQuotient(f, p, -3, 1);
      derivativeMatchesQuotient(f, p, 0.125, 0.25);
    }
  }

  @Test
  void required_soft_shrink_nan() {
    value(f, params("soft_shrink", "keras3"), Double.NaN, "0");
    value(f, params("soft_shrink", "onnx"), Double.NaN, "0");
    value(f, params("soft_shrink", "pytorch"), Double.NaN, "NaN");
    derivative(f, params("soft_shrink", "pytorch"), Double.NaN, "1");   // scalar path of shrink_backward
  }

  @Test
  void required_soft_shrink_threshold_validated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.value(1, params("soft_shrink", "pytorch", "threshold=-0.5"), 20));
    assertTrue(e.getMessage().contains("threshold"));
  }
}
