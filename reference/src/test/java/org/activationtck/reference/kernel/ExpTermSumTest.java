package org.activationtck.reference.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.ShiftedExp;
import org.activationtck.reference.kernel.ExpTermSum;
import org.junit.jupiter.api.Test;


/**
 * {@link ExpTermSum}'s summation against the exact (BigDecimal) sum of the very terms it returns:
 * the summation part of {@link ExpTermSum#relativeError} (everything but the terms' own error,
 * which ShiftedExpTest holds), over lengths around the block and chunk sizes where lanes and
 * chunks change, on one instance reused as the per-thread scratch is.
 */
class ExpTermSumTest {

  private static final MathContext CONTEXT = new MathContext(60);

  private static double[] logits(SplittableRandom r, int n, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (r.nextDouble() * 2 - 1) * scale;
    }
    return x;
  }

  private static double summationError(DoubleDouble sum, BigDecimal exact) {
    BigDecimal got = new BigDecimal(sum.hi).add(new BigDecimal(sum.lo));
    return got.subtract(exact).abs().divide(exact, new MathContext(10)).doubleValue();
  }

  @Test
  void required_terms_sumWithinTheSummationBound() {
    SplittableRandom r = new SplittableRandom(11);
    ExpTermSum terms = new ExpTermSum();
    for (int n : new int[] {1, 2, 255, 256, 257, 4000, 16384, 16385, 40000}) {
      for (double scale : new double[] {1e-9, 10, 400}) {
        double sign = n % 2 == 0 ? 1 : -1;
        double[] x = logits(r, n, scale);
        double m = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        for (double v : x) {
          m = Math.max(m, sign * v);
          lowest = Math.min(lowest, sign * v);
        }
        double[] hi = new double[n];
        double[] lo = new double[n];
        DoubleDouble sum = terms.terms(x, sign, m, hi, lo, 0, n, lowest);
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
          exact = exact.add(new BigDecimal(hi[i])).add(new BigDecimal(lo[i]));
        }
        double bound = ExpTermSum.relativeError(n) - ShiftedExp.RELATIVE_ERROR;
        double error = summationError(sum, exact);
        assertTrue(error <= bound, "n=" + n + " scale=" + scale + ": summation error 2^"
            + Math.log(error) / Math.log(2) + " above 2^" + Math.log(bound) / Math.log(2));
      }
    }
  }

  @Test
  void required_sumExcept_leavesOutOneTerm() {
    SplittableRandom r = new SplittableRandom(12);
    ExpTermSum terms = new ExpTermSum();
    for (int n : new int[] {1, 2, 300, 20000}) {
      double[] x = logits(r, n, 30);
      int skip = r.nextInt(n);
      double shift = Double.NEGATIVE_INFINITY;
      double lowest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        lowest = Math.min(lowest, x[i]);
        if (i != skip) {
          shift = Math.max(shift, x[i]);
        }
      }
      if (n == 1) {
        shift = x[0];
      }
      x[skip] = Math.min(x[skip], shift); // every difference <= 0
      lowest = Math.min(lowest, x[skip]);
      double[] hi = new double[n];
      double[] lo = new double[n];
      ShiftedExp.shifted(x, 1, shift, hi, lo, 0, n);
      BigDecimal exact = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        if (i != skip) {
          exact = exact.add(new BigDecimal(hi[i])).add(new BigDecimal(lo[i]));
        }
      }
      DoubleDouble sum = terms.sumExcept(x, shift, skip, lowest);
      if (n == 1) {
        assertEquals(0.0, sum.hi + sum.lo, 0);
      } else {
        double bound = ExpTermSum.relativeError(n) - ShiftedExp.RELATIVE_ERROR;
        assertTrue(summationError(sum, exact) <= bound, "n=" + n + " skip=" + skip);
      }
    }
  }
}
