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

/** threshold: strict comparison, NaN per dialect. */
class ThresholdTest {

  private final Threshold f = new Threshold();

  @Test
  void required_threshold_value() {
    for (String d : new String[] {"keras3", "pytorch"}) {
      Params p = params("threshold", d);                  // threshold 0.1 (rounded), value 20
      value(f, p, 0.1, "20");                              // the same double: not above
      value(f, p, Math.nextUp(0.1), new BigDecimal(Math.nextUp(0.1)).toString());
      value(f, p, -7, "20");
      value(f, p, Double.POSITIVE_INFINITY, "Infinity");
      value(f, p, Double.NEGATIVE_INFINITY, "20");
      Params q = params("threshold", d, "threshold=1", "default_value=-0.5");
      value(f, q, 1, "-0.5");
      value(f, q, 1.5, "1.5");
    }
  }

  @Test
  void required_threshold_nan() {
    value(f, params("threshold", "keras3"), Double.NaN, "20");
    value(f, params("threshold", "pytorch"), Double.NaN, "NaN");
    derivative(f, params("threshold", "keras3"), Double.NaN, "0");
    derivative(f, params("threshold", "pytorch"), Double.NaN, "1");     // threshold_backward passes grad
  }

  @Test
  void required_threshold_derivative() {
    for (String d : new String[] {"keras3", "pytorch"}) {
      Params p = params("threshold", d, "threshold=2", "default_value=3");
      derivative(f, p, 2, "0");
      derivative(f, p, Math.nextUp(2.0), "1");
      derivativeMatchesQuotient(f, p, 5, 1);
      derivativeMatchesQuotient(f, p, -5, 1);
    }
  }
}
