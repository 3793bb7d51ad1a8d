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

/** thresholded_relu: tf_keras2's mask product versus ONNX's select. */
class ThresholdedReluTest {

  private final ThresholdedRelu f = new ThresholdedRelu();

  @Test
  void required_thresholded_relu_value() {
    for (String d : new String[] {"tf_keras2", "onnx"}) {
      Params p = params("thresholded_relu", d);
      value(f, p, 1, "0");
      value(f, p, Math.nextUp(1.0), new BigDecimal(Math.nextUp(1.0)).toString());
      value(f, p, 3, "3");
      value(f, p, 0.5, "0");
      derivative(f, p, 1, "0");
      derivative(f, p, 2, "1");
      derivativeMatchesQuotient(f, p, 4, 1);
    }
  }

  @Test
  void required_thresholded_relu_thetaIsFloat32() {
    // theta = 0.1 is float32(0.1) = 0.100000001490116119384765625 in both dialects (ONNX float
    // attribute, tf.keras floatx cast): the double 0.1 lies below it and maps to 0, the next
    // double above float32(0.1) passes.
    double above = Math.nextUp(0.100000001490116119384765625);
    for (String d : new String[] {"tf_keras2", "onnx"}) {
      Params p = params("thresholded_relu", d, d.equals("onnx") ? "alpha=0.1" : "theta=0.1");
      value(f, p, 0.1, "0");
      value(f, p, 0.100000001490116119384765625, "0");
      value(f, p, above, new BigDecimal(above).toString());
      derivative(f, p, 0.1, "0");
    }
  }

  @Test
  void required_thresholded_relu_zero_sign() {
    Params k = params("thresholded_relu", "tf_keras2");
    value(f, k, -2, "-0");
    value(f, k, -0.0, "-0");
    value(f, k, Double.NEGATIVE_INFINITY, "NaN");
    value(f, k, Double.NaN, "NaN");
    Params o = params("thresholded_relu", "onnx");
    value(f, o, -2, "0");
    value(f, o, -0.0, "0");
    value(f, o, Double.NEGATIVE_INFINITY, "0");
    value(f, o, Double.NaN, "0");
    derivative(f, o, Double.NaN, "0");
    value(f, params("thresholded_relu", "onnx", "theta=-1"), -0.5, "-0.5");
  }

  @Test
  void required_thresholded_relu_theta_validated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.value(1, params("thresholded_relu", "tf_keras2", "theta=-1"), 20));
    assertTrue(e.getMessage().contains("theta"));
  }
}
