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

/** prelu: learned slope as a parameter; Keras' sum of relu terms versus PyTorch and ONNX. */
class PreluTest {

  private final Prelu f = new Prelu();

  @Test
  void required_prelu_value_defaults() {
    value(f, params("prelu", "keras3"), -4, "0");             // alpha_initializer zeros
    value(f, params("prelu", "pytorch"), -4, "-1");           // weight 0.25
    value(f, params("prelu", "onnx"), -4, "-1");
    value(f, params("prelu", "keras3", "alpha=0.25"), -4, "-1");
    value(f, params("prelu", "pytorch", "alpha=-3"), -4, "12");
    value(f, params("prelu", "pytorch"), 7.5, "7.5");
  }

  @Test
  void required_prelu_zero_sign() {
    value(f, params("prelu", "keras3"), -0.0, "-0");
    value(f, params("prelu", "keras3"), 0.0, "0");
    value(f, params("prelu", "keras3", "alpha=-1"), -0.0, "0");
    value(f, params("prelu", "pytorch"), -0.0, "-0");
    value(f, params("prelu", "pytorch", "alpha=0"), -5, "-0");
    value(f, params("prelu", "onnx", "alpha=-1"), -0.0, "-0");
  }

  @Test
  void required_prelu_infinity() {
    value(f, params("prelu", "keras3"), Double.NEGATIVE_INFINITY, "NaN");
    value(f, params("prelu", "tf_keras2", "alpha=0.5"), Double.NEGATIVE_INFINITY, "-Infinity");
    value(f, params("prelu", "pytorch"), Double.NEGATIVE_INFINITY, "-Infinity");
    value(f, params("prelu", "keras3"), Double.POSITIVE_INFINITY, "Infinity");
  }

  @Test
  void required_prelu_derivative_kink() {
    derivative(f, params("prelu", "keras3", "alpha=0.5"), 0.0, "0");
    derivative(f, params("prelu", "pytorch"), 0.0, "0.25");
    derivative(f, params("prelu", "onnx"), 0.0, "1");
    derivative(f, params("prelu", "keras3", "alpha=0.5"), -1, "0.5");
    derivativeMatchesQuotient(f, params("prelu", "pytorch"), -3, 1);
    derivativeMatchesQuotient(f, params("prelu", "keras3", "alpha=0.75"), -3, 1);
  }
}
