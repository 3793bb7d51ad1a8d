package org.activationtck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.activationtck.oracle.internal.Log1p;
import org.junit.jupiter.api.Test;

/**
 * {@link FastLog1pDoubleDouble} against the oracle's ln(1 + s) at 40 digits (an independent
 * implementation): hi + lo within {@link FastLog1pDoubleDouble#ERROR} |hi| on random double-double
 * arguments over the whole domain, tiny ones (all of s below ulp(1)) and the table's edges.
 */
class FastLog1pDoubleDoubleTest {

  @Test
  void log1p_withinItsBound_againstOracle() {
    SplittableRandom r = new SplittableRandom(20261124);
    double[] lo = new double[1];
    double worst = 0;
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      double sh;
      switch (i % 4) {
        case 0 -> sh = r.nextDouble();
        case 1 -> sh = Math.scalb(1 + r.nextDouble(), -r.nextInt(1, 70));
        case 2 -> sh = (r.nextInt(0, 257) + r.nextDouble(-0.5, 0.5) * 0x1p-20) / 256;
        default -> sh = Math.scalb(1 + r.nextDouble(), -r.nextInt(50, 58)); // near ulp(1)
      }
      sh = Math.min(Math.max(sh, 0), 1);
      double sl = i % 3 == 0 ? 0 : sh * r.nextDouble(-1, 1) * (i % 3 == 1 ? 0x1p-53 : 0x1p-41);
      double hi = FastLog1pDoubleDouble.log1p(sh, sl, lo, 0);
      BigDecimal exact = Log1p.log1p(new BigDecimal(sh).add(new BigDecimal(sl)), 40);
      if (sh == 0) {
        continue;
      }
      BigDecimal got = new BigDecimal(hi).add(new BigDecimal(lo[0]));
      double rel = got.subtract(exact).abs().divide(exact.abs(), MathContext.DECIMAL64).doubleValue();
      worst = Math.max(worst, rel);
      if (!(rel <= FastLog1pDoubleDouble.ERROR) && failures.length() < 2000) {
        failures.append(String.format("%n  sh=%s sl=%s: relative error %s", Double.toHexString(sh),
            Double.toHexString(sl), rel));
      }
    }
    assertTrue(failures.length() == 0, "beyond the bound (worst " + worst + "):" + failures);
    assertTrue(worst > 0, "the comparison must see rounding errors");
  }
}
