package org.activationtck.oracle.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.activationtck.oracle.Oracle;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * f'(NaN) per function and dialect through the whole oracle ({@link Oracle#evaluate}, parameters
 * resolved from the catalog), against values written down from the frameworks' source, not from
 * the catalog (the oracle reads the catalog, so comparing the two would prove nothing). The table
 * must name every dialect of every elementwise function, so a new function or dialect fails here
 * until someone states its f'(NaN).
 *
 * <p>Sources of the values (the rules {@code <function>.derivative.nan} cite them in full):
 * TensorFlow's ReluGrad, Relu6Grad, LeakyReluGrad, EluGrad, SeluGrad and the Select, Minimum,
 * Maximum and Mul gradients (keras3 on its TensorFlow backend, tf_keras2); ATen's CPU
 * threshold_kernel, leaky_relu_backward, prelu_backward, hardsigmoid_backward and the scalar paths
 * of hardtanh_backward, shrink_backward, elu_backward and hardswish_backward (pytorch); jax.nn's
 * custom JVPs and where branches (jax); onnxruntime training's ReluGrad, LeakyReluGrad and
 * Identity gradients, NaN where it has no builder (onnx, except the catalog's existing choices 0
 * for Shrink and ThresholdedRelu).
 */
class DerivativeAtNanTest {

  private static final double NAN = Double.NaN;
  /** SELU's scale 1.0507009873554804934193349852946 rounded to float64 and to float32. */
  private static final double SELU_SCALE_64 = 1.0507009873554805;
  private static final double SELU_SCALE_32 = 1.0507010221481323;

  /** function → dialect → f'(NaN) at the dialect's default parameters, float64. */
  private static final Map<String, Map<String, Double>> AT_DEFAULTS = new LinkedHashMap<>();

  private static void at(String function, Object... dialectValue) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < dialectValue.length; i += 2) {
      m.put((String) dialectValue[i], ((Number) dialectValue[i + 1]).doubleValue());
    }
    AT_DEFAULTS.put(function, m);
  }

  static {
    at("exponential", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN, "onnx", NAN);
    at("linear", "keras3", 1, "tf_keras2", 1, "pytorch", 1, "jax", 1, "onnx", 1);
    at("relu", "keras3", 0, "tf_keras2", 0, "pytorch", 1, "jax", 0, "onnx", 0);
    at("relu6", "keras3", 0, "tf_keras2", 0, "pytorch", 1, "jax", 0);
    // The slope at its storage precision: TensorFlow's LeakyRelu attr and ONNX's are float32.
    at("leaky_relu", "keras3", (double) 0.2f, "tf_keras2", (double) 0.2f, "pytorch", 0.01, "jax", 0.01,
        "onnx", (double) 0.01f);
    at("prelu", "keras3", 0, "tf_keras2", 0, "pytorch", 0.25, "onnx", NAN);
    at("rrelu", "pytorch", 0.22916666666666666);
    at("threshold", "keras3", 0, "pytorch", 1);
    at("thresholded_relu", "tf_keras2", 0, "onnx", 0);
    at("hard_tanh", "keras3", 0, "pytorch", 1, "jax", 1);
    at("hard_shrink", "keras3", 0, "pytorch", 1, "onnx", 0);
    at("soft_shrink", "keras3", 0, "pytorch", 1, "onnx", 0);
    at("hard_sigmoid", "keras3", 0, "tf_keras2", 0, "pytorch", 0, "jax", 0, "onnx", NAN);
    at("hard_silu", "keras3", NAN, "pytorch", 1, "jax", NAN, "onnx", NAN);
    at("sparse_sigmoid", "keras3", 0.5, "jax", 0);
    at("elu", "keras3", 1, "tf_keras2", 1, "pytorch", 1, "jax", NAN, "onnx", NAN);
    at("selu", "keras3", SELU_SCALE_64, "tf_keras2", SELU_SCALE_64, "pytorch", SELU_SCALE_64,
        "jax", NAN, "onnx", NAN);
    at("celu", "keras3", 0, "pytorch", 1, "jax", NAN, "onnx", NAN);
    at("softplus", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN, "onnx", NAN);
    at("log_sigmoid", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN);
    at("mish", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN, "onnx", NAN);
    at("sparse_plus", "keras3", 1, "jax", NAN);
    at("squareplus", "keras3", NAN, "jax", NAN);
    at("softsign", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN, "onnx", NAN);
    at("arctan", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN, "onnx", NAN);
    at("soft_exponential", "keras3", NAN);
    at("sigmoid", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN, "onnx", NAN);
    at("tanh", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN, "onnx", NAN);
    at("silu", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN);
    at("tanh_shrink", "keras3", NAN, "pytorch", NAN);
    at("gelu", "keras3", NAN, "tf_keras2", NAN, "pytorch", NAN, "jax", NAN, "onnx", NAN);
  }

  private static double atNan(String function, String dialect, Map<String, String> params, Dtype t) {
    return Oracle.standard().evaluate(function, dialect, params, t, true, new double[] {NAN})
        .get(0).rounded(t);
  }

  /** Bit for bit: a zero must be +0.0 (the masks give grad * 0 or a +0.0 constant). */
  private static void assertSame(double expected, double got, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(got), what + ": expected NaN, got " + got);
    } else {
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
          what + ": expected " + expected + ", got " + got);
    }
  }

  @TestFactory
  Stream<DynamicTest> required_derivative_nan_everyDialect_atDefaults() {
    List<DynamicTest> tests = new ArrayList<>();
    for (FunctionSpec f : Catalog.standard().functions()) {
      if (f.kind() != Kind.ELEMENTWISE) {
        continue;
      }
      Map<String, Double> stated = AT_DEFAULTS.get(f.id());
      tests.add(DynamicTest.dynamicTest(f.id() + " covers every dialect", () ->
          assertEquals(f.names().keySet(), stated == null ? Map.of().keySet() : stated.keySet(),
              f.id() + ": the table must state f'(NaN) for every dialect")));
      if (stated == null) {
        continue;
      }
      stated.forEach((dialect, expected) -> tests.add(DynamicTest.dynamicTest(
          f.id() + "'(NaN) " + dialect + " = " + expected, () -> assertSame(expected,
              atNan(f.id(), dialect, Map.of(), Dtype.FLOAT64), f.id() + " " + dialect))));
    }
    return tests.stream();
  }

  @Test
  void required_derivative_nan_relu_followsThePathOfKerasOpSequence() {
    // Leaky path (slope, no max_value, threshold 0): tf.nn.leaky_relu, LeakyReluGrad -> slope.
    assertSame(0.5, atNan("relu", "keras3", Map.of("negative_slope", "0.5"), Dtype.FLOAT64), "leaky");
    assertSame(0.5, atNan("relu", "tf_keras2", Map.of("alpha", "0.5"), Dtype.FLOAT64), "leaky tf_keras2");
    // Any other path: ReluGrad / clip / threshold masks and the slope term's ReluGrad -> 0.
    assertSame(0, atNan("relu", "keras3", Map.of("threshold", "5"), Dtype.FLOAT64), "threshold");
    assertSame(0, atNan("relu", "keras3", Map.of("max_value", "5"), Dtype.FLOAT64), "clip");
    assertSame(0, atNan("relu", "keras3", Map.of("max_value", "6"), Dtype.FLOAT64), "relu6");
    assertSame(0, atNan("relu", "keras3",
        Map.of("negative_slope", "0.1", "max_value", "6", "threshold", "1"), Dtype.FLOAT64), "all three");
  }

  @Test
  void required_derivative_nan_parameterValues_inTheComputeFormat() {
    // elu: Keras' where(x > 0, res, alpha * res) -> alpha; ATen's scalar path grad * scale = 1.
    assertSame(0.5, atNan("elu", "keras3", Map.of("alpha", "0.5"), Dtype.FLOAT64), "elu keras3");
    assertSame(0.5, atNan("elu", "tf_keras2", Map.of("alpha", "0.5"), Dtype.FLOAT64), "elu tf_keras2");
    assertSame(1, atNan("elu", "pytorch", Map.of("alpha", "0.5"), Dtype.FLOAT64), "elu pytorch");
    // celu: keras3 0 and pytorch 1 for any alpha.
    assertSame(0, atNan("celu", "keras3", Map.of("alpha", "2"), Dtype.FLOAT64), "celu keras3");
    assertSame(1, atNan("celu", "pytorch", Map.of("alpha", "2"), Dtype.FLOAT64), "celu pytorch");
    // TensorFlow's SeluGrad and ATen's poscoef use static_cast<T>(scale).
    assertSame(SELU_SCALE_32, atNan("selu", "keras3", Map.of(), Dtype.FLOAT32), "selu float32");
    assertSame(SELU_SCALE_32, atNan("selu", "pytorch", Map.of(), Dtype.FLOAT32), "selu pytorch float32");
    // ATen computes (lower + upper) / 2 in double and casts it: 0.2291666716337204 in float32.
    assertSame(0.2291666716337204, atNan("rrelu", "pytorch", Map.of(), Dtype.FLOAT32), "rrelu float32");
    assertSame(0.375, atNan("rrelu", "pytorch", Map.of("lower", "0.25", "upper", "0.5"), Dtype.FLOAT64),
        "rrelu bounds");
    assertSame((double) 0.2f, atNan("leaky_relu", "keras3", Map.of(), Dtype.FLOAT32), "leaky float32");
    assertSame((double) 0.3f, atNan("leaky_relu", "tf_keras2", Map.of("alpha", "0.3"), Dtype.FLOAT64),
        "leaky 0.3, TensorFlow's float32 attr");
    assertSame(0.3, atNan("leaky_relu", "pytorch", Map.of("negative_slope", "0.3"), Dtype.FLOAT64),
        "leaky 0.3, PyTorch's double Scalar");
    assertSame(0.5, atNan("prelu", "pytorch", Map.of("alpha", "0.5"), Dtype.FLOAT64), "prelu weight");
    assertSame(0, atNan("prelu", "keras3", Map.of("alpha", "0.5"), Dtype.FLOAT64), "prelu keras3");
  }
}
