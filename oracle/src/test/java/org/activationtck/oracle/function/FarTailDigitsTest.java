package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.activationtck.oracle.OracleValue;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.spec.params.Params;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real digits where the oracle used to print an interval ((0, 2^-1100), (2^1100, Infinity)):
 * results below every format's subnormals or above its largest finite value whose decimal
 * exponent a BigDecimal holds (|x| up to 4.9 * 10^9 for e^x, gelu down to x = -98,994). Truths from
 * Apfloat (its own exp, erfc and arithmetic, with exponents in a long), at 80 digits, or exact
 * identities; the oracle is asked for 40 digits. Beyond the thresholds the interval stays.
 */
class FarTailDigitsTest {

  private static final int P = 80;
  private static final Params DEF = Params.of("keras3", Map.of());

  private static Apfloat exp(double x) {
    return ApfloatMath.exp(apfloat(x, P));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1052672, 1052672, -16777217, 16777218, 25165824, -2e6, 4e9, -4.9e9,
      4.9e9})
  void exponential_matchesApfloat(double x) {
    assertAgrees(exp(x), new Exponential().value(x, DEF, 40), 40);
    assertAgrees(exp(x), new Exponential().value(x, DEF, 200), 55);
  }

  @Test
  void exp_decimalExponentAtTheThreshold() {
    // e^(4.9e9) = 10^2128042961.33...: the exponent is floor(4.9e9 / ln 10), from Apfloat; the
    // largest BigDecimal exponent is about 2^31 = 2147483648
    Apfloat lg = apfloat(4.9e9, 40).divide(ApfloatMath.log(new Apfloat(10, 40)));
    long j = lg.floor().longValue();
    BigDecimal e = Exp.exp(BigDecimal.valueOf(4_900_000_000L), 30);
    assertEquals(2128042961L, j);
    assertEquals(j, (long) e.precision() - e.scale() - 1);
    assertTrue(new Exponential().value(Math.nextUp(4.9e9), DEF, 40).kind() == Real.Kind.HUGE);
    assertTrue(new Exponential().value(-1e10, DEF, 40).kind() == Real.Kind.TINY);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-2e6, -16777218, -25165824, -4.9e9})
  void sigmoid_softplus_logSigmoid_matchApfloat(double x) {
    Apfloat e = exp(x);
    Apfloat sigma = e.divide(new Apfloat(1, P).add(e));
    assertAgrees(sigma, new Sigmoid().value(x, DEF, 40), 40);
    // sigma'(x) = e^x / (1 + e^x)^2, at x and at -x
    Apfloat d = sigma.divide(new Apfloat(1, P).add(e));
    assertAgrees(d, new Sigmoid().derivative(x, DEF, 40), 40);
    assertAgrees(d, new Sigmoid().derivative(-x, DEF, 40), 40);
    // softplus(x) = ln(1 + e^x) = e^x (1 - e^x/2 + ...): e^x within relative e^x
    Params sp = SoftplusTest.mathematical();
    assertAgrees(e, new Softplus().value(x, sp, 40), 40);
    assertAgrees(sigma, new Softplus().derivative(x, sp, 40), 40);
    // log_sigmoid(-x) = -softplus(x)
    assertAgrees(e.negate(), new LogSigmoid().value(-x, DEF, 40), 40);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-2e6, -16777217, -4.9e9})
  void silu_mish_elu_matchApfloat(double x) {
    Apfloat ax = apfloat(x, P);
    Apfloat e = exp(x);
    Apfloat one = new Apfloat(1, P);
    Apfloat two = new Apfloat(2, P);
    Apfloat sigma = e.divide(one.add(e));
    assertAgrees(ax.multiply(sigma), new Silu().value(x, DEF, 40), 40);
    // silu' = sigma(x) (1 + x sigma(-x))
    assertAgrees(sigma.multiply(one.add(ax.multiply(one.subtract(sigma)))),
        new Silu().derivative(x, DEF, 40), 40);
    // mish = x tanh(ln(1 + e^x)) = x u / (u + 2), u = e^x (e^x + 2)
    Apfloat u = e.multiply(e.add(two));
    assertAgrees(ax.multiply(u).divide(u.add(two)), new Mish().value(x, DEF, 40), 40);
    // elu'(x) = alpha e^x below 0
    Params elu = EluTest.params("keras3", "0.5");
    assertAgrees(e.multiply(new Apfloat("0.5", P)), new Elu().derivative(x, elu, 40), 40);
  }

  @ParameterizedTest
  @ValueSource(doubles = {2e6, -16777217, 1e9, 2.45e9})
  void tanhDerivative_matchesApfloat(double x) {
    Apfloat m = exp(-2 * Math.abs(x));
    Apfloat one = new Apfloat(1, P);
    Apfloat expected = m.multiply(new Apfloat(4, P)).divide(one.add(m).multiply(one.add(m)));
    assertAgrees(expected, new Tanh().derivative(x, DEF, 40), 40);
    assertEquals(Real.Kind.TINY, new Tanh().derivative(Math.nextUp(2.45e9), DEF, 40).kind());
    assertEquals(Real.Kind.FINITE, new Tanh().derivative(-2.45e9, DEF, 40).kind());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-40, -45, -100, -746, -2049, -6144})
  void gelu_exactForm_matchesApfloat(double x) {
    Params exact = GeluTest.EXACT;
    Apfloat ax = apfloat(x, P);
    Apfloat half = new Apfloat("0.5", P);
    Apfloat cdf = ApfloatMath.erfc(ax.negate().multiply(ApfloatMath.sqrt(half))).multiply(half);
    assertAgrees(ax.multiply(cdf), new Gelu().value(x, exact, 40), 40);
    Apfloat density = ApfloatMath.exp(ax.multiply(ax).multiply(half).negate())
        .divide(ApfloatMath.sqrt(ApfloatMath.pi(P).multiply(new Apfloat(2, P))));
    assertAgrees(cdf.add(ax.multiply(density)), new Gelu().derivative(x, exact, 40), 40);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-25, -100, -2049})
  void gelu_tanhForm_matchesApfloat(double x) {
    Params tanh = GeluTest.TANH;
    Apfloat ax = apfloat(x, P);
    Apfloat c = ApfloatMath.sqrt(new Apfloat(2, P).divide(ApfloatMath.pi(P)));
    Apfloat v = c.multiply(ax.add(new Apfloat("0.044715", P).multiply(ax.multiply(ax).multiply(ax))))
        .multiply(new Apfloat(2, P));
    // (x/2)(1 + tanh(v/2)) = x e^v / (1 + e^v), without 1 + tanh's cancellation
    Apfloat ev = ApfloatMath.exp(v);
    assertAgrees(ax.multiply(ev).divide(new Apfloat(1, P).add(ev)), new Gelu().value(x, tanh, 40),
        40);
  }

  @Test
  void gelu_thresholds() {
    Params exact = GeluTest.EXACT;
    Params tanh = GeluTest.TANH;
    Gelu g = new Gelu();
    assertEquals(Real.Kind.FINITE, g.value(-98994, exact, 40).kind());
    for (double x : new double[] {-98995, -1e5, -Double.MAX_VALUE}) {
      Real r = g.value(x, exact, 40);
      assertTrue(r.kind() == Real.Kind.TINY && r.isNegative(), () -> x + ": " + r);
      Real d = g.derivative(x, exact, 40);
      assertTrue(d.kind() == Real.Kind.TINY && d.isNegative(), () -> x + ": " + d);
    }
    // tanh form: v = 2b (x + k x^3) passes -4.9 * 10^9 near x = -4,095.03
    assertEquals(Real.Kind.FINITE, g.value(-4090, tanh, 40).kind());
    assertEquals(Real.Kind.FINITE, g.derivative(-4090, tanh, 40).kind());
    for (double x : new double[] {-4100, -1e10, -Double.MAX_VALUE}) {
      assertEquals(Real.Kind.TINY, g.value(x, tanh, 40).kind());
      assertEquals(Real.Kind.TINY, g.derivative(x, tanh, 40).kind());
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-2e6, -1e9, -4.8e9})
  void axisFunctions_matchApfloat(double b) {
    Apfloat e = exp(b);
    Apfloat one = new Apfloat(1, P);
    // softmax([0, b]) = [1/(1 + e^b), e^b/(1 + e^b)]; log_softmax's first is -log1p(e^b) =
    // -e^b (1 - e^b/2 + ...), within relative e^b of -e^b; glu(1, b) = sigma(b)
    Real[] y = new Softmax().value(new double[] {0, b}, DEF, 40);
    assertAgrees(e.divide(one.add(e)), y[1], 40);
    Real[] l = new LogSoftmax().value(new double[] {0, b}, DEF, 40);
    assertAgrees(e.negate(), l[0], 40);
    assertEquals(b, new OracleValue(d -> new LogSoftmax().value(new double[] {0, b}, DEF, d)[1])
        .rounded(org.activationtck.spi.Dtype.FLOAT64));
    assertAgrees(e.divide(one.add(e)), new Glu().value(new double[] {1, b}, DEF, 40)[0], 40);
  }

  @Test
  void printedDigits() {
    // The examples: gelu(-40) and sigmoid(-2e6) as decimals, not intervals.
    Params exact = GeluTest.EXACT;
    String g = new OracleValue(d -> new Gelu().value(-40, exact, d)).decimal(20);
    assertTrue(g.startsWith("-1.46235741636601188") && g.endsWith("E-348"), g);
    String s = new OracleValue(d -> new Sigmoid().value(-2e6, DEF, d)).decimal(20);
    assertTrue(s.endsWith("E-868589"), s);
    assertEquals("(0, 2^-1100)", new OracleValue(d -> new Softplus().value(-1e300, SoftplusTest.mathematical(), d))
        .decimal(20));
  }
}
