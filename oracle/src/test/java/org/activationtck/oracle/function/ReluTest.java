package org.activationtck.oracle.function;

import static org.activationtck.oracle.function.PiecewiseTesting.derivative;
import static org.activationtck.oracle.function.PiecewiseTesting.derivativeMatchesQuotient;
import static org.activationtck.oracle.function.PiecewiseTesting.params;
import static org.activationtck.oracle.function.PiecewiseTesting.value;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activationtck.spec.params.Params;
import org.junit.jupiter.api.Test;

/** relu against hand-worked values of the Keras op sequence and the plain max(x, 0). */
class ReluTest {

  private final Relu f = new Relu();

  @Test
  void required_relu_value_and_zero_sign_everyDialect() {
    for (String d : new String[] {"keras3", "tf_keras2", "pytorch", "jax", "onnx"}) {
      Params p = params("relu", d);
      value(f, p, 2.5, "2.5");
      value(f, p, -2.5, "0");
      value(f, p, Double.MIN_VALUE, new java.math.BigDecimal(Double.MIN_VALUE).toString());
      value(f, p, -Double.MIN_VALUE, "0");
      value(f, p, Double.MAX_VALUE, new java.math.BigDecimal(Double.MAX_VALUE).toString());
      value(f, p, 0.0, "0");
      value(f, p, -0.0, "-0");
      value(f, p, Double.NaN, "NaN");
      value(f, p, Double.NEGATIVE_INFINITY, "0");
      value(f, p, Double.POSITIVE_INFINITY, "Infinity");
    }
  }

  @Test
  void required_relu_derivative_zeroAtKink() {
    for (String d : new String[] {"keras3", "tf_keras2", "pytorch", "jax", "onnx"}) {
      Params p = params("relu", d);
      derivative(f, p, 0.0, "0");
      derivative(f, p, -0.0, "0");
      derivative(f, p, 1e-300, "1");
      derivative(f, p, -1e-300, "0");
    }
  }

  @Test
  void required_relu_threshold_strict() {
    // Keras docstring: relu([-10, -5, 0, 5, 10], threshold=5) = [-0, -0, 0, 0, 10].
    Params p = params("relu", "keras3", "threshold=5");
    value(f, p, -10, "-0");
    value(f, p, -5, "-0");
    value(f, p, 0.0, "0");
    value(f, p, 5, "0");
    value(f, p, Math.nextUp(5.0), new java.math.BigDecimal(Math.nextUp(5.0)).toString());
    value(f, p, 10, "10");
    derivative(f, p, 5, "0");
    derivative(f, p, Math.nextUp(5.0), "1");
  }

  @Test
  void required_relu_threshold_infinity() {
    value(f, params("relu", "tf_keras2", "threshold=1"), Double.NEGATIVE_INFINITY, "NaN");
    value(f, params("relu", "tf_keras2", "threshold=1"), Double.POSITIVE_INFINITY, "Infinity");
  }

  @Test
  void required_relu_slope_docExamples() {
    // Keras 3 docstring: negative_slope=0.5 gives [-5, -2.5, 0, 5, 10] (leaky path).
    Params leaky = params("relu", "keras3", "negative_slope=0.5");
    value(f, leaky, -10, "-5");
    value(f, leaky, -5, "-2.5");
    value(f, leaky, 0.0, "0");
    value(f, leaky, -0.0, "-0");
    derivative(f, leaky, 0.0, "0.5");
    // TF 2 docs: relu(x, alpha=2., threshold=3.5) on [-10, -5, 0, 5, 10] = [-27, -17, -7, 5, 10].
    Params tf = params("relu", "tf_keras2", "negative_slope=2", "threshold=3.5");
    value(f, tf, -10, "-27");
    value(f, tf, -5, "-17");
    value(f, tf, 0.0, "-7");
    value(f, tf, 5, "5");
    value(f, tf, 10, "10");
    value(f, tf, 3.5, "0");
    derivative(f, tf, 3.5, "0");
    derivative(f, tf, 3, "2");
    derivativeMatchesQuotient(f, tf, -1.25, 0.125);
  }

  @Test
  void required_relu_slope_exactNotDoubleRounded() {
    // s (x - t) with x - t inexact in double: x = 1e-20, t = 1, s = 0.1 (rounded):
    // exact value s*(1e-20 - 1) carries every digit.
    Params p = params("relu", "keras3", "negative_slope=0.1", "threshold=1");
    java.math.BigDecimal s = new java.math.BigDecimal(0.1);
    java.math.BigDecimal expected = s.multiply(new java.math.BigDecimal(1e-20).subtract(java.math.BigDecimal.ONE));
    value(f, p, 1e-20, expected.toString());
  }

  @Test
  void required_relu_slope_float32OnlyOnTheLeakyPath() {
    // Keras' leaky path is tf.nn.leaky_relu, whose alpha is a float32 attr: float32(0.1) =
    // 0.100000001490116119384765625 on a float64 input; with a threshold the slope multiplies
    // a tensor as a Python float, double(0.1), so s (x - t) = -2 double(0.1) at x = -1, t = 1.
    for (String d : new String[] {"keras3", "tf_keras2"}) {
      value(f, params("relu", d, "negative_slope=0.1"), -1, "-0.100000001490116119384765625");
      value(f, params("relu", d, "negative_slope=0.1", "threshold=1"), -1,
          new java.math.BigDecimal(0.1).multiply(java.math.BigDecimal.valueOf(-2)).toString());
      value(f, params("relu", d, "negative_slope=0.1", "max_value=6"), -1,
          new java.math.BigDecimal(0.1).negate().toString());
    }
  }

  @Test
  void required_relu_max_value() {
    Params clip = params("relu", "keras3", "max_value=5");
    value(f, clip, 7, "5");
    value(f, clip, 5, "5");
    value(f, clip, -0.0, "-0");
    value(f, clip, Double.POSITIVE_INFINITY, "5");
    derivative(f, clip, 5, "1");
    derivative(f, clip, Math.nextUp(5.0), "0");
    Params six = params("relu", "keras3", "max_value=6");
    value(f, six, 7, "6");
    derivative(f, six, 6, "0");
    derivative(f, six, 0.0, "0");
    Params zero = params("relu", "keras3", "max_value=0");
    value(f, zero, 3, "0");
  }

  @Test
  void required_relu_params_validated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.value(1, params("relu", "keras3", "negative_slope=-0.1"), 20));
    assertTrue(e.getMessage().contains("negative_slope"));
    e = assertThrows(IllegalArgumentException.class,
        () -> f.value(1, params("relu", "keras3", "max_value=-1"), 20));
    assertTrue(e.getMessage().contains("max_value"));
  }
}
