package org.activationtck.tck.reference.function;

import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.ShiftedExp;

/**
 * The fast paths' sum of shifted exponentials, sum_i e^(sign x_i - shift), for softmax, softmin
 * and log_softmax: each term as a double-double by {@link ShiftedExp} (kept for the caller), the
 * sum as a double-double with a proved relative error bound ({@link #relativeError}).
 *
 * <p>Requirements: sign = 1 or -1; sign x_i - shift finite and <= 0 for every i in the range, and
 * the sum at least 1 (one term is e^0, the callers' maximum). Terms of differences below -680
 * are taken as 0 ({@link ShiftedExp}): together below n 2^-981, i.e. n 2^-981 relative to a sum
 * >= 1, inside the 2^-106 (n/256 + 1) term of the bound below for every n.
 *
 * <p>Summation, in blocks of {@link #BLOCK} = 256 terms: within a block s is the running double
 * sum of the terms' high parts and c the double sum of the TwoSum errors and of the low parts;
 * each of the 2b values c adds is below 2^-53 S_b (the block's sum), so after i steps |c| <= (i +
 * 1) 2^-53 S_b and its i-th addition errs by at most 2^-53 (i + 2) 2^-53 S_b: below (b^2 + 4b)
 * 2^-106 S_b = 2^-89.98 S_b for b = 256. Blocks are added in double-double (relative error 3 u^2 =
 * 3 2^-106 each, positive terms, Joldes et al. 2017), n/256 + 1 additions at most. Adding the
 * terms' own relative error ({@link ShiftedExp#RELATIVE_ERROR}, below 2^-76.99):
 * |sum~ - sum| <= {@link #relativeError}(n) sum.
 */
final class ExpTermSum {

  static final int BLOCK = 256;

  private ExpTermSum() {}

  /** Relative error bound of {@link #terms}' sum of n terms (see the class comment). */
  static double relativeError(int n) {
    return ShiftedExp.RELATIVE_ERROR
        + ((double) BLOCK * BLOCK + 4 * BLOCK + 3 * ((double) n / BLOCK + 1)) * 0x1p-106;
  }

  /**
   * Writes e^(sign x_i - shift) to hi[i] + lo[i] for from <= i < to and returns their sum (ZERO
   * for an empty range).
   */
  static DoubleDouble terms(double[] x, double sign, double shift, double[] hi, double[] lo,
      int from, int to) {
    DoubleDouble total = DoubleDouble.ZERO;
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      ShiftedExp.shifted(x, sign, shift, hi, lo, start, end);
      double s = 0;
      double c = 0;
      for (int i = start; i < end; i++) {
        double h = hi[i];
        double t = s + h;
        double hv = t - s;
        c += ((s - (t - hv)) + (h - hv)) + lo[i]; // TwoSum error of s + h, and the low part
        s = t;
      }
      total = DoubleDouble.add(total, DoubleDouble.of(s, c));
    }
    return total;
  }
}
