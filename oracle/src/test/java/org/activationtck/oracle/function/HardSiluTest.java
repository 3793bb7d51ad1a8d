package org.activationtck.oracle.function;

import static org.activationtck.oracle.function.PiecewiseTesting.derivative;
import static org.activationtck.oracle.function.PiecewiseTesting.params;
import static org.activationtck.oracle.function.PiecewiseTesting.value;
import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spi.Dtype;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * hard_silu against Apfloat's x (x + 3) / 6 and (2x + 3) / 6, and ONNX's x (a x + 1/2) with
 * a = float32(1/6) = 11184811 / 2^26 worked by hand; kinks and zeros per dialect.
 */
class HardSiluTest {

  private static final long P = 120;
  private final HardSilu f = new HardSilu();

  @ParameterizedTest
  @ValueSource(doubles = {0.1, -0.1, 1, -2, 2.9999999999999996, -2.9999999999999996, 1e-300,
      -1e-20, 4.9e-324, -4.9e-324, 0.3333333333333333, 1.7})
  void required_hard_silu_value_matchesApfloat(double x) {
    Apfloat ax = apfloat(x, P);
    Apfloat expected = ax.multiply(ax.add(new Apfloat(3, P))).divide(new Apfloat(6, P));
    Apfloat slope = ax.multiply(new Apfloat(2, P)).add(new Apfloat(3, P)).divide(new Apfloat(6, P));
    for (String d : new String[] {"keras3", "pytorch", "jax"}) {
      for (int digits : new int[] {17, 40, 80}) {
        assertAgrees(expected, f.value(x, params("hard_silu", d), digits), digits);
        assertAgrees(slope, f.derivative(x, params("hard_silu", d), digits), digits);
      }
    }
  }

  /** ONNX's slope float32(1/6) = 11184811 * 2^-26 = (1/6)(1 + 2^-25), exactly. */
  private static final Apfloat ONNX_SIXTH =
      new Apfloat(11184811, P).divide(new Apfloat(1L << 26, P));

  @ParameterizedTest
  @ValueSource(doubles = {0.1, -0.1, 1, -2, 2.9999999, -2.9999999, 1e-300, -1e-20, 4.9e-324,
      0.3333333333333333, 1.7})
  void required_hard_silu_value_onnxUsesTheFloat32Sixth(double x) {
    Apfloat ax = apfloat(x, P);
    Apfloat half = new Apfloat("0.5", P);
    Apfloat expected = ax.multiply(ONNX_SIXTH.multiply(ax).add(half));
    Apfloat slope = ONNX_SIXTH.multiply(ax).multiply(new Apfloat(2, P)).add(half);
    for (int digits : new int[] {17, 40, 80}) {
      assertAgrees(expected, f.value(x, params("hard_silu", "onnx"), digits), digits);
      assertAgrees(slope, f.derivative(x, params("hard_silu", "onnx"), digits), digits);
    }
  }

  @Test
  void required_hard_silu_value_onnxExactCases() {
    // a = 0.16666667163372039794921875; f(x) = x (a x + 1/2), f'(x) = 2 a x + 1/2, by hand.
    Params p = params("hard_silu", "onnx");
    value(f, p, 1, "0.66666667163372039794921875");
    value(f, p, -1.5, "-0.3749999888241291046142578125");
    value(f, p, 2.5, "2.2916666977107524871826171875");
    derivative(f, p, 1, "0.8333333432674407958984375");
    derivative(f, p, -1, "0.1666666567325592041015625");
    // Kinks at ±1/(2a) = ±2.99999991059303550...: outside them h is clipped to 0 or 1.
    value(f, p, -2.99999995, "-0");
    value(f, p, 2.99999995, new BigDecimal(2.99999995).toString());
    derivative(f, p, -2.99999995, "0");
    derivative(f, p, 2.99999995, "1");
    // The float32 sixth makes the same input a different function on float32 inputs too.
    Params p32 = Params.resolve(org.activationtck.spec.catalog.Catalog.standard().require("hard_silu"),
        "onnx", java.util.Map.of(), Dtype.FLOAT32);
    value(f, p32, 1, "0.66666667163372039794921875");
  }

  @Test
  void required_hard_silu_value_exactCases() {
    Params p = params("hard_silu", "keras3");
    value(f, p, -1.5, "-0.375");                // the minimum -3/8
    value(f, p, 1.5, "1.125");
    value(f, p, 3, "3");
    value(f, p, 1e300, new BigDecimal(1e300).toString());
    value(f, p, Double.POSITIVE_INFINITY, "Infinity");
  }

  @Test
  void required_hard_silu_zero_sign() {
    for (String d : new String[] {"keras3", "pytorch", "jax", "onnx"}) {
      Params p = params("hard_silu", d);
      value(f, p, -3, "-0");
      value(f, p, -1e300, "-0");
      value(f, p, 0.0, "0");
      value(f, p, -0.0, "-0");
      value(f, p, Double.NaN, "NaN");
    }
  }

  @Test
  void required_hard_silu_infinity() {
    for (String d : new String[] {"keras3", "pytorch", "jax", "onnx"}) {
      value(f, params("hard_silu", d), Double.NEGATIVE_INFINITY, "NaN");
      derivative(f, params("hard_silu", d), Double.NEGATIVE_INFINITY, "0");
      derivative(f, params("hard_silu", d), Double.POSITIVE_INFINITY, "1");
    }
  }

  @Test
  void required_hard_silu_derivative_kink() {
    for (String d : new String[] {"keras3", "pytorch", "jax", "onnx"}) {
      derivative(f, params("hard_silu", d), -3, "0");
      derivative(f, params("hard_silu", d), 3, "1");
      derivative(f, params("hard_silu", d), Math.nextDown(-3.0), "0");
      derivative(f, params("hard_silu", d), Math.nextUp(3.0), "1");
    }
  }

  @Test
  void required_hard_silu_derivative_vanishesAtTheMinimum() {
    for (String d : new String[] {"keras3", "pytorch", "jax"}) {
      derivative(f, params("hard_silu", d), -1.5, "0");
    }
    derivative(f, params("hard_silu", "onnx"), -1.5, "-1.490116119384765625E-8");   // -2^-26
  }

  @Test
  void required_hard_silu_derivative_matchesCentralQuotient() {
    // f is quadratic on (-3, 3): the central quotient (f(x+h) - f(x-h)) / 2h is exactly f'(x).
    Params p = params("hard_silu", "keras3");
    double x = 0.625;
    double h = 0.125;
    Apfloat fp = sixthApfloat(x + h).subtract(sixthApfloat(x - h)).divide(new Apfloat(2 * h, P));
    assertAgrees(fp, f.derivative(x, p, 60), 60);
  }

  private static Apfloat sixthApfloat(double x) {
    Apfloat ax = apfloat(x, P);
    return ax.multiply(ax.add(new Apfloat(3, P))).divide(new Apfloat(6, P));
  }

  @Test
  void required_hard_silu_boundedTime() {
    Params p = params("hard_silu", "pytorch");
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (double x : new double[] {4.9e-324, -2.9999999999999996, 1e-300}) {
        f.value(x, p, 10000);
        f.derivative(x, p, 10000);
      }
    });
  }
}
