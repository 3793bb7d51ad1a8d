package org.activationtck.spec.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.ConstantSpec;
import org.activationtck.spec.catalog.Dialect;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Storage;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;


/**
 * Rule params.compute_format: each dialect's storage precision, then its compute format. The
 * expected values are binary fractions worked by hand (float32(0.01) = 10737418 * 2^-30, ...).
 */
class ParamsTest {

  private static final Catalog CATALOG = Catalog.standard();

  private static BigDecimal real(String function, String dialect, Map<String, String> given,
      Dtype t, String name) {
    return Params.resolve(CATALOG.require(function), dialect, given, t).real(name);
  }

  private static void assertValue(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
  }

  @Test
  void required_params_onnxFloatAttributes_areFloat32_onEveryDtype() {
    String f32OfPointOhOne = "0.00999999977648258209228515625";
    assertValue(f32OfPointOhOne, real("leaky_relu", "onnx", Map.of(), Dtype.FLOAT64, "negative_slope"));
    assertValue(f32OfPointOhOne, real("leaky_relu", "onnx", Map.of(), Dtype.FLOAT32, "negative_slope"));
    assertValue("0.20000000298023223876953125",
        real("hard_sigmoid", "onnx", Map.of(), Dtype.FLOAT64, "alpha"));
    assertValue("0.300000011920928955078125",
        real("elu", "onnx", Map.of("alpha", "0.3"), Dtype.FLOAT64, "alpha"));
    // float32, then the input's dtype: float16(float32(0.01)) = 1311 * 2^-17.
    assertValue("0.01000213623046875",
        real("leaky_relu", "onnx", Map.of(), Dtype.FLOAT16, "negative_slope"));
  }

  @Test
  void required_params_computeFormat_isTheDtype_butPytorchsOpMath() {
    assertValue(new BigDecimal(0.01).toString(),
        real("leaky_relu", "pytorch", Map.of(), Dtype.FLOAT64, "negative_slope"));
    assertValue("0.00999999977648258209228515625",
        real("leaky_relu", "pytorch", Map.of(), Dtype.FLOAT16, "negative_slope"));
    assertValue("0.01000213623046875", real("leaky_relu", "jax", Map.of(), Dtype.FLOAT16, "negative_slope"));
    // PyTorch's threshold kernel converts to scalar_t, bfloat16 included: 205 * 2^-11.
    assertValue("0.10009765625", real("threshold", "pytorch", Map.of(), Dtype.BFLOAT16, "threshold"));
    assertValue("0.100000001490116119384765625",
        real("threshold", "pytorch", Map.of(), Dtype.FLOAT32, "threshold"));
  }

  @Test
  void required_params_conditionalStorage_followsTheCodePath() {
    String f32 = "0.100000001490116119384765625";
    assertValue(f32, real("relu", "keras3", Map.of("negative_slope", "0.1"), Dtype.FLOAT64, "negative_slope"));
    assertValue(new BigDecimal(0.1).toString(), real("relu", "keras3",
        Map.of("negative_slope", "0.1", "threshold", "1"), Dtype.FLOAT64, "negative_slope"));
    assertValue(new BigDecimal(0.1).toString(), real("relu", "tf_keras2",
        Map.of("alpha", "0.1", "max_value", "6"), Dtype.FLOAT64, "negative_slope"));
  }

  @Test
  void required_params_constants_storedOnlyWhereADialectRoundsThem() {
    FunctionSpec hardSilu = CATALOG.require("hard_silu");
    Params onnx = Params.resolve(hardSilu, "onnx", Map.of(), Dtype.FLOAT64);
    assertValue("0.16666667163372039794921875", onnx.constant("one_sixth").orElseThrow());
    assertTrue(Params.resolve(hardSilu, "keras3", Map.of(), Dtype.FLOAT64).constant("one_sixth").isEmpty());
    Params tf = Params.resolve(CATALOG.require("selu"), "tf_keras2", Map.of(), Dtype.FLOAT64);
    assertValue(new BigDecimal(1.7580993408473768).toString(), tf.constant("scale_alpha").orElseThrow());
  }

  @Test
  void required_params_overflowOfTheStorage_isNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> real("leaky_relu", "onnx", Map.of("alpha", "1e39"), Dtype.FLOAT64, "negative_slope"));
    assertTrue(e.getMessage().contains("overflows float32"), e.getMessage());
    assertValue("1E+39", real("leaky_relu", "pytorch", Map.of("negative_slope", "1e39"), Dtype.FLOAT64,
        "negative_slope").round(new MathContext(3)));
  }

  /**
   * A constant's decimal, when not the value itself, carries enough digits: its neighbours one unit in the
   * last place away round like it in every format a dialect stores it in, so the rounding of
   * the truncated decimal is the rounding of the exact real.
   */
  @Test
  void required_params_constantDecimals_roundLikeTheExactReal() {
    for (FunctionSpec f : CATALOG.functions()) {
      for (ConstantSpec c : f.constants()) {
        if (c.value().equals(c.decimal())) {
          continue;                         // a terminating decimal is the value itself
        }
        BigDecimal v = new BigDecimal(c.decimal());
        BigDecimal unit = BigDecimal.ONE.movePointLeft(v.scale());
        for (Map.Entry<String, Storage> e : c.precision().entrySet()) {
          for (Dtype t : Dtype.values()) {
            Dtype compute = Dialect.fromId(e.getKey()).computeFormat(t);
            for (Dtype format : e.getValue().roundings(t, compute)) {
              double r = Rounding.round(v, format);
              assertEquals(r, Rounding.round(v.add(unit), format), f.id() + "." + c.name() + " " + format);
              assertEquals(r, Rounding.round(v.subtract(unit), format), f.id() + "." + c.name() + " " + format);
            }
          }
        }
      }
    }
  }
}
