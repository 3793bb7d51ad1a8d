package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.activationtck.oracle.AxisFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.oracle.Real;
import org.activationtck.reference.ReferenceAxisFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * The axis references' fast paths (Ziv tests over double-double passes) on the long vectors
 * they are built for, which AxisReferenceAgreementTest's short vectors do not reach (blocked
 * sums, length-dependent bounds): against the oracle (float64 correctly rounded, as the classes
 * claim for values off the 2^-78 neighbourhoods of midpoints; float32 correctly rounded), and,
 * as a guard, against each class's exact path bit for bit on many more vectors.
 */
class AxisFastPathTest {

  private static double[] logits(SplittableRandom r, int n, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (r.nextDouble() * 2 - 1) * scale;
    }
    if (n > 3) {
      x[n - 1] = x[0]; // a tie, possibly of the maximum
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(strings = {"softmax", "softmin", "log_softmax", "glu", "sparsemax"})
  void longVector_agreesWithOracle(String id) {
    FunctionSpec f = Catalog.standard().require(id);
    AxisFunction oracle = (AxisFunction) FunctionRegistry.lookup(id).orElseThrow();
    ReferenceAxisFunction reference = (ReferenceAxisFunction) ReferenceRegistry.lookup(id)
        .orElseThrow();
    SplittableRandom r = new SplittableRandom(id.hashCode());
    StringBuilder failures = new StringBuilder();
    for (Dtype t : new Dtype[] {Dtype.FLOAT64, Dtype.FLOAT32}) {
      String dialect = f.names().keySet().iterator().next();
      Params p = Params.resolve(f, dialect, Map.of(), t);
      for (double scale : new double[] {0.01, 10, 200}) {
        double[] x = logits(r, 1500, scale);
        if (t == Dtype.FLOAT32) {
          for (int i = 0; i < x.length; i++) {
            x[i] = (float) x[i];
          }
        }
        double[] got = reference.apply(x, p, t);
        Map<Integer, Real[]> byDigits = new HashMap<>();
        for (int i = 0; i < got.length; i++) {
          int index = i;
          double expected = new OracleValue(d -> byDigits.computeIfAbsent(d,
              dd -> oracle.value(x, p, dd))[index]).rounded(t);
          double g = t == Dtype.FLOAT32 ? (double) (float) got[i] : got[i];
          if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(g)) {
            failures.append(String.format("%n  %s scale %s [%d] x=%s: expected %s, got %s",
                t.id(), scale, i, x[i], expected, g));
          }
        }
      }
    }
    assertTrue(failures.length() == 0, id + " disagrees with the oracle:" + failures);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, -1})
  void softmaxFastPath_matchesExactPath(int sign) {
    SplittableRandom r = new SplittableRandom(5 + sign);
    for (int n : new int[] {2, 3, 17, 255, 256, 257, 1000, 4096}) {
      for (double scale : new double[] {1e-6, 1, 10, 100, 400, 1000}) {
        double[] x = logits(r, n, scale);
        for (FinalRounding rounding : FinalRounding.values()) {
          double[] fast = Softmax.shifted(x, sign, rounding);
          double[] exact = Softmax.exact(x, sign, rounding);
          for (int i = 0; i < n; i++) {
            assertEquals(exact[i], fast[i], 0, "n=" + n + " scale=" + scale + " rounding=" + rounding
                + " [" + i + "] x=" + x[i]);
          }
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void logSoftmaxFastPath_matchesExactPath() {
    SplittableRandom r = new SplittableRandom(9);
    LogSoftmax f = new LogSoftmax();
    for (int n : new int[] {2, 3, 17, 255, 256, 257, 1000, 4096}) {
      for (double scale : new double[] {1e-6, 1, 10, 100, 400, 1000}) {
        double[] x = logits(r, n, scale);
        for (FinalRounding rounding : FinalRounding.values()) {
          double[] fast = f.apply(x, null, rounding);
          double[] exact = LogSoftmax.exact(x, rounding);
          for (int i = 0; i < n; i++) {
            // narrow dtypes: compared after their rounding (see LogSoftmax's class comment)
            double e = rounding.toOdd() ? (float) exact[i] : exact[i];
            double g = rounding.toOdd() ? (float) fast[i] : fast[i];
            assertEquals(e, g, 0, "n=" + n + " scale=" + scale + " rounding=" + rounding
                + " [" + i + "] x=" + x[i]);
          }
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void gluFastPath_matchesExactPath() {
    SplittableRandom r = new SplittableRandom(13);
    Glu f = new Glu();
    for (int n : new int[] {2, 4, 18, 256, 1000, 4096}) {
      for (double scale : new double[] {1e-6, 1, 10, 100, 700, 1e300}) {
        double[] x = logits(r, n, scale);
        for (FinalRounding rounding : FinalRounding.values()) {
          double[] fast = f.apply(x, null, rounding);
          for (int i = 0; i < n / 2; i++) {
            assertEquals(Glu.gated(x[i], x[n / 2 + i], rounding), fast[i], 0, "n=" + n + " scale="
                + scale + " rounding=" + rounding + " a=" + x[i] + " b=" + x[n / 2 + i]);
          }
        }
      }
    }
  }

  /**
   * glu's fast path where its error bound leans on the absolute floor or the domain: operands a
   * from subnormal to near overflow (products that underflow or overflow), gates near the ends of
   * the exponential's domain (|b| = 680) and specials, in both halves of a block and its tail.
   */
  @org.junit.jupiter.api.Test
  void gluFastPath_matchesExactPath_atTheEdges() {
    SplittableRandom r = new SplittableRandom(29);
    double[] operands = {Double.MIN_VALUE, 3e-320, 1e-310, Double.MIN_NORMAL, 1e-300, 1e-30, 1,
        1e300, Double.MAX_VALUE, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NaN};
    double[] gates = {-700, -680.5, -680, -679.9, -600, -300, -40, -1e-20, -0.0, 0.0, 1e-20, 5, 40,
        679.9, 680, 680.5, 800, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN};
    Glu f = new Glu();
    int n = 700;
    for (int rep = 0; rep < 20; rep++) {
      double[] x = new double[2 * n];
      for (int i = 0; i < n; i++) {
        double a = operands[r.nextInt(operands.length)] * (r.nextDouble() + 0.5);
        x[i] = r.nextBoolean() ? a : -a;
        double b = gates[r.nextInt(gates.length)];
        x[n + i] = r.nextInt(4) == 0 ? b : b + r.nextDouble() - 0.5;
      }
      for (FinalRounding rounding : FinalRounding.values()) {
        double[] fast = f.apply(x, null, rounding);
        for (int i = 0; i < n; i++) {
          assertEquals(Glu.gated(x[i], x[n + i], rounding), fast[i], 0, "rounding=" + rounding + " a="
              + x[i] + " b=" + x[n + i]);
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void sparsemaxFastPath_matchesExactPath() {
    SplittableRandom r = new SplittableRandom(17);
    Sparsemax f = new Sparsemax();
    for (int n : new int[] {1, 2, 3, 17, 256, 1000, 4096}) {
      for (double scale : new double[] {1e-300, 1e-6, 0.1, 1, 10, 1e5, 1e17, 1e300}) {
        for (int rep = 0; rep < 3; rep++) {
          double[] x = logits(r, n, scale);
          if (rep == 1) {
            for (int i = 0; i < n; i++) {
              x[i] = Math.rint(x[i] * 8) / 8; // many ties and exact thresholds
            }
          } else if (rep == 2 && n > 2) {
            x[1] = x[0] - 1; // a maximum exactly 1 above another element
          }
          double[] fast = f.apply(x, null);
          double[] exact = Sparsemax.exact(x);
          for (int i = 0; i < n; i++) {
            assertEquals(exact[i], fast[i], 0, "n=" + n + " scale=" + scale + " rep=" + rep
                + " [" + i + "] x=" + x[i]);
            assertEquals(Double.doubleToRawLongBits(exact[i]), Double.doubleToRawLongBits(fast[i]));
          }
        }
      }
    }
  }
}
