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

/** sparse_sigmoid: (x + 1) / 2 exact; kinks per dialect. */
class SparseSigmoidTest {

  private final SparseSigmoid f = new SparseSigmoid();

  @Test
  void required_sparse_sigmoid_value() {
    for (String d : new String[] {"keras3", "jax"}) {
      Params p = params("sparse_sigmoid", d);
      value(f, p, -1, "0");
      value(f, p, 1, "1");
      value(f, p, 0.0, "0.5");
      value(f, p, -0.0, "0.5");
      value(f, p, 0.5, "0.75");
      value(f, p, Math.nextUp(-1.0), new BigDecimal(Math.nextUp(-1.0)).add(BigDecimal.ONE).divide(BigDecimal.valueOf(2)).toString());
      value(f, p, 1e-300, new BigDecimal(1e-300).add(BigDecimal.ONE).divide(BigDecimal.valueOf(2)).toString());
      value(f, p, Double.NEGATIVE_INFINITY, "0");
      value(f, p, Double.NaN, "NaN");
      // identity f(x) + f(-x) = 1
      BigDecimal sum = PiecewiseTesting.exact(f.value(0.3, p, 20)).add(PiecewiseTesting.exact(f.value(-0.3, p, 20)));
      assertTrue(sum.compareTo(BigDecimal.ONE) == 0, "f(x) + f(-x) = " + sum);
      derivativeMatchesQuotient(f, p, 0.25, 0.5);
      derivativeMatchesQuotient(f, p, -4, 1);
    }
  }

  @Test
  void required_sparse_sigmoid_derivative_kink() {
    derivative(f, params("sparse_sigmoid", "keras3"), 1, "0");
    derivative(f, params("sparse_sigmoid", "keras3"), -1, "0");
    derivative(f, params("sparse_sigmoid", "jax"), 1, "0.25");
    derivative(f, params("sparse_sigmoid", "jax"), -1, "0.25");
    derivative(f, params("sparse_sigmoid", "jax"), Math.nextDown(1.0), "0.5");
  }
}
