package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.format.Ulps;
import org.activationtck.reference.ReferenceFunction;
import org.junit.jupiter.api.Test;

/**
 * The piecewise-linear references against the oracle beyond the generic agreement test: dense
 * random inputs around the kinks and in the rounding-sensitive ranges (the sixths of
 * hard_sigmoid/hard_silu, relu's s (x - t)), non-default parameters, and crelu. float64 within
 * 1 ulp; float32, float16 and bfloat16 (the float64 result rounded once) correctly rounded;
 * zeros bit for bit.
 */
class PiecewiseReferenceTest {

  private static final int SAMPLES = 4000;

  private static Params params(String id, String dialect, Dtype t, String... overrides) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String o : overrides) {
      given.put(o.substring(0, o.indexOf('=')), o.substring(o.indexOf('=') + 1));
    }
    return Params.resolve(Catalog.standard().require(id), dialect, given, t);
  }

  private static void agree(String id, String dialect, double lo, double hi, String... overrides) {
    ElementwiseFunction oracle = (ElementwiseFunction) FunctionRegistry.lookup(id).orElseThrow();
    ReferenceFunction reference = (ReferenceFunction) org.activationtck.reference.ReferenceRegistry
        .lookup(id).orElseThrow();
    SplittableRandom random = new SplittableRandom(id.hashCode() * 31L + dialect.hashCode());
    StringBuilder failures = new StringBuilder();
    for (Dtype t : new Dtype[] {Dtype.FLOAT64, Dtype.FLOAT32, Dtype.FLOAT16, Dtype.BFLOAT16}) {
      Params p = params(id, dialect, t, overrides);
      ReferenceFunction.Kernel k = reference.bind(p, t);
      for (int i = 0; i < SAMPLES; i++) {
        double x0 = lo + (hi - lo) * random.nextDouble();
        if (i % 4 == 0) {
          x0 = Math.scalb(x0, -random.nextInt(60));       // small magnitudes too
        }
        double x = t == Dtype.FLOAT64 ? x0 : Rounding.round(new BigDecimal(x0), t);
        for (boolean derivative : new boolean[] {false, true}) {
          OracleValue ov = new OracleValue(d -> derivative ? oracle.derivative(x, p, d) : oracle.value(x, p, d));
          double expected = ov.rounded(t);
          double got = derivative ? k.derivative(x) : k.value(x);
          if (t != Dtype.FLOAT64 && !Double.isNaN(got) && !Double.isInfinite(got)) {
            got = got == 0 ? got : Rounding.round(new BigDecimal(got), t);   // one rounding
          }
          double budget = t == Dtype.FLOAT64 ? 1 : 0;
          boolean zeroSign = expected == 0 && got == 0
              && Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(got);
          if (Ulps.distance(expected, got, t) > budget || zeroSign) {
            failures.append(String.format("%n  %s %s %s x=%s: expected %s, got %s", id, t.id(),
                derivative ? "d/dx" : "", Double.toHexString(x), expected, got));
          }
        }
      }
    }
    assertTrue(failures.length() == 0, dialect + " " + String.join(",", overrides) + failures);
  }

  @Test
  void hardSigmoid_relu6Form_sixthCorrectlyRounded() {
    for (String d : new String[] {"keras3", "pytorch", "jax"}) {
      agree("hard_sigmoid", d, -3.5, 3.5);
    }
  }

  @Test
  void hardSigmoid_linearForm() {
    agree("hard_sigmoid", "tf_keras2", -3, 3);
    agree("hard_sigmoid", "onnx", -3, 3, "alpha=0.1666666666666666666", "beta=0.5");
  }

  @Test
  void hardSilu_quadraticCorrectlyRounded() {
    for (String d : new String[] {"keras3", "pytorch", "jax", "onnx"}) {
      agree("hard_silu", d, -3.5, 3.5);
    }
  }

  @Test
  void relu_withParameters() {
    agree("relu", "keras3", -8, 8, "negative_slope=0.1", "threshold=0.3");
    agree("relu", "tf_keras2", -8, 8, "negative_slope=2", "threshold=3.5");
    agree("relu", "keras3", -8, 8, "negative_slope=0.3", "max_value=5");
    agree("relu", "keras3", -8, 8, "negative_slope=0.3", "max_value=6");
    agree("relu", "keras3", -8, 8, "threshold=-1", "max_value=2.5");
    agree("relu", "keras3", -8, 8, "negative_slope=0.7");
  }

  @Test
  void slopesAndShrinks_withParameters() {
    agree("leaky_relu", "jax", -4, 4, "negative_slope=-0.3");
    agree("prelu", "keras3", -4, 4, "alpha=0.3");
    agree("prelu", "pytorch", -4, 4, "alpha=-1.7");
    agree("rrelu", "pytorch", -4, 4, "lower=0.1", "upper=0.7");
    agree("soft_shrink", "keras3", -4, 4, "threshold=0.3");
    agree("hard_shrink", "onnx", -4, 4, "threshold=1.1");
    agree("hard_tanh", "pytorch", -4, 4, "min_val=-0.7", "max_val=2.2");
    agree("threshold", "pytorch", -4, 4, "threshold=-0.7", "default_value=2.2");
    agree("thresholded_relu", "onnx", -4, 4, "theta=-0.3");
    agree("sparse_sigmoid", "jax", -1.5, 1.5);
  }

  /** 0.5 / float32(1/6), the double nearest ONNX HardSwish's upper kink. */
  private static final double ONNX_KINK = 0.5 / 0.16666667163372039794921875;

  @Test
  void kinksAndSubnormals() {
    double[] xs = {Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE, -3 * Double.MIN_VALUE,
        0x1p-1022, -0x1p-1060, 0x1p-61, -0x1p-59, 2.5, -2.5, Math.nextDown(2.5), Math.nextUp(2.5), 3, -3,
        Math.nextUp(-3.0), Math.nextDown(3.0), 1, -1,
        // ONNX HardSwish (slope float32(1/6)): its kinks ±0.5/a and their neighbours, and inputs
        // whose exact value x (a x + 1/2) is a float64 rounding midpoint (the exact fallback).
        ONNX_KINK, -ONNX_KINK, Math.nextUp(ONNX_KINK), Math.nextDown(-ONNX_KINK), -2.99999995,
        -0x1.5838p-2, -0x1.7cab4p+1, -0x1.40bdp+1};
    String[][] cases = {{"hard_silu", "keras3"}, {"hard_silu", "pytorch"}, {"hard_silu", "onnx"},
        {"hard_sigmoid", "jax"},
        {"hard_sigmoid", "tf_keras2"}, {"hard_sigmoid", "onnx"}, {"sparse_sigmoid", "jax"},
        {"sparse_sigmoid", "keras3"}};
    StringBuilder failures = new StringBuilder();
    for (String[] c : cases) {
      ElementwiseFunction oracle = (ElementwiseFunction) FunctionRegistry.lookup(c[0]).orElseThrow();
      ReferenceFunction.Kernel k = ((ReferenceFunction) org.activationtck.reference.ReferenceRegistry
          .lookup(c[0]).orElseThrow()).bind(params(c[0], c[1], Dtype.FLOAT64), Dtype.FLOAT64);
      Params p = params(c[0], c[1], Dtype.FLOAT64);
      for (double x : xs) {
        for (boolean derivative : new boolean[] {false, true}) {
          double expected = new OracleValue(d -> derivative ? oracle.derivative(x, p, d) : oracle.value(x, p, d))
              .rounded(Dtype.FLOAT64);
          double got = derivative ? k.derivative(x) : k.value(x);
          if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(got)) {
            failures.append(String.format("%n  %s %s %s x=%s: expected %s, got %s", c[0], c[1],
                derivative ? "d/dx" : "", Double.toHexString(x), expected, got));
          }
        }
      }
    }
    assertTrue(failures.length() == 0, failures.toString());
  }

  @Test
  void crelu_agreesWithOracle() {
    double[] x = {1.5, -2, 0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 4.9e-324, -1e300};
    Params p = params("crelu", "tf_keras2", Dtype.FLOAT64);
    Real[] expected = new org.activationtck.oracle.function.Crelu().value(x, p, 20);
    double[] got = new Crelu().apply(x, p);
    assertEquals(expected.length, got.length);
    for (int i = 0; i < got.length; i++) {
      Real e = expected[i];
      double want = new OracleValue(d -> e).rounded(Dtype.FLOAT64);
      if (Double.isNaN(want)) {
        assertTrue(Double.isNaN(got[i]), "element " + i + ": " + got[i]);
        continue;
      }
      assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got[i]),
          "element " + i + ": " + want + " vs " + got[i]);
    }
  }

  @Test
  void parameterValidation_matchesOracle() {
    assertThrows(IllegalArgumentException.class,
        () -> new Relu().bind(params("relu", "keras3", Dtype.FLOAT64, "max_value=-1")));
    assertThrows(IllegalArgumentException.class,
        () -> new Rrelu().bind(params("rrelu", "pytorch", Dtype.FLOAT64, "lower=1", "upper=0.5")));
    assertThrows(IllegalArgumentException.class,
        () -> new HardTanh().bind(params("hard_tanh", "pytorch", Dtype.FLOAT64, "min_val=1", "max_val=0")));
    assertThrows(IllegalArgumentException.class,
        () -> new SoftShrink().bind(params("soft_shrink", "pytorch", Dtype.FLOAT64, "threshold=-1")));
  }
}
