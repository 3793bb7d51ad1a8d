package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** softplus against Apfloat's ln(1 + e^x), plus PyTorch's beta/threshold semantics. */
class SoftplusTest {

  private static final Softplus SP = new Softplus();
  private static final int P = 120;

  static Params mathematical() {
    return Params.resolve(Catalog.standard().require("softplus"), "keras3", Map.of(), Dtype.FLOAT64);
  }

  static Params pytorch(String beta, String threshold) {
    return Params.of("pytorch", Map.of("beta", new BigDecimal(beta), "threshold", new BigDecimal(threshold)));
  }

  /** ln(1 + e^(beta x)) / beta in Apfloat; precision high enough that 1 + e^z keeps e^z's digits. */
  static Apfloat truth(double x, double beta) {
    double z = x * beta;
    long p = P + (z < 0 ? (long) (-z / Math.log(10)) + 1 : 0);
    Apfloat bz = apfloat(x, p).multiply(apfloat(beta, p));
    return ApfloatMath.log(new Apfloat(1, p).add(ApfloatMath.exp(bz))).divide(apfloat(beta, p));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1000, -745.5, -40, -5, -1e-300, 1e-300, 0.5, 3, 19.9, 20, 20.5, 36, 700})
  void required_softplus_value_matchesApfloat(double x) {
    for (int d : new int[] {20, 40}) {
      assertAgrees(truth(x, 1), SP.value(x, mathematical(), d), d);
    }
  }

  @Test
  void required_softplus_value_identityAndZero() {
    // f(x) - f(-x) = x (independent of how each side is evaluated: different branches)
    for (double x : new double[] {0.125, 3, 37.5}) {
      BigDecimal diff = SP.value(x, mathematical(), 50).value()
          .subtract(SP.value(-x, mathematical(), 50).value());
      assertTrue(diff.subtract(new BigDecimal(x)).abs().compareTo(new BigDecimal("1e-45")) < 0);
    }
    Apfloat ln2 = ApfloatMath.log(new Apfloat(2, P));
    assertAgrees(ln2, SP.value(-0.0, mathematical(), 40), 40);
    assertAgrees(ln2.divide(new Apfloat(2, P)), SP.value(0.0, pytorch("2", "20"), 40), 40);
  }

  @Test
  void required_softplus_threshold_strict() {
    Params p = pytorch("1", "20");
    assertExact("20.5", SP.value(20.5, p, 40));
    assertExact(new BigDecimal(Math.nextUp(20.0)).toString(), SP.value(Math.nextUp(20.0), p, 40));
    // at the threshold the smooth branch applies: 20 + ln(1 + e^-20), not 20
    Real at = SP.value(20, p, 40);
    assertFalse(at.isExact());
    assertAgrees(truth(20, 1), at, 40);
    // the mathematical dialects do not cut over
    assertAgrees(truth(20.5, 1), SP.value(20.5, mathematical(), 40), 40);
    assertFalse(SP.value(20.5, mathematical(), 40).isExact());
  }

  @Test
  void required_softplus_beta() {
    Params p = pytorch("2", "20");
    assertAgrees(truth(-3.25, 2), SP.value(-3.25, p, 40), 40);
    assertAgrees(truth(10, 2), SP.value(10, p, 40), 40); // beta x = 20: smooth
    assertExact("10.25", SP.value(10.25, p, 40));           // beta x = 20.5 > 20
    Params half = pytorch("0.5", "20");
    assertAgrees(truth(39.5, 0.5), SP.value(39.5, half, 40), 40);
    assertExact("40.5", SP.value(40.5, half, 40));
  }

  @Test
  void required_softplus_derivative() {
    Params p = pytorch("1", "20");
    assertExact("1", SP.derivative(20.5, p, 30));
    assertExact("0.5", SP.derivative(-0.0, mathematical(), 30));
    for (double x : new double[] {-700, -3, 0.75, 20, 20.5, 40}) {
      Apfloat e = ApfloatMath.exp(apfloat(-x, P));
      Apfloat sigma = new Apfloat(1, P).divide(new Apfloat(1, P).add(e));
      assertAgrees(sigma, SP.derivative(x, mathematical(), 40), 40);
    }
    Apfloat s20 = new Apfloat(1, P).divide(new Apfloat(1, P).add(ApfloatMath.exp(new Apfloat(-20, P))));
    assertAgrees(s20, SP.derivative(20, p, 40), 40);
    // beta: sigma(beta x)
    Apfloat s = new Apfloat(1, P).divide(new Apfloat(1, P).add(ApfloatMath.exp(new Apfloat(3, P))));
    assertAgrees(s, SP.derivative(-1.5, pytorch("2", "20"), 40), 40);
  }

  @Test
  void required_softplus_tails_boundedTime() {
    Duration limit = Duration.ofSeconds(10);
    Real low = assertTimeoutPreemptively(limit, () -> SP.value(-1e308, mathematical(), 40));
    assertEquals(Real.Kind.TINY, low.kind());
    assertFalse(low.isNegative());
    Real mid = assertTimeoutPreemptively(limit, () -> SP.value(-9.9e5, mathematical(), 40));
    assertAgrees(ApfloatMath.exp(new Apfloat(-990000, 60)), mid, 40);
    Real high = assertTimeoutPreemptively(limit, () -> SP.value(1e308, mathematical(), 40));
    assertAgrees(new BigDecimal(1e308), high, 40);
    assertFalse(high.isExact());
    assertEquals(Real.POSITIVE_ZERO, SP.value(Double.NEGATIVE_INFINITY, mathematical(), 20));
    assertEquals(Real.POSITIVE_INFINITY, SP.value(Double.POSITIVE_INFINITY, pytorch("1", "20"), 20));
    assertEquals(Real.Kind.TINY, SP.derivative(-1e300, mathematical(), 20).kind());
  }

}
