package org.activationtck.oracle;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function answers at the extremes of float64 (±MAX_VALUE, subnormals, huge and tiny
 * magnitudes) at 40 digits, rounded to every format, in every dialect. The time limit is a
 * generous guard against series run at 1e308 or a Ziv loop that never ends, not a speed target
 * (speed is measured by benchmarks).
 */
class BoundedTimeTest {

  static final double[] EXTREMES = {Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300, 1e20, -1e20,
      1e6, -1e6, 1e5, -1e5, 1000, -1000, 745.2, -745.2, 709.8, -709.8, Double.MIN_VALUE,
      -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, 1e-300, -1e-300, 1e-20, -1e-20};

  @TestFactory
  Stream<DynamicTest> extremes_answerInBoundedTime() {
    Oracle oracle = Oracle.standard();
    List<DynamicTest> tests = new ArrayList<>();
    for (FunctionSpec f : Catalog.standard().functions()) {
      if (!oracle.implemented(f.id())) {
        continue;
      }
      for (String dialect : f.names().keySet()) {
        tests.add(DynamicTest.dynamicTest(f.id() + " " + dialect, () ->
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
              for (boolean derivative : f.kind() == Kind.ELEMENTWISE ? new boolean[] {false, true}
                  : new boolean[] {false}) {
                double[] xs = f.kind() == Kind.ELEMENTWISE ? EXTREMES : new double[] {EXTREMES[0], 1, -1, 0.5};
                for (OracleValue v : oracle.evaluate(f.id(), dialect, Map.of(), Dtype.FLOAT64, derivative,
                    f.kind() == Kind.ELEMENTWISE ? xs : evenLength(xs))) {
                  v.decimal(40);
                  for (Dtype t : Dtype.values()) {
                    v.rounded(t);
                  }
                }
              }
            })));
      }
    }
    return tests.stream();
  }

  private static double[] evenLength(double[] v) {
    return v.length % 2 == 0 ? v : java.util.Arrays.copyOf(v, v.length + 1);
  }
}
