package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ShiftedExpBlock} against {@link ShiftedExp}, bit for bit (a guard: ShiftedExpTest holds
 * ShiftedExp to the oracle), over blocks of every length class, both signs, arguments at any
 * offset, differences on both sides of {@link ShiftedExp#LOWEST} (there: +0.0 and a zero).
 */
class ShiftedExpBlockTest {

  private static void check(double[] x, int from, int n, double sign, double shift,
      boolean allInDomain) {
    ShiftedExpBlock block = new ShiftedExpBlock();
    double[] hi = new double[ShiftedExpBlock.LENGTH];
    double[] lo = new double[ShiftedExpBlock.LENGTH];
    block.shifted(x, from, n, sign, shift, hi, lo, allInDomain);
    double[] eh = new double[x.length];
    double[] el = new double[x.length];
    ShiftedExp.shifted(x, sign, shift, eh, el, from, from + n);
    for (int i = 0; i < n; i++) {
      double d = sign * x[from + i] - shift;
      String where = "n=" + n + " sign=" + sign + " shift=" + shift + " x=" + x[from + i];
      if (d >= ShiftedExp.LOWEST) {
        assertEquals(Double.doubleToRawLongBits(eh[from + i]), Double.doubleToRawLongBits(hi[i]),
            where);
        assertEquals(Double.doubleToRawLongBits(el[from + i]), Double.doubleToRawLongBits(lo[i]),
            where);
      } else {
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(hi[i]), where);
        assertEquals(0.0, lo[i], 0, where);
      }
    }
  }

  @Test
  void required_randomBlocks_matchShiftedExpBitForBit() {
    SplittableRandom r = new SplittableRandom(4);
    for (int n : new int[] {1, 2, 7, 64, 255, 256}) {
      for (int rep = 0; rep < 40; rep++) {
        double sign = rep % 2 == 0 ? 1 : -1;
        double shift = (r.nextDouble() * 2 - 1) * (rep % 3 == 0 ? 1e-3 : 300);
        double spread = rep % 4 == 0 ? 720 : rep % 4 == 1 ? 670 : 20;
        int from = r.nextInt(5);
        double[] x = new double[from + n];
        double lowest = 0;
        for (int i = 0; i < x.length; i++) {
          double d = -r.nextDouble() * spread; // the difference, <= 0
          x[i] = sign * (shift + d);
          if (sign * x[i] - shift > 0) {
            x[i] = sign * shift; // a rounded sum may land above: keep differences <= 0
          }
          lowest = Math.min(lowest, sign * x[i] - shift);
        }
        check(x, from, n, sign, shift, false);
        if (lowest >= ShiftedExp.LOWEST) {
          check(x, from, n, sign, shift, true);
        }
      }
    }
  }

  @Test
  void required_lowestEdge_switchesAtLowest() {
    double[] x = {ShiftedExp.LOWEST, Math.nextDown(ShiftedExp.LOWEST), Math.nextUp(ShiftedExp.LOWEST),
        -1360, -1e300, 0};
    check(x, 0, x.length, 1, 0, false);
  }

  @Test
  void required_tooLongBlock_rejected() {
    double[] x = new double[ShiftedExpBlock.LENGTH + 1];
    assertThrows(IllegalArgumentException.class, () -> new ShiftedExpBlock().shifted(x, 0,
        x.length, 1, 0, new double[x.length], new double[x.length], true));
  }
}
