package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.junit.jupiter.api.Test;

/** sparse_plus: hand-worked exact values at and around the breakpoints. */
class SparsePlusTest {

  private static final SparsePlus SP = new SparsePlus();
  private static final Params P = Params.of("jax", Map.of());

  @Test
  void required_sparse_plus_value_exact() {
    assertExact("0.25", SP.value(0.0, P, 20));
    assertExact("0.25", SP.value(-0.0, P, 20));
    assertExact("0.5625", SP.value(0.5, P, 20));
    assertExact("0.0625", SP.value(-0.5, P, 20));
    assertExact("0.765625", SP.value(0.75, P, 20)); // 1.75^2 / 4 = 3.0625 / 4
    // just above -1: (2^-52)^2 / 4 = 2^-106, exact
    double x = Math.nextUp(-1.0);
    assertExact(new BigDecimal(x).add(BigDecimal.ONE).pow(2).divide(new BigDecimal(4)).toString(),
        SP.value(x, P, 20));
  }

  @Test
  void required_sparse_plus_boundaries() {
    assertExact("0", SP.value(-1.0, P, 20));
    assertExact("0", SP.value(-7.5, P, 20));
    assertExact("0", SP.value(Double.NEGATIVE_INFINITY, P, 20));
    assertExact("1", SP.value(1.0, P, 20));
    assertExact("123.5", SP.value(123.5, P, 20));
    assertEquals(Real.POSITIVE_INFINITY, SP.value(Double.POSITIVE_INFINITY, P, 20));
    assertEquals(Real.NAN, SP.value(Double.NaN, P, 20));
    // just below 1: (2 - 2^-53)^2 / 4 = 1 - 2^-53 + 2^-108, exact and below 1
    BigDecimal u = BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(53));
    BigDecimal expected = BigDecimal.ONE.subtract(u).add(u.multiply(u).divide(BigDecimal.valueOf(4)));
    assertExact(expected.toString(), SP.value(Math.nextDown(1.0), P, 20));
  }

  @Test
  void required_sparse_plus_derivative() {
    assertExact("0", SP.derivative(-1.0, P, 20));
    assertExact("0", SP.derivative(-3, P, 20));
    assertExact("1", SP.derivative(1.0, P, 20));
    assertExact("0.5", SP.derivative(0.0, P, 20));
    assertExact("0.75", SP.derivative(0.5, P, 20));
    assertExact("0.125", SP.derivative(-0.75, P, 20));
    assertExact("1", SP.derivative(Double.POSITIVE_INFINITY, P, 20));
    assertExact("0", SP.derivative(Double.NEGATIVE_INFINITY, P, 20));
  }
}
