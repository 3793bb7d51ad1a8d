package org.activationtck.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.spec.format.Ulps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fast reference against the oracle, for every elementwise function both implement, in every
 * dialect, at default parameters: float64 within 1 ulp, float32 correctly rounded, NaN and signed
 * zeros exact. Two independent implementations; neither is compared with itself.
 */
class ReferenceAgreementTest {

  static final double[] INPUTS = inputs();

  private static double[] inputs() {
    List<Double> v = new ArrayList<>();
    for (double x = -12; x <= 12; x += 0.371) {
      v.add(x);
    }
    for (double m : new double[] {0.0, Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL, 1e-300, 1e-30,
        1e-10, 1e-7, 1e-4, 0.01, 0.1, 0.5, 1, 2, 3, 5, 6, 8, 15, 20, 30, 50, 88.7, 100, 500, 709, 710,
        745, 800, 1e4, 1e10, 1e100, Double.MAX_VALUE, Double.POSITIVE_INFINITY}) {
      v.add(m);
      v.add(-m);
    }
    v.add(Double.NaN);
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @TestFactory
  Stream<DynamicTest> reference_agreesWithOracle() {
    List<DynamicTest> tests = new ArrayList<>();
    for (FunctionSpec f : Catalog.standard().functions()) {
      if (f.kind() != Kind.ELEMENTWISE) {
        continue;
      }
      var oracle = FunctionRegistry.lookup(f.id());
      var reference = ReferenceRegistry.lookup(f.id());
      if (oracle.isEmpty() || reference.isEmpty()) {
        continue;
      }
      for (String dialect : f.names().keySet()) {
        for (Dtype t : new Dtype[] {Dtype.FLOAT64, Dtype.FLOAT32}) {
          for (boolean derivative : new boolean[] {false, true}) {
            String name = f.id() + " " + dialect + " " + t.id() + (derivative ? " d/dx" : "");
            tests.add(DynamicTest.dynamicTest(name, () -> check(f, dialect, t, derivative,
                (ElementwiseFunction) oracle.get(), (ReferenceFunction) reference.get())));
          }
        }
      }
    }
    return tests.stream();
  }

  private static void check(FunctionSpec f, String dialect, Dtype t, boolean derivative,
      ElementwiseFunction oracle, ReferenceFunction reference) {
    Params p = Params.resolve(f, dialect, Map.of(), t);
    ReferenceFunction.Kernel k = reference.bind(p, t);
    StringBuilder failures = new StringBuilder();
    for (double x0 : INPUTS) {
      double x = t == Dtype.FLOAT32 ? (double) (float) x0 : x0;
      OracleValue ov = new OracleValue(d -> derivative ? oracle.derivative(x, p, d) : oracle.value(x, p, d));
      double expected = ov.rounded(t);
      double got = derivative ? k.derivative(x) : k.value(x);
      if (t == Dtype.FLOAT32) {
        got = (float) got;
      }
      double ulps = Ulps.distance(expected, got, t);
      boolean zeroSignDiffers = expected == 0 && got == 0
          && Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(got);
      double budget = t == Dtype.FLOAT64 ? 1 : 0;
      if (ulps > budget || zeroSignDiffers) {
        failures.append(String.format("%n  x=%s (%s): expected %s, got %s (%.3g ulp)", x,
            Double.toHexString(x), expected, got, ulps));
      }
    }
    assertTrue(failures.length() == 0, "reference disagrees:" + failures);
  }
}
