package org.activationtck.reference.function;

import static org.activationtck.reference.internal.DoubleDouble.add;
import static org.activationtck.reference.internal.DoubleDouble.div;
import static org.activationtck.reference.internal.DoubleDouble.mul;
import static org.activationtck.reference.internal.DoubleDouble.sub;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.FastPathKernel;
import org.activationtck.reference.kernel.FastPathRounding;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.spec.params.Params;


/**
 * tanh_shrink: x - tanh(x), rounded once; odd (the sign is restored from x).
 *
 * <p>Fast path (allocation-free, Ziv): an approximation hi + lo with a proved absolute error
 * bound, rounded by {@link FastPathRounding} when the bound decides the result; otherwise
 * (about one input in 2^12 at worst, see below) the accurate path that follows.
 * <ol>
 *   <li>2^-300 <= |x| < {@link #SERIES_BELOW} = 1/8: a^3 P(a^2) with a = |x| and P the Taylor
 *       series of (a - tanh a)/a^3 = 1/3 - 2t/15 + 17t^2/315 - ... (t = a^2 <= 2^-6; coefficients
 *       from mpmath at 300 bits). Terms alternate and shrink by (2/pi)^2 t < 2^-7.3: the series
 *       stops after t^11, truncation below c_12 t^12 < 2^-89 relative. c_4 .. c_11 by Horner in
 *       double (relative error below 16 * 2^-53 = 2^-49 of a part that is below 2^-29 of the
 *       sum: 2^-78), c_0 .. c_3 by double-double Horner with t = a^2 exact (fma), a^3 as a
 *       double-double: each step errs by about 2^-104. Bound used: 2^-75 relative.
 *   <li>1/8 <= |x| <= 40: a - tanh a = (a - 1) + 2E/(1 + E), E = e^(-2a) as a double-double from
 *       {@link FastExpDoubleDouble} (relative error below {@link #EXP_BOUND} = 2^-77).
 *       s = 2E/(1 + E) with 1 + E by Fast2Sum and one corrected quotient errs by EXP_BOUND s
 *       + 2^-101 s (1/(1 + E) <= 1 damps E's error), a - 1 = p + pe by TwoSum is exact, and
 *       the low parts pe + c and l (the final sum's) are rounded once each: below 2^-53 (|pe| + |c|) + 2^-53 |l| with |c| <= 2^-52 s. The bound handed to the
 *       rounding test is that absolute error, so the cancellation near a = 1/8 (where s is about
 *       1500 times the result) costs fallbacks (about 2^-12.4 of those inputs), not accuracy.
 * </ol>
 * The derivative tanh(x)^2 has a fast path of the same kind ({@link #fastDerivative}).
 *
 * <p>Accurate path (the previous method, in {@link DoubleDouble} objects, slow):
 * <ol>
 *   <li>|x| < 2^-30: x^3/3 (1 - 2x^2/5); the next term is below x^4 < 2^-120 relative. Inputs
 *       below 2^-300 are scaled by 2^400 first (exactly) and the result by 2^-1200 once, so
 *       subnormal results are rounded once from a 106-bit value.
 *   <li>2^-30 <= |x| <= 1: N/cosh with N = x cosh x - sinh x = sum_{n>=1} 2n x^(2n+1)/(2n+1)!
 *       (positive terms, ratio below 1/10: 30 terms reach 2^-110) and cosh from the
 *       double-double exp.
 *   <li>1 < |x| <= 40: |x| - tanh|x| with tanh = m/(m + 2), m = e^(2|x|) - 1 in double-double;
 *       the difference loses at most 2.1 bits (it is at least 0.238 |x|).
 *   <li>|x| > 40: |x| - 1 + 2e^(-2|x|) - ... with the tiny term only breaking a tie of |x| - 1:
 *       the exact two-sum error e of |x| - 1 shows when |x| - 1 was an exact midpoint rounded
 *       down, in which case the true value lies above the midpoint and rounds up; when |x| - 1
 *       is exact but a float32 midpoint, the result moves one double ulp up so that (float)
 *       rounds up too (float32 inputs in [2^24, 2^25]).
 * </ol>
 *
 * <p>Accuracy: the fast paths return the correctly rounded double (float64) or the value rounded
 * to odd (narrow dtypes), as their bounds prove; the accurate path is below 10^-25 relative
 * before the final rounding: within 1 ulp.
 *
 * <p>Special cases (catalog): NaN → NaN; ±Inf → ±Inf; ±0 → +0.0 (x - tanh x = -0.0 - -0.0).
 * Derivative tanh(x)^2: ±Inf → 1; ±0 → +0.0; for |x| < 2^-27, x^2 (1 - 2x^2/3) (the
 * double-double m = e^(2|x|) - 1 keeps only about 106 - log2(1/m) bits, too few below 2^-27).
 */
public final class TanhShrink extends RoundingFunction {

  /** Below this |x| (1/8) the fast path sums the Taylor series, above it uses e^(-2|x|). */
  static final double SERIES_BELOW = 0x1p-3;

  /** Below this |x| (2^-300) a^3 would lose bits to underflow: accurate path. */
  static final double FAST_ABOVE = 0x1p-300;

  /** Above this |x| the accurate path is cheap already (|x| - 1 plus a tie-breaker). */
  static final double FAST_UP_TO = 40;

  /** Relative error bound of the fast e^x ({@link FastExpDoubleDouble#EXP_ERROR}, 2^-77). */
  static final double EXP_BOUND = FastExpDoubleDouble.EXP_ERROR;

  /** Relative error bound of the series branch (see the class comment). */
  static final double SERIES_BOUND = 0x1p-75;

  /** c_k of (a - tanh a)/a^3 = sum c_k a^(2k): c_0 .. c_3 as double-doubles (hi, lo). */
  private static final double C0 = 0x1.5555555555555p-2;
  private static final double C0_LO = 0x1.5555555555555p-56;
  private static final double C1 = -0x1.1111111111111p-3;
  private static final double C1_LO = -0x1.1111111111111p-59;
  private static final double C2 = 0x1.ba1ba1ba1ba1cp-5;
  private static final double C2_LO = -0x1.7917917917918p-59;
  private static final double C3 = -0x1.664f4882c10fap-6;
  private static final double C3_LO = 0x1.9a5288b6c44fdp-63;
  /** c_4 .. c_11, nearest doubles. */
  private static final double C4 = 0x1.226e355e6c23dp-7;
  private static final double C5 = -0x1.d6d3d0e157de0p-9;
  private static final double C6 = 0x1.7da36452b75e3p-10;
  private static final double C7 = -0x1.3558248036744p-11;
  private static final double C8 = 0x1.f57d7734d1664p-13;
  private static final double C9 = -0x1.967e18afcafadp-14;
  private static final double C10 = 0x1.497d8eea25259p-15;
  private static final double C11 = -0x1.0b132d39a6050p-16;

  /** The kernel for one final rounding: nearest (float64) or to odd (narrower dtypes). */
  private static final class RoundingKernel extends FastPathKernel<Void> {
    RoundingKernel(FinalRounding rounding) {
      super(rounding);
    }

    @Override
    protected double fastValue(double x, double[] scratch) {
      return TanhShrink.fastValue(x, rounding, scratch);
    }

    @Override
    protected double accurateValue(double x) {
      return TanhShrink.accurateValue(x, rounding);
    }

    @Override
    protected double fastDerivative(double x, double[] scratch) {
      return TanhShrink.fastDerivative(x, rounding, scratch);
    }

    @Override
    protected double accurateDerivative(double x) {
      return TanhShrink.accurateDerivative(x, rounding);
    }
  }

  /** The fast path's result for the dtype, or NaN when it does not decide (then accurate). */
  static double fastValue(double x, FinalRounding rounding) {
    return fastValue(x, rounding, new double[2]);
  }

  /** {@link #fastValue(double, boolean)} with a caller's scratch element for e^x's low part. */
  static double fastValue(double x, FinalRounding rounding, double[] scratch) {
    double a = Math.abs(x);
    double r;
    if (a >= SERIES_BELOW && a <= FAST_UP_TO) {
      r = exponential(a, rounding, scratch);
    } else if (a >= FAST_ABOVE && a < SERIES_BELOW) {
      double fh = series(a, scratch);
      r = FastPathRounding.round(fh, scratch[1], SERIES_BOUND * fh, rounding);
    } else {
      return Double.NaN;
    }
    return Math.copySign(r, x);
  }

  /** a - tanh a = (a - 1) + 2E/(1 + E), E = e^(-2a), for 1/8 <= a <= 40 (class comment). */
  private static double exponential(double a, FinalRounding rounding, double[] scratch) {
    double eh = FastExpDoubleDouble.exp(-2 * a, scratch, 0);
    double el = scratch[0];
    double dh = 1 + eh;
    double dl = ((1 - dh) + eh) + el; // Fast2Sum, 1 >= E
    double nh = 2 * eh;
    double q = nh / dh;
    double c = (Math.fma(-q, dh, nh) + 2 * el - q * dl) / dh; // s = q + c
    double p = a - 1;
    double pe = DoubleDouble.twoSumError(a, -1, p);
    double h = p + q;
    double l = DoubleDouble.twoSumError(p, q, h) + (pe + c);
    double hh = h + l;
    double err = (EXP_BOUND + 0x1p-100) * q + 0x1p-52 * (Math.abs(pe) + Math.abs(l));
    return FastPathRounding.round(hh, l - (hh - h), err, rounding);
  }

  /**
   * f'(x) = tanh(x)^2 for the dtype, or NaN when the fast path does not decide: tanh a = 1 - s
   * with s = 2E/(1 + E) as in {@link #exponential} (error (EXP_BOUND + 2^-100) s) for 1/8 <= a
   * <= 22, tanh a = a - f(a) with the series f (error SERIES_BOUND f) for 2^-300 <= a < 1/8;
   * both differences lose at most a factor 7 (s <= 0.876 against tanh a >= 0.124, f <= a^3/3
   * against a), none in the bound, which is absolute: the last rounding of t's low part adds
   * 2^-53 of it, squaring doubles the error dt of t = tanh a (2.01 t dt), and the square's own
   * roundings add 2^-52 of its low terms (2 t_hi t_lo and the sum), all proportional to the
   * parts they round, so that t^2 a whisker off a double still decides when rounding to odd.
   */
  static double fastDerivative(double x, FinalRounding rounding, double[] scratch) {
    double a = Math.abs(x);
    double th;
    double tl;
    double dt;
    if (a >= SERIES_BELOW && a <= 22) {
      double eh = FastExpDoubleDouble.exp(-2 * a, scratch, 0);
      double el = scratch[0];
      double dh = 1 + eh;
      double dl = ((1 - dh) + eh) + el;
      double nh = 2 * eh;
      double q = nh / dh;
      double c = (Math.fma(-q, dh, nh) + 2 * el - q * dl) / dh;
      th = 1 - q;
      tl = ((1 - th) - q) - c;
      dt = (EXP_BOUND + 0x1p-99) * q + 0x1p-52 * Math.abs(tl);
    } else if (a >= FAST_ABOVE && a < SERIES_BELOW) {
      double fh = series(a, scratch);
      double fl = scratch[1];
      th = a - fh;
      tl = ((a - th) - fh) - fl;
      dt = SERIES_BOUND * fh + 0x1p-52 * Math.abs(tl);
    } else {
      return Double.NaN;
    }
    double yh = th * th;
    double yl = Math.fma(th, th, -yh) + 2 * th * tl;
    double h = yh + yl;
    double err = 2.01 * th * dt + 0x1p-51 * (Math.abs(th * tl) + Math.abs(yl));
    return FastPathRounding.round(h, yl - (h - yh), err, rounding);
  }

  /**
   * a^3 P(a^2), the Taylor series, for 2^-300 <= a < 1/8 (class comment): returns its high part
   * and stores the low part into scratch[1].
   */
  private static double series(double a, double[] scratch) {
    double th = a * a;
    double tl = Math.fma(a, a, -th);
    double q = C4 + th * (C5 + th * (C6 + th * (C7 + th * (C8 + th * (C9 + th * (C10
        + th * C11))))));
    // p = c_k + t p as double-doubles, k = 3, 2, 1, 0.
    double ph = th * q;
    double pl = Math.fma(th, q, -ph) + tl * q;
    double sh = C3 + ph;
    double sl = DoubleDouble.twoSumError(C3, ph, sh) + (C3_LO + pl);
    ph = th * sh;
    pl = Math.fma(th, sh, -ph) + (th * sl + tl * sh);
    sh = C2 + ph;
    sl = DoubleDouble.twoSumError(C2, ph, sh) + (C2_LO + pl);
    ph = th * sh;
    pl = Math.fma(th, sh, -ph) + (th * sl + tl * sh);
    sh = C1 + ph;
    sl = DoubleDouble.twoSumError(C1, ph, sh) + (C1_LO + pl);
    ph = th * sh;
    pl = Math.fma(th, sh, -ph) + (th * sl + tl * sh);
    sh = C0 + ph;
    sl = DoubleDouble.twoSumError(C0, ph, sh) + (C0_LO + pl);
    // a^3 = a t as a double-double, then a^3 p.
    double ch = th * a;
    double cl = Math.fma(th, a, -ch) + tl * a;
    double fh = ch * sh;
    double fl = Math.fma(ch, sh, -fh) + (ch * sl + cl * sh);
    double hh = fh + fl;
    scratch[1] = fl - (hh - fh);
    return hh;
  }

  /** The accurate derivative (slow: DoubleDouble objects), special cases included. */
  static double accurateDerivative(double x, FinalRounding rounding) {
    if (x != x) {
      return x;
    }
    if (x == 0) {
      return 0.0;
    }
    double a = Math.abs(x);
    if (a > 22) {
      return 1.0; // 1 - tanh^2 < 8e^-44 < 2^-54
    }
    if (a < 0x1p-27) {
      // tanh(a)^2 = a^2 (1 - 2a^2/3 + ...); the double-double e^(2a) - 1 would keep too few
      // bits of m ~ 2a here.
      return DoubleDouble.round(mul(mul(DoubleDouble.of(a), a), add(DoubleDouble.ONE, DoubleDouble.of(-2 * a * a / 3))), rounding);
    }
    DoubleDouble t = tanh(a);
    return DoubleDouble.round(mul(t, t), rounding);
  }

  /** The accurate (slow) path: the previous double-double method with the special cases. */
  static double accurateValue(double x, FinalRounding rounding) {
    if (x != x || x == 0) {
      return x == 0 ? 0.0 : x;
    }
    if (Double.isInfinite(x)) {
      return x;
    }
    return Math.copySign(positive(Math.abs(x), rounding), x);
  }

  private static double positive(double a, FinalRounding rounding) {
    if (a < 0x1p-30) {
      int scale = a < 0x1p-300 ? 400 : 0;
      double y = Math.scalb(a, scale);
      DoubleDouble y3 = mul(mul(DoubleDouble.of(y), y), y);
      DoubleDouble p = div(y3, DoubleDouble.of(3));
      p = mul(p, add(DoubleDouble.ONE, DoubleDouble.of(-0.4 * a * a)));
      return scale == 0 ? DoubleDouble.round(p, rounding) : DoubleRounding.scaleDown(p.hi, p.lo, 3 * scale);
    }
    if (a <= 1) {
      DoubleDouble x2 = mul(DoubleDouble.of(a), a);
      DoubleDouble t = div(mul(x2, a), DoubleDouble.of(3));
      DoubleDouble s = t;
      for (int n = 1; n < 40; n++) {
        t = div(mul(t, x2), DoubleDouble.of(2.0 * n * (2 * n + 3)));
        s = add(s, t);
        if (t.hi < s.hi * 0x1p-110) {
          break;
        }
      }
      DoubleDouble e = ExpDoubleDouble.exp(DoubleDouble.of(a));
      DoubleDouble cosh = DoubleDouble.scalb(add(e, div(DoubleDouble.ONE, e)), -1);
      return DoubleDouble.round(div(s, cosh), rounding);
    }
    if (a <= 40) {
      return DoubleDouble.round(sub(DoubleDouble.of(a), tanh(a)), rounding);
    }
    double s = a - 1;
    double e = (a - s) - 1; // exact (fast two-sum, |a| > 1)
    // The true value a - 1 + 2e^(-2a) - ... lies just above a - 1 = s + e: when a - 1 is an exact
    // midpoint that was rounded down (e > 0), it rounds up and the remainder is negative;
    // otherwise s is nearest and the remainder has e's sign, or is the positive tail (e = 0).
    if (e > 0 && e == (Math.nextUp(s) - s) * 0.5) {
      return DoubleRounding.finish(Math.nextUp(s), -1, rounding);
    }
    return DoubleRounding.finish(s, e != 0 ? e : 1, rounding);
  }

  /** tanh(a) in double-double for 2^-27 <= a <= 40 (below, m = e^(2a) - 1 loses too much). */
  static DoubleDouble tanh(double a) {
    DoubleDouble m = sub(ExpDoubleDouble.exp(DoubleDouble.of(2 * a)), DoubleDouble.ONE);
    return div(m, add(m, DoubleDouble.of(2)));
  }

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    return new RoundingKernel(rounding);
  }
}
