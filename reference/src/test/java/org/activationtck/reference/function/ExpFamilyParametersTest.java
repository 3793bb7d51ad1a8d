package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.format.Ulps;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The exponential-family references at non-default parameters (the generic agreement test runs
 * only the defaults), float64, against the oracle: 1 ulp where the reference promises it, a
 * stated looser bound where it does not (soft_exponential away from alpha = 0, elu and celu with
 * alpha != 1, whose products and quotients add roundings).
 */
class ExpFamilyParametersTest {

  private static final double[] XS = {-700, -40, -7.25, -1.5, -0.3, -1e-5, -1e-300, 1e-300, 1e-5,
      0.3, 1.5, 7.25, 19.5, 20, 20.5, 40, 700, 1e10};

  private record Case(String id, String dialect, Map<String, String> params, double ulps) {}

  private static final List<Case> CASES = List.of(
      new Case("elu", "keras3", Map.of("alpha", "0.25"), 1.5),
      new Case("elu", "pytorch", Map.of("alpha", "3"), 1.5),
      new Case("celu", "jax", Map.of("alpha", "0.3"), 1),
      new Case("celu", "pytorch", Map.of("alpha", "2"), 1.5),
      new Case("softplus", "pytorch", Map.of("beta", "2", "threshold", "20"), 1),
      new Case("softplus", "pytorch", Map.of("beta", "1", "threshold", "10"), 1),
      new Case("squareplus", "jax", Map.of("b", "0.5"), 1),
      new Case("squareplus", "keras3", Map.of("b", "0"), 0),
      new Case("soft_exponential", "keras3", Map.of("alpha", "1"), 2),
      new Case("soft_exponential", "keras3", Map.of("alpha", "-1"), 1),
      new Case("soft_exponential", "keras3", Map.of("alpha", "2.5"), 4));

  @TestFactory
  Stream<DynamicTest> reference_agreesWithOracle_atOtherParameters() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      for (boolean derivative : new boolean[] {false, true}) {
        tests.add(DynamicTest.dynamicTest(c.id + " " + c.params + (derivative ? " d/dx" : ""),
            () -> check(c, derivative)));
      }
    }
    return tests.stream();
  }

  private static void check(Case c, boolean derivative) {
    Map<String, Object> values = new java.util.HashMap<>();
    c.params.forEach((k, v) -> values.put(k, new BigDecimal(Double.parseDouble(v))));
    Params p = Params.of(c.dialect, values);
    ElementwiseFunction oracle = (ElementwiseFunction) FunctionRegistry.lookup(c.id).orElseThrow();
    ReferenceFunction.Kernel k = ((ReferenceFunction) ReferenceRegistry.lookup(c.id).orElseThrow())
        .bind(p, Dtype.FLOAT64);
    StringBuilder failures = new StringBuilder();
    for (double x : XS) {
      OracleValue ov = new OracleValue(d -> derivative ? oracle.derivative(x, p, d) : oracle.value(x, p, d));
      double expected = ov.rounded(Dtype.FLOAT64);
      double got = derivative ? k.derivative(x) : k.value(x);
      double u = Ulps.distance(expected, got, Dtype.FLOAT64);
      if (u > c.ulps || (Double.isNaN(expected) != Double.isNaN(got))) {
        failures.append(String.format("%n  x=%s: expected %s, got %s (%.2f ulp)", x, expected, got, u));
      }
    }
    assertTrue(failures.length() == 0, "reference disagrees:" + failures);
  }
}
