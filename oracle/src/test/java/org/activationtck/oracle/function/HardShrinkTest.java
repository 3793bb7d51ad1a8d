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

/** hard_shrink: strict band, +0.0 zeros, NaN per dialect. */
class HardShrinkTest {

  private final HardShrink f = new HardShrink();

  @Test
  void required_hard_shrink_value() {
    for (String d : new String[] {"keras3", "pytorch", "onnx"}) {
      Params p = params("hard_shrink", d);
      value(f, p, 0.5, "0");
      value(f, p, -0.5, "0");
      value(f, p, Math.nextUp(0.5), new BigDecimal(Math.nextUp(0.5)).toString());
      value(f, p, -0.75, "-0.75");
      value(f, p, -0.0, "0");
      value(f, p, Double.NEGATIVE_INFINITY, "-Infinity");
      derivative(f, p, 0.5, "0");
      derivative(f, p, -0.5, "0");
      derivativeMatchesQuotient(f, p, 2, 0.5);
      derivativeMatchesQuotient(f, p, 0, 0.25);
    }
    value(f, params("hard_shrink", "pytorch", "threshold=-1"), 0.25, "0.25");
    value(f, params("hard_shrink", "keras3", "threshold=-1"), -0.0, "-0");
  }

  @Test
  void required_hard_shrink_nan() {
    value(f, params("hard_shrink", "keras3"), Double.NaN, "0");
    value(f, params("hard_shrink", "onnx"), Double.NaN, "0");
    value(f, params("hard_shrink", "pytorch"), Double.NaN, "NaN");
  }
}
