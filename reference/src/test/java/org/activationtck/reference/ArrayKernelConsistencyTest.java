package org.activationtck.reference;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.ParameterSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The array forms of every reference kernel ({@code values}, {@code derivatives}, double and
 * float) give bit for bit what the scalar {@code value}/{@code derivative} give, for every
 * elementwise function, dialect, dtype and a spread of parameter values. The array forms are
 * where kernels are allowed to be clever (branch-free, vectorizable loops); the scalar ones are
 * held to the oracle by {@link ReferenceAgreementTest}, so this test carries that agreement over.
 * Arrays of several lengths exercise vector loop tails.
 */
class ArrayKernelConsistencyTest {

  private static final int[] LENGTHS = {0, 1, 3, 17, 1000};

  /** Specials, breakpoints of the piecewise functions and their neighbours, and random values. */
  static final double[] INPUTS = inputs();

  private static double[] inputs() {
    List<Double> v = new ArrayList<>();
    double[] points = {0.0, Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL, 1e-300, 1e-30, 0x1p-60,
        1e-10, 1e-7, 1e-4, 0.01, 0.1, 0.2, 0.25, 0.3, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 10, 15,
        20, 30, 37.5, 40, 50, 88.7, 100, 500, 700, 709, 710, 745, 800, 1500, 1e4, 1e10, 1e100,
        Double.MAX_VALUE, Double.POSITIVE_INFINITY};
    for (double m : points) {
      for (double p : new double[] {m, Math.nextUp(m), Math.nextDown(m)}) {
        v.add(p);
        v.add(-p);
      }
    }
    v.add(Double.NaN);
    v.add(Double.longBitsToDouble(0x7ff0000000000123L)); // a NaN with a payload
    SplittableRandom r = new SplittableRandom(20261124);
    for (int i = 0; i < 4000; i++) {
      v.add(r.nextDouble(-12, 12));
      v.add(Math.scalb(r.nextDouble(-1, 1), r.nextInt(-80, 12)));
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @TestFactory
  Stream<DynamicTest> arrayForms_matchScalarForms() {
    List<DynamicTest> tests = new ArrayList<>();
    for (FunctionSpec f : Catalog.standard().functions()) {
      var impl = ReferenceRegistry.lookup(f.id());
      if (impl.isEmpty() || !(impl.get() instanceof ReferenceFunction reference)) {
        continue;
      }
      for (String dialect : f.names().keySet()) {
        for (Map<String, String> given : parameterSets(f, dialect)) {
          for (Dtype t : Dtype.values()) {
            String name = f.id() + " " + dialect + " " + given + " " + t.id();
            tests.add(DynamicTest.dynamicTest(name, () -> check(f, dialect, given, t, reference)));
          }
        }
      }
    }
    return tests.stream();
  }

  /** The defaults, then each real parameter in turn set to a few values (invalid ones skipped). */
  private static List<Map<String, String>> parameterSets(FunctionSpec f, String dialect) {
    List<Map<String, String>> sets = new ArrayList<>();
    sets.add(Map.of());
    for (ParameterSpec p : f.parameters()) {
      if (!"real".equals(p.type()) || p.defaultFor(dialect).isEmpty()) {
        continue;
      }
      for (String value : new String[] {"0", "0.5", "1.7", "6", "-1", "0.001"}) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(p.name(), value);
        sets.add(m);
      }
    }
    return sets;
  }

  private static void check(FunctionSpec f, String dialect, Map<String, String> given, Dtype t,
      ReferenceFunction reference) {
    ReferenceFunction.Kernel k;
    try {
      k = reference.bind(Params.resolve(f, dialect, given, t), t);
    } catch (IllegalArgumentException outsideTheDomain) {
      return; // e.g. a negative slope where the function forbids one: nothing to evaluate
    }
    StringBuilder failures = new StringBuilder();
    for (int n : LENGTHS) {
      for (int offset = 0; offset + n <= INPUTS.length && offset < 4 * Math.max(n, 1000); offset += Math.max(n, 1)) {
        double[] x = java.util.Arrays.copyOfRange(INPUTS, offset, offset + n);
        float[] xf = new float[n];
        for (int i = 0; i < n; i++) {
          xf[i] = (float) x[i];
        }
        compare(failures, "values(double[])", x, k::value, y -> k.values(x, y));
        compare(failures, "derivatives(double[])", x, k::derivative, y -> k.derivatives(x, y));
        compareFloat(failures, "values(float[])", xf, k::value, y -> k.values(xf, y));
        compareFloat(failures, "derivatives(float[])", xf, k::derivative, y -> k.derivatives(xf, y));
      }
    }
    assertTrue(failures.length() == 0, "array form differs from scalar form:" + failures);
  }

  private static void compare(StringBuilder failures, String form, double[] x,
      java.util.function.DoubleUnaryOperator scalar, java.util.function.Consumer<double[]> array) {
    double[] y = new double[x.length];
    array.accept(y);
    for (int i = 0; i < x.length; i++) {
      double want = scalar.applyAsDouble(x[i]);
      if (Double.doubleToLongBits(want) != Double.doubleToLongBits(y[i]) && failures.length() < 2000) {
        failures.append(String.format("%n  %s at x=%s (%s): scalar %s, array %s", form, x[i],
            Double.toHexString(x[i]), want, y[i]));
      }
    }
  }

  private static void compareFloat(StringBuilder failures, String form, float[] x,
      java.util.function.DoubleUnaryOperator scalar, java.util.function.Consumer<float[]> array) {
    float[] y = new float[x.length];
    array.accept(y);
    for (int i = 0; i < x.length; i++) {
      float want = (float) scalar.applyAsDouble(x[i]);
      if (Float.floatToIntBits(want) != Float.floatToIntBits(y[i]) && failures.length() < 2000) {
        failures.append(String.format("%n  %s at x=%s (%s): scalar %s, array %s", form, x[i],
            Float.toHexString(x[i]), want, y[i]));
      }
    }
  }

  @Test
  void arrayForms_rejectArraysOfDifferentLengths() {
    for (FunctionSpec f : Catalog.standard().functions()) {
      var impl = ReferenceRegistry.lookup(f.id());
      if (impl.isEmpty() || !(impl.get() instanceof ReferenceFunction reference)) {
        continue;
      }
      String dialect = f.names().keySet().iterator().next();
      for (Dtype t : new Dtype[] {Dtype.FLOAT64, Dtype.FLOAT32}) {
        ReferenceFunction.Kernel k = reference.bind(Params.resolve(f, dialect, Map.of(), t), t);
        String name = f.id() + " " + t.id();
        assertThrows(IllegalArgumentException.class, () -> k.values(new double[3], new double[2]), name);
        assertThrows(IllegalArgumentException.class, () -> k.derivatives(new double[2], new double[3]), name);
        assertThrows(IllegalArgumentException.class, () -> k.values(new float[1], new float[0]), name);
        assertThrows(IllegalArgumentException.class, () -> k.derivatives(new float[1], new float[0]), name);
      }
    }
  }
}
