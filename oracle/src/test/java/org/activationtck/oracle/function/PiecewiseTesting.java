package org.activationtck.oracle.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.testing.Truth;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;

/**
 * Shared assertions for the piecewise-linear functions' tests: parameters resolved through the
 * catalog (so the catalog defaults are exercised), exact results compared with hand-worked
 * decimals, and derivatives compared with one-sided difference quotients, which are exact for
 * piecewise-linear functions away from kinks.
 */
final class PiecewiseTesting {

  private PiecewiseTesting() {}

  /** Parameters of a dialect: catalog defaults overridden by name=value pairs, float64. */
  static Params params(String id, String dialect, String... overrides) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      given.put(o.substring(0, eq), o.substring(eq + 1));
    }
    return Params.resolve(Catalog.standard().require(id), dialect, given, Dtype.FLOAT64);
  }

  /** Asserts f(x) is exactly the decimal (signed zeros as "0"/"-0", "NaN"). */
  static void value(ElementwiseFunction f, Params p, double x, String expected) {
    check(f.value(x, p, 30), expected, "f(" + x + ") " + p);
  }

  /** Asserts f'(x) is exactly the decimal. */
  static void derivative(ElementwiseFunction f, Params p, double x, String expected) {
    check(f.derivative(x, p, 30), expected, "f'(" + x + ") " + p);
  }

  private static void check(Real r, String expected, String what) {
    if (expected.equals("NaN")) {
      assertEquals(Real.Kind.NAN, r.kind(), what + ": got " + r);
    } else if (expected.endsWith("Infinity")) {
      assertEquals(Real.Kind.INFINITE, r.kind(), what + ": got " + r);
      assertEquals(expected.startsWith("-"), r.isNegative(), what + ": got " + r);
    } else {
      try {
        Truth.assertExact(expected, r);
      } catch (AssertionError e) {
        throw new AssertionError(what + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Asserts that f'(x) equals both one-sided difference quotients (f(x ± h) - f(x)) / ±h, exact in
   * decimal; valid where f is linear on [x - h, x + h].
   */
  static void derivativeMatchesQuotient(ElementwiseFunction f, Params p, double x, double h) {
    BigDecimal fx = exact(f.value(x, p, 60));
    BigDecimal right = exact(f.value(x + h, p, 60)).subtract(fx)
        .divide(new BigDecimal(x + h).subtract(new BigDecimal(x)), java.math.MathContext.DECIMAL128);
    BigDecimal left = exact(f.value(x - h, p, 60)).subtract(fx)
        .divide(new BigDecimal(x - h).subtract(new BigDecimal(x)), java.math.MathContext.DECIMAL128);
    BigDecimal d = exact(f.derivative(x, p, 60));
    BigDecimal tol = new BigDecimal("1e-30");
    assertTrue(d.subtract(right).abs().compareTo(tol) <= 0, "f'(" + x + ") = " + d + " vs right quotient " + right);
    assertTrue(d.subtract(left).abs().compareTo(tol) <= 0, "f'(" + x + ") = " + d + " vs left quotient " + left);
  }

  /** The value of a finite or zero real (approximate values to their digits). */
  static BigDecimal exact(Real r) {
    if (r.kind() == Real.Kind.ZERO) {
      return BigDecimal.ZERO;
    }
    assertEquals(Real.Kind.FINITE, r.kind(), "expected finite, got " + r);
    return r.value();
  }
}
