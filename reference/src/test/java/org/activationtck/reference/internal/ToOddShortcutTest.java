package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ToOddShortcut against rounding to odd done exactly in BigDecimal: on both sides of powers of
 * two, for even and odd h, and undecided (NaN) whenever the error bound reaches the nearest
 * double.
 */
class ToOddShortcutTest {

  @Test
  void required_toOdd_matchesExactRounding() {
    Random rnd = new Random(11_2026_1124L);
    int decided = 0;
    for (int i = 0; i < 20_000; i++) {
      double hi = (rnd.nextBoolean() ? 1 : -1) * Math.scalb(1 + (i % 3 == 0 ? 0 : rnd.nextDouble()),
          rnd.nextInt(200) - 100);
      double lo = (rnd.nextDouble() - 0.5) * Math.ulp(hi) * (i % 5 == 0 ? 0x1p-30 : 1);
      double err = Math.abs(lo) * (i % 7 == 0 ? 2 : 0x1p-20);
      double got = ToOddShortcut.round(hi, lo, err);
      if (got != got) {
        assertTrue(err * 1.25 >= Math.abs(lo - ((hi + lo) - hi)) || lo == 0, "undecided at hi="
            + hi + " lo=" + lo);
        continue;
      }
      decided++;
      assertEquals(exactToOdd(new BigDecimal(hi).add(new BigDecimal(lo))), got,
          "hi=" + hi + " lo=" + lo);
    }
    assertTrue(decided > 10_000, "decided only " + decided);
  }

  /** v rounded to odd: v if a double, else whichever neighbour has an odd significand. */
  private static double exactToOdd(BigDecimal v) {
    double d = v.doubleValue(); // nearest
    int c = new BigDecimal(d).compareTo(v);
    if (c == 0) {
      return d;
    }
    double other = c > 0 ? Math.nextDown(d) : Math.nextUp(d);
    return (Double.doubleToRawLongBits(d) & 1) != 0 ? d : other;
  }
}
