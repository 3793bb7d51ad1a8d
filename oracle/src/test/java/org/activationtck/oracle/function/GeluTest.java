package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * gelu against Apfloat: the exact form as (x/2) erfc(-x/sqrt 2) and its derivative
 * Phi + x phi; the tanh form as (x/2)(1 + tanh u) straight from ApfloatMath.tanh at 800 digits (250 for the exact form)
 * (enough to absorb the cancellation of 1 + tanh u down to x = -25).
 */
class GeluTest {

  private static final Gelu F = new Gelu();
  private static final FunctionSpec SPEC = Catalog.standard().require("gelu");
  static final Params EXACT = Params.of("keras3", Map.of("approximate", false));
  static final Params TANH = Params.of("jax", Map.of("approximate", true));
  private static final int PREC = 250;

  /** The tanh form's 1 + tanh u cancels to 2e^(-1150) ~ 10^-500 at x = -24.9. */
  private static final int PT = 800;

  /** Root of the exact form's derivative, rounded to double. */
  private static final double X0 = -0.7517915246935645;

  private static Apfloat half() {
    return new Apfloat("0.5", PREC);
  }

  private static Apfloat cdf(double x) {
    Apfloat t = apfloat(-x, PREC).multiply(ApfloatMath.sqrt(half()));
    return ApfloatMath.erfc(t).multiply(half());
  }

  private static Apfloat density(double x) {
    Apfloat ax = apfloat(x, PREC);
    Apfloat twoPi = ApfloatMath.pi(PREC).multiply(new Apfloat(2, PREC));
    return ApfloatMath.exp(ax.multiply(ax).multiply(half()).negate()).divide(ApfloatMath.sqrt(twoPi));
  }

  private static Apfloat u(double x) {
    Apfloat ax = apfloat(x, PT);
    Apfloat c = ApfloatMath.sqrt(new Apfloat(2, PT).divide(ApfloatMath.pi(PT)));
    return c.multiply(ax.add(new Apfloat("0.044715", PT).multiply(ax.multiply(ax).multiply(ax))));
  }

  @ParameterizedTest
  @ValueSource(doubles = {4.9e-324, -4.9e-324, 1e-300, -1e-15, 0.5, -0.5, X0, 1, -1, 3, -3, -8.3,
      -10, -20, -30, -38.6, -39.99, 6, 14.2, 14.3, 30})
  void required_gelu_value_exact_matchesApfloat(double x) {
    Apfloat expected = apfloat(x, PREC).multiply(cdf(x));
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(expected, F.value(x, EXACT, d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, -1e-300, -0.3, 0.8, -2, 2, -10, -20, -24.9, 9, 40})
  void required_gelu_value_tanh_matchesApfloat(double x) {
    Apfloat one = new Apfloat(1, PT);
    Apfloat expected = apfloat(x, PT).multiply(new Apfloat("0.5", PT)).multiply(one.add(ApfloatMath.tanh(u(x))));
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(expected, F.value(x, TANH, d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {X0, -0.7517915246935644, -0.7517915246935646, -0.75, 1e-300, -2, 1.4,
      -12, -39.9, 14, -5})
  void required_gelu_derivative_exact_matchesApfloat(double x) {
    Apfloat expected = cdf(x).add(apfloat(x, PREC).multiply(density(x)));
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(expected, F.derivative(x, EXACT, d), d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.7522, -0.75, 1e-300, -2, 1.4, -12, -24.9, 8, 30})
  void required_gelu_derivative_tanh_matchesApfloat(double x) {
    Apfloat one = new Apfloat(1, PT);
    Apfloat th = ApfloatMath.tanh(u(x));
    Apfloat c = ApfloatMath.sqrt(new Apfloat(2, PT).divide(ApfloatMath.pi(PT)));
    Apfloat ax = apfloat(x, PT);
    Apfloat du = c.multiply(one.add(new Apfloat("0.134145", PT).multiply(ax.multiply(ax))));
    Apfloat expected = new Apfloat("0.5", PT).multiply(one.add(th))
        .add(ax.multiply(new Apfloat("0.5", PT)).multiply(one.subtract(th.multiply(th))).multiply(du));
    for (int d : new int[] {20, 40}) {
      assertAgrees(expected, F.derivative(x, TANH, d), d);
    }
  }

  @Test
  void required_gelu_derivative_matchesDifferenceQuotient() {
    // Central difference at h = 1e-30 with values at 80 digits: error O(h^2) + 10^-80/h.
    for (Params p : new Params[] {EXACT, TANH}) {
      for (double x : new double[] {-1.7, 0.3, 2.2}) {
        java.math.BigDecimal h = new java.math.BigDecimal("1e-30");
        java.math.BigDecimal bx = new java.math.BigDecimal(x);
        Apfloat fp = value(bx.add(h), p);
        Apfloat fm = value(bx.subtract(h), p);
        Apfloat quotient = fp.subtract(fm).divide(new Apfloat(h.multiply(java.math.BigDecimal.valueOf(2)), 130));
        assertAgrees(quotient, F.derivative(x, p, 40), 40);
      }
    }
  }

  /** Apfloat value of either form at an arbitrary decimal point (for the difference quotient). */
  private static Apfloat value(java.math.BigDecimal x, Params p) {
    long q = 130; // 40 digits + 30 lost to h = 1e-30 + margin; the O(h^2) term is 1e-60
    Apfloat ax = new Apfloat(x, q);
    Apfloat one = new Apfloat(1, q);
    Apfloat h = new Apfloat("0.5", q);
    if (p.bool("approximate")) {
      Apfloat c = ApfloatMath.sqrt(new Apfloat(2, q).divide(ApfloatMath.pi(q)));
      Apfloat u = c.multiply(ax.add(new Apfloat("0.044715", q).multiply(ax.multiply(ax).multiply(ax))));
      return ax.multiply(h).multiply(one.add(ApfloatMath.tanh(u)));
    }
    return ax.multiply(h).multiply(ApfloatMath.erfc(ax.negate().multiply(ApfloatMath.sqrt(h))));
  }

  @Test
  void required_gelu_default_perDialect() {
    assertEquals(false, Params.resolve(SPEC, "keras3", Map.of(), Dtype.FLOAT64).bool("approximate"));
    assertEquals(false, Params.resolve(SPEC, "tf_keras2", Map.of(), Dtype.FLOAT64).bool("approximate"));
    assertEquals(false, Params.resolve(SPEC, "pytorch", Map.of(), Dtype.FLOAT64).bool("approximate"));
    assertEquals(false, Params.resolve(SPEC, "onnx", Map.of(), Dtype.FLOAT32).bool("approximate"));
    assertEquals(true, Params.resolve(SPEC, "jax", Map.of(), Dtype.FLOAT32).bool("approximate"));
    // jax's default is the tanh form: gelu(1) = 0.8411919906082768 (tanh), not 0.8413447460685429.
    Params jax = Params.resolve(SPEC, "jax", Map.of(), Dtype.FLOAT64);
    assertAgrees(tanhForm(1, new java.math.BigDecimal(0.7978845608028654),
        new java.math.BigDecimal(0.044715), PT), F.value(1.0, jax, 25), 25);
  }

  /** (x/2)(1 + tanh(b (x + k x^3))) for binary constants b and k, with Apfloat. */
  private static Apfloat tanhForm(double x, java.math.BigDecimal b, java.math.BigDecimal k, int prec) {
    return tanhForm(x, new Apfloat(b, prec), k, prec);
  }

  private static Apfloat tanhForm(double x, Apfloat b, java.math.BigDecimal k, int prec) {
    Apfloat ax = apfloat(x, prec);
    Apfloat u = b.multiply(ax.add(new Apfloat(k, prec).multiply(ax.multiply(ax).multiply(ax))));
    return ax.multiply(new Apfloat("0.5", prec)).multiply(new Apfloat(1, prec).add(ApfloatMath.tanh(u)));
  }

  /** (x/2) erfc(-s x) and its derivative (1/2) erfc(-s x) + x s e^(-s^2 x^2)/sqrt(pi). */
  private static Apfloat[] erfForm(double x, Apfloat s) {
    Apfloat ax = apfloat(x, PREC);
    Apfloat t = ax.multiply(s);
    Apfloat cdf = ApfloatMath.erfc(t.negate()).multiply(half());
    Apfloat density = s.multiply(ApfloatMath.exp(t.multiply(t).negate()))
        .divide(ApfloatMath.sqrt(ApfloatMath.pi(PREC)));
    return new Apfloat[] {ax.multiply(cdf), cdf.add(ax.multiply(density))};
  }

  @ParameterizedTest
  @ValueSource(doubles = {-5, -0.75, 1, 3, -9.25, -30})
  void required_gelu_value_exact_dialectScales(double x) {
    // tf.nn.gelu divides by sqrt(2) cast to the dtype; PyTorch and JAX multiply by sqrt(1/2) in
    // the dtype; ONNX divides by Sqrt(2) computed in its body, exact. Binary values from the JDK.
    Apfloat one = new Apfloat(1, PREC);
    Object[][] cases = {
        {"keras3", Dtype.FLOAT64, one.divide(new Apfloat(new java.math.BigDecimal(1.4142135623730951), PREC))},
        {"tf_keras2", Dtype.FLOAT32, one.divide(new Apfloat(new java.math.BigDecimal(1.4142135f), PREC))},
        {"pytorch", Dtype.FLOAT64, new Apfloat(new java.math.BigDecimal(0.7071067811865476), PREC)},
        {"jax", Dtype.FLOAT32, new Apfloat(new java.math.BigDecimal(0.70710677f), PREC)},
        {"onnx", Dtype.FLOAT64, ApfloatMath.sqrt(half())}};
    for (Object[] c : cases) {
      Params p = Params.resolve(SPEC, (String) c[0], Map.of("approximate", "false"), (Dtype) c[1]);
      Apfloat[] expected = erfForm(x, (Apfloat) c[2]);
      assertAgrees(expected[0], F.value(x, p, 40), 40);
      assertAgrees(expected[1], F.derivative(x, p, 40), 40);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-5, -0.75, 1, 2.5, -20})
  void required_gelu_value_tanh_dialectConstants(double x) {
    // keras3, tf_keras2, pytorch, jax: sqrt(2/pi) and 0.044715 in the compute format; ONNX:
    // sqrt(float32(0.63661977236)) (the square root exact) and float32(0.044715), on float64 too.
    Object[][] cases = {
        {"keras3", Dtype.FLOAT64, new Apfloat(new java.math.BigDecimal(0.7978845608028654), PT),
            new java.math.BigDecimal(0.044715)},
        {"pytorch", Dtype.FLOAT32, new Apfloat(new java.math.BigDecimal(0.7978846f), PT),
            new java.math.BigDecimal(0.044715f)},
        {"onnx", Dtype.FLOAT64, ApfloatMath.sqrt(new Apfloat(new java.math.BigDecimal(0.63661977236f), PT)),
            new java.math.BigDecimal(0.044715f)}};
    for (Object[] c : cases) {
      Params p = Params.resolve(SPEC, (String) c[0], Map.of("approximate", "true"), (Dtype) c[1]);
      assertAgrees(tanhForm(x, (Apfloat) c[2], (java.math.BigDecimal) c[3], PT), F.value(x, p, 40), 40);
    }
    // ONNX's float64 factor 0.79788454470871... is 2e-8 relative below sqrt(2/pi).
    Params onnx = Params.resolve(SPEC, "onnx", Map.of("approximate", "true"), Dtype.FLOAT64);
    assertTrue(Math.abs(F.value(1, onnx, 17).value().doubleValue() - 0.8411919906082768) > 1e-9);
  }

  @Test
  void required_gelu_parameterValidation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Params.resolve(SPEC, "pytorch", Map.of("approximate", "maybe"), Dtype.FLOAT64));
    assertTrue(e.getMessage().contains("approximate"), e.getMessage());
  }

  @Test
  void required_gelu_signed_zero_and_infinities() {
    for (Params p : new Params[] {EXACT, TANH}) {
      assertExact("-0", F.value(-0.0, p, 40));
      assertExact("0", F.value(0.0, p, 40));
      assertExact("0.5", F.derivative(-0.0, p, 40));
      assertEquals(Real.Kind.NAN, F.value(Double.NEGATIVE_INFINITY, p, 40).kind());
      assertEquals(Real.POSITIVE_INFINITY, F.value(Double.POSITIVE_INFINITY, p, 40));
      assertExact("-0", F.derivative(Double.NEGATIVE_INFINITY, p, 40));
      assertExact("1", F.derivative(Double.POSITIVE_INFINITY, p, 40));
    }
  }

  @Test
  void required_gelu_value_exact_tailIsTiny() {
    // Below x = -98,994 (t^2 = x^2/2 > 4.9 * 10^9) the value is an interval; gelu(-40) ~ 10^-347.8 has
    // its digits (FarTailDigitsTest).
    assertEquals(Real.Kind.FINITE, F.value(-40, EXACT, 40).kind());
    for (double x : new double[] {-98995, -1e5, -Double.MAX_VALUE}) {
      Real r = F.value(x, EXACT, 40);
      assertTrue(r.kind() == Real.Kind.TINY && r.isNegative(), () -> x + ": " + r);
      Real d = F.derivative(x, EXACT, 40);
      assertTrue(d.kind() == Real.Kind.TINY && d.isNegative(), () -> x + ": " + d);
    }
    for (double x : new double[] {-4100, -1e10, -Double.MAX_VALUE}) {
      assertEquals(Real.Kind.TINY, F.value(x, TANH, 40).kind());
      assertEquals(Real.Kind.TINY, F.derivative(x, TANH, 40).kind());
    }
  }

  @Test
  void required_gelu_boundedTime() {
    assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
      for (Params p : new Params[] {EXACT, TANH}) {
        for (double x : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
            -Double.MIN_VALUE, 0x1p-1022, 1e6, -39.99, -24.99, 14.2, 1e300}) {
          F.value(x, p, 40);
          F.derivative(x, p, 40);
        }
      }
    });
  }
}
