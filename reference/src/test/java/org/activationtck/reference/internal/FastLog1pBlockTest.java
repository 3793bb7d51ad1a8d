package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FastLog1pBlock} gives bit for bit what {@link FastLog1pDoubleDouble} gives element by
 * element (whose error bound {@link FastLog1pDoubleDoubleTest} holds against the oracle): seeded
 * double-double arguments over the whole domain, tiny ones (all of s below ulp(1)), the table's
 * cut-overs and their neighbours, the ends 0 and 1 and NaN, in blocks of every length up to
 * {@link FastLog1pBlock#LENGTH}, once into separate output arrays and once in place. NaN parts
 * match as NaN.
 */
class FastLog1pBlockTest {

  private static final double[] SPECIAL = {0.0, 1.0, Math.nextDown(1.0), Double.MIN_VALUE,
      Double.MIN_NORMAL, 0x1p-53, 0x1p-52, 0x1.8p-53, 1.0 / 512, Math.nextDown(1.0 / 512),
      1 - 1.0 / 512, Double.NaN};

  /** Arguments sh and sl (stored at 2i and 2i + 1). */
  private static double[] arguments(long seed, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] s = new double[2 * count];
    for (int i = 0; i < count; i++) {
      double sh = switch (i % 6) {
        case 0 -> r.nextDouble();
        case 1 -> Math.scalb(1 + r.nextDouble(), -r.nextInt(1, 1075));
        // the table's cut-overs (j + 1/2) / 256 and the nodes j / 256, a few ulps either side
        case 2 -> (r.nextInt(0, 257) + 0.5 * r.nextInt(0, 2)) / 256
            + Math.scalb(r.nextInt(-4, 5), -53);
        case 3 -> Math.scalb(1 + r.nextDouble(), -r.nextInt(50, 58)); // near ulp(1)
        case 4 -> r.nextDouble() * 0x1p-8;
        default -> SPECIAL[r.nextInt(SPECIAL.length)];
      };
      sh = sh != sh ? sh : Math.min(Math.max(sh, 0), 1);
      double sl = switch (i % 3) {
        case 0 -> 0.0;
        case 1 -> sh * r.nextDouble(-1, 1) * 0x1p-53;
        default -> sh * r.nextDouble(-1, 1) * 0x1p-40;
      };
      s[2 * i] = sh;
      s[2 * i + 1] = sl;
    }
    return s;
  }

  private static void assertSameBits(String what, double expected, double actual) {
    if (Double.isNaN(expected)) {
      assertEquals(Double.NaN, actual, what);
    } else {
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
          () -> what + ": expected " + expected + ", got " + actual);
    }
  }

  private static void check(boolean inPlace) {
    FastLog1pBlock block = new FastLog1pBlock();
    double[] all = arguments(inPlace ? 31 : 37, 60_000);
    double[] one = new double[1];
    int length = FastLog1pBlock.LENGTH;
    double[] sh = new double[length];
    double[] sl = new double[length];
    double[] hi = inPlace ? sh : new double[length];
    double[] lo = inPlace ? sl : new double[length];
    double[] wantHi = new double[length];
    double[] wantLo = new double[length];
    int start = 0;
    for (int n = 0; 2 * (start + n) <= all.length; start += n, n = (n + 1) % (length + 1)) {
      for (int i = 0; i < n; i++) {
        sh[i] = all[2 * (start + i)];
        sl[i] = all[2 * (start + i) + 1];
        wantHi[i] = FastLog1pDoubleDouble.log1p(sh[i], sl[i], one, 0);
        wantLo[i] = one[0];
      }
      String[] what = new String[n];
      for (int i = 0; i < n; i++) {
        what[i] = "log1p(" + Double.toHexString(sh[i]) + " + " + Double.toHexString(sl[i]) + ")";
      }
      block.log1p(sh, sl, hi, lo, n);
      for (int i = 0; i < n; i++) {
        assertSameBits(what[i] + " hi", wantHi[i], hi[i]);
        assertSameBits(what[i] + " lo", wantLo[i], lo[i]);
      }
    }
  }

  @Test
  void log1p_sameBitsAsPerElement() {
    check(false);
  }

  @Test
  void log1p_inPlace_sameBitsAsPerElement() {
    check(true);
  }

  @Test
  void tooLongABlock_rejected() {
    double[] a = new double[FastLog1pBlock.LENGTH + 1];
    assertThrows(IllegalArgumentException.class,
        () -> new FastLog1pBlock().log1p(a, a.clone(), a.clone(), a.clone(), a.length));
  }
}
