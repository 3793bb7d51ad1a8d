package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Map;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/** softsign: hand-worked rationals, ties, specials. */
class SoftsignTest {

  private static final Softsign SS = new Softsign();
  private static final Params P = Params.of("pytorch", Map.of());

  @Test
  void required_softsign_value_exactAndRational() {
    assertExact("0.5", SS.value(1, P, 20));
    assertExact("-0.75", SS.value(-3, P, 20));
    assertExact("-0", SS.value(-0.0, P, 20));
    Real third = SS.value(0.5, P, 40);
    assertFalse(third.isExact());
    assertAgrees(BigDecimal.ONE.divide(new BigDecimal(3), new MathContext(60)), third, 40);
    assertAgrees(new BigDecimal(1e-300), SS.value(1e-300, P, 40), 40); // x (1 - x + ...)
  }

  @Test
  void required_softsign_value_tieRoundsToEven() {
    // f(2^25 - 1) = 1 - 2^-25 exactly: the midpoint between the float32 neighbours 1 - 2^-24
    // and 1; ties-to-even gives 1.
    double x = 0x1p25 - 1;
    Real r = SS.value(x, P, 20);
    assertExact(BigDecimal.ONE.subtract(BigDecimal.ONE.divide(new BigDecimal(1 << 25))).toString(), r);
    assertEquals(1.0, new OracleValue(d -> SS.value(x, P, d)).rounded(Dtype.FLOAT32));
  }

  @Test
  void required_softsign_infinity() {
    assertEquals(Real.NAN, SS.value(Double.POSITIVE_INFINITY, P, 20));
    assertEquals(Real.NAN, SS.value(Double.NEGATIVE_INFINITY, P, 20));
  }

  @Test
  void required_softsign_derivative() {
    assertExact("0.25", SS.derivative(1, P, 20));
    assertExact("0.25", SS.derivative(-1, P, 20));
    assertExact("1", SS.derivative(-0.0, P, 20));
    assertExact("0", SS.derivative(Double.NEGATIVE_INFINITY, P, 20));
    assertAgrees(BigDecimal.ONE.divide(new BigDecimal("2.25"), new MathContext(60)),
        SS.derivative(0.5, P, 40), 40);
  }

  @Test
  void required_softsign_boundedTime() {
    Duration limit = Duration.ofSeconds(2);
    for (double x : new double[] {Double.MIN_VALUE, Double.MAX_VALUE, 1e-310, -3e-320}) {
      assertTimeoutPreemptively(limit, () -> SS.value(x, P, 40));
      assertTimeoutPreemptively(limit, () -> SS.derivative(x, P, 40));
    }
  }
}
