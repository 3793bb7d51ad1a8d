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
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * squareplus against Apfloat's literal (x + sqrt(x^2 + b)) / 2, evaluated at a precision that
 * survives the cancellation for x << 0 (the oracle uses the rewritten form instead).
 */
class SquareplusTest {

  private static final Squareplus SQ = new Squareplus();

  static Params b(String b) {
    return Params.of("keras3", Map.of("b", new BigDecimal(b)));
  }

  /** Literal formula; for x < 0 it loses 2 log10|x| digits, which the precision covers. */
  static Apfloat naive(double x, double b) {
    long p = 100 + 2 * Math.max(0, (long) Math.log10(Math.abs(x)) + 1);
    Apfloat ax = apfloat(x, p);
    Apfloat s = ApfloatMath.sqrt(ax.multiply(ax).add(apfloat(b, p)));
    return ax.add(s).divide(new Apfloat(2, p));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e200, -1e10, -37.25, -1, -1e-300, 1e-300, 0.3, 2, 1e10, 1e300})
  void required_squareplus_value_matchesApfloat(double x) {
    for (String bb : new String[] {"4", "0.1"}) {
      double bd = Double.parseDouble(bb);
      Params p = b(new BigDecimal(bd).toString());
      assertAgrees(naive(x, bd), SQ.value(x, p, 40), 40);
    }
  }

  @Test
  void required_squareplus_value_exactRoots() {
    assertExact("1", SQ.value(0.0, b("4"), 20));
    assertExact("1", SQ.value(-0.0, b("4"), 20));
    assertExact("2", SQ.value(1.5, b("4"), 20));     // sqrt(6.25) = 2.5
    assertExact("0.5", SQ.value(-1.5, b("4"), 20));  // b / (2 (2.5 + 1.5))
    assertExact("0.8", SQ.derivative(1.5, b("4"), 20)); // (1 + 1.5/2.5) / 2
    assertExact("0.2", SQ.derivative(-1.5, b("4"), 20));
    assertExact("0.5", SQ.derivative(0.0, b("4"), 20));
  }

  @Test
  void required_squareplus_identities() {
    // f(x) f(-x) = b / 4 and f(x) - f(-x) = x
    for (double x : new double[] {0.7, 12, 3e5}) {
      BigDecimal fp = SQ.value(x, b("4"), 50).value();
      BigDecimal fm = SQ.value(-x, b("4"), 50).value();
      assertTrue(fp.multiply(fm).subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("1e-45")) < 0);
      assertTrue(fp.subtract(fm).subtract(new BigDecimal(x)).abs()
          .compareTo(new BigDecimal(x).movePointLeft(45)) < 0);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e100, -20, -0.5, 0.5, 20, 1e100})
  void required_squareplus_derivative_matchesApfloat(double x) {
    long p = 100 + 2 * Math.max(0, (long) Math.log10(Math.abs(x)) + 1);
    Apfloat ax = apfloat(x, p);
    Apfloat s = ApfloatMath.sqrt(ax.multiply(ax).add(new Apfloat(4, p)));
    Apfloat expected = new Apfloat(1, p).add(ax.divide(s)).divide(new Apfloat(2, p));
    assertAgrees(expected, SQ.derivative(x, b("4"), 40), 40);
  }

  @Test
  void required_squareplus_negative_infinity_andSpecials() {
    assertEquals(Real.NAN, SQ.value(Double.NEGATIVE_INFINITY, b("4"), 20));
    assertEquals(Real.POSITIVE_INFINITY, SQ.value(Double.POSITIVE_INFINITY, b("4"), 20));
    assertExact("1", SQ.derivative(Double.POSITIVE_INFINITY, b("4"), 20));
    assertExact("0", SQ.derivative(Double.NEGATIVE_INFINITY, b("4"), 20));
    // b = 0 is relu
    assertExact("0", SQ.value(-3, b("0"), 20));
    assertExact("3", SQ.value(3, b("0"), 20));
    assertEquals(Real.NAN, SQ.derivative(0, b("0"), 20));
  }

  @Test
  void required_squareplus_boundedTime() {
    Duration limit = Duration.ofSeconds(2);
    for (double x : new double[] {Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, 1e-310}) {
      Real r = assertTimeoutPreemptively(limit, () -> SQ.value(x, b("4"), 40));
      assertEquals(Real.Kind.FINITE, r.kind());
      Real d = assertTimeoutPreemptively(limit, () -> SQ.derivative(x, b("4"), 40));
      assertEquals(Real.Kind.FINITE, d.kind());
    }
    assertFalse(SQ.value(-Double.MAX_VALUE, b("4"), 40).isExact());
  }
}
