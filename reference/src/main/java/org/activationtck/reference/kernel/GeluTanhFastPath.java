package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;

/**
 * The fast paths of gelu's tanh form, x sigma(v) with v = C (x + kappa x^3), C = 2 sqrt(2/pi) and
 * kappa = 0.044715 as the dialect holds them ({@link GeluScales}), and of its derivative: allocation-free double-double arithmetic (pairs of doubles), a proved
 * error bound and Ziv's rounding test ({@link FastPathRounding}). NaN when the bound does not
 * decide and outside the range, where {@link Gelu}'s accurate path runs.
 *
 * <p>Value, for 2^-60 <= |x| <= 10 and v >= -680 (x >= -20.6). v as a double-double: x^2 exact
 * (fma), x^3, kappa x^3 and C P as double-double products with double-double constants (C, kappa
 * within 2^-104 of the kernel's constants), x + kappa
 * x^3 by TwoSum (same signs, no cancellation): relative error below 2^-100, absolute below 2^-90
 * (|v| <= 1154). E = e^(-|v|) = e^(-|v_hi|) (1 + z) with z = |v_hi| - |v| (|z| <= 2^-42.7; the
 * dropped z^2/2 is below 2^-86 relative) and e^(-|v_hi|) from {@link FastExpDoubleDouble} (2^-77):
 * E within 2^-76.8 relative. Then x/(1 + E) (x >= 0) or x E/(1 + E) (x < 0) by one corrected
 * quotient q + c, q = n/d_hi: E's relative error reaches the result damped by E/(1 + E) <= E (x >=
 * 0) or 1/(1 + E) <= 1 (x < 0). The other errors (the roundings of d_lo, of the correction terms
 * and of c, and the dropped (d_lo/d_hi)^2) are each below 2^-51 of |c| or of |q d_lo|. Bound:
 * {@link #BOUND} (2^-76) w |f| + 2^-49 (|c| + |q d_lo|) with w = E for x >= 0 and 1 for x < 0: it
 * shrinks with E, so that x (1 - E) at large x, where the value is a whisker below a double, still
 * decides when rounding to odd. {@link FastPathRounding} rounds the result when that bound decides
 * (all but about 2^-22 of the inputs).
 *
 * <p>Derivative, same range: f' = sigma(v) (1 + s sigma(-v)) with the slope s = x C (1 + 3 kappa
 * x^2) as a double-double (2^-100), = N / d^2 with d = 1 + E and N = d + s E (x >= 0, positive
 * terms) or E (d + s) (x < 0, where d + s cancels near the root of f', x0 = -0.7525). E's error
 * (2^-76.8 relative) moves N by at most 2^-76.8 of its terms' magnitudes and d^2 by 2^-75.8;
 * the double-double roundings add 2^-100 of those magnitudes. Bound: x < 0: 2^-74 M / d^2 with
 * M = E (d + |s|); x >= 0: 2^-74 E (3 + |s|) (the parts of N and d^2 that E touches; d^2 >= 1)
 * plus 2^-52 of the low parts rounded in N and d^2 and 2^-49 of the quotient's correction, so
 * that f' just off 1 at large x still decides when rounding to odd. Near x0 the absolute bound
 * makes the test fail rather than mislead; there the accurate path's Taylor series runs.
 */
public final class GeluTanhFastPath {

  /** The fast paths stop at v = -680 ({@link FastExpDoubleDouble#EXP_LOW}). */
  public static final double V_LIMIT = -FastExpDoubleDouble.EXP_LOW;

  /** Relative error bound of the value's E-dependent part (see the class comment). */
  public static final double BOUND = 0x1p-76;

  private GeluTanhFastPath() {}

  /** gelu (tanh form) rounded for the dtype, or NaN (see the class comment). */
  public static double value(GeluScales k, double x, FinalRounding rounding, double[] scratch) {
    double eh = expMinusAbsV(k, x, scratch);
    double el = scratch[0];
    // x sigma(v) = x n / (1 + E), n = 1 (x >= 0) or E (x < 0); selects, not branches.
    double dh = 1 + eh;
    double dl = ((1 - dh) + eh) + el;
    double mh = x >= 0 ? 1 : eh;
    double ml = x >= 0 ? 0 : el;
    double nh = x * mh;
    double nl = Math.fma(x, mh, -nh) + x * ml;
    double q = nh / dh;
    double c = (Math.fma(-q, dh, nh) + nl - q * dl) / dh;
    double h = q + c;
    double err = BOUND * (x >= 0 ? eh : 1) * Math.abs(h) + 0x1p-49 * (Math.abs(c)
        + Math.abs(q * dl));
    return FastPathRounding.round(h, c - (h - q), err, rounding);
  }

  /** gelu' (tanh form) rounded for the dtype, or NaN (see the class comment). */
  public static double derivative(GeluScales k, double x, FinalRounding rounding, double[] scratch) {
    double eh = expMinusAbsV(k, x, scratch);
    double el = scratch[0];
    // s = x C (1 + 3 kappa x^2)
    double x2h = x * x;
    double x2l = Math.fma(x, x, -x2h);
    double wh = k.threeKappa.hi * x2h;
    double wl = Math.fma(k.threeKappa.hi, x2h, -wh)
        + (k.threeKappa.hi * x2l + k.threeKappa.lo * x2h);
    double oh = 1 + wh;
    double ol = DoubleDouble.twoSumError(1, wh, oh) + wl;
    double ch = k.c.hi * oh;
    double cl = Math.fma(k.c.hi, oh, -ch) + (k.c.hi * ol + k.c.lo * oh);
    double sh = x * ch;
    double sl = Math.fma(x, ch, -sh) + x * cl;
    double dh = 1 + eh;
    double dl = ((1 - dh) + eh) + el;
    double nh;
    double nl;
    double lows;
    if (x >= 0) {
      double ph = sh * eh;
      double pl = Math.fma(sh, eh, -ph) + (sh * el + sl * eh);
      nh = dh + ph;
      nl = DoubleDouble.twoSumError(dh, ph, nh) + (dl + pl);
      lows = 0x1p-74 * eh * (3 + Math.abs(sh)) + 0x1p-52 * (Math.abs(dl) + Math.abs(pl));
    } else {
      double gh = dh + sh;
      double gl = DoubleDouble.twoSumError(dh, sh, gh) + (dl + sl);
      double g = gh + gl;
      gl = gl - (g - gh);
      nh = eh * g;
      nl = Math.fma(eh, g, -nh) + (eh * gl + el * g);
      lows = 0x1p-74 * eh * (dh + Math.abs(sh)) / (dh * dh);
    }
    double qh = dh * dh;
    double ql = Math.fma(dh, dh, -qh) + 2 * dh * dl;
    double r = nh / qh;
    double c = (Math.fma(-r, qh, nh) + nl - r * ql) / qh;
    double h = r + c;
    double err = lows + 0x1p-52 * Math.abs(ql) + 0x1p-49 * Math.abs(c);
    return FastPathRounding.round(h, c - (h - r), err, rounding);
  }

  /**
   * E = e^(-|v|): returns its high part and stores the low part into scratch[0]; both NaN
   * outside the fast paths' range (see the class comment).
   */
  private static double expMinusAbsV(GeluScales k, double x, double[] scratch) {
    // v = C (x + kappa x^3): x^2 exact by fma, x^3 and the products as double-doubles.
    double x2h = x * x;
    double x2l = Math.fma(x, x, -x2h);
    double x3h = x2h * x;
    double x3l = Math.fma(x2h, x, -x3h) + x2l * x;
    double kh = k.kappa.hi * x3h;
    double kl = Math.fma(k.kappa.hi, x3h, -kh) + (k.kappa.hi * x3l + k.kappa.lo * x3h);
    double ph = x + kh;
    double pl = DoubleDouble.twoSumError(x, kh, ph) + kl;
    double vh = k.c.hi * ph;
    double vl = Math.fma(k.c.hi, ph, -vh) + (k.c.hi * pl + k.c.lo * ph);
    // Outside the range: NaN, which every rounding test rejects.
    vh = Math.abs(x) >= 0x1p-60 & x <= 10 & vh >= -V_LIMIT ? vh : Double.NaN;
    // E = e^(-|v|) = e^(-|vh|) (1 + zl), zl = -|v| + |vh|; the dropped zl^2/2 is below 2^-86.
    double zl = x >= 0 ? -vl : vl;
    double eh = FastExpDoubleDouble.exp(-Math.abs(vh), scratch, 0);
    scratch[0] += eh * zl;
    return eh;
  }
}
