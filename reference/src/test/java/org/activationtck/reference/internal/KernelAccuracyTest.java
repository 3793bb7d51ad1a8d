package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.Expm1;
import org.activationtck.oracle.internal.Log1p;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free double-double kernels against the oracle's kernels at 40 digits (an
 * independent implementation in BigDecimal), and the final roundings against BigDecimal.
 */
class KernelAccuracyTest {

  private static final int DIGITS = 40;

  /** |(hi + lo) - truth| / |truth| in units of 2^-k: the number of correct bits. */
  private static double bits(double hi, double lo, BigDecimal truth) {
    BigDecimal got = new BigDecimal(hi).add(new BigDecimal(lo));
    BigDecimal rel = got.subtract(truth).abs().divide(truth.abs(), new MathContext(10));
    return rel.signum() == 0 ? 200 : -Math.log(rel.doubleValue()) / Math.log(2);
  }

  @Test
  void required_expm1DoubleDouble_relativeErrorBelow2pow68() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 3000; i++) {
      double x = Math.scalb(r.nextDouble() * 2 - 1, -r.nextInt(40)) * (i % 3 == 0 ? 700 : 1);
      if (x == 0) {
        continue;
      }
      BigDecimal truth = Expm1.expm1(new BigDecimal(x), DIGITS);
      double b = bits(ExpDoubleDouble.expm1Hi(x), ExpDoubleDouble.expm1Lo(x), truth);
      assertTrue(b > 68, "expm1(" + x + "): only " + b + " bits");
    }
  }

  /** A double-double argument: hi anywhere in [-2000, 2000] or near 0, lo up to ulp(hi)/2. */
  private static DoubleDouble doubleDoubleArgument(SplittableRandom r, int i) {
    double hi = switch (i % 4) {
      case 0 -> (r.nextDouble() * 2 - 1) * 2000;
      case 1 -> -r.nextDouble() * 750;
      case 2 -> Math.scalb(r.nextDouble() * 2 - 1, -r.nextInt(60));
      default -> (r.nextInt(5800) - 2900) * 0.6931471805599453 / 256 + (r.nextDouble() - 0.5) * 0x1p-40;
    };
    double lo = (r.nextDouble() - 0.5) * Math.ulp(hi);
    return DoubleDouble.of(hi, lo);
  }

  @Test
  void required_expOfDoubleDouble_relativeErrorBelow2pow102() {
    SplittableRandom r = new SplittableRandom(5);
    double worst = 200;
    for (int i = 0; i < 4000; i++) {
      DoubleDouble a = doubleDoubleArgument(r, i);
      BigDecimal exact = new BigDecimal(a.hi).add(new BigDecimal(a.lo));
      DoubleDouble.Scaled e = ExpDoubleDouble.expScaled(a);
      assertTrue(e.m.hi >= 0.706 && e.m.hi <= 1.42, "mantissa of e^" + exact + ": " + e.m.hi);
      BigDecimal twoToMinusK = e.k <= 0 ? new BigDecimal(2).pow(-e.k) : new BigDecimal("0.5").pow(e.k);
      BigDecimal truth = Exp.exp(exact, DIGITS).multiply(twoToMinusK); // exact scaling
      double b = bits(e.m.hi, e.m.lo, truth);
      worst = Math.min(worst, b);
      assertTrue(b > 102, "e^" + exact + ": only " + b + " bits");
    }
    assertTrue(worst < 112, "the sample should come near the bound, not only far from it: " + worst);
  }

  @Test
  void required_expOfDoubleDouble_underflowsToZeroBelowMinus2000_andKeepsNaN() {
    assertEquals(0.0, ExpDoubleDouble.expScaled(DoubleDouble.of(-2000.5)).m.hi);
    assertEquals(0.0, ExpDoubleDouble.expScaled(DoubleDouble.of(Double.NEGATIVE_INFINITY)).m.hi);
    assertTrue(Double.isNaN(ExpDoubleDouble.expScaled(DoubleDouble.of(Double.NaN)).m.hi));
    DoubleDouble.Scaled one = ExpDoubleDouble.expScaled(DoubleDouble.ZERO);
    assertEquals(1.0, one.m.hi);
    assertEquals(0.0, one.m.lo);
    assertEquals(0, one.k);
  }

  @Test
  void required_log1pOfDoubleDouble_relativeErrorBelow2pow79() {
    SplittableRandom r = new SplittableRandom(13);
    for (int i = 0; i < 3000; i++) {
      double hi = i % 2 == 0 ? Math.scalb(r.nextDouble(), -r.nextInt(70)) : r.nextDouble() * 1e6;
      if (i % 7 == 0) {
        hi = 0x1p-20 * (1 + (r.nextDouble() - 0.5) * 1e-3); // both sides of the series' cut-over
      }
      if (hi == 0) {
        continue;
      }
      DoubleDouble s = DoubleDouble.of(hi, (r.nextDouble() - 0.5) * Math.ulp(hi));
      BigDecimal truth = Log1p.log1p(new BigDecimal(s.hi).add(new BigDecimal(s.lo)), DIGITS);
      DoubleDouble got = Log1pDoubleDouble.log1p(s);
      double b = bits(got.hi, got.lo, truth);
      assertTrue(b > 79, "log1p(" + s.hi + " + " + s.lo + "): only " + b + " bits");
    }
  }

  @Test
  void required_log1pTail_relativeErrorBelow2pow58() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 3000; i++) {
      double s = i % 2 == 0 ? Math.scalb(r.nextDouble(), -r.nextInt(60))
          : r.nextDouble() * 1e6;
      if (i % 5 == 0) {
        s = -0.5 * r.nextDouble(); // negative arguments down to -1/2
      }
      if (s == 0) {
        continue;
      }
      double y = StrictMath.log1p(s);
      BigDecimal truth = Log1p.log1p(new BigDecimal(s), DIGITS);
      double b = bits(y, Log1pDoubleDouble.tail(y, s, 0), truth);
      assertTrue(b > 58, "log1p(" + s + "): only " + b + " bits");
    }
  }

  @Test
  void required_toOdd_oddNeighbourTowardsRemainder() {
    double even = 1.0; // last significand bit 0
    assertEquals(Math.nextUp(even), DoubleRounding.toOdd(even, 1e-30));
    assertEquals(Math.nextDown(even), DoubleRounding.toOdd(even, -1e-30));
    assertEquals(even, DoubleRounding.toOdd(even, 0));
    double odd = Math.nextUp(1.0);
    assertEquals(odd, DoubleRounding.toOdd(odd, -1e-30));
    // float32 midpoint 1 + 2^-24 with a remainder below: odd rounding keeps (float) correct
    double mid = 1 + 0x1p-24;
    assertEquals(1.0f, (float) DoubleRounding.finish(mid, -1e-40, FinalRounding.TO_ODD));
    assertEquals(1 + 0x1p-23f, (float) DoubleRounding.finish(mid, 1e-40, FinalRounding.TO_ODD));
    assertEquals(mid, DoubleRounding.finish(mid, 1e-40, FinalRounding.NEAREST));
  }

  @Test
  void required_scaleDown_roundsOnceToTheSubnormalGrid() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 2000; i++) {
      double h = 1 + r.nextDouble();
      double l = Math.ulp(h) * (r.nextDouble() - 0.5);
      int scale = 1022 + 1 + r.nextInt(50);
      BigDecimal exact = new BigDecimal(h).add(new BigDecimal(l))
          .multiply(new BigDecimal(Math.scalb(1.0, -scale)));
      // nearest subnormal by BigDecimal: exact / MIN_VALUE rounded half-even
      BigDecimal units = exact.divide(new BigDecimal(Double.MIN_VALUE), MathContext.DECIMAL128)
          .setScale(0, java.math.RoundingMode.HALF_EVEN);
      double expected = units.doubleValue() * Double.MIN_VALUE;
      assertEquals(expected, DoubleRounding.scaleDown(h, l, scale),
          () -> "h=" + h + " l=" + l + " scale=" + scale);
    }
  }
}
