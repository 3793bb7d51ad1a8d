package org.activationtck.oracle;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.spec.catalog.ParameterSpec;

/**
 * The oracle always answers, within a time bound, for random float64 inputs (every bit pattern:
 * NaN, infinities, subnormals, ±MAX_VALUE) and random parameters the catalog accepts, in every
 * dialect; and independent identities hold to 35 digits. Values are forced to 40 digits and
 * rounded to float64, so a Ziv loop that cannot decide shows up as an exception.
 */
class OraclePropertyTest {

  private static final Oracle ORACLE = Oracle.standard();
  private static final Duration BOUND = Duration.ofSeconds(5);

  /** Every implemented function in every dialect of it, as "id dialect". */
  @Provide
  Arbitrary<String> functionAndDialect() {
    List<String> all = new ArrayList<>();
    for (FunctionSpec f : Catalog.standard().functions()) {
      if (ORACLE.implemented(f.id())) {
        f.names().keySet().forEach(d -> all.add(f.id() + " " + d));
      }
    }
    return Arbitraries.of(all);
  }

  /** Every bit pattern is a double; the edges (0, ±1, extremes, NaN) come with jqwik's edge cases. */
  @Provide
  Arbitrary<Double> anyDouble() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble),
        Arbitraries.doubles().between(-40, 40).ofScale(12),
        Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE));
  }

  /** Parameter values: small integers, simple fractions, and random decimals of either sign. */
  @Provide
  Arbitrary<String> paramValue() {
    return Arbitraries.oneOf(
        Arbitraries.of("0", "-0", "1", "-1", "0.5", "-0.5", "2", "5", "1e-10", "-3.25", "100", "1e-300", "1e300"),
        Arbitraries.doubles().between(-20, 20).ofScale(8).map(d -> new BigDecimal(d).round(MathContext.DECIMAL64).toString()));
  }

  @Property(tries = 400)
  void required_randomInputsAndParams_alwaysAnswerInBoundedTime(@ForAll("functionAndDialect") String fd,
      @ForAll("anyDouble") double x1, @ForAll("anyDouble") double x2, @ForAll boolean derivative,
      @ForAll("paramValue") String p1, @ForAll("paramValue") String p2) {
    String[] s = fd.split(" ");
    FunctionSpec f = Catalog.standard().require(s[0]);
    Map<String, String> params = new HashMap<>();
    int i = 0;
    for (ParameterSpec p : f.parameters()) {
      if (p.type().equals("real")) {
        params.put(p.name(), i++ == 0 ? p1 : p2);
      }
    }
    boolean elementwise = f.kind() == Kind.ELEMENTWISE;
    double[] x = elementwise ? new double[] {x1, x2} : new double[] {x1, x2, 1, -2};
    try {
      // Parameters are checked when evaluated, so an invalid draw surfaces inside the bound.
      assertTimeoutPreemptively(BOUND, () -> {
        for (OracleValue v : ORACLE.evaluate(f.id(), s[1], params, Dtype.FLOAT64, derivative && elementwise, x)) {
          v.decimal(40);
          v.rounded(Dtype.FLOAT64);
          v.rounded(Dtype.FLOAT32);
        }
      }, () -> fd + " " + params + " at " + x1 + ", " + x2 + (derivative ? " (derivative)" : ""));
    } catch (IllegalArgumentException invalid) {
      // a parameter outside the catalog's constraint (e.g. celu alpha = 0): not a valid draw
      Assume.that(false);
    }
  }

  /**
   * Found by the random-parameter property: selu's far negative tail is -scale * alpha, which for
   * alpha = 5 sits exactly on a float64 midpoint; an unsided approximation there could never be
   * rounded (ArithmeticException). The tail is now one-sided (the truth lies above -c).
   */
  @Example
  void required_seluFarTail_onAMidpoint_rounds() {
    for (String x : new String[] {"-1e300", "-1000"}) {
      OracleValue v = ORACLE.evaluate("selu", "keras3", Map.of("alpha", "5"), Dtype.FLOAT64, false,
          new double[] {Double.parseDouble(x)}).get(0);
      // -c = -(scale rounded to float64) * 5, exactly; the truth lies just above it, so the
      // correctly rounded result is the double above (or at) that midpoint, never below.
      BigDecimal c = new BigDecimal(1.0507009873554804934193349852946).multiply(BigDecimal.valueOf(5)).negate();
      double r = v.rounded(Dtype.FLOAT64);
      assertTrue(new BigDecimal(r).compareTo(c) > 0, x + ": " + r + " is not above " + c);
    }
  }

  // ---- identities, at 40 digits, |x| <= 700 so every term is an ordinary decimal ----

  @Provide
  Arbitrary<Double> moderate() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-700, 700).ofScale(12),
        Arbitraries.doubles().between(-1e-5, 1e-5).ofScale(20), Arbitraries.of(Double.MIN_VALUE, -Double.MIN_VALUE, 0.0));
  }

  private static BigDecimal f(String id, double x) {
    return new BigDecimal(ORACLE.evaluate(id, "keras3", Map.of(), Dtype.FLOAT64, false, new double[] {x})
        .get(0).decimal(40));
  }

  /** |a - b| <= 1e-35 * max(1, |scale|). */
  private static void close(BigDecimal a, BigDecimal b, double scale, String what) {
    BigDecimal tol = new BigDecimal("1e-35").multiply(BigDecimal.valueOf(Math.max(1, Math.abs(scale))));
    assertTrue(a.subtract(b).abs().compareTo(tol) <= 0, what + ": " + a + " vs " + b);
  }

  @Property(tries = 150)
  void required_identities_hold(@ForAll("moderate") double x) {
    assertTimeoutPreemptively(BOUND.multipliedBy(3), () -> {
      BigDecimal bx = new BigDecimal(x);
      close(f("sigmoid", x).add(f("sigmoid", -x)), BigDecimal.ONE, 1, "sigmoid(x) + sigmoid(-x) = 1 at " + x);
      close(f("softplus", x).subtract(f("softplus", -x)), bx, x, "softplus(x) - softplus(-x) = x at " + x);
      close(f("tanh", x).add(f("tanh", -x)), BigDecimal.ZERO, 1, "tanh is odd at " + x);
      close(f("relu", x).subtract(f("relu", -x)), bx, x, "relu(x) - relu(-x) = x at " + x);
      close(f("log_sigmoid", x), f("softplus", -x).negate(), x, "log_sigmoid(x) = -softplus(-x) at " + x);
    });
  }
}
