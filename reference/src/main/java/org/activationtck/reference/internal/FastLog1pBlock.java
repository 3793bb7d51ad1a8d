package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * {@link FastLog1pDoubleDouble#log1p} over a block of up to {@link #LENGTH} arguments, bit for bit
 * the same hi and lo (so the same contract and error bound, {@link FastLog1pDoubleDouble#ERROR}),
 * in short loops C2 vectorizes: the per-element method does not (its table load needs an integer
 * index, and its body is too long for SuperWord).
 *
 * <p>Passes, written as {@link FastExpBlock}'s (same reasons: SuperWord on JDK 17 takes only
 * straight-line arithmetic on arrays indexed by the loop variable, and bodies of more than about
 * fifteen vector operations were seen to compile several times slower):
 * <ol>
 *   <li>u = 1 + sh = uh + ue, and the table position (uh - 1) 256 + 0.5 as a double (vectorized);
 *   <li>the only scalar loop: the index j by truncation, and the loads of c_j and ln(1/c_j);
 *   <li>rho + t = rh + rl, plus sl c_j (vectorized);
 *   <li>rh - rh^2/2 = h + e (vectorized);
 *   <li>the series' tail polynomial P(rh) (vectorized);
 *   <li>the tail e + rh^2 P + rl / (1 + rh) (vectorized);
 *   <li>ln(1/c_j) + h + tail by TwoSum, and the renormalization (vectorized).
 * </ol>
 * Every step is the same IEEE operation, in the same order, on the same operands as in
 * {@link FastLog1pDoubleDouble#log1p} (rh^2 is formed twice, in steps 4 and 6, both times as the
 * same product); NaN sh takes j = 0 and gives NaN parts, as there.
 *
 * <p>Not thread-safe: an instance is scratch space for one caller at a time (a few KiB; make one
 * per array call).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FastLog1pBlock {

  /** The most arguments per call: with the caller's arrays, the scratch stays within L1. */
  public static final int LENGTH = 256;

  private static final int N = FastLog1pDoubleDouble.N;

  /** uh, then rh. */
  private final double[] first = new double[LENGTH];
  /** ue, then rl, then the tail. */
  private final double[] second = new double[LENGTH];
  /** The table position (uh - 1) N + 0.5, then h. */
  private final double[] third = new double[LENGTH];
  /** c_j, then e. */
  private final double[] fourth = new double[LENGTH];
  /** ln(1/c_j)'s high part. */
  private final double[] logHigh = new double[LENGTH];
  /** ln(1/c_j)'s low part. */
  private final double[] logLow = new double[LENGTH];
  /** P(rh). */
  private final double[] series = new double[LENGTH];

  /**
   * hi[i] + lo[i] = ln(1 + sh[i] + sl[i]) for i < n, bit for bit {@link
   * FastLog1pDoubleDouble#log1p} (same domain: 0 <= sh[i] <= 1, |sl[i]| <= 2^-40 sh[i], or NaN).
   * hi and lo may be the arrays sh and sl themselves.
   *
   * @throws IllegalArgumentException if n exceeds {@link #LENGTH}
   * @throws ArrayIndexOutOfBoundsException if an array is shorter than n, or for some sh[i] far
   *     outside the domain (as the per-element method)
   */
  public void log1p(double[] sh, double[] sl, double[] hi, double[] lo, int n) {
    if (n > LENGTH) {
      throw new IllegalArgumentException("block of " + n + " > " + LENGTH + " arguments");
    }
    split(sh, n);
    table(n);
    reduce(sl, n);
    square(n);
    series(n);
    tail(n);
    sum(hi, lo, n);
  }

  // One loop per method: C2 compiles (and, for loops that run hot before their method does,
  // OSR-compiles) each on its own, which keeps the warm-up short.

  /** Step 1: uh = 1 + sh into first, ue into second, the table position into third. */
  private void split(double[] sh, int n) {
    double[] uh = first;
    double[] ue = second;
    double[] position = third;
    for (int i = 0; i < n; i++) {
      double s = sh[i];
      double u = 1 + s;
      uh[i] = u;
      ue[i] = (1 - u) + s; // exact: 1 + sh = uh + ue
      position[i] = (u - 1) * N + 0.5;
    }
  }

  /** Step 3: rho + t = rh + rl (TwoSum), plus sl c_j: rh into first, rl into second. */
  private void reduce(double[] sl, int n) {
    double[] c = fourth;
    double[] rh = first;
    double[] rl = second;
    for (int i = 0; i < n; i++) {
      double cj = c[i];
      double rho = Math.fma(rh[i], cj, -1); // rh[i] is still uh
      double t = rl[i] * cj; // rl[i] is still ue
      double r = rho + t;
      rh[i] = r;
      rl[i] = DoubleDouble.twoSumError(rho, t, r) + sl[i] * cj;
    }
  }

  /** Step 4: rh - rh^2/2 = h + e: h into third, e into fourth. */
  private void square(int n) {
    double[] rh = first;
    double[] h = third;
    double[] e = fourth;
    for (int i = 0; i < n; i++) {
      double r = rh[i];
      double q = r * r;
      double half = 0.5 * q;
      double d = r - half;
      h[i] = d;
      e[i] = ((r - d) - half) - 0.5 * Math.fma(r, r, -q);
    }
  }

  /** Step 5: P(rh) into series. */
  private void series(int n) {
    double[] rh = first;
    double[] p = series;
    for (int i = 0; i < n; i++) {
      double r = rh[i];
      p[i] = r * (1.0 / 3 + r * (-1.0 / 4 + r * (1.0 / 5 + r * (-1.0 / 6
          + r * (1.0 / 7 + r * (-1.0 / 8 + r * (1.0 / 9)))))));
    }
  }

  /** Step 6: the tail e + rh^2 P + rl / (1 + rh) into second. */
  private void tail(int n) {
    double[] rh = first;
    double[] rl = second;
    double[] e = fourth;
    double[] p = series;
    for (int i = 0; i < n; i++) {
      double r = rh[i];
      rl[i] = e[i] + ((r * r) * p[i] + rl[i] / (1 + r));
    }
  }

  /** Step 7: ln(1/c_j) + h + tail by TwoSum, renormalized into hi and lo. */
  private void sum(double[] hi, double[] lo, int n) {
    double[] h = third;
    double[] tail = second;
    double[] th = logHigh;
    double[] tl = logLow;
    for (int i = 0; i < n; i++) {
      // ln(1/c_j) + h + tail, TwoSum (ln(1/c_j) >= 0 and h may be negative).
      double t = th[i];
      double d = h[i];
      double s = t + d;
      double bb = s - t;
      double l = ((t - (s - bb)) + (d - bb)) + (tl[i] + tail[i]);
      double r = s + l;
      lo[i] = l - (r - s);
      hi[i] = r;
    }
  }

  /** Step 2, scalar: j from the position, then c_j and ln(1/c_j) = logHigh + logLow. */
  private void table(int n) {
    double[] position = third;
    double[] c = fourth;
    double[] th = logHigh;
    double[] tl = logLow;
    double[] table = FastLog1pDoubleDouble.TABLE;
    for (int i = 0; i < n; i++) {
      int j = 3 * (int) position[i];
      c[i] = table[j];
      th[i] = table[j + 1];
      tl[i] = table[j + 2];
    }
  }
}
