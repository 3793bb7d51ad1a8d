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
 * hard_sigmoid: the relu6 form against Apfloat's (x + 3) / 6 at 100 digits, exact dyadic cases by
 * hand, the linear form by hand; kinks per dialect.
 */
class HardSigmoidTest {

  private static final long P = 100;
  private final HardSigmoid f = new HardSigmoid();

  private static Apfloat sixth(Apfloat n) {
    return n.divide(new Apfloat(6, P));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, -0.1, 1, -2, 2.9999999999999996, -2.9999999999999996, 1e-300,
      -1e-20, 4.9e-324, 0.3333333333333333, 1.7})
  void required_hard_sigmoid_value_matchesApfloat(double x) {
    Apfloat expected = sixth(apfloat(x, P).add(new Apfloat(3, P)));
    for (String d : new String[] {"keras3", "pytorch", "jax"}) {
      for (int digits : new int[] {17, 40, 80}) {
        assertAgrees(expected, f.value(x, params("hard_sigmoid", d), digits), digits);
      }
    }
  }

  @Test
  void required_hard_sigmoid_value_exactWhenDyadic() {
    Params p = params("hard_sigmoid", "keras3");
    value(f, p, 0.0, "0.5");
    value(f, p, -0.0, "0.5");
    value(f, p, 1.5, "0.75");                 // 4.5 / 6
    value(f, p, -1.5, "0.25");
    value(f, p, -3, "0");
    value(f, p, 3, "1");
    // x = -3 + 3 * 2^-51 (a double: the grid of [2, 4) is 2^-51): (x + 3) / 6 = 2^-52, dyadic.
    double x = -3 + 3 * Math.ulp(2.5);
    value(f, p, x, new BigDecimal(Math.scalb(1.0, -52)).toString());
  }

  @Test
  void required_hard_sigmoid_value_notRoundedSixth() {
    // x = 0.1: x/6 + 0.5 with a rounded 1/6 differs from (x + 3)/6 correctly rounded? The oracle
    // must match the exact quotient to the last bit in float64 and float32.
    Params p = params("hard_sigmoid", "keras3");
    for (double x : new double[] {0.1, 1, -2.2, 2.75, 1e-7}) {
      double expected = new BigDecimal(x).add(BigDecimal.valueOf(3))
          .divide(BigDecimal.valueOf(6), new java.math.MathContext(60)).doubleValue();
      double got = new OracleValue(d -> f.value(x, p, d)).rounded(Dtype.FLOAT64);
      assertTrue(expected == got, x + ": " + expected + " vs " + got);
    }
  }

  @Test
  void required_hard_sigmoid_form_linear() {
    for (String d : new String[] {"tf_keras2", "onnx"}) {
      Params p = params("hard_sigmoid", d);
      // tf_keras2 converts 0.2 to the input's dtype (float64 here); ONNX's float32 attribute is
      // float32(0.2) = 0.20000000298023223876953125 on every input dtype.
      BigDecimal alpha = d.equals("onnx") ? new BigDecimal("0.20000000298023223876953125")
          : new BigDecimal(0.2);
      value(f, p, 1, alpha.add(new BigDecimal("0.5")).toString());
      value(f, p, 0.0, "0.5");
      value(f, p, 2.5, "1");                   // alpha*2.5 + 0.5 > 1 exactly: clipped
      value(f, p, -2.5, "0");
      value(f, p, Double.NEGATIVE_INFINITY, "0");
      value(f, p, Double.POSITIVE_INFINITY, "1");
      value(f, p, Double.NaN, "NaN");
      derivative(f, p, 1, alpha.toString());
      derivative(f, p, 2.5, "0");
      derivative(f, p, 2.4, alpha.toString());
    }
    value(f, params("hard_sigmoid", "onnx"), 1, "0.70000000298023223876953125");
    value(f, params("hard_sigmoid", "onnx", "alpha=0.5", "beta=0"), 1, "0.5");
    value(f, params("hard_sigmoid", "onnx", "alpha=0.1", "beta=0.3"), 1,
        "0.400000013411045074462890625");   // float32(0.1) + float32(0.3), exactly
    value(f, params("hard_sigmoid", "onnx", "alpha=0", "beta=0.25"), Double.POSITIVE_INFINITY, "NaN");
  }

  @Test
  void required_hard_sigmoid_zero_sign_and_specials() {
    for (String d : new String[] {"keras3", "pytorch", "jax", "tf_keras2", "onnx"}) {
      Params p = params("hard_sigmoid", d);
      value(f, p, -1e300, "0");
      value(f, p, Double.NEGATIVE_INFINITY, "0");
      value(f, p, 1e300, "1");
    }
  }

  @Test
  void required_hard_sigmoid_derivative_kink() {
    for (String d : new String[] {"keras3", "pytorch", "jax"}) {
      Params p = params("hard_sigmoid", d);
      derivative(f, p, 3, "0");
      derivative(f, p, -3, "0");
      assertAgrees(new BigDecimal(1).divide(new BigDecimal(6), new java.math.MathContext(60)),
          f.derivative(Math.nextUp(-3.0), p, 50), 50);
      Real sixth = f.derivative(0.5, p, 30);
      assertFalse(sixth.isExact(), "1/6 is not a terminating decimal");
    }
  }

  @Test
  void required_hard_sigmoid_boundedTime() {
    Params p = params("hard_sigmoid", "keras3");
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (double x : new double[] {4.9e-324, -2.9999999999999996, 1e-300}) {
        f.value(x, p, 10000);
      }
    });
  }
}
