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

/** leaky_relu: per-dialect defaults, products exact, the kink per dialect. */
class LeakyReluTest {

  private final LeakyRelu f = new LeakyRelu();

  @Test
  void required_leaky_relu_defaults() {
    // keras3 and tf_keras2 reach TensorFlow's float32 attr alpha: float32(0.2) =
    // 13421773 * 2^-26, also for float64 inputs; pytorch and jax hold 0.01 as a double here.
    value(f, params("leaky_relu", "keras3"), -1, "-0.20000000298023223876953125");
    value(f, params("leaky_relu", "tf_keras2"), -1, "-0.20000000298023223876953125");
    for (String d : new String[] {"pytorch", "jax"}) {
      value(f, params("leaky_relu", d), -1, new BigDecimal(0.01).negate().toString());
    }
  }

  @Test
  void required_leaky_relu_value_onnxFloat32Alpha() {
    // ONNX LeakyRelu's alpha is a float attribute: float32(0.01) = 0.00999999977648258209228515625
    // (10737418 * 2^-30), on float64 inputs too; the product with -10 is exact.
    value(f, params("leaky_relu", "onnx"), -10, "-0.0999999977648258209228515625");
    derivative(f, params("leaky_relu", "onnx"), -10, "0.00999999977648258209228515625");
    value(f, params("leaky_relu", "onnx", "alpha=0.3"), -1, "-0.300000011920928955078125");
    value(f, params("leaky_relu", "pytorch", "negative_slope=0.3"), -1,
        new BigDecimal(0.3).negate().toString());
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
    derivative(f, params("leaky_relu", "keras3"), 0.0, new BigDecimal(0.2f).toString());
    derivative(f, params("leaky_relu", "pytorch"), 0.0, new BigDecimal(0.01).toString());
    derivative(f, params("leaky_relu", "onnx"), -0.0, new BigDecimal(0.01f).toString());
    derivative(f, params("leaky_relu", "jax"), 0.0, "1");
    derivative(f, params("leaky_relu", "jax"), -0.0, "1");
    for (String d : new String[] {"keras3", "pytorch", "jax"}) {
      derivativeMatchesQuotient(f, params("leaky_relu", d), -2, 0.5);
      derivativeMatchesQuotient(f, params("leaky_relu", d), 2, 0.5);
    }
  }
}
