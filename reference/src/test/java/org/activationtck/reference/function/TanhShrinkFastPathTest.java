package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Map;
import java.util.Random;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;


/**
 * tanh_shrink's fast paths (value and derivative) on their own, against the oracle: wherever it decides, float64 must be
 * the correctly rounded value (not merely within 1 ulp, the generic tests' tolerance) and float32
 * the correctly rounded float; and it must decide nearly everywhere, else it is no fast path.
 * Inputs: seeded, log-uniform over each branch (series below 1/8, exponential form up to 40),
 * with the cancellation edge at 1/8 sampled densely.
 */
class TanhShrinkFastPathTest {

  private static final FunctionSpec SPEC = Catalog.standard().require("tanh_shrink");
  private static final ElementwiseFunction ORACLE =
      (ElementwiseFunction) FunctionRegistry.lookup("tanh_shrink").get();

  @Test
  void required_fastPath_float64CorrectlyRounded() {
    check(Dtype.FLOAT64, FinalRounding.NEAREST, false);
  }

  @Test
  void required_fastPath_float32CorrectlyRounded() {
    check(Dtype.FLOAT32, FinalRounding.TO_ODD, false);
  }

  @Test
  void required_fastDerivative_float64CorrectlyRounded() {
    check(Dtype.FLOAT64, FinalRounding.NEAREST, true);
  }

  @Test
  void required_fastDerivative_float32CorrectlyRounded() {
    check(Dtype.FLOAT32, FinalRounding.TO_ODD, true);
  }

  private static void check(Dtype t, FinalRounding rounding, boolean derivative) {
    Params p = Params.resolve(SPEC, "keras3", Map.of(), t);
    Random rnd = new Random(7_2026_1124L);
    int decided = 0;
    int n = 3000;
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double x0;
      switch (i % 4) {
        case 0: x0 = Math.pow(2, lowest(t) + (-3 - lowest(t)) * rnd.nextDouble()); break; // series
        case 1: x0 = 0.125 * (1 + 0.05 * rnd.nextDouble()); break; // cancellation edge
        case 2: x0 = 0.125 + (derivative ? 21.875 : 39.875) * rnd.nextDouble(); break;
        default: x0 = Math.pow(2, -6 + 9 * rnd.nextDouble());
      }
      double x0s = rnd.nextBoolean() ? x0 : -x0;
      double x = t == Dtype.FLOAT32 ? (double) (float) x0s : x0s;
      double y = derivative ? TanhShrink.fastDerivative(x, rounding, new double[2])
          : TanhShrink.fastValue(x, rounding);
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

  /** log2 of the smallest |x| sampled for the series branch: 2^-290, or float32's 2^-126 (subnormal
   * float32 inputs with a factor 3 have x^3/3 exactly a double: the fast path leaves them). */
  private static int lowest(Dtype t) {
    return t == Dtype.FLOAT32 ? -126 : -290;
  }
}
