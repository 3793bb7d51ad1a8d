package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * selu with the published constants (Klambauer et al. 2017) as each dialect holds them: rounded to
 * the compute format, ONNX's float32 attributes, TensorFlow's one kernel constant scale_alpha.
 */
class SeluTest {

  private static final Selu SELU = new Selu();
  private static final FunctionSpec SPEC = Catalog.standard().require("selu");
  private static final String ALPHA = "1.6732632423543772848170429916717";
  private static final String SCALE = "1.0507009873554804934193349852946";
  /** TensorFlow's Selu functor: static_cast<T>(1.7580993408473768599402175208123). */
  private static final String TF_SCALE_ALPHA = "1.7580993408473768599402175208123";

  static Params resolved(String dialect, Dtype t) {
    return Params.resolve(SPEC, dialect, Map.of(), t);
  }

  @Test
  void required_selu_constants_roundedToComputeFormat() {
    Params f64 = resolved("keras3", Dtype.FLOAT64);
    assertEquals(new BigDecimal(Double.parseDouble(ALPHA)), f64.real("alpha"));
    assertEquals(new BigDecimal(Double.parseDouble(SCALE)), f64.real("scale"));
    Params f32 = resolved("pytorch", Dtype.FLOAT32);
    assertEquals(new BigDecimal(Float.parseFloat(ALPHA)), f32.real("alpha"));
    // ONNX: float32 attribute defaults, also for float64 inputs.
    Params onnx = resolved("onnx", Dtype.FLOAT64);
    assertEquals(0, new BigDecimal("1.67326319217681884765625").compareTo(onnx.real("alpha")));
    assertEquals(0, new BigDecimal("1.05070102214813232421875").compareTo(onnx.real("scale")));
    assertEquals(new BigDecimal(Float.parseFloat(SCALE)), onnx.real("scale"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e-200, -1e-8, -0.5, -1, -20, -700})
  void required_selu_value_matchesApfloat(double x) {
    for (String d : new String[] {"keras3", "pytorch", "onnx"}) {
      Params p = resolved(d, Dtype.FLOAT64);
      long prec = 80 + Math.max(0, (long) -Math.floor(Math.log10(-x)));
      Apfloat c = d.equals("keras3")
          ? new Apfloat(new BigDecimal(Double.parseDouble(TF_SCALE_ALPHA)), prec)
          : new Apfloat(p.real("alpha"), prec).multiply(new Apfloat(p.real("scale"), prec));
      Apfloat expected = c.multiply(ApfloatMath.exp(apfloat(x, prec)).subtract(new Apfloat(1, prec)));
      assertAgrees(expected, SELU.value(x, p, 40), 40);
      assertAgrees(c.multiply(ApfloatMath.exp(apfloat(x, prec))), SELU.derivative(x, p, 40), 40);
    }
  }

  @Test
  void required_selu_positiveBranch_exactScaleTimesX() {
    Params p = resolved("jax", Dtype.FLOAT64);
    assertExact(p.real("scale").multiply(new BigDecimal(3)).toPlainString(), SELU.value(3, p, 30));
  }

  @Test
  void required_selu_negative_zero_perDialect() {
    for (String d : new String[] {"keras3", "tf_keras2", "jax"}) {
      assertExact("-0", SELU.value(-0.0, resolved(d, Dtype.FLOAT64), 20));
    }
    for (String d : new String[] {"pytorch", "onnx"}) {
      assertExact("0", SELU.value(-0.0, resolved(d, Dtype.FLOAT64), 20));
    }
  }

  @Test
  void required_selu_derivative_zero_perDialect() {
    for (String d : new String[] {"keras3", "tf_keras2"}) {
      Params p = resolved(d, Dtype.FLOAT64);
      assertExact(p.real("scale").toPlainString(), SELU.derivative(0.0, p, 20));
      assertExact(p.real("scale").toPlainString(), SELU.derivative(-0.0, p, 20));
    }
    for (String d : new String[] {"pytorch", "jax", "onnx"}) {
      Params p = resolved(d, Dtype.FLOAT64);
      String c = p.real("scale").multiply(p.real("alpha")).toPlainString();
      assertExact(c, SELU.derivative(0.0, p, 20));
    }
  }

  @Test
  void required_selu_saturation_tensorflowsConstant() {
    // keras3 and tf_keras2: -scale_alpha, TensorFlow's constant rounded once to the dtype; its
    // double 1.7580993408473768 is one ulp above the product of the doubles of scale and alpha.
    for (String d : new String[] {"keras3", "tf_keras2"}) {
      assertExact(new BigDecimal(-1.7580993408473768).toPlainString(),
          SELU.value(Double.NEGATIVE_INFINITY, resolved(d, Dtype.FLOAT64), 20));
      assertExact(new BigDecimal(-1.7580993f).toPlainString(),
          SELU.value(Double.NEGATIVE_INFINITY, resolved(d, Dtype.FLOAT32), 20));
    }
    assertTrue(1.7580993408473768 != Double.parseDouble(ALPHA) * Double.parseDouble(SCALE));
  }

  @Test
  void required_selu_saturation_andPublishedProduct() {
    Params p = resolved("pytorch", Dtype.FLOAT64);
    BigDecimal c = p.real("scale").multiply(p.real("alpha"));
    assertExact(c.negate().toPlainString(), SELU.value(Double.NEGATIVE_INFINITY, p, 20));
    // scale * alpha = 1.7580993408473768599402175208123 (TensorFlow's scale_alpha) to 16 digits.
    BigDecimal published = new BigDecimal("1.7580993408473768599402175208123");
    assertTrue(c.subtract(published).abs().compareTo(new BigDecimal("1e-15")) < 0);
    assertAgrees(c.negate(), SELU.value(-1e300, p, 40), 40);
  }

}
