package org.activationtck.reference.kernel;

import java.util.Arrays;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.ZivRounding;

/**
 * The last passes of the axis fast paths (Softmax, Softmin, LogSoftmax) over one block of at most
 * {@link #LENGTH} elements: the caller copies its block's inputs into {@link #hi} and {@link #lo}
 * and writes r + rl, the result as a double-double, into {@link #r} and {@link #rl}; {@link #test}
 * forms Ziv's interval in a vector loop, and {@link #finish} keeps the decided results and records
 * the others (a rare, so predictable, branch) for the caller's exact path.
 *
 * <p>The test is {@link ZivRounding#decides}(r, rl, err, rounding) with err = B |r| (B the caller's
 * relative bound, with its margin for the rounded ends), for r the nearest double to r + rl (the
 * callers form r + rl by FastTwoSum): with upper = fl(r + fl(rl + err)) and lower = fl(r + fl(rl -
 * err)), rounding is monotone, so lower <= fl(r + rl) = r <= upper, and gap = (upper - r) - (lower
 * - r), a non-negative minus a non-positive double, is zero exactly when both are zero (a
 * difference of finite doubles is zero only when they are equal), i.e. when both ends round to r;
 * NaN when r or err is. (Written without Math.abs, which kept this loop from vectorizing: 1.05
 * against 0.18 ns per element, measured.) For the narrow dtypes {@link #finish} also asks |rl| >
 * err.
 *
 * <p>Not thread-safe: scratch for one caller at a time (see {@link AxisScratch}).
 */
public final class ZivBlock {

  public static final int LENGTH = ExpTermSum.BLOCK;

  /** The caller's inputs (its block of terms, or of x). */
  public final double[] hi = new double[LENGTH];
  public final double[] lo = new double[LENGTH];
  /** The caller's results, r the nearest double to r + rl. */
  public final double[] r = new double[LENGTH];
  public final double[] rl = new double[LENGTH];
  private final double[] err = new double[LENGTH];
  private final double[] gap = new double[LENGTH];
  private int[] pending = new int[8];
  private int undecided;

  /** Forgets the elements recorded by earlier calls: call once per vector. */
  public void reset() {
    undecided = 0;
  }

  /** The interval of half-width B |r[i]| for i < n, B = relativeBound (see the class comment). */
  public void test(int n, double relativeBound) {
    double[] rh = r;
    double[] rr = rl;
    double[] e = err;
    double[] g = gap;
    for (int i = 0; i < n; i++) {
      double s = rh[i];
      double sl = rr[i];
      double b = Math.abs(s) * relativeBound;
      e[i] = b;
      g[i] = ((s + (sl + b)) - s) - ((s + (sl - b)) - s);
    }
  }

  /** Marks element i of the block undecided whatever its interval (a caller's own condition). */
  public void exclude(int i) {
    gap[i] = Double.NaN;
  }

  /**
   * y[start + i] = r[i] for i < n, rounded to odd towards rl[i] when rounding is TO_ODD, and records start + i
   * for each element the test does not decide (the caller overwrites those).
   */
  public void finish(double[] y, int start, int n, FinalRounding rounding) {
    double[] g = gap;
    if (rounding.toOdd()) {
      for (int i = 0; i < n; i++) {
        if (!((g[i] == 0) & (Math.abs(rl[i]) > err[i]))) {
          record(start + i);
        }
        y[start + i] = ZivRounding.toOdd(r[i], rl[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (g[i] != 0) {
          record(start + i);
        }
      }
      System.arraycopy(r, 0, y, start, n);
    }
  }

  private void record(int index) {
    if (undecided == pending.length) {
      pending = Arrays.copyOf(pending, 2 * undecided);
    }
    pending[undecided++] = index;
  }

  /** How many elements {@link #finish} recorded since {@link #reset}. */
  public int undecided() {
    return undecided;
  }

  /** The j-th recorded element's index, j < {@link #undecided}. */
  public int undecidedIndex(int j) {
    return pending[j];
  }
}
