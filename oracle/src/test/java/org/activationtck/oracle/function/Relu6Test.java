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

/** relu6 against hand-worked values. */
class Relu6Test {

  private final Relu6 f = new Relu6();

  @Test
  void required_relu6_value_and_zero_sign() {
    for (String d : new String[] {"keras3", "tf_keras2", "pytorch", "jax"}) {
      Params p = params("relu6", d);
      value(f, p, 3.25, "3.25");
      value(f, p, 6, "6");
      value(f, p, Math.nextUp(6.0), "6");
      value(f, p, Math.nextDown(6.0), new BigDecimal(Math.nextDown(6.0)).toString());
      value(f, p, -1e-300, "0");
      value(f, p, -0.0, "-0");
      value(f, p, 0.0, "0");
      value(f, p, Double.MAX_VALUE, "6");
      value(f, p, Double.NaN, "NaN");
    }
  }

  @Test
  void required_relu6_derivative_zeroAtBothKinks() {
    for (String d : new String[] {"keras3", "tf_keras2", "pytorch", "jax"}) {
      Params p = params("relu6", d);
      derivative(f, p, 0.0, "0");
      derivative(f, p, 6, "0");
      derivative(f, p, Double.MIN_VALUE, "1");
      derivative(f, p, Math.nextDown(6.0), "1");
      derivativeMatchesQuotient(f, p, 3, 0.5);
      derivativeMatchesQuotient(f, p, -3, 0.5);
      derivativeMatchesQuotient(f, p, 9, 0.5);
    }
  }
}
