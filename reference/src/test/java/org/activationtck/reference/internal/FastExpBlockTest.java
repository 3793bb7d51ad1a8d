package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FastExpBlock} gives bit for bit what {@link FastExpDoubleDouble} gives element by element
 * (whose error bounds {@link FastExpDoubleDoubleTest} holds against the oracle): seeded arguments
 * over and beyond both domains, the reduction's cut-overs, the domains' ends and the special
 * values, in blocks of every length up to {@link FastExpBlock#LENGTH}. NaN parts match as NaN.
 */
class FastExpBlockTest {

  private static final double LN2_256 = Math.log(2) / 256;

  private static final double[] SPECIAL = {
      0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -0x1p-60, 0x1p-30,
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
      -Double.MAX_VALUE, FastExpDoubleDouble.EXP_LOW, Math.nextDown(FastExpDoubleDouble.EXP_LOW),
      FastExpDoubleDouble.EXP_HIGH, Math.nextUp(FastExpDoubleDouble.EXP_HIGH),
      FastExpDoubleDouble.EXPM1_HIGH, Math.nextUp(FastExpDoubleDouble.EXPM1_HIGH),
      FastExpDoubleDouble.EXPM1_FLOOR, Math.nextDown(FastExpDoubleDouble.EXPM1_FLOOR), -745.2, 710};

  private static double[] arguments(long seed, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      double u = -760 + 1480 * r.nextDouble();
      x[i] = switch (i % 6) {
        case 0 -> u;
        case 1 -> -1 + 2 * r.nextDouble();
        case 2 -> Math.rint(u / LN2_256) * LN2_256 + Math.scalb(r.nextDouble() - 0.5, -40);
        case 3 -> (Math.floor(u / LN2_256) + 0.5) * LN2_256;
        case 4 -> Math.copySign(Math.scalb(1 + r.nextDouble(), -r.nextInt(1, 1080)), u);
        default -> SPECIAL[r.nextInt(SPECIAL.length)];
      };
    }
    return x;
  }

  private static void assertSameBits(String what, double expected, double actual) {
    if (Double.isNaN(expected)) {
      assertEquals(Double.NaN, actual, what);
    } else {
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
          () -> what + ": expected " + expected + ", got " + actual);
    }
  }

  private static void check(boolean expm1) {
    FastExpBlock block = new FastExpBlock();
    double[] all = arguments(expm1 ? 29 : 23, 60_000);
    double[] one = new double[1];
    double[] x = new double[FastExpBlock.LENGTH];
    double[] hi = new double[FastExpBlock.LENGTH];
    double[] lo = new double[FastExpBlock.LENGTH];
    int start = 0;
    for (int n = 0; start + n <= all.length; start += n, n = (n + 1) % (FastExpBlock.LENGTH + 1)) {
      System.arraycopy(all, start, x, 0, n);
      if (expm1) {
        block.expm1(x, hi, lo, n);
      } else {
        block.exp(x, hi, lo, n);
      }
      for (int i = 0; i < n; i++) {
        double h = expm1 ? FastExpDoubleDouble.expm1(x[i], one, 0) : FastExpDoubleDouble.exp(x[i], one, 0);
        String what = (expm1 ? "expm1(" : "exp(") + x[i] + ")";
        assertSameBits(what + " hi", h, hi[i]);
        assertSameBits(what + " lo", one[0], lo[i]);
      }
    }
  }

  @Test
  void exp_sameBitsAsPerElement() {
    check(false);
  }

  @Test
  void expm1_sameBitsAsPerElement() {
    check(true);
  }

  @Test
  void tooLongABlock_rejected() {
    double[] a = new double[FastExpBlock.LENGTH + 1];
    assertThrows(IllegalArgumentException.class, () -> new FastExpBlock().exp(a, a.clone(), a.clone(), a.length));
  }
}
