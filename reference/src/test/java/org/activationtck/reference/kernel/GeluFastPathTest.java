package org.activationtck.reference.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Map;
import java.util.Random;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.GeluExactFastPath;
import org.activationtck.reference.kernel.GeluScales;
import org.activationtck.reference.kernel.GeluTanhFastPath;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;


/**
 * gelu's fast paths on their own, against the oracle, with the constants of keras3 (stored sqrt_2,
 * sqrt_2_over_pi, kappa), pytorch (stored sqrt_half) and onnx (exact 1/sqrt 2; the tanh factor
 * sqrt of a float32, float32 kappa): wherever one decides, float64 must be the
 * correctly rounded value (not merely within 1 ulp, the generic tests' tolerance) and float32
 * the correctly rounded float; and it must decide nearly everywhere in its range. Inputs:
 * seeded, uniform over the range and log-uniform in magnitude down to 2^-60, both signs.
 */
class GeluFastPathTest {

  private static final FunctionSpec SPEC = Catalog.standard().require("gelu");
  private static final ElementwiseFunction ORACLE =
      (ElementwiseFunction) FunctionRegistry.lookup("gelu").get();

  @Test
  void required_tanhFastPath_float64CorrectlyRounded() {
    check("true", Dtype.FLOAT64, -20.6, 10,
        (k, x, odd) -> GeluTanhFastPath.value(k, x, odd, new double[1]));
  }

  @Test
  void required_tanhFastPath_float32CorrectlyRounded() {
    check("true", Dtype.FLOAT32, -20.6, 10,
        (k, x, odd) -> GeluTanhFastPath.value(k, x, odd, new double[1]));
  }

  @Test
  void required_tanhFastDerivative_float64CorrectlyRounded() {
    check("true", Dtype.FLOAT64, -20.6, 10,
        (k, x, odd) -> GeluTanhFastPath.derivative(k, x, odd, new double[1]), true);
  }

  @Test
  void required_tanhFastDerivative_float32CorrectlyRounded() {
    check("true", Dtype.FLOAT32, -20.6, 10,
        (k, x, odd) -> GeluTanhFastPath.derivative(k, x, odd, new double[1]), true);
  }

  @Test
  void required_exactFastPath_float64CorrectlyRounded() {
    check("false", Dtype.FLOAT64, -36.8, 12,
        (k, x, odd) -> GeluExactFastPath.value(k, x, odd, new double[5]));
  }

  @Test
  void required_exactFastPath_float32CorrectlyRounded() {
    check("false", Dtype.FLOAT32, -36.8, 12,
        (k, x, odd) -> GeluExactFastPath.value(k, x, odd, new double[5]));
  }

  @Test
  void required_exactFastDerivative_float64CorrectlyRounded() {
    check("false", Dtype.FLOAT64, -36.8, 12,
        (k, x, odd) -> GeluExactFastPath.derivative(k, x, odd, new double[5]), true);
  }

  @Test
  void required_exactFastDerivative_float32CorrectlyRounded() {
    check("false", Dtype.FLOAT32, -36.8, 12,
        (k, x, odd) -> GeluExactFastPath.derivative(k, x, odd, new double[5]), true);
  }

  /** A fast path with the kernel's constants. */
  private interface FastPath {
    double apply(GeluScales k, double x, FinalRounding rounding);
  }

  private static void check(String approximate, Dtype t, double lo, double hi, FastPath fast) {
    check(approximate, t, lo, hi, fast, false);
  }

  /** Per dialect: its constants (1/sqrt_2, sqrt_half or exact; stored or ONNX's tanh factor). */
  private static void check(String approximate, Dtype t, double lo, double hi, FastPath fast,
      boolean derivative) {
    for (String dialect : new String[] {"keras3", "pytorch", "onnx"}) {
      check(dialect, approximate, t, lo, hi, fast, derivative);
    }
  }

  private static void check(String dialect, String approximate, Dtype t, double lo, double hi,
      FastPath fast, boolean derivative) {
    Params p = Params.resolve(SPEC, dialect, Map.of("approximate", approximate), t);
    GeluScales k = GeluScales.of(p);
    FinalRounding rounding = FinalRounding.forDtype(t);
    Random rnd = new Random(8_2026_1124L);
    int decided = 0;
    int n = 1200;
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double x0 = i % 2 == 0 ? lo + (hi - lo) * rnd.nextDouble()
          : (rnd.nextBoolean() ? 1 : -1) * Math.pow(2, -60 + 63 * rnd.nextDouble());
      double x = t == Dtype.FLOAT32 ? (double) (float) x0 : x0;
      double y = fast.apply(k, x, rounding);
      if (y != y) {
        continue;
      }
      decided++;
      double expected = new OracleValue(d -> derivative ? ORACLE.derivative(x, p, d)
          : ORACLE.value(x, p, d)).rounded(t);
      double got = t == Dtype.FLOAT32 ? (float) y : y;
      if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(got)) {
        failures.append(String.format("%n  x=%s: expected %s, got %s", x, expected, got));
      }
    }
    assertEquals("", failures.toString(), dialect + ": fast path wrong");
    assertTrue(decided >= n * 0.99, dialect + ": fast path decided only " + decided + " of " + n);
  }
}
