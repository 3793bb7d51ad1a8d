package org.activationtck.reference.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.Sixth;
import org.junit.jupiter.api.Test;


/**
 * {@link Sixth} where it is hardest: (x + 3) / 6 (hard_sigmoid's N / 6) within an ulp of x of a
 * rounding boundary, that is x = 6 mu - 3 +- ulp(x) for mu a midpoint between two doubles (for
 * {@link Sixth#nearest}) or between two floats (for {@link Sixth#of} rounding to odd, narrowed
 * once). Tiny x have the finest grid, so the value can come closest to a midpoint there; the
 * arguments span |x| from 2^-60 to 3. The truth is BigDecimal arithmetic, rounded by
 * BigDecimal.doubleValue and Float.parseFloat (both correctly rounded).
 */
class SixthTest {

  private static final MathContext DIGITS = new MathContext(80);
  private static final BigDecimal THREE = BigDecimal.valueOf(3);
  private static final BigDecimal SIX = BigDecimal.valueOf(6);

  /** Arguments x = 6 mu - 3, then one ulp up or down, for mu the midpoint above a grid point near (x0 + 3) / 6. */
  private static double[] nearMidpoints(long seed, int count, boolean floatGrid) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[count];
    int i = 0;
    while (i < count) {
      double x0 = Math.scalb(1 + r.nextDouble(), -r.nextInt(0, 61)) * (r.nextBoolean() ? 1 : -1);
      double v0 = (x0 + 3) / 6;
      double ulp = floatGrid ? Math.ulp((float) v0) : Math.ulp(v0);
      double grid = floatGrid ? (float) v0 : v0;
      BigDecimal mu = new BigDecimal(grid).add(new BigDecimal(ulp / 2));
      double candidate = mu.multiply(SIX).subtract(THREE).doubleValue();
      candidate = r.nextBoolean() ? Math.nextUp(candidate) : Math.nextDown(candidate);
      if (candidate > -3 && candidate < 3) {
        x[i++] = candidate;
      }
    }
    return x;
  }

  private static BigDecimal exact(double x) {
    return new BigDecimal(x).add(THREE).divide(SIX, DIGITS);
  }

  @Test
  void nearest_correctlyRoundedNextToDoubleMidpoints() {
    for (double x : nearMidpoints(3, 10_000, false)) {
      double s = x + 3;
      double got = Sixth.nearest(s, DoubleDouble.twoSumError(x, 3, s));
      assertEquals(exact(x).doubleValue(), got, () -> "(" + Double.toHexString(x) + " + 3) / 6");
    }
  }

  @Test
  void roundedToOdd_narrowsCorrectlyNextToFloatMidpoints() {
    for (double x : nearMidpoints(5, 10_000, true)) {
      double s = x + 3;
      double odd = Sixth.of(s, DoubleDouble.twoSumError(x, 3, s), FinalRounding.TO_ODD);
      assertEquals(Float.parseFloat(exact(x).toString()), (float) odd,
          () -> "(" + Double.toHexString(x) + " + 3) / 6 in float32");
    }
  }
}
