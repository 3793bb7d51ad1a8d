package org.activationtck.tck.reference.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.oracle.Params;
import org.activationtck.spec.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.junit.jupiter.api.Test;

/**
 * gelu's fast paths on their own, against the oracle: wherever one decides, float64 must be the
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
        (x, odd) -> GeluTanhFastPath.value(x, odd != 0, new double[1]));
  }

  @Test
  void required_tanhFastPath_float32CorrectlyRounded() {
    check("true", Dtype.FLOAT32, -20.6, 10,
        (x, odd) -> GeluTanhFastPath.value(x, odd != 0, new double[1]));
  }

  @Test
  void required_tanhFastDerivative_float64CorrectlyRounded() {
    check("true", Dtype.FLOAT64, -20.6, 10,
        (x, odd) -> GeluTanhFastPath.derivative(x, odd != 0, new double[1]), true);
  }

  @Test
  void required_tanhFastDerivative_float32CorrectlyRounded() {
    check("true", Dtype.FLOAT32, -20.6, 10,
        (x, odd) -> GeluTanhFastPath.derivative(x, odd != 0, new double[1]), true);
  }

  @Test
  void required_exactFastPath_float64CorrectlyRounded() {
    check("false", Dtype.FLOAT64, -36.8, 12,
        (x, odd) -> GeluExactFastPath.value(x, odd != 0, new double[5]));
  }

  @Test
  void required_exactFastPath_float32CorrectlyRounded() {
    check("false", Dtype.FLOAT32, -36.8, 12,
        (x, odd) -> GeluExactFastPath.value(x, odd != 0, new double[5]));
  }

  @Test
  void required_exactFastDerivative_float64CorrectlyRounded() {
    check("false", Dtype.FLOAT64, -36.8, 12,
        (x, odd) -> GeluExactFastPath.derivative(x, odd != 0, new double[5]), true);
  }

  @Test
  void required_exactFastDerivative_float32CorrectlyRounded() {
    check("false", Dtype.FLOAT32, -36.8, 12,
        (x, odd) -> GeluExactFastPath.derivative(x, odd != 0, new double[5]), true);
  }

  private static void check(String approximate, Dtype t, double lo, double hi,
      DoubleBinaryOperator fast) {
    check(approximate, t, lo, hi, fast, false);
  }

  private static void check(String approximate, Dtype t, double lo, double hi,
      DoubleBinaryOperator fast, boolean derivative) {
    Params p = Params.resolve(SPEC, "keras3", Map.of("approximate", approximate), t);
    double toOdd = t == Dtype.FLOAT64 ? 0 : 1;
    Random rnd = new Random(8_2026_1124L);
    int decided = 0;
    int n = 1200;
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double x0 = i % 2 == 0 ? lo + (hi - lo) * rnd.nextDouble()
          : (rnd.nextBoolean() ? 1 : -1) * Math.pow(2, -60 + 63 * rnd.nextDouble());
      double x = t == Dtype.FLOAT32 ? (double) (float) x0 : x0;
      double y = fast.applyAsDouble(x, toOdd);
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
    assertEquals("", failures.toString(), "fast path wrong");
    assertTrue(decided >= n * 0.99, "fast path decided only " + decided + " of " + n);
  }
}
