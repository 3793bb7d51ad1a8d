package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ZivRounding} against BigDecimal: decided answers are the correctly rounded h + l, and
 * sums whose bound interval straddles a rounding boundary stay undecided (NaN).
 */
class ZivRoundingTest {

  private static final double BOUND = 0x1p-70;

  private static BigDecimal exact(double h, double l) {
    return new BigDecimal(h).add(new BigDecimal(l));
  }

  @Test
  void required_nearest_decidedAnswersAreCorrectlyRounded() {
    SplittableRandom r = new SplittableRandom(5);
    int decided = 0;
    for (int i = 0; i < 20000; i++) {
      double h = Math.scalb(1 + r.nextDouble(), r.nextInt(-1000, 1000)) * (r.nextBoolean() ? 1 : -1);
      double l = Math.ulp(h) * (r.nextDouble() - 0.5) * (i % 4 == 0 ? 1 + 0x1p-40 : 1.2);
      double got = ZivRounding.nearest(h, l, BOUND);
      if (got == got) {
        decided++;
        assertEquals(exact(h, l).doubleValue(), got, "h=" + h + " l=" + l);
      }
    }
    assertTrue(decided > 19000, "only " + decided + " of 20000 decided");
  }

  @Test
  void required_nearest_undecidedNextToAMidpoint() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 2000; i++) {
      double h = Math.scalb(1 + r.nextDouble(), r.nextInt(-500, 500));
      // l within 2^-72 |h| of half an ulp: the interval of half-width 2^-70 |h| contains the midpoint.
      double l = Math.ulp(h) / 2 + Math.abs(h) * (r.nextDouble() - 0.5) * 0x1p-71;
      assertTrue(Double.isNaN(ZivRounding.nearest(h, l, BOUND)), "h=" + h + " l=" + l);
    }
  }

  @Test
  void required_nearest_subnormalInfiniteAndNaNUndecided() {
    assertTrue(Double.isNaN(ZivRounding.nearest(0x1p-1060, 0, BOUND)));
    assertTrue(Double.isNaN(ZivRounding.nearest(Double.MIN_VALUE * 3, 0, BOUND)));
    assertTrue(Double.isNaN(ZivRounding.nearest(0.0, 0, BOUND)));
    assertTrue(Double.isNaN(ZivRounding.nearest(Double.POSITIVE_INFINITY, 0, BOUND)));
    assertTrue(Double.isNaN(ZivRounding.nearest(Double.NaN, 0, BOUND)));
    assertEquals(1.5, ZivRounding.nearest(1.5, 0x1p-60, BOUND));
  }

  @Test
  void required_forDtype_narrowAnswersRoundLikeTheExactValue() {
    SplittableRandom r = new SplittableRandom(9);
    int decided = 0;
    for (int i = 0; i < 20000; i++) {
      double h = Math.scalb(1 + r.nextDouble(), r.nextInt(-120, 120));
      if (i % 3 == 0) {
        // next to a float32 midpoint: often undecided, never wrong
        float f = (float) h;
        h = (f + (double) Math.nextUp(f)) / 2 + Math.ulp(h) * r.nextInt(-3, 4);
      }
      double l = Math.ulp(h) * (r.nextDouble() - 0.5);
      double got = ZivRounding.forDtype(h, l, BOUND, FinalRounding.TO_ODD);
      if (got == got) {
        decided++;
        assertEquals(exact(h, l).floatValue(), (float) got, "h=" + h + " l=" + l);
      }
    }
    assertTrue(decided > 12000, "only " + decided + " of 20000 decided");
    assertEquals(ZivRounding.nearest(1.25, 1e-20, BOUND), ZivRounding.forDtype(1.25, 1e-20, BOUND, FinalRounding.NEAREST));
  }
}
