package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;

/**
 * The fast paths of gelu's exact form, x Phi(x) = x (1 + erf(s x))/2 with s = 1/sqrt 2 as the
 * dialect holds it ({@link GeluScales}), and of its derivative, allocation-free in plain double-double arithmetic (pairs of doubles, no objects),
 * with a proved error bound and Ziv's rounding test ({@link FastPathRounding}); NaN when the
 * bound does not decide, and for inputs
 * outside 2^-60 <= |x|, -36.8 <= x <= 12, where {@link Gelu}'s accurate path runs.
 *
 * <p>Method. t = s |x|; 2t^2 = q x^2 with q = 2 s^2 (x^2 exact by fma; exact for s = 1/sqrt 2,
 * else within 2^-103 relative, which adds at most 2^-95 to the sums below); E = e^(-t^2) =
 * e^(-h) (1 - l) for t^2 = h + l, e^(-h) from {@link FastExpDoubleDouble} (2^-77; h <= 678 for
 * every dialect's s stays in its domain), the dropped l^2/2 below 2^-86: E within 2^-76.9
 * relative. Below, x^2 stands for q x^2 = 2t^2.
 * <ol>
 *   <li>t < 3 (|x| < 4.243): erf(t) = (2/sqrt pi) E S, S = sum a_n, a_0 = t, a_(n+1) = a_n x^2
 *       / (2n + 3) (DLMF 7.6.2; positive terms). The sum stops after the first a_N with x^2 <=
 *       (2N + 3)/2 and a_N <= 2^-80 S: the remaining terms shrink by at least 1/2 each, so
 *       their sum is at most a_N. Each term carries at most 4 roundings of 2^-104 per step
 *       (under 200 steps: 2^-94), the sum 2^-105 per step: S within 2^-79.8, erf within
 *       {@link #BOUND} = 2^-76 relative. Then x Phi(x) = x (1 + erf)/2 for x > 0 (no
 *       cancellation) and x (1 - erf)/2 = x erfc/2 for x < 0, which cancels by up to
 *       1/erfc(3) < 2^15.5: the bound passed on is absolute, 2^-76 |x| erf/2, so the
 *       cancellation costs fallbacks (up to 2^-7.5 of the inputs next to t = 3), not accuracy.
 *   <li>t >= 3: erfc(t) = E 2t / (sqrt(pi) F), F Laplace's continued fraction 2t^2 + 1 -
 *       1*2/(2t^2 + 5 - 3*4/(2t^2 + 9 - ...)), evaluated backwards from depth 60 (t < 4), 40
 *       (t < 6) or 20, as {@link org.activationtck.reference.internal.ErfcDoubleDouble} does
 *       with objects (truncation below 10^-34, measured there; the same recurrence in the same
 *       double-double arithmetic measured below 10^-29 relative, 2^-96). erfc within 2^-76.5.
 *       x Phi(x) = x erfc/2 (x < 0) or x (1 - erfc/2) (x > 0): absolute bound 2^-76 |x| erfc/2.
 * </ol>
 * Both bounds get 2^-100 |f| added for the last double-double products and sums.
 */
public final class GeluExactFastPath {

  /** Relative error bound of erf (series) and erfc (continued fraction), see the class comment. */
  public static final double BOUND = 0x1p-76;

  /** Below -36.8, t^2 exceeds 677 (678 with a float16 s): FastExpDoubleDouble stops at -680. */
  public static final double LOW = -36.8;

  /** Above 12 the accurate path returns x (erfc(8.48)/2 < 10^-32). */
  public static final double HIGH = 12;

  /** t = s |x| below which the series runs. */
  public static final double SERIES_BELOW = 3;

  /** 2/sqrt(pi) = 0x1.20dd750429b6dp+0 + 0x1.1ae3a914fed80p-56 (1.1283791670955126). */
  private static final double TWO_OVER_SQRT_PI = 0x1.20dd750429b6dp+0;
  private static final double TWO_OVER_SQRT_PI_LO = 0x1.1ae3a914fed80p-56;

  /** Stop of the series: a term below 2^-80 of the sum (with the ratio test). */
  private static final double STOP = 0x1p-80;

  private static final int MAX_TERMS = 200;

  private GeluExactFastPath() {}

  /** x Phi(x) rounded for the dtype, or NaN when undecided or outside the range (see above). */
  public static double value(GeluScales k, double x, FinalRounding rounding, double[] scratch) {
    double a = Math.abs(x);
    if (!(a >= 0x1p-60 & x >= LOW & x <= HIGH)) {
      return Double.NaN;
    }
    double gh = twicePhi(k, x, scratch);
    double gl = scratch[1];
    double yh = x * gh;
    double yl = Math.fma(x, gh, -yh) + x * gl;
    double h = 0.5 * (yh + yl);
    double l = 0.5 * (yl - (yh + yl - yh));
    double err = BOUND * 0.5 * a * scratch[4] + 0x1p-100 * Math.abs(h);
    return FastPathRounding.round(h, l, err, rounding);
  }

  /**
   * gelu'(x) = Phi(x) + x (s/sqrt pi) E rounded for the dtype, or NaN when undecided or outside
   * the range. The density term carries E's error (2^-76.9 relative), Phi the absolute 2^-76
   * w/2 of the value; the sum cancels next to the root of f' (x0 = -0.7518), where the absolute
   * bound only makes the test fail.
   */
  public static double derivative(GeluScales k, double x, FinalRounding rounding, double[] scratch) {
    double a = Math.abs(x);
    if (!(a >= 0x1p-60 & x >= LOW & x <= HIGH)) {
      return Double.NaN;
    }
    double gh = twicePhi(k, x, scratch);
    double gl = scratch[1];
    double eh = scratch[2];
    double el = scratch[3];
    // x (s/sqrt pi) E as a double-double
    double dh = k.density.hi;
    double ph = eh * dh;
    double pl = Math.fma(eh, dh, -ph) + (eh * k.density.lo + el * dh);
    double xh = x * ph;
    double xl = Math.fma(x, ph, -xh) + x * pl;
    double sh = 0.5 * gh + xh;
    double sl = DoubleDouble.twoSumError(0.5 * gh, xh, sh) + (0.5 * gl + xl);
    double h = sh + sl;
    double err = BOUND * (0.5 * scratch[4] + Math.abs(xh)) + 0x1p-100 * (0.5 * gh + Math.abs(xh));
    return FastPathRounding.round(h, sl - (h - sh), err, rounding);
  }

  /**
   * g = 2 Phi(x) (see the class comment): returns its high part; stores into scratch its low
   * part [1], E = e^(-t^2) [2] (high) and [3] (low), and w [4], erf(t) for t &lt;
   * {@link #SERIES_BELOW}, else erfc(t), the part whose error the bounds scale with.
   */
  private static double twicePhi(GeluScales k, double x, double[] scratch) {
    double a = Math.abs(x);
    // 2t^2 = q x^2 as a double-double, named x2 as in the class comment (exact for q = 1).
    double sqh = x * x;
    double sql = Math.fma(x, x, -sqh);
    double x2h = k.q.hi * sqh;
    double x2l = Math.fma(k.q.hi, sqh, -x2h) + (k.q.hi * sql + k.q.lo * sqh);
    double eh = FastExpDoubleDouble.exp(-0.5 * x2h, scratch, 0);
    double el = scratch[0] - eh * (0.5 * x2l);
    scratch[2] = eh;
    scratch[3] = el;
    // t = s |x| as a double-double.
    double th = a * k.s.hi;
    double tl = Math.fma(a, k.s.hi, -th) + a * k.s.lo;
    double wh;
    double wl;
    boolean series = th < SERIES_BELOW;
    if (series) {
      double sh = th;
      double sl = tl;
      double ah = th;
      double al = tl;
      int n = 0;
      for (; n < MAX_TERMS; n++) {
        double ph = ah * x2h;
        double pl = Math.fma(ah, x2h, -ph) + (ah * x2l + al * x2h);
        double d = 2 * n + 3;
        ah = ph / d;
        al = (Math.fma(-ah, d, ph) + pl) / d;
        double s = sh + ah;
        double e = DoubleDouble.twoSumError(sh, ah, s) + (sl + al);
        sh = s + e;
        sl = e - (sh - s);
        if (x2h <= 0.5 * d && ah <= sh * STOP) {
          break;
        }
      }
      if (n == MAX_TERMS) {
        scratch[1] = Double.NaN;
        return Double.NaN;
      }
      // erf = (2/sqrt pi) E S
      double ph = eh * sh;
      double pl = Math.fma(eh, sh, -ph) + (eh * sl + el * sh);
      wh = TWO_OVER_SQRT_PI * ph;
      wl = Math.fma(TWO_OVER_SQRT_PI, ph, -wh) + (TWO_OVER_SQRT_PI * pl + TWO_OVER_SQRT_PI_LO * ph);
    } else {
      int depth = th < 4 ? 60 : th < 6 ? 40 : 20;
      double fh = x2h + (4.0 * depth + 1);
      double fl = DoubleDouble.twoSumError(x2h, 4.0 * depth + 1, fh) + x2l;
      for (int level = depth; level >= 1; level--) {
        double c = (2.0 * level - 1) * (2.0 * level);
        double qh = c / fh;
        double ql = (Math.fma(-qh, fh, c) - qh * fl) / fh;
        double b = 4.0 * level - 3;
        double bh = x2h + b;
        double bl = DoubleDouble.twoSumError(x2h, b, bh) + x2l;
        double s = bh - qh;
        double e = DoubleDouble.twoSumError(bh, -qh, s) + (bl - ql);
        fh = s + e;
        fl = e - (fh - s);
      }
      // erfc = E t (2/sqrt pi) / F
      double nh = th * TWO_OVER_SQRT_PI;
      double nl = Math.fma(th, TWO_OVER_SQRT_PI, -nh) + (th * TWO_OVER_SQRT_PI_LO
          + tl * TWO_OVER_SQRT_PI);
      double mh = eh * nh;
      double ml = Math.fma(eh, nh, -mh) + (eh * nl + el * nh);
      wh = mh / fh;
      wl = (Math.fma(-wh, fh, mh) + ml - wh * fl) / fh;
    }
    // Phi(x) = g/2: series g = 1 + erf (x > 0) or 1 - erf (x < 0); fraction g = 2 - erfc
    // (x > 0) or erfc (x < 0). Each 1 - w or 2 - w by Fast2Sum (w <= 1 or w <= erfc(3)).
    double sign = x > 0 ? 1 : -1;
    double gh;
    double gl;
    if (series) {
      gh = 1 + sign * wh;
      gl = ((1 - gh) + sign * wh) + sign * wl;
    } else if (x > 0) {
      gh = 2 - wh;
      gl = ((2 - gh) - wh) - wl;
    } else {
      gh = wh;
      gl = wl;
    }
    scratch[4] = wh;
    double g = gh + gl;
    scratch[1] = gl - (g - gh);
    return g;
  }
}
