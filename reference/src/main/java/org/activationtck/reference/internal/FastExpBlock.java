package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * {@link FastExpDoubleDouble#exp} and {@link FastExpDoubleDouble#expm1} over a block of up to
 * {@link #LENGTH} arguments, bit for bit the same hi and lo (so the same error bounds), in about
 * half the time: the per-element method does not vectorize, these loops do.
 *
 * <p>Why passes. C2's SuperWord pass (JDK 17) turns a counted loop into SIMD code only when its
 * body is straight-line arithmetic on arrays indexed by the loop variable alone; it gives up on
 * the conversions and table loads of the reconstruction, and long bodies (past roughly fifteen
 * vector operations) were seen to compile several times slower in steady state. So the work is
 * split into short loops over scratch arrays that stay in L1:
 * <ol>
 *   <li>the domain test as an additive guard, +0.0 or NaN (vectorized);
 *   <li>reduction, in two loops: the shifted k, then rh, rl (vectorized);
 *   <li>the polynomial m = mh + ml (vectorized);
 *   <li>the only scalar loop: k's low bits, the table loads, 2^floor(k/256) by the exponent field,
 *       plus the guard (outside the domain th' is NaN, so hi and lo come out NaN);
 *   <li>the reconstruction (vectorized).
 * </ol>
 * Every step is the same IEEE operation, in the same order, as in {@link FastExpDoubleDouble};
 * only the domain test moved from the argument (where NaN entered the reduction) to th' (where
 * NaN enters the reconstruction), which yields NaN in both parts either way. Measured on 2^20
 * arguments in [-10, 10]: 3.4 ns per element against 6.5 for the per-element method and 4.0 for
 * Math.exp (no double-double).
 *
 * <p>Each loop is a method of its own: C2 compiles a hot loop on its own first (on-stack
 * replacement), and a method holding several loops was compiled once per loop before its normal
 * compilation, which slowed the warm-up (measured by the softplus branch on FastLog1pBlock).
 *
 * <p>Not thread-safe: an instance is scratch space for one caller at a time (a few KiB; make one
 * per array call).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FastExpBlock {

  /** The most arguments per call: with the caller's arrays, the scratch stays within L1. */
  public static final int LENGTH = 256;

  private static final int LOG2_N = ExpReductionTable.LOG2_N;
  private static final int N = ExpReductionTable.N;
  private static final double SHIFT = FastExpDoubleDouble.SHIFT;
  private static final double INV_LN2_N = ExpReductionTable.INV_LN2_N;
  private static final double C1 = ExpReductionTable.LN2_N_HI;
  private static final double C2 = ExpReductionTable.LN2_N_MID;
  private static final double C3 = ExpReductionTable.LN2_N_LO;

  /** The shifted k (x 256 / ln 2 + 1.5 * 2^52), then nothing. */
  private final double[] shifted = new double[LENGTH];
  /** rh, then mh. */
  private final double[] high = new double[LENGTH];
  /** rl, then ml. */
  private final double[] low = new double[LENGTH];
  /** k C2 rounded, then th'. */
  private final double[] scale = new double[LENGTH];
  /** tr. */
  private final double[] rest = new double[LENGTH];
  /** The arguments expm1 reduces (x raised to -700). */
  private final double[] raised = new double[LENGTH];
  /** +0.0 for arguments in the domain, NaN outside (see {@link #guard}). */
  private final double[] guards = new double[LENGTH];

  /**
   * hi[i] + lo[i] = e^x[i] for i < n, bit for bit {@link FastExpDoubleDouble#exp(double, double[],
   * int)} (NaN in both parts outside its domain).
   *
   * @throws IllegalArgumentException if n exceeds {@link #LENGTH}
   * @throws ArrayIndexOutOfBoundsException if an array is shorter than n
   */
  public void exp(double[] x, double[] hi, double[] lo, int n) {
    checkLength(n);
    guard(x, n, FastExpDoubleDouble.EXP_LOW, FastExpDoubleDouble.EXP_HIGH);
    reduce(x, n);
    polynomial(n);
    scales(n);
    reconstructExp(hi, lo, n);
  }

  /**
   * hi[i] + lo[i] = e^x[i] - 1 for i < n, bit for bit {@link FastExpDoubleDouble#expm1(double,
   * double[], int)} (NaN in both parts outside its domain).
   *
   * @throws IllegalArgumentException if n exceeds {@link #LENGTH}
   * @throws ArrayIndexOutOfBoundsException if an array is shorter than n
   */
  public void expm1(double[] x, double[] hi, double[] lo, int n) {
    checkLength(n);
    // The domain is tested on x, not y: -Infinity is raised to -700 but lies outside.
    guard(x, n, -Double.MAX_VALUE, FastExpDoubleDouble.EXPM1_HIGH);
    raise(x, n);
    reduce(raised, n);
    polynomial(n);
    scales(n);
    reconstructExpm1(hi, lo, n);
  }

  /** raised[i] = max(x[i], -700), as FastExpDoubleDouble.expm1 raises its argument. */
  private void raise(double[] x, int n) {
    double[] y = raised;
    for (int i = 0; i < n; i++) {
      y[i] = Math.max(x[i], FastExpDoubleDouble.EXPM1_FLOOR);
    }
  }

  /** Step 4 for e^x: hi + lo = th' + th' mh + th' (ml + tr + tr mh), renormalized. */
  private void reconstructExp(double[] hi, double[] lo, int n) {
    double[] th = scale;
    double[] tr = rest;
    double[] mh = high;
    double[] ml = low;
    for (int i = 0; i < n; i++) {
      double t = th[i];
      double m = mh[i];
      double p = t * m;
      double h = t + p;
      double l = ((t - h) + p) + (Math.fma(t, m, -p) + t * (ml[i] + Math.fma(tr[i], m, tr[i])));
      double s = h + l;
      lo[i] = l - (s - h);
      hi[i] = s;
    }
  }

  /** Step 4 for e^x - 1: (th' - 1) + th' mh + the same tail, renormalized. */
  private void reconstructExpm1(double[] hi, double[] lo, int n) {
    double[] th = scale;
    double[] tr = rest;
    double[] mh = high;
    double[] ml = low;
    for (int i = 0; i < n; i++) {
      double t = th[i];
      double m = mh[i];
      double p = t * m;
      double d = t - 1;
      double de = t - (d + 1);
      double h = d + p;
      double l = ((d - h) + p) + (de + (Math.fma(t, m, -p) + t * (ml[i] + Math.fma(tr[i], m, tr[i]))));
      double s = h + l;
      lo[i] = l - (s - h);
      hi[i] = s;
    }
  }

  /** Step 1: shifted[i], and r = high[i] + low[i] (FastExpDoubleDouble's reducedExpm1). */
  private void reduce(double[] x, int n) {
    double[] sh = shifted;
    double[] rh = high;
    double[] rl = low;
    double[] ph = scale;
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      double s = xi * INV_LN2_N + SHIFT;
      double kd = s - SHIFT;
      double a = Math.fma(-kd, C1, xi);
      double p = kd * C2;
      double h = a - p;
      double v = h - a;
      sh[i] = s;
      ph[i] = p;
      rh[i] = h;
      rl[i] = (a - (h - v)) - (p + v);
    }
    reduceRest(n);
  }

  /** Step 1's last part: rl -= k C3 + the error of k C2's rounding. */
  private void reduceRest(int n) {
    double[] sh = shifted;
    double[] rl = low;
    double[] ph = scale;
    for (int i = 0; i < n; i++) {
      double kd = sh[i] - SHIFT;
      rl[i] = rl[i] - Math.fma(kd, C3, Math.fma(kd, C2, -ph[i]));
    }
  }

  /** Step 2: high[i] + low[i] becomes m = e^r - 1 (the same Horner scheme and sums). */
  private void polynomial(int n) {
    double[] hh = high;
    double[] ll = low;
    for (int i = 0; i < n; i++) {
      double rh = hh[i];
      double rl = ll[i];
      double r2 = rh * rh;
      double cubic = rh * Math.fma(rh, Math.fma(rh, Math.fma(rh, 1.0 / 720, 1.0 / 120), 1.0 / 24), 1.0 / 6);
      double half = 0.5 * r2;
      double mh = rh + half;
      hh[i] = mh;
      ll[i] = ((rh - mh) + half) + (0.5 * Math.fma(rh, rh, -r2) + Math.fma(r2, cubic, Math.fma(rl, rh, rl)));
    }
  }

  /**
   * guards[i] = +0.0 for x[i] in [low, high], NaN outside and for NaN, without a branch (with
   * arguments on both sides of a bound a branch would mispredict half the time): q = x - clamp(x)
   * is 0 inside, NaN for NaN x, and else at least 2^-53 in magnitude (the bounds are at least 2^-1
   * in magnitude or infinite x meets -Double.MAX_VALUE), so q 2^2046 is 0 or infinite, and q 2^2046
   * minus itself is +0.0 or NaN. th' + guards[i] is then th' or NaN.
   */
  private void guard(double[] x, int n, double low, double high) {
    double[] g = guards;
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      double q = (xi - Math.min(Math.max(xi, low), high)) * 0x1p1023 * 0x1p1023;
      g[i] = q - q;
    }
  }

  /**
   * Step 3, scalar: scale[i] = th' = 2^floor(k/256) th, NaN outside the domain (th' +
   * guards[i]), and rest[i] = tr for j = k mod 256.
   */
  private void scales(int n) {
    double[] sh = shifted;
    double[] g = guards;
    double[] th = scale;
    double[] tr = rest;
    double[] table = FastExpDoubleDouble.TABLE;
    for (int i = 0; i < n; i++) {
      int k = (int) Double.doubleToRawLongBits(sh[i]);
      int j = 2 * (k & (N - 1));
      double t = Double.longBitsToDouble(
          Double.doubleToRawLongBits(table[j]) + ((long) (k >> LOG2_N) << 52));
      th[i] = t + g[i];
      tr[i] = table[j + 1];
    }
  }

  private static void checkLength(int n) {
    if (n > LENGTH) {
      throw new IllegalArgumentException("block of " + n + " > " + LENGTH + " arguments");
    }
  }
}
