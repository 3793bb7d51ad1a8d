package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.activationtck.reference.kernel.NegativeArmKernel;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;


/**
 * The Ziv fast paths of the exp family (sigmoid, silu, elu, celu, selu, exponential) through
 * their array forms, against the oracle's correctly rounded values: float64 and float32 exact
 * (0 ulp), at seeded points where the fast paths decide (|x| up to 40, a spread up to 680, tiny
 * and cut-over arguments), for several parameter values. A fast path whose bound were wrong, or
 * whose rounding test let an undecided value through, fails here.
 */
class ExpFamilyFastPathTest {

  private static final String[] FUNCTIONS = {"sigmoid", "silu", "elu", "celu", "selu", "exponential"};

  private static double[] inputs(long seed, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      switch (i % 4) {
        case 0, 1 -> x[i] = r.nextDouble(-40, 40);
        case 2 -> x[i] = r.nextDouble(-680, 700);
        default -> x[i] = Math.scalb(r.nextDouble(-1, 1), r.nextInt(-70, 3));
      }
    }
    return x;
  }

  @TestFactory
  Stream<DynamicTest> fastPaths_correctlyRounded() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : FUNCTIONS) {
      FunctionSpec f = Catalog.standard().require(id);
      String dialect = f.names().keySet().iterator().next();
      List<Map<String, String>> sets = new ArrayList<>();
      sets.add(Map.of());
      if (id.equals("elu")) {
        sets.add(Map.of("alpha", "0.3"));
      }
      if (id.equals("celu")) {
        sets.add(Map.of("alpha", "0.3"));
        sets.add(Map.of("alpha", "2.5"));
      }
      for (Map<String, String> given : sets) {
        for (Dtype t : new Dtype[] {Dtype.FLOAT64, Dtype.FLOAT32}) {
          for (boolean derivative : new boolean[] {false, true}) {
            String name = id + " " + given + " " + t.id() + (derivative ? " d/dx" : "");
            tests.add(DynamicTest.dynamicTest(name, () -> check(f, dialect, given, t, derivative)));
          }
        }
      }
    }
    return tests.stream();
  }

  /**
   * The blocked two-pass array forms of elu, selu and celu over several blocks (lengths not a
   * multiple of the block), bit for bit the scalar forms: a guard for the block bookkeeping,
   * which ArrayKernelConsistencyTest's shorter arrays do not reach.
   */
  @TestFactory
  Stream<DynamicTest> blockedArrayForms_matchScalarFormsAcrossBlocks() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : new String[] {"elu", "selu", "celu"}) {
      for (Dtype t : new Dtype[] {Dtype.FLOAT64, Dtype.FLOAT32}) {
        tests.add(DynamicTest.dynamicTest(id + " " + t.id(), () -> {
          FunctionSpec f = Catalog.standard().require(id);
          Params p = Params.resolve(f, f.names().keySet().iterator().next(), Map.of(), t);
          ReferenceFunction.Kernel k = ((ReferenceFunction) ReferenceRegistry.lookup(id).orElseThrow()).bind(p, t);
          double[] x = inputs(id.hashCode(), 3 * NegativeArmKernel.BLOCK + 77);
          x[5] = 0.0;
          x[NegativeArmKernel.BLOCK] = -0.0;
          x[NegativeArmKernel.BLOCK + 1] = Double.NaN;
          x[2 * NegativeArmKernel.BLOCK - 1] = Double.NEGATIVE_INFINITY;
          float[] xf = new float[x.length];
          float[] yf = new float[x.length];
          double[] y = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
          }
          k.values(x, y);
          k.values(xf, yf);
          for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(k.value(x[i])), Double.doubleToRawLongBits(y[i]), "x=" + x[i]);
            assertEquals(Float.floatToRawIntBits((float) k.value(xf[i])), Float.floatToRawIntBits(yf[i]), "x=" + xf[i]);
          }
        }));
      }
    }
    return tests.stream();
  }

  private static void check(FunctionSpec f, String dialect, Map<String, String> given, Dtype t,
      boolean derivative) {
    Params p = Params.resolve(f, dialect, given, t);
    ReferenceFunction.Kernel k = ((ReferenceFunction) ReferenceRegistry.lookup(f.id()).orElseThrow()).bind(p, t);
    ElementwiseFunction oracle = (ElementwiseFunction) FunctionRegistry.lookup(f.id()).orElseThrow();
    double[] x = inputs(f.id().hashCode() * 31L + given.hashCode() + (derivative ? 1 : 0), 600);
    double[] got = new double[x.length];
    if (t == Dtype.FLOAT32) {
      float[] xf = new float[x.length];
      float[] yf = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        xf[i] = (float) x[i];
        x[i] = xf[i];
      }
      if (derivative) {
        k.derivatives(xf, yf);
      } else {
        k.values(xf, yf);
      }
      for (int i = 0; i < x.length; i++) {
        got[i] = yf[i];
      }
    } else if (derivative) {
      k.derivatives(x, got);
    } else {
      k.values(x, got);
    }
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      OracleValue ov = new OracleValue(d -> derivative ? oracle.derivative(xi, p, d) : oracle.value(xi, p, d));
      double expected = ov.rounded(t);
      if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(got[i])) {
        failures.append(String.format("%n  x=%s: expected %s, got %s", Double.toHexString(xi),
            Double.toHexString(expected), Double.toHexString(got[i])));
      }
    }
    assertTrue(failures.length() == 0, "not correctly rounded:" + failures);
  }
}
