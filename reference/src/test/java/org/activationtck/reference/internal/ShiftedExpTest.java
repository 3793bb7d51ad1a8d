package org.activationtck.reference.internal;

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

  /** e^(sign v - shift) against the oracle; sign v - shift is not rounded first. */
  private static void check(double v, double sign, double shift) {
    double[] hi = new double[1];
    double[] lo = new double[1];
    ShiftedExp.shifted(new double[] {v}, sign, shift, hi, lo, 0, 1);
    BigDecimal x = new BigDecimal(v).multiply(BigDecimal.valueOf(sign))
        .subtract(new BigDecimal(shift));
    BigDecimal truth = Exp.exp(x, 40);
    BigDecimal got = new BigDecimal(hi[0]).add(new BigDecimal(lo[0]));
    double rel = got.subtract(truth).abs().divide(truth, new MathContext(10)).doubleValue();
    assertTrue(rel <= ShiftedExp.RELATIVE_ERROR, () -> "e^(" + sign + " * " + v + " - " + shift
        + "): relative error 2^" + Math.log(rel) / Math.log(2));
    assertTrue(Math.abs(lo[0]) <= Math.ulp(hi[0]) / 2, () -> "e^(" + v + "): lo not normalized");
  }

  @Test
  void required_randomShiftedLogits_withinTheBound() {
    SplittableRandom r = new SplittableRandom(2026);
    for (int i = 0; i < 4000; i++) {
      double shift = (r.nextDouble() * 2 - 1) * (i % 3 == 0 ? 1e-3 : i % 3 == 1 ? 20 : 400);
      double spread = r.nextDouble() * (i % 4 == 0 ? 670 : i % 4 == 1 ? 20 : 1);
      double sign = i % 2 == 0 ? 1 : -1;
      double v = sign * (shift - spread);
      if (sign * v - shift <= 0 && sign * v - shift >= -670) {
        check(v, sign, shift);
      }
    }
  }

  @Test
  void required_reductionEdges_withinTheBound() {
    double step = Math.log(2) / 256;
    for (int k = 0; k > -70000; k -= 97) {
      for (double off : new double[] {0, step / 2, -step / 2, Math.ulp(1.0)}) {
        double d = k * step + off;
        if (d <= 0 && d >= -670) {
          check(d, 1, 0);
          check(d + 0.1, 1, 0.1); // the difference rounded: a low part
          check(-d + 3, -1, 3);
        }
      }
    }
    check(0, 1, 0);
    check(1e-20, 1, 1e-20);
  }
}
