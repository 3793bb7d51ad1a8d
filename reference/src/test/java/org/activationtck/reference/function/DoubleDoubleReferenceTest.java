package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.format.Ulps;
import org.activationtck.reference.ReferenceFunction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The double-double references (sigmoid, tanh, silu, tanh_shrink, gelu in both forms) against
 * the oracle on seeded random inputs, denser than the generic agreement test: uniform on
 * [-45, 45] and [-3, 3], log-uniform magnitudes 10^-36 ... 10^4, and the regressions found so
 * far. float64 within 1 ulp, float32 correctly rounded.
 */
class DoubleDoubleReferenceTest {

  private static final double[] REGRESSIONS = {5.5145076177327134E-18, 0x1p-27, 0x1p-30,
      Math.nextDown(0x1p-30), -0.7517915246935645, -0.7517915246935644, -0.7517915246935646, -0.7524614220710163,
      -0.7524614220710164, -1.2784645427610737, -1.2784645427610738, -1.2784645427610735,
      -0.7517915246935645 + 0x1p-21, -1.2784645427610737 - 0x1p-21, 3, Math.nextDown(3.0) * Math.sqrt(2),
      -38.6, -37.9, -21.7, 0x1p-60, -0x1p-60, Double.MIN_VALUE * 3, -Double.MIN_VALUE * 3,
      // gelu's roots of f' with each dialect's constants (GeluScales) and their neighbours.
      -0x1.80ead197f00b3p-1, -0x1.80ead197f00b2p-1, -0x1.80ead197f00b5p-1, -0x1.81429f9e97e4cp-1,
      -0x1.81429f9e97e4bp-1, -0x1.8142a01ef4f77p-1, -0x1.8142a01ef4f76p-1, -0x1.8142a01ef4f78p-1,
      -0x1.8142a01ef4f77p-1 + 0x1p-21};

  @TestFactory
  Stream<DynamicTest> required_reference_denseAgreement() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : new String[] {"sigmoid", "tanh", "silu", "tanh_shrink", "gelu"}) {
      FunctionSpec f = Catalog.standard().require(id);
      for (Map<String, String> explicit : id.equals("gelu")
          ? List.of(Map.of("approximate", "false"), Map.of("approximate", "true"))
          : List.of(Map.<String, String>of())) {
        // gelu's constants differ per dialect: keras3 (stored sqrt_2, sqrt_2_over_pi, kappa),
        // pytorch (stored sqrt_half), onnx (exact 1/sqrt 2; sqrt of a float32, float32 kappa).
        for (String dialect : id.equals("gelu") ? List.of("keras3", "pytorch", "onnx")
            : List.of("keras3")) {
          for (Dtype t : new Dtype[] {Dtype.FLOAT64, Dtype.FLOAT32}) {
            tests.add(DynamicTest.dynamicTest(id + " " + dialect + " " + explicit + " " + t.id(),
                () -> check(f, Params.resolve(f, dialect, explicit, t), t)));
          }
        }
      }
    }
    return tests.stream();
  }

  private static void check(FunctionSpec f, Params p, Dtype t) {
    ElementwiseFunction oracle = (ElementwiseFunction) FunctionRegistry.lookup(f.id()).get();
    ReferenceFunction.Kernel k = ((ReferenceFunction) org.activationtck.reference
        .ReferenceRegistry.lookup(f.id()).get()).bind(p, t);
    Random rnd = new Random(20261124L);
    List<Double> xs = new ArrayList<>();
    for (double r : REGRESSIONS) {
      xs.add(r);
    }
    for (int i = 0; i < 1200; i++) {
      switch (i % 3) {
        case 0: xs.add((rnd.nextDouble() * 2 - 1) * 45); break;
        case 1: xs.add((rnd.nextDouble() * 2 - 1) * 3); break;
        default: xs.add((rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextDouble() * 40 - 36));
      }
    }
    StringBuilder failures = new StringBuilder();
    for (double x0 : xs) {
      double x = t == Dtype.FLOAT32 ? (double) (float) x0 : x0;
      for (boolean derivative : new boolean[] {false, true}) {
        double expected = new OracleValue(d -> derivative ? oracle.derivative(x, p, d)
            : oracle.value(x, p, d)).rounded(t);
        double got = derivative ? k.derivative(x) : k.value(x);
        if (t == Dtype.FLOAT32) {
          got = (float) got;
        }
        if (Ulps.distance(expected, got, t) > (t == Dtype.FLOAT64 ? 1 : 0)
            || Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(got)
                && expected == 0 && got == 0) {
          failures.append(String.format("%n  %s x=%s: expected %s, got %s",
              derivative ? "f'" : "f", x, expected, got));
        }
      }
    }
    assertTrue(failures.length() == 0, "reference disagrees:" + failures);
  }
}
