package org.activationtck.oracle.function;

import static org.activationtck.oracle.function.PiecewiseTesting.derivative;
import static org.activationtck.oracle.function.PiecewiseTesting.derivativeMatchesQuotient;
import static org.activationtck.oracle.function.PiecewiseTesting.params;
import static org.activationtck.oracle.function.PiecewiseTesting.value;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.activationtck.spec.params.Params;
import org.junit.jupiter.api.Test;

/** rrelu (evaluation mode): slope (lower + upper) / 2 with PyTorch's double 1/3. */
class RreluTest {

  private final Rrelu f = new Rrelu();

  @Test
  void required_rrelu_eval_defaultSlope() {
    // (1/8 + fl(1/3)) / 2 with fl(1/3) = 6004799503160661 * 2^-54, exact.
    BigDecimal third = new BigDecimal(1.0 / 3);
    BigDecimal slope = new BigDecimal("0.125").add(third).divide(BigDecimal.valueOf(2));
    Params p = params("rrelu", "pytorch");
    value(f, p, -1, slope.negate().toString());
    derivative(f, p, 0.0, slope.toString());
    derivative(f, p, -0.0, slope.toString());
    derivative(f, p, 1e-300, "1");
    value(f, p, -0.0, "-0");
    value(f, p, 0.0, "0");
    value(f, p, Double.NEGATIVE_INFINITY, "-Infinity");
    assertTrue(slope.compareTo(new BigDecimal(0.22916666666666666)) == 0, "slope is a double");
    derivativeMatchesQuotient(f, p, -5, 1);
  }

  @Test
  void required_rrelu_bounds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.value(-1, params("rrelu", "pytorch", "lower=0.5", "upper=0.25"), 20));
    assertTrue(e.getMessage().contains("lower"));
  }
}
