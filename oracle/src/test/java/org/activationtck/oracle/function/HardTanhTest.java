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

/** hard_tanh: clipping exact, the kinks per dialect. */
class HardTanhTest {

  private final HardTanh f = new HardTanh();

  @Test
  void required_hard_tanh_value() {
    for (String d : new String[] {"keras3", "pytorch", "jax"}) {
      Params p = params("hard_tanh", d);
      value(f, p, 0.75, "0.75");
      value(f, p, -1, "-1");
      value(f, p, Math.nextUp(1.0), "1");
      value(f, p, -1e300, "-1");
      value(f, p, -0.0, "-0");
      value(f, p, Double.NaN, "NaN");
      value(f, p, Double.NEGATIVE_INFINITY, "-1");
    }
    Params wide = params("hard_tanh", "pytorch", "min_val=-2", "max_val=0.5");
    value(f, wide, -3, "-2");
    value(f, wide, 0.75, "0.5");
  }

  @Test
  void required_hard_tanh_derivative_kink() {
    derivative(f, params("hard_tanh", "keras3"), 1, "1");
    derivative(f, params("hard_tanh", "keras3"), -1, "1");
    derivative(f, params("hard_tanh", "jax"), 1, "1");
    derivative(f, params("hard_tanh", "jax"), -1, "1");
    derivative(f, params("hard_tanh", "pytorch"), 1, "0");
    derivative(f, params("hard_tanh", "pytorch"), -1, "0");
    for (String d : new String[] {"keras3", "pytorch", "jax"}) {
      derivative(f, params("hard_tanh", d), Math.nextUp(1.0), "0");
      derivativeMatchesQuotient(f, params("hard_tanh", d), 0.25, 0.5);
      derivativeMatchesQuotient(f, params("hard_tanh", d), 3, 0.5);
    }
  }

  @Test
  void required_hard_tanh_bounds_validated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.value(0, params("hard_tanh", "pytorch", "min_val=2", "max_val=1"), 20));
    assertTrue(e.getMessage().contains("min_val"));
  }
}
