package org.activationtck.oracle.internal;

import static org.activationtck.oracle.internal.FixedPointKernelsTest.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernels that stay in binary fixed point ({@link Exp#expNonPositive}, {@link Log1p#ofFixed})
 * and the two built on them ({@link Tanh}, {@link Log1pExp}) against Apfloat at seeded random
 * points: the fixed-point ones within their absolute bounds in units 2^-f, the decimal ones
 * within relative 10^-d with a truth carrying d + 30 digits more, so one missing guard bit fails.
 */
class FixedPointCompositesTest {

  private static final int[] DIGITS = {1, 2, 5, 17, 20, 24, 40, 48, 100, 300};
  private static final int[] WIDTHS = {64, 65, 200, 1000, 3000};

  /** S 2^-f as an exact decimal. */
  private static BigDecimal exact(BigInteger s, int f) {
    return new BigDecimal(s).divide(new BigDecimal(BigInteger.ONE.shiftLeft(f)));
  }

  /** |actual - truth 2^f| below {@code units}. */
  private static void assertUnits(Apfloat truth, BigInteger actual, int f, double units,
      String what) {
    BigDecimal scaled = new BigDecimal(truth.toString(true))
        .multiply(new BigDecimal(BigInteger.ONE.shiftLeft(f)));
    BigDecimal error = new BigDecimal(actual).subtract(scaled).abs();
    assertTrue(error.compareTo(BigDecimal.valueOf(units)) < 0, () -> what + " at f = " + f
        + ": off by " + error.round(new MathContext(4)) + " units, promised below " + units);
  }

  @Test
  void expNonPositive_isWithinTwoUnits_atRandomPoints() {
    SplittableRandom random = new SplittableRandom(21);
    for (int i = 0; i < 60; i++) {
      double a;
      switch (i % 4) {
        case 0: a = random.nextDouble(0, 1); break;
        case 1: a = random.nextDouble(1, 40); break;
        case 2: a = random.nextDouble(40, 2000); break;
        default: a = Math.scalb(random.nextDouble(1, 2), random.nextInt(-80, 0));
      }
      for (int f : WIDTHS) {
        // A random fixed-point argument with all f fraction bits used, not just a double's 53.
        BigInteger s = FixedPoint.ofDouble(-a, f).subtract(new BigInteger(f, new java.util.Random(i)));
        BigDecimal x = exact(s, f);
        Apfloat truth = ApfloatMath.exp(new Apfloat(x, f / 3 + 60 + (long) (a / 2.3)));
        assertUnits(truth, Exp.expNonPositive(s, f), f, 2, "exp(" + a + ")");
      }
    }
    assertEquals(BigInteger.ONE.shiftLeft(64), Exp.expNonPositive(BigInteger.ZERO, 64));
  }

  @Test
  void log1pFixed_isWithinItsBound_atRandomPoints() {
    SplittableRandom random = new SplittableRandom(22);
    for (int i = 0; i < 60; i++) {
      for (int f : WIDTHS) {
        BigInteger y;
        switch (i % 3) {
          case 0: y = new BigInteger(f, new java.util.Random(i)); break;  // [0, 1)
          case 1: y = BigInteger.ONE.shiftLeft(f).subtract(BigInteger.valueOf(random.nextInt(1, 1000))); break;
          default: y = new BigInteger(Math.max(1, f - random.nextInt(1, f)), new java.util.Random(i));
        }
        BigDecimal yd = exact(y, f);
        Apfloat truth = ApfloatMath.log(new Apfloat(yd, f / 3 + 60).add(new Apfloat(1)));
        double bound = 2 * (f / 48.0 + 2) + 12;
        assertUnits(truth, Log1p.ofFixed(y, f), f, bound, "log1p(" + yd.round(new MathContext(8)) + ")");
      }
    }
    BigInteger one = BigInteger.ONE.shiftLeft(300);
    assertUnits(ApfloatMath.log(new Apfloat(2, 200)), Log1p.ofFixed(one, 300), 300, 21, "ln 2");
  }

  @Test
  void ofDouble_truncatesExactly() {
    SplittableRandom random = new SplittableRandom(23);
    for (int i = 0; i < 5000; i++) {
      double y = Math.scalb(random.nextDouble(-2, 2), random.nextInt(-1074, 60));
      if (i % 10 == 0) {
        y = Double.longBitsToDouble(random.nextLong(1, 1L << 52)) * (random.nextBoolean() ? 1 : -1);
      }
      int f = random.nextInt(0, 1200);
      BigInteger expected = new BigDecimal(y).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(f)))
          .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
      assertEquals(expected, FixedPoint.ofDouble(y, f), "ofDouble(" + y + ", " + f + ")");
    }
  }

  @Test
  void toDouble_isWithinTwoUlps() {
    SplittableRandom random = new SplittableRandom(24);
    for (int i = 0; i < 1000; i++) {
      BigInteger v = new BigInteger(random.nextInt(1, 3000), new java.util.Random(i));
      int f = random.nextInt(0, 3000);
      double expected = exact(v, f).doubleValue();
      if (expected < 0x1p-1000 || Double.isInfinite(expected)) {
        continue;
      }
      assertEquals(expected, FixedPoint.toDouble(v, f), 2 * Math.ulp(expected), v + " / 2^" + f);
    }
  }

  /** Arguments of tanh and softplus: near 0, the unit range, the tails, and the cut-overs. */
  private static double[] arguments(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double sign = random.nextBoolean() ? 1 : -1;
      switch (i % 5) {
        case 0: x[i] = random.nextDouble(-1, 1); break;
        case 1: x[i] = random.nextDouble(-40, 40); break;
        case 2: x[i] = sign * random.nextDouble(40, 800); break;
        case 3: x[i] = sign * Math.scalb(random.nextDouble(1, 2), random.nextInt(-1074, -1)); break;
        default: x[i] = sign * Math.scalb(random.nextDouble(1, 2), random.nextInt(-60, -1));
      }
    }
    return x;
  }

  @Test
  void tanh_matchesApfloat_atRandomPoints() {
    double[] xs = arguments(25, 50);
    for (double x : xs) {
      for (int d : DIGITS) {
        checkTanh(x, d);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1, 2, 0.25, 0x1p-20, 0x1.fffffffffffffp-21, 1e-6, 1e-5, 1e-4,
      0.001, 0.01, 0.1, 10, 0.30000000000000004, 0.2500000000000001, 0.24999999999999997, 1e-22,
      1e-12, 47.1, 48.2, -53.5, 354.5, 800, 1e6, -1e6})
  void tanh_matchesApfloat_atCutOvers(double x) {
    for (int d : DIGITS) {
      checkTanh(x, d);
    }
  }

  private static void checkTanh(double x, int d) {
    BigDecimal bx = new BigDecimal(x);
    BigDecimal actual = Tanh.tanh(bx, d);
    if (Math.abs(x) > 1000) {
      assertEquals(BigDecimal.valueOf(Math.signum(x)).intValue(), actual.intValueExact());
      assertEquals(actual, Tanh.tanh(x, d));
      return;
    }
    long p = d + 40 + Math.max(0, (long) -Math.log10(Math.abs(x)));
    Apfloat truth = ApfloatMath.tanh(new Apfloat(bx, p));
    assertWithin(truth, actual, d, "tanh(" + x + ")");
    assertWithin(truth, Tanh.tanh(x, d), d, "tanh(double " + x + ")");
  }

  @Test
  void log1pExp_matchesApfloat_atRandomPoints() {
    for (double x : arguments(26, 50)) {
      for (int d : DIGITS) {
        checkLog1pExp(x, d);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -0.0, 1e-300, -1e-300, 46, -46, -49.5, -50.7, 20, -20, 36.9,
      -36.9, -237.3, -699, -701, 709, 745, 2000, -2000})
  void log1pExp_matchesApfloat_atCutOvers(double x) {
    for (int d : DIGITS) {
      checkLog1pExp(x, d);
    }
  }

  private static void checkLog1pExp(double x, int d) {
    BigDecimal bx = new BigDecimal(x);
    // 1 + e^x keeps e^x's digits only with |x| / ln 10 more of them.
    long p = d + 40 + (long) (Math.abs(x) / 2.3);
    Apfloat ax = new Apfloat(bx, p);
    Apfloat truth = x > 0
        ? ax.add(ApfloatMath.log(new Apfloat(1, p).add(ApfloatMath.exp(ax.negate()))))
        : ApfloatMath.log(new Apfloat(1, p).add(ApfloatMath.exp(ax)));
    assertWithin(truth, Log1pExp.log1pExp(bx, d), d, "log1pExp(" + x + ")");
    assertWithin(truth, Log1pExp.log1pExp(x, d), d, "log1pExp(double " + x + ")");
  }
}
