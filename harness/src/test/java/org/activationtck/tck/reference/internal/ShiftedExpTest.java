package org.activationtck.tck.reference.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.activationtck.oracle.internal.Exp;
import org.junit.jupiter.api.Test;

/**
 * {@link ShiftedExp} against the oracle's exp at 40 digits: the relative error bound its class
 * comment derives (and the axis references' Ziv tests rely on), over shifted logits from 0 down
 * to -670, with low parts up to the TwoSum error of such a difference, plus the table and
 * reduction edges (multiples of ln2/256 and halfway between them).
 */
class ShiftedExpTest {

  private static void check(double xh, double xl) {
    double[] hi = new double[1];
    double[] lo = new double[1];
    ShiftedExp.into(xh, xl, hi, lo, 0);
    BigDecimal x = new BigDecimal(xh).add(new BigDecimal(xl));
    BigDecimal truth = Exp.exp(x, 40);
    BigDecimal got = new BigDecimal(hi[0]).add(new BigDecimal(lo[0]));
    double rel = got.subtract(truth).abs().divide(truth, new MathContext(10)).doubleValue();
    assertTrue(rel <= ShiftedExp.RELATIVE_ERROR, () -> "e^(" + xh + " + " + xl + "): relative "
        + "error 2^" + Math.log(rel) / Math.log(2));
    assertTrue(Math.abs(lo[0]) <= Math.ulp(hi[0]) / 2, () -> "e^(" + xh + "): lo not normalized");
  }

  @Test
  void required_randomShiftedLogits_withinTheBound() {
    SplittableRandom r = new SplittableRandom(2026);
    for (int i = 0; i < 4000; i++) {
      double xh = -r.nextDouble() * (i % 4 == 0 ? 670 : i % 4 == 1 ? 20 : 1);
      double xl = (r.nextDouble() * 2 - 1) * (i % 8 == 0 ? 0x1p-43 : Math.ulp(xh) / 2);
      check(xh, xl);
    }
  }

  @Test
  void required_reductionEdges_withinTheBound() {
    double step = Math.log(2) / 256;
    for (int k = 0; k > -70000; k -= 97) {
      for (double off : new double[] {0, step / 2, -step / 2, Math.ulp(1.0)}) {
        double xh = k * step + off;
        if (xh <= 0 && xh >= -670) {
          check(xh, 0);
          check(xh, Math.ulp(xh) / 2);
        }
      }
    }
    check(0, 0);
    check(-0x1p-60, 0x1p-114);
  }
}
