package org.activationtck.oracle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixed-point kernels against independent truths: Apfloat (shares no code with them) at many
 * seeded random points and at the edges of their domains, and published digits of ln 2 and ln 10.
 * Each result must be within its promised relative error 10^-d, checked with a truth carrying
 * d + 30 digits, so a kernel that is off by a single guard digit fails.
 */
class FixedPointKernelsTest {

  /** ln 2 and ln 10 to 60 decimals (OEIS A002162, A002392). */
  private static final String LN2 =
      "0.693147180559945309417232121458176568075500134360255254120680";
  private static final String LN10 =
      "2.302585092994045684017991454684364207601101488628772976033328";

  private static final int[] DIGITS = {1, 2, 5, 17, 20, 24, 40, 48, 100, 300};

  static void assertWithin(Apfloat truth, BigDecimal actual, int digits, String what) {
    BigDecimal t = new BigDecimal(truth.toString(true));
    BigDecimal error = actual.subtract(t).abs();
    BigDecimal bound = t.abs().movePointLeft(digits);
    assertTrue(error.compareTo(bound) <= 0, () -> what + " at " + digits + " digits: got "
        + actual + "\n expected " + t.round(new MathContext(digits + 10)) + "\n relative error "
        + error.divide(t.abs(), new MathContext(3)) + " above 1E-" + digits);
  }

  @Test
  void logConstants_matchPublishedDigits() {
    for (int f : new int[] {8, 64, 190}) {
      BigDecimal scale = new BigDecimal(BigInteger.ONE.shiftLeft(f));
      for (String[] c : new String[][] {{LN2, "ln2"}, {LN10, "ln10"}}) {
        BigInteger v = c[1].equals("ln2") ? LogConstants.ln2(f) : LogConstants.ln10(f);
        BigDecimal exact = new BigDecimal(c[0]).multiply(scale);
        // |V - c 2^f| < 2 promised; the 60-decimal constant is exact to far below one unit here.
        assertTrue(new BigDecimal(v).subtract(exact).abs().compareTo(BigDecimal.valueOf(2)) < 0,
            () -> c[1] + " at " + f + " bits: " + v + " vs " + exact);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 300, 3000, 20000})
  void logConstants_matchApfloat(int f) {
    long p = (long) (f / 3.3) + 40;
    Apfloat two = new Apfloat(2, p);
    Apfloat scale = ApfloatMath.pow(two, f);
    for (boolean ten : new boolean[] {false, true}) {
      Apfloat c = ApfloatMath.log(new Apfloat(ten ? 10 : 2, p)).multiply(scale);
      BigInteger v = ten ? LogConstants.ln10(f) : LogConstants.ln2(f);
      BigDecimal diff = new BigDecimal(v).subtract(new BigDecimal(c.toString(true))).abs();
      assertTrue(diff.compareTo(BigDecimal.valueOf(2)) < 0, () -> (ten ? "ln10" : "ln2")
          + " at " + f + " bits off by " + diff.round(new MathContext(3)) + " units");
    }
  }

  @Test
  void atanhInverse_sumsItsSeries() {
    // atanh(1/3) = ln(2)/2: a second formula for ln 2 checks the series summation itself.
    BigInteger half = LogConstants.atanhInverse(3, 200);
    BigInteger ln2 = LogConstants.ln2(199);
    assertTrue(half.subtract(ln2.shiftRight(0)).abs().compareTo(BigInteger.valueOf(1000)) < 0
        || half.shiftLeft(1).subtract(LogConstants.ln2(200)).abs().compareTo(BigInteger.valueOf(1000)) < 0);
  }

  /** Random arguments over every scale the oracle uses: tiny, unit, softmax spreads, far tails. */
  private static double[] arguments(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      switch (i % 5) {
        case 0: x[i] = random.nextDouble(-1, 1); break;
        case 1: x[i] = random.nextDouble(-40, 40); break;
        case 2: x[i] = random.nextDouble(-800, 800); break;
        case 3: x[i] = random.nextDouble(-1e6, -800); break;
        default: x[i] = Math.scalb(random.nextDouble(0.5, 1), random.nextInt(-1074, 0))
            * (random.nextBoolean() ? 1 : -1);
      }
    }
    return x;
  }

  private static void againstApfloat(String name, BiFunction<BigDecimal, Integer, BigDecimal> kernel,
      java.util.function.Function<Apfloat, Apfloat> truth, double[] xs) {
    for (double x : xs) {
      for (int d : DIGITS) {
        // Enough precision for the truth to carry d + 30 digits whatever x's magnitude.
        long p = d + 40 + Math.max(0, (long) Math.log10(Math.abs(x) + 1)) + 330;
        Apfloat t = truth.apply(new Apfloat(new BigDecimal(x), p));
        assertWithin(t, kernel.apply(new BigDecimal(x), d), d, name + "(" + x + ")");
      }
    }
  }

  /** Apfloat's exp; it takes a minute for large positive arguments, see the identity test. */
  static Apfloat apfloatExp(Apfloat x) {
    return ApfloatMath.exp(x);
  }

  @Test
  void exp_largePositiveArguments_identityWithNegative() {
    // Apfloat needs over a minute per large positive argument, so these are checked by the
    // identity e^x e^-x = 1 (e^-x is checked against Apfloat above): each factor within
    // 10^-(d+1), so the product is within 2.1 * 10^-(d+1) of 1.
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 40; i++) {
      BigDecimal x = new BigDecimal(random.nextDouble(800, 1e6));
      for (int d : DIGITS) {
        BigDecimal product = Exp.exp(x, d + 1).multiply(Exp.exp(x.negate(), d + 1));
        BigDecimal error = product.subtract(BigDecimal.ONE).abs();
        assertTrue(error.compareTo(new BigDecimal("2.1").movePointLeft(d + 1)) <= 0,
            () -> "e^x e^-x - 1 = " + error + " at x = " + x + ", d = " + d);
      }
    }
  }

  @Test
  void exp_matchesApfloat_atRandomPoints() {
    againstApfloat("exp", Exp::exp, FixedPointKernelsTest::apfloatExp, arguments(6, 60));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e6, -999999.9999999999, 745.1332191019412, -745.1332191019412,
      709.782712893384, 0.6931471805599453, 2.302585092994046, -2.302585092994046,
      4.605170185988092, 1.1512925464970228, 4.9e-324, -4.9e-324, 0.34657359027997264})
  void exp_matchesApfloat_atReductionEdges(double x) {
    againstApfloat("exp", Exp::exp, FixedPointKernelsTest::apfloatExp, new double[] {x});
  }

  @Test
  void exp_atManyDigits_matchesApfloat() {
    for (double x : new double[] {-3.25, 0.1, 123.456}) {
      for (int d : new int[] {1000, 3000}) {
        Apfloat t = ApfloatMath.exp(new Apfloat(new BigDecimal(x), d + 40));
        assertWithin(t, Exp.exp(new BigDecimal(x), d), d, "exp(" + x + ")");
      }
    }
  }

  @Test
  void exp_ofZeroIsExactlyOne_andDecimalArgumentsWork() {
    assertEquals(BigDecimal.ONE, Exp.exp(BigDecimal.ZERO, 40));
    // A decimal argument that no double equals (the softmax kernels round exponents so).
    BigDecimal x = new BigDecimal("-123.4567890123456789012345678901234567890123");
    Apfloat t = ApfloatMath.exp(new Apfloat(x, 200));
    assertWithin(t, Exp.exp(x, 60), 60, "exp(" + x + ")");
  }

  @Test
  void log1p_matchesApfloat_atRandomPoints() {
    SplittableRandom random = new SplittableRandom(11);
    double[] xs = new double[40];
    for (int i = 0; i < xs.length; i++) {
      switch (i % 4) {
        case 0: xs[i] = random.nextDouble(-1, 1); break;
        case 1: xs[i] = Math.scalb(random.nextDouble(0.5, 1), random.nextInt(-200, 0))
            * (random.nextBoolean() ? 1 : -1); break;
        case 2: xs[i] = random.nextDouble(1, 1e6); break;
        default: xs[i] = -1 + Math.scalb(random.nextDouble(0.5, 1), random.nextInt(-53, -1));
      }
    }
    for (double x : xs) {
      for (int d : DIGITS) {
        long p = d + 40 + Math.max(0, (long) -Math.log10(Math.abs(x)));
        Apfloat t = ApfloatMath.log(new Apfloat(new BigDecimal(x), p).add(new Apfloat(1, p)));
        assertWithin(t, Log1p.log1p(new BigDecimal(x), d), d, "log1p(" + x + ")");
      }
    }
  }

  @Test
  void log_matchesApfloat_atRandomPoints() {
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 30; i++) {
      double x = Math.scalb(random.nextDouble(1, 2), random.nextInt(-1074, 1023));
      for (int d : DIGITS) {
        Apfloat t = ApfloatMath.log(new Apfloat(new BigDecimal(x), d + 40));
        assertWithin(t, Log.log(new BigDecimal(x), d), d, "log(" + x + ")");
      }
    }
  }

  @Test
  void erf_matchesApfloat_atRandomPoints() {
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 12; i++) {
      double t = i % 3 == 0 ? Math.scalb(random.nextDouble(1, 2), random.nextInt(-300, -1))
          : random.nextDouble(0, 12);
      for (int d : new int[] {1, 5, 17, 24, 40, 100}) {
        Apfloat truth = ApfloatMath.erf(new Apfloat(new BigDecimal(t), d + 40));
        assertWithin(truth, Erf.erf(new BigDecimal(t), d), d, "erf(" + t + ")");
      }
    }
  }

  @Test
  void approximate_isWithinItsRelativeBound() {
    SplittableRandom random = new SplittableRandom(14);
    for (int i = 0; i < 20000; i++) {
      double x = Math.scalb(random.nextDouble(-2, 2), random.nextInt(-1074, 1000));
      BigDecimal v = new BigDecimal(x);
      if (i % 2 == 0) {
        v = v.multiply(v).round(new MathContext(1 + random.nextInt(80)));  // decimal scales
      }
      double expected = v.doubleValue();
      double actual = FixedPoint.approximate(v);
      if (Math.abs(expected) < 1e-299) {
        assertTrue(Math.abs(actual) < 1e-290, v + ": " + actual);
        continue;
      }
      if (Double.isInfinite(expected)) {
        continue;
      }
      BigDecimal fv = v;
      assertTrue(Math.abs(actual - expected) <= 1e-10 * Math.abs(expected),
          () -> fv + ": approximate " + actual + " vs " + expected);
    }
  }
}
