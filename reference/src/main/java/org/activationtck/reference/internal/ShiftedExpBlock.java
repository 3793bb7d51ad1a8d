package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * {@link ShiftedExp}'s terms e^(sign x_i - shift) over a block of up to {@link #LENGTH}
 * arguments, with {@link FastExpBlock} in place of the per-element exponential: the same
 * operations in the same order, so bit for bit the same hi and lo (and {@link
 * ShiftedExp#RELATIVE_ERROR}) for differences in [{@link ShiftedExp#LOWEST}, 0].
 *
 * <p>Passes (see FastExpBlock for why): the block of x is copied into scratch so that every
 * array of the short loops is indexed alike; one loop forms d + dl = sign x_i - shift (TwoSum),
 * the argument max(d, LOWEST) and an indicator g = 1 for d >= LOWEST, 0 below (arithmetic, not a
 * select: see {@link #indicator}); FastExpBlock's passes give e^max(d, LOWEST) = h + l; one loop
 * folds dl in as ShiftedExp does and multiplies both parts by g (exact: by 1 or by 0).
 *
 * <p>Below LOWEST the terms are hi = +0.0 and lo = +-0.0 (ShiftedExp: +0.0 for both; callers
 * only add them). NaN differences give NaN (ShiftedExp: 0); callers pass finite differences.
 *
 * <p>Not thread-safe: an instance is scratch space for one caller at a time (about 30 KiB with
 * its FastExpBlock).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ShiftedExpBlock {

  /** The most arguments per call. */
  public static final int LENGTH = FastExpBlock.LENGTH;

  private static final double LOWEST = ShiftedExp.LOWEST;

  private final FastExpBlock exp = new FastExpBlock();
  /** The block of x, then e^max(d, LOWEST)'s high part. */
  private final double[] arguments = new double[LENGTH];
  /** max(d, LOWEST). */
  private final double[] differences = new double[LENGTH];
  /** dl, the TwoSum error of sign x_i - shift. */
  private final double[] differenceLows = new double[LENGTH];
  /** 1 for d >= LOWEST, 0 below. */
  private final double[] indicators = new double[LENGTH];
  /** e^max(d, LOWEST)'s low part. */
  private final double[] expLows = new double[LENGTH];

  /**
   * Writes e^(sign x[from + i] - shift) to hi[i] + lo[i] for i < n (note: hi and lo from index
   * 0), for sign = 1 or -1 and finite differences sign x - shift <= 0; bit for bit {@link
   * ShiftedExp#shifted} for differences >= {@link ShiftedExp#LOWEST}, hi = +0.0 and lo = +-0.0
   * below. {@code allInDomain} true promises that no difference lies below LOWEST (callers know
   * from the smallest element: the rounded difference is monotone in x), which saves the
   * indicator pass.
   *
   * @throws IllegalArgumentException if n exceeds {@link #LENGTH}
   */
  public void shifted(double[] x, int from, int n, double sign, double shift, double[] hi,
      double[] lo, boolean allInDomain) {
    if (n > LENGTH) {
      throw new IllegalArgumentException("block of " + n + " > " + LENGTH + " arguments");
    }
    double[] a = arguments;
    double[] d = differences;
    double[] dl = differenceLows;
    double[] g = indicators;
    System.arraycopy(x, from, a, 0, n);
    for (int i = 0; i < n; i++) {
      double v = sign * a[i];
      double di = v - shift;
      double dv = di - v;
      dl[i] = (v - (di - dv)) + (-shift - dv); // TwoSum error of v - shift
      d[i] = di;
    }
    if (!allInDomain) {
      indicator(d, g, n);
    }
    exp.exp(d, a, expLows, n);
    double[] el = expLows;
    if (allInDomain) {
      for (int i = 0; i < n; i++) {
        double h = a[i];
        double l = Math.fma(h, dl[i], el[i]);
        double s = h + l;
        hi[i] = s;
        lo[i] = l - (s - h);
      }
    } else {
      for (int i = 0; i < n; i++) {
        double h = a[i];
        double l = Math.fma(h, dl[i], el[i]);
        double s = h + l;
        double gi = g[i];
        hi[i] = s * gi;
        lo[i] = (l - (s - h)) * gi;
      }
    }
  }

  /**
   * g[i] = 1 for d[i] >= LOWEST, else 0, and d[i] raised to LOWEST, without a branch (on mixed
   * data a branch would mispredict). q = (d - LOWEST) + 2^-44: for d >= LOWEST, d - LOWEST >= 0
   * (rounding to nearest keeps the sign of an exact difference) so q >= 2^-44; for d < LOWEST =
   * -680, d lies in a binade with ulp >= 2^-43, so d <= LOWEST - 2^-43 and d - LOWEST <= -2^-43
   * (exact down to d = -1360 by Sterbenz, far below that anyway), so q <= -2^-44 (the sum is
   * exact or rounds within its binade). q 2^60 is then >= 2^16 or <= -2^16 (or infinite), and
   * clamping to [0, 1] gives exactly 1 or +0.0.
   */
  private static void indicator(double[] d, double[] g, int n) {
    for (int i = 0; i < n; i++) {
      double di = d[i];
      g[i] = Math.min(Math.max(((di - LOWEST) + 0x1p-44) * 0x1p60, 0.0), 1.0);
      d[i] = Math.max(di, LOWEST);
    }
  }
}
