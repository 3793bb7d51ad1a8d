package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.FastExpBlock;
import org.activationtck.reference.internal.FastLog1pBlock;
import org.activationtck.reference.internal.NarrowShortcut;

/**
 * {@link Softplus#nearest} over a block of up to {@link #LENGTH} arguments, bit for bit: the same
 * IEEE operations in the same order, split into loops C2 vectorizes (see {@link FastExpBlock} for
 * why short loops over scratch arrays): z = beta (sign x) and its fma error zl, E = e^-|z| by
 * {@link FastExpBlock#exp}, zl's share of E, ln(1 + E) by {@link FastLog1pBlock#log1p}, the sum
 * max(z, 0) + ln(1 + E) (+ zl for z > 0) and the quotient by beta, and the ends of Ziv's interval.
 * The sign of z enters as {@link Step#positive}, an exact 0/1 factor, as in the scalar form: a
 * branch or select on it would mispredict on random data.
 *
 * <p>The caller keeps r[i] where {@link #decided}, else calls its scalar form: what the scalar
 * {@link Softplus#nearest} would have returned NaN for (Ziv's test failed, |z| > 680, NaN or
 * infinite z). The narrow dtypes use r itself: r is h + l rounded once, |h + l - v| <=
 * {@link #FAST_DOUBLE_DOUBLE_BOUND} |v|, within |r - v| <= (2^-53 + 2^-63) |r| where r
 * is normal (see {@link Softplus}).
 *
 * <p>Not thread-safe: one instance is scratch for one array call (16 KiB, 44 KiB with the exp
 * and log1p blocks'; each loop touches a few of the arrays, 2 KiB each).
 */
public final class SoftplusBlock {

  /**
   * Relative error bound of softplus's double-double fast path (2^-65.9, see Softplus's class
   * comment), a factor 3.7 spare.
   */
  public static final double FAST_DOUBLE_DOUBLE_BOUND = 0x1p-64;

  /** The low part of E = e^-|z + zl| = e^-|z| (1 - sign(z) zl) to (z zl)^2 < 2^-86. */
  public static double shareOfZl(double z, double zl, double eh, double el) {
    // -sign(z) zl without a branch (the sign of random z is a coin flip) and in operations
    // SuperWord vectorizes (SoftplusBlock): 1 - 2 [z > 0] is -1 or 1 exactly; z = 0 has zl = 0.
    return el + eh * ((1 - 2 * Step.positive(z)) * zl);
  }


  /**
   * Relative error bound of r, the block's h + l rounded once, against the exact value
   * (2^-52.9; 5.1 2^-53 where the quotient by beta nears the subnormal range; see Softplus's
   * class comment), a factor 1.5 spare at worst, 7.5 in general: the float32 block forms keep r
   * where {@link NarrowShortcut} decides it at this bound.
   */
  public static final double NARROW_BOUND = 0x1p-50;

  /** The most arguments per block. */
  public static final int LENGTH = Math.min(FastExpBlock.LENGTH, FastLog1pBlock.LENGTH);

  private final FastExpBlock exp = new FastExpBlock();
  private final FastLog1pBlock log1p = new FastLog1pBlock();

  /** The arguments x (as loaded), then r = h + l rounded. */
  private final double[] first = new double[LENGTH];
  /** z = beta (sign x). */
  public final double[] z = new double[LENGTH];
  /** zl = beta (sign x) - z exactly (fma). */
  public final double[] zl = new double[LENGTH];
  /** -|z|, then h. */
  private final double[] second = new double[LENGTH];
  /** E's high part, then ln(1 + E)'s, then r - h's complement rl. */
  private final double[] third = new double[LENGTH];
  /** E's low part, then ln(1 + E)'s, then l. */
  private final double[] fourth = new double[LENGTH];
  /** The lower end of Ziv's interval. */
  private final double[] lower = new double[LENGTH];
  /** The upper end of Ziv's interval. */
  private final double[] upper = new double[LENGTH];

  /** x[from .. from + n) into the block (n <= LENGTH). */
  public void load(double[] x, int from, int n) {
    System.arraycopy(x, from, first, 0, n);
  }

  /** x[from .. from + n) into the block, widened exactly (n <= LENGTH). */
  public void load(float[] x, int from, int n) {
    double[] xs = first;
    for (int i = 0; i < n; i++) {
      xs[i] = x[from + i];
    }
  }

  /**
   * Softplus#nearest's h + l for z = beta (sign x[i]) of the loaded x, i < n: leaves z, zl, the
   * rounded sum in {@link #r} (NaN for |z| > 680 or NaN z) and, when {@code ends}, the ends of
   * Ziv's interval for {@link #decided}.
   */
  public void evaluate(int n, double sign, double beta, boolean ends) {
    arguments(n, sign, beta);
    exp.exp(second, third, fourth, n);
    shareOfZl(n);
    log1p.log1p(third, fourth, third, fourth, n);
    sum(n);
    if (beta != 1) {
      divide(n, beta);
    }
    round(n);
    if (ends) {
      ends(n);
    }
  }

  // One loop per method: C2 compiles (and, for loops that run hot before their method does,
  // OSR-compiles) each on its own, which keeps the warm-up short.

  /** z, zl, and -|z| into second. */
  private void arguments(int n, double sign, double beta) {
    double[] xs = first;
    double[] a = second;
    double[] zs = z;
    double[] zls = zl;
    for (int i = 0; i < n; i++) {
      double xi = sign * xs[i];
      double zi = beta * xi;
      zs[i] = zi;
      zls[i] = Math.fma(beta, xi, -zi);
      a[i] = -Math.abs(zi);
    }
  }

  /** E's low part (fourth) with zl's share. */
  private void shareOfZl(int n) {
    double[] zs = z;
    double[] zls = zl;
    double[] eh = third;
    double[] el = fourth;
    for (int i = 0; i < n; i++) {
      el[i] = shareOfZl(zs[i], zls[i], eh[i], el[i]);
    }
  }

  /** Softplus.combine's sum, see there: h into second, l into fourth. */
  private void sum(int n) {
    double[] zs = z;
    double[] zls = zl;
    double[] lh = third;
    double[] ll = fourth;
    double[] h = second;
    double[] l = fourth;
    for (int i = 0; i < n; i++) {
      double zi = zs[i];
      double zp = Math.max(zi, 0);
      double lhi = lh[i];
      double s = zp + lhi;
      h[i] = s;
      l[i] = DoubleDouble.twoSumError(zp, lhi, s) + (ll[i] + zls[i] * Step.positive(zi));
    }
  }

  /** (h + l) / beta with one fma correction, in place. */
  private void divide(int n, double beta) {
    double[] h = second;
    double[] l = fourth;
    for (int i = 0; i < n; i++) {
      double hi = h[i];
      double q = hi / beta;
      l[i] = (Math.fma(-q, beta, hi) + l[i]) / beta;
      h[i] = q;
    }
  }

  /** r = h + l rounded into first, its error rl into third. */
  private void round(int n) {
    double[] h = second;
    double[] l = fourth;
    double[] r = first;
    double[] rl = third;
    for (int i = 0; i < n; i++) {
      double hi = h[i];
      double li = l[i];
      double s = hi + li;
      r[i] = s;
      rl[i] = li - (s - hi);
    }
  }

  /** The ends of Ziv's interval, as ZivRounding.decides(r, rl, bound |r|, false) forms them. */
  private void ends(int n) {
    double[] r = first;
    double[] rl = third;
    double[] lo = lower;
    double[] up = upper;
    for (int i = 0; i < n; i++) {
      double s = r[i];
      double err = FAST_DOUBLE_DOUBLE_BOUND * Math.abs(s);
      double t = rl[i];
      lo[i] = s + (t - err);
      up[i] = s + (t + err);
    }
  }

  /**
   * The float64 block form of {@link Softplus#nearest} for {@code sign} x[i], i in [from, to):
   * y[i] = sign r where {@link #decided} and not z > cut (pytorch's threshold; +Infinity for
   * none), else NaN, listed in pending; returns how many it listed. sign is 1 (softplus) or -1 (log_sigmoid,
   * -softplus(-x)).
   */
  public int nearest(double[] x, double[] y, int from, int to, double sign, double beta, double cut,
      int[] pending) {
    int n = to - from;
    load(x, from, n);
    evaluate(n, sign, beta, true);
    int undecided = 0;
    for (int i = 0; i < n; i++) {
      if (decided(i) & !(z[i] > cut)) {
        y[from + i] = sign * first[i];
      } else {
        y[from + i] = Double.NaN;
        pending[undecided++] = from + i;
      }
    }
    return undecided;
  }

  /**
   * The float32 block form: y[i] = (float) (sign r) where {@link NarrowShortcut#decides}(r,
   * {@link #NARROW_BOUND}) and not z > cut, else NaN, listed in pending (see {@link
   * #nearest(double[], double[], int, int, double, double, double, int[])}); returns how many.
   */
  public int narrow(float[] x, float[] y, int from, int to, double sign, double beta, double cut,
      int[] pending) {
    int n = to - from;
    load(x, from, n);
    evaluate(n, sign, beta, false);
    int undecided = 0;
    if (cut == Double.POSITIVE_INFINITY) { // no threshold: the loop without z (measured 8% of log_sigmoid)
      for (int i = 0; i < n; i++) {
        double r = first[i];
        boolean decided = NarrowShortcut.decides(r, NARROW_BOUND);
        y[from + i] = decided ? (float) (sign * r) : Float.NaN;
        undecided += decided ? 0 : 1;
      }
    } else {
      for (int i = 0; i < n; i++) {
        double r = first[i];
        boolean decided = NarrowShortcut.decides(r, NARROW_BOUND) & !(z[i] > cut);
        y[from + i] = decided ? (float) (sign * r) : Float.NaN;
        undecided += decided ? 0 : 1;
      }
    }
    return undecided == 0 ? 0 : FastPathKernel.listNaN(y, from, to, pending);
  }

  /** h + l rounded, after {@link #evaluate}. */
  public double r(int i) {
    return first[i];
  }

  /**
   * Whether Ziv's test decides r(i) after {@link #evaluate} with ends: exactly where the scalar
   * {@link Softplus#nearest} returns r rather than NaN.
   */
  public boolean decided(int i) {
    double s = first[i];
    return (lower[i] == s) & (upper[i] == s);
  }
}
