package org.activationtck.tck.reference.function;

import java.math.BigDecimal;

/**
 * e^x as an unevaluated sum hi + lo with relative error about 2^-80, for references whose
 * result is more sensitive to e^x than one rounding allows (mish near its minimum and in its
 * derivative's zero).
 *
 * <p>Method. 1. Reduction: k = rint(x / ln 2), r = x - k ln 2 with ln 2 split into three parts;
 * the first has 32 significant bits (fdlibm's ln2HI), so k * LN2_HI is exact for |k| < 2^21 and
 * x - k * LN2_HI is exact (Sterbenz); the rest is folded in with {@link Math#fma}, giving r as a
 * double-double, |r| <= 0.347. 2. Approximation: s = r / 2^8 (exact), |s| < 1.36e-3;
 * expm1(s) = s + s^2 (1/2 + s/6 + ... + s^5/5040), truncation below s^8/8! (relative 2^-82),
 * with s^2 exact by fma and the small polynomial in double (its rounding is 2^-65 of a term that
 * is itself 7e-4 of the total). 3. Reconstruction: eight doublings m <- m (2 + m) (expm1(2s) in
 * terms of expm1(s)), which keep the relative error of m (growth below 1.5), then 1 + m and a
 * scaling by 2^k. Results in the subnormal range lose low bits in the scaling, as any double
 * would. Overflow above 709.79 (+Infinity), zero below -745.2.
 *
 * <p>Allocation-free: {@link #hi} and {@link #lo} each run the whole evaluation.
 */
final class ExpDoubleDouble {

  /** fdlibm's ln2HI: 0x3fe62e42fee00000, 32 significant bits. */
  private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
  private static final double LN2_MID;
  private static final double LN2_LO;
  private static final double INV_LN2 = 1 / Math.log(2);
  private static final int DOUBLINGS = 8;

  static {
    BigDecimal ln2 = new BigDecimal(
        "0.6931471805599453094172321214581765680755001343602552541206800094933936219696947");
    BigDecimal rest = ln2.subtract(new BigDecimal(LN2_HI));
    LN2_MID = rest.doubleValue();
    LN2_LO = rest.subtract(new BigDecimal(LN2_MID)).doubleValue();
  }

  private ExpDoubleDouble() {}

  /** The leading part of e^x (the correctly rounded e^x up to about 2^-80 relative). */
  static double hi(double x) {
    return eval(x, false, 0);
  }

  /** The trailing part: e^x - hi(x), to about 2^-80 relative of e^x. */
  static double lo(double x) {
    return eval(x, true, 0);
  }

  /**
   * The leading or trailing part of e^x * 2^scale for -1400 <= x <= 700, computed without
   * intermediate underflow (for tails whose final result is rescaled once).
   */
  static double scaled(double x, int scale, boolean low) {
    return eval(x, low, scale);
  }

  private static double eval(double x, boolean low, int scale) {
    if (x != x) {
      return x;
    }
    if (x > 709.8 && scale <= 0) {
      return low ? 0 : Double.POSITIVE_INFINITY;
    }
    if (x < -745.2 && scale == 0) {
      return 0;
    }
    double kd = Math.rint(x * INV_LN2);
    int k = (int) kd;
    double a = x - kd * LN2_HI;
    double bh = kd * LN2_MID;
    double bl = Math.fma(kd, LN2_MID, -bh) + kd * LN2_LO;
    double rh = a - bh;
    double rl = ((a - rh) - bh) - bl;
    double sh = rh * 0x1p-8;
    double sl = rl * 0x1p-8;
    // q = s^2 (1/2 + p1)
    double s2h = sh * sh;
    double s2l = Math.fma(sh, sh, -s2h) + 2 * sh * sl;
    double p1 = sh * (1.0 / 6 + sh * (1.0 / 24 + sh * (1.0 / 120 + sh * (1.0 / 720
        + sh * (1.0 / 5040)))));
    double qh = s2h * 0.5;
    double ql = s2l * 0.5 + s2h * p1;
    // m = s + q (TwoSum, |s| > |q|)
    double mh = sh + qh;
    double ml = (qh - (mh - sh)) + sl + ql;
    double t = mh + ml;
    ml = ml - (t - mh);
    mh = t;
    for (int i = 0; i < DOUBLINGS; i++) {
      // m <- 2m + m^2
      double ah = mh * mh;
      double al = Math.fma(mh, mh, -ah) + 2 * mh * ml;
      double two = 2 * mh;
      double sum = two + ah;
      double bb = sum - two;
      double err = (two - (sum - bb)) + (ah - bb) + 2 * ml + al;
      mh = sum + err;
      ml = err - (mh - sum);
    }
    // 1 + m with |m| <= 0.42: FastTwoSum.
    double h = 1 + mh;
    double l = (1 - h) + mh + ml;
    double hh = h + l;
    l = l - (hh - h);
    return low ? Math.scalb(l, k + scale) : Math.scalb(hh, k + scale);
  }
}
