package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NarrowShortcut} against the definition it stands for: where it decides, no float32
 * value or float32 midpoint (the rounding boundaries of every narrow dtype) lies within the bound
 * of y, checked with the float32 neighbours of y computed directly; and it decides nearly always
 * for random y (it is not a test that says no to everything).
 */
class NarrowShortcutTest {

  @Test
  void decides_onlyWhereNoBoundaryLiesWithinTheBound() {
    SplittableRandom r = new SplittableRandom(20261124);
    int decided = 0;
    int n = 400_000;
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double bound = i % 2 == 0 ? 0x1p-48 : 0x1p-52;
      double y;
      if (i % 5 == 0) {
        // next to a float32 value or midpoint, a few double ulps away
        float f = (float) Math.scalb(r.nextDouble(1, 2), r.nextInt(-140, 120));
        double base = i % 10 == 0 ? f : ((double) f + Math.nextUp(f)) / 2;
        y = base + r.nextInt(-64, 65) * Math.ulp(base);
      } else {
        y = Math.scalb(r.nextDouble(1, 2), r.nextInt(-160, 140)) * (r.nextBoolean() ? 1 : -1);
      }
      if (!NarrowShortcut.decides(y, bound)) {
        continue;
      }
      decided++;
      double b = bound * Math.abs(y);
      float f = (float) y;
      double[] candidates = {f, Math.nextUp(f), Math.nextDown(f),
          ((double) f + Math.nextUp(f)) / 2, ((double) f + Math.nextDown(f)) / 2};
      for (double c : candidates) {
        if (Math.abs(c - y) <= b && failures.length() < 2000) {
          failures.append(String.format("%n  y=%s bound=%s: boundary %s within the bound",
              Double.toHexString(y), bound, Double.toHexString(c)));
        }
      }
    }
    assertTrue(failures.length() == 0, "decided next to a boundary:" + failures);
    assertTrue(decided > 0.75 * n, "decided only " + decided + " of " + n);
  }

  @Test
  void decides_neverForSpecialValues() {
    for (double y : new double[] {0.0, -0.0, Double.MIN_VALUE, 1e-310, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, 0.5, Float.MAX_VALUE,
        (double) Float.MAX_VALUE + Math.ulp(Float.MAX_VALUE) / 2, 65520.0}) {
      assertFalse(NarrowShortcut.decides(y, 0x1p-48), "y=" + y);
    }
  }
}
