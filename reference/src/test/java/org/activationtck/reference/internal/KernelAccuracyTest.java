package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
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
