package org.activationtck.oracle.function;

import static org.activationtck.oracle.function.PiecewiseTesting.derivative;
import static org.activationtck.oracle.function.PiecewiseTesting.derivativeMatchesQuotient;
import static org.activationtck.oracle.function.PiecewiseTesting.params;
import static org.activationtck.oracle.function.PiecewiseTesting.value;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.activationtck.oracle.Params;
import org.junit.jupiter.api.Test;

/** leaky_relu: per-dialect defaults, products exact, the kink per dialect. */
class LeakyReluTest {

  private final LeakyRelu f = new LeakyRelu();

  @Test
  void required_leaky_relu_defaults() {
    // The slopes are the compute-format (float64) values of 0.2 and 0.01.
    value(f, params("leaky_relu", "keras3"), -1, new BigDecimal(0.2).negate().toString());
    value(f, params("leaky_relu", "tf_keras2"), -1, new BigDecimal(0.2).negate().toString());
    for (String d : new String[] {"pytorch", "jax", "onnx"}) {
      value(f, params("leaky_relu", d), -1, new BigDecimal(0.01).negate().toString());
    }
  }

  @Test
  void required_leaky_relu_value_exactProduct() {
    Params p = params("leaky_relu", "pytorch");
    double x = -0.1;
    value(f, p, x, new BigDecimal(0.01).multiply(new BigDecimal(x)).toString());
    value(f, p, -Double.MIN_VALUE, new BigDecimal(0.01).multiply(new BigDecimal(-Double.MIN_VALUE)).toString());
    value(f, p, Double.NEGATIVE_INFINITY, "-Infinity");
    value(f, p, Double.NaN, "NaN");
    value(f, params("leaky_relu", "pytorch", "negative_slope=0"), -3, "-0");
    value(f, params("leaky_relu", "pytorch", "negative_slope=0"), Double.NEGATIVE_INFINITY, "NaN");
  }

  @Test
  void required_leaky_relu_zero_sign() {
    for (String d : new String[] {"keras3", "tf_keras2", "pytorch", "jax", "onnx"}) {
      value(f, params("leaky_relu", d), 0.0, "0");
      value(f, params("leaky_relu", d), -0.0, "-0");
    }
    value(f, params("leaky_relu", "pytorch", "negative_slope=-2"), -0.0, "0");
    value(f, params("leaky_relu", "jax", "negative_slope=-2"), -0.0, "-0");
  }

  @Test
  void required_leaky_relu_derivative_kink() {
    derivative(f, params("leaky_relu", "keras3"), 0.0, new BigDecimal(0.2).toString());
    derivative(f, params("leaky_relu", "pytorch"), 0.0, new BigDecimal(0.01).toString());
    derivative(f, params("leaky_relu", "onnx"), -0.0, new BigDecimal(0.01).toString());
    derivative(f, params("leaky_relu", "jax"), 0.0, "1");
    derivative(f, params("leaky_relu", "jax"), -0.0, "1");
    for (String d : new String[] {"keras3", "pytorch", "jax"}) {
      derivativeMatchesQuotient(f, params("leaky_relu", d), -2, 0.5);
      derivativeMatchesQuotient(f, params("leaky_relu", d), 2, 0.5);
    }
  }
}
