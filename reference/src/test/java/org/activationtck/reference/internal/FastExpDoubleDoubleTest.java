package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.Expm1;
import org.junit.jupiter.api.Test;

/**
 * {@link FastExpDoubleDouble} against the oracle's e^x and e^x - 1 at 40 digits (independent
 * BigDecimal implementations) at seeded points: uniform over the domain, near the reduction's
 * cut-overs (k ln2/256 and the midpoints between), tiny and subnormal arguments, the domain's
 * ends; and its NaN answers outside the domain.
 */
class FastExpDoubleDoubleTest {

  private static final int DIGITS = 40;
  private static final double LN2_256 = Math.log(2) / 256;

  /** |hi + lo - truth| / |hi|, as a double (0 when exact). */
  private static double relativeError(double hi, double lo, BigDecimal truth) {
    BigDecimal got = new BigDecimal(hi).add(new BigDecimal(lo));
    return got.subtract(truth).abs().divide(new BigDecimal(Math.abs(hi)), new MathContext(10))
        .doubleValue();
  }

  /** Seeded arguments in [low, high]: uniform, near k ln2/256 and (k + 1/2) ln2/256, tiny. */
  private static double[] arguments(long seed, double low, double high, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      double u = low + (high - low) * r.nextDouble();
      switch (i % 5) {
        case 0, 1 -> x[i] = u;
        case 2 -> x[i] = Math.rint(u / LN2_256) * LN2_256 + Math.scalb(r.nextDouble() - 0.5, -40);
        case 3 -> x[i] = (Math.floor(u / LN2_256) + 0.5) * LN2_256 * (1 + (r.nextDouble() - 0.5) * 0x1p-45);
        default -> x[i] = Math.copySign(Math.scalb(1 + r.nextDouble(), -r.nextInt(1, 1080)), u);
      }
      x[i] = Math.max(low, Math.min(high, x[i]));
    }
    return x;
  }

  private static void assertWithinBound(String name, double x, double hi, double lo, BigDecimal truth, double bound) {
    assertTrue(Double.isFinite(hi) && Double.isFinite(lo), name + "(" + x + ") not finite: " + hi + " " + lo);
    double err = relativeError(hi, lo, truth);
    assertTrue(err <= bound, name + "(" + x + "): relative error " + err + " above " + bound);
    assertTrue(hi + lo == hi && Math.abs(lo) <= Math.ulp(hi) / 2,
        name + "(" + x + "): hi " + hi + " is not the nearest double to hi + lo, lo " + lo);
  }

  @Test
  void required_exp_withinBoundOverTheDomain() {
    double[] x = arguments(17, FastExpDoubleDouble.EXP_LOW, FastExpDoubleDouble.EXP_HIGH, 4000);
    double[] lo = new double[1];
    double worst = 0;
    for (double v : x) {
      double hi = FastExpDoubleDouble.exp(v, lo, 0);
      BigDecimal truth = Exp.exp(new BigDecimal(v), DIGITS);
      assertWithinBound("exp", v, hi, lo[0], truth, FastExpDoubleDouble.EXP_ERROR);
      worst = Math.max(worst, relativeError(hi, lo[0], truth));
    }
    // The bound is not vacuous: the degree-6 polynomial leaves an error of 2^-79 or so somewhere.
    assertTrue(worst > 0, "no error at all in 4000 points: the test compares nothing");
  }

  @Test
  void required_exp_smallArgumentsAndDomainEnds() {
    double[] x = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 0x1p-30, -0x1p-30, LN2_256 / 2,
        -LN2_256 / 2, FastExpDoubleDouble.EXP_LOW, FastExpDoubleDouble.EXP_HIGH, 1, -1, 100.5, -300.25};
    double[] lo = new double[1];
    for (double v : x) {
      double hi = FastExpDoubleDouble.exp(v, lo, 0);
      assertWithinBound("exp", v, hi, lo[0], Exp.exp(new BigDecimal(v), DIGITS), FastExpDoubleDouble.EXP_ERROR);
    }
  }

  @Test
  void required_expm1_withinBoundOverTheDomain() {
    double[] x = arguments(23, -760, FastExpDoubleDouble.EXPM1_HIGH, 2000);
    double[] near = arguments(29, -3, FastExpDoubleDouble.EXPM1_HIGH, 3000);
    double[] lo = new double[1];
    for (double[] set : new double[][] {x, near}) {
      for (double v : set) {
        if (v == 0) {
          continue;
        }
        double hi = FastExpDoubleDouble.expm1(v, lo, 0);
        BigDecimal truth = Expm1.expm1(new BigDecimal(v), DIGITS);
        assertWithinBound("expm1", v, hi, lo[0], truth, FastExpDoubleDouble.EXPM1_ERROR);
      }
    }
  }

  @Test
  void required_expm1_tinyAndSubnormalArgumentsAndFarTail() {
    double[] lo = new double[1];
    for (double v : new double[] {Double.MIN_VALUE, -Double.MIN_VALUE, 0x1p-1022, -0x1.8p-600,
        0x1p-60, -0x1p-27, 1e-5, -LN2_256 / 2, LN2_256 / 2, -LN2_256, FastExpDoubleDouble.EXPM1_HIGH}) {
      double hi = FastExpDoubleDouble.expm1(v, lo, 0);
      assertWithinBound("expm1", v, hi, lo[0], Expm1.expm1(new BigDecimal(v), DIGITS), FastExpDoubleDouble.EXPM1_ERROR);
    }
    // Below -700 the remainder is a stand-in with the true remainder's sign.
    for (double v : new double[] {-700.5, -1e5, -Double.MAX_VALUE}) {
      double hi = FastExpDoubleDouble.expm1(v, lo, 0);
      assertEquals(-1.0, hi, "expm1(" + v + ")");
      assertTrue(lo[0] > 0 && lo[0] < 1e-300, "expm1(" + v + "): remainder " + lo[0]);
    }
    double hi = FastExpDoubleDouble.expm1(-0.0, lo, 0);
    assertEquals(0.0, hi);
    assertEquals(0.0, lo[0]);
  }

  @Test
  void required_outsideTheDomain_bothPartsNaN() {
    double[] lo = new double[1];
    double[] expOut = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        Math.nextDown(FastExpDoubleDouble.EXP_LOW), Math.nextUp(FastExpDoubleDouble.EXP_HIGH), 1e300, -1e300};
    for (double v : expOut) {
      assertTrue(Double.isNaN(FastExpDoubleDouble.exp(v, lo, 0)) && Double.isNaN(lo[0]), "exp(" + v + ")");
    }
    double[] expm1Out = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        Math.nextUp(FastExpDoubleDouble.EXPM1_HIGH), 1e300};
    for (double v : expm1Out) {
      assertTrue(Double.isNaN(FastExpDoubleDouble.expm1(v, lo, 0)) && Double.isNaN(lo[0]), "expm1(" + v + ")");
    }
  }

  @Test
  void required_arrayForms_withinBoundAndOnlyInTheirRange() {
    double[] x = arguments(31, -20, 0.6, 600);
    double[] hi = new double[x.length];
    double[] lo = new double[x.length];
    int from = 5;
    int to = x.length - 7;
    for (boolean minusOne : new boolean[] {false, true}) {
      Arrays.fill(hi, 42.0);
      if (minusOne) {
        FastExpDoubleDouble.expm1(x, hi, lo, from, to);
      } else {
        FastExpDoubleDouble.exp(x, hi, lo, from, to);
      }
      for (int i = 0; i < x.length; i++) {
        if (i < from || i >= to) {
          assertEquals(42.0, hi[i], "element " + i + " outside [from, to) was written");
          continue;
        }
        if (x[i] == 0) {
          continue;
        }
        BigDecimal bx = new BigDecimal(x[i]);
        BigDecimal truth = minusOne ? Expm1.expm1(bx, DIGITS) : Exp.exp(bx, DIGITS);
        assertWithinBound(minusOne ? "expm1[]" : "exp[]", x[i], hi[i], lo[i], truth,
            minusOne ? FastExpDoubleDouble.EXPM1_ERROR : FastExpDoubleDouble.EXP_ERROR);
      }
    }
  }
}
