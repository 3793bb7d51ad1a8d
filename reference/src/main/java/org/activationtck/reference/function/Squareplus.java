package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.NearestLoopKernel;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.spec.params.Params;

/**
 * squareplus: (x + s) / 2, s = sqrt(x^2 + b); for x < 0 b / (2 (s - x)), which never cancels.
 *
 * <p>Method: v = x^2 + b as an exact-ish double-double (fma for x^2, TwoSum for + b), s = sqrt(vh)
 * refined by one Newton step ds = (vh - s^2 + vl) / (2s) (s^2 residual by fma), so s + ds carries
 * about 100 bits; the sum x + s + ds and the quotient b / (2 (s + |x| + ds)) (one fma correction)
 * then round once ({@link DoubleRounding#finish}): to nearest for float64 (0.5 ulp + 2^-100
 * relative), to odd for the narrower dtypes so that their rounding of the result is correct. For |x| > 2^500, s = |x| (b / x^2 < 2^-990) and x^2 is not
 * formed. f'(x) = (1 + x / s) / 2 for x >= 0, f(x) / s for x < 0 (= b / (2 s (s - x))).
 * -Infinity gives NaN (-inf + inf, as the frameworks compute it); f'(+Inf) = 1, f'(-Inf) = +0.0.
 *
 * <p>Values on -8 sqrt(b) <= x <= 2^500 (for 2^-500 <= b <= 2^500), branch-free: (s + ds + x) / 2
 * with x added by TwoSum, for either sign of x. For x >= 0 that is the sum above; for x < 0 it is
 * s + ds - |x|, which cancels, but s + ds is within about 2^-104.4 s of sqrt(v) (Newton step on
 * the exact residual vh - s^2, with v = vh + vl to 2^-105), so the relative error before the final
 * rounding is about 2^-103.5 s / (s - |x|) = 2^-103.5 s (s + |x|) / b, at most 2^-103.5 * 130 <
 * 2^-96 while |x| <= 8 sqrt(b) (s(s + |x|) / b <= sqrt(65)(sqrt(65) + 8) = 129.5). No division
 * but the Newton step's, so the loop vectorizes. Below -8 sqrt(b), above 2^500 and at the
 * infinities the quotient form above runs, in a second pass over those rare elements. The
 * derivative likewise: (1 + x / (s + ds)) / 2 with the quotient corrected once and 1 added by
 * Fast2Sum (|x / s| < 1), for either sign; for x < 0 the sum cancels by the factor
 * (|x| / s) / (1 - |x| / s) = |x| (s + |x|) / b <= 8 (sqrt(65) + 8) < 2^7, so the relative error
 * stays below about 2^-97 on the same range.
 */
public final class Squareplus extends RoundingFunction {

  private static final double HUGE = 0x1p500;

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    final double b = p.real("b").doubleValue();
    if (!(b >= 0)) {
      throw new IllegalArgumentException("squareplus parameter 'b' must be >= 0");
    }
    if (b >= 0x1p-500 && b <= 0x1p500) {
      return new SumForm(b, rounding, general(b, rounding));
    }
    return general(b, rounding);
  }

  /**
   * (s + ds + x) / 2 with s + ds = sqrt(x^2 + b) (see the class comment), its sum of x rounded
   * once: for float64 the nearest double, for the narrower dtypes to odd.
   */
  private static double sumForm(double x, double b, FinalRounding rounding) {
    double a = Math.abs(x);
    double ph = a * a;
    double pl = Math.fma(a, a, -ph);
    double vh = ph + b;
    double bb = vh - ph;
    double vl = (ph - (vh - bb)) + (b - bb) + pl;
    double s = Math.sqrt(vh);
    double ds = (Math.fma(-s, s, vh) + vl) / (2 * s);
    double th = s + x;
    double tb = th - s;
    double tl = (s - (th - tb)) + (x - tb) + ds;
    double r = th + tl;
    return rounding.toOdd() ? DoubleRounding.toOdd(r, tl - (r - th)) * 0.5 : r * 0.5;
  }

  /** (1 + x / (s + ds)) / 2, rounded once (see the class comment). */
  private static double slopeSumForm(double x, double b, FinalRounding rounding) {
    double a = Math.abs(x);
    double ph = a * a;
    double pl = Math.fma(a, a, -ph);
    double vh = ph + b;
    double bb = vh - ph;
    double vl = (ph - (vh - bb)) + (b - bb) + pl;
    double s = Math.sqrt(vh);
    double ds = (Math.fma(-s, s, vh) + vl) / (2 * s);
    double rh = x / s;
    double rl = (Math.fma(-rh, s, x) - rh * ds) / s;
    double sh = 1 + rh;
    double sl = (1 - sh) + rh + rl;
    double r = sh + sl;
    return rounding.toOdd() ? DoubleRounding.toOdd(r, sl - (r - sh)) * 0.5 : r * 0.5;
  }

  /** 2^-500 <= b <= 2^500: {@link #sumForm} on [-8 sqrt(b), 2^500], the general kernel elsewhere. */
  private static final class SumForm implements NearestLoopKernel {
    private final double b;
    private final FinalRounding rounding;
    private final double low;
    private final Kernel general;

    SumForm(double b, FinalRounding rounding, Kernel general) {
      this.b = b;
      this.rounding = rounding;
      this.low = -8 * Math.sqrt(b);
      this.general = general;
    }

    @Override
    public double value(double x) {
      return x < low || x > HUGE ? general.value(x) : sumForm(x, b, rounding);
    }

    @Override
    public double derivative(double x) {
      return x < low || x > HUGE ? general.derivative(x) : slopeSumForm(x, b, rounding);
    }

    @Override
    public FinalRounding rounding() {
      return rounding;
    }

    @Override
    public boolean nearest(double[] x, double[] y, int n, boolean derivative) {
      double b = this.b;
      if (derivative) {
        for (int i = 0; i < n; i++) {
          y[i] = slopeSumForm(x[i], b, FinalRounding.NEAREST);
        }
      } else {
        for (int i = 0; i < n; i++) {
          y[i] = sumForm(x[i], b, FinalRounding.NEAREST);
        }
      }
      return true;
    }

    /** Outside the sum form's range. */
    @Override
    public boolean special(double x, boolean derivative) {
      return x < low || x > HUGE;
    }
  }

  /** The kernel for every b >= 0 (see the class comment). */
  private static Kernel general(double b, FinalRounding rounding) {
    return new Kernel() {
      @Override
      public double value(double x) {
        if (x != x || x == Double.NEGATIVE_INFINITY) {
          return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
          return x;
        }
        if (b == 0) {
          return x > 0 ? x : 0.0;
        }
        double a = Math.abs(x);
        double s;
        double ds;
        if (a > HUGE) {
          // s = a (1 + b / (2 a^2) + ...): f = x to 2^-990 for x > 0, b / (4 a) for x < 0.
          return x > 0 ? x : b * 0.25 / a;
        } else {
          double ph = a * a;
          double pl = Math.fma(a, a, -ph);
          double vh = ph + b;
          double bb = vh - ph;
          double vl = (ph - (vh - bb)) + (b - bb) + pl;
          s = Math.sqrt(vh);
          ds = (Math.fma(-s, s, vh) + vl) / (2 * s);
        }
        // s + ds + a: both positive; TwoSum keeps the low part.
        double th = s + a;
        double tb = th - s;
        double tl = (s - (th - tb)) + (a - tb) + ds;
        if (x >= 0) {
          double r = th + tl;
          return DoubleRounding.finish(r, tl - (r - th), rounding) * 0.5;
        }
        double dh = 2 * th;
        double dl = 2 * tl;
        return DoubleRounding.quotient(b, 0, dh, dl, rounding);
      }

      @Override
      public double derivative(double x) {
        if (x != x) {
          return x;
        }
        if (x == Double.POSITIVE_INFINITY) {
          return 1.0;
        }
        if (x == Double.NEGATIVE_INFINITY) {
          return 0.0;
        }
        if (b == 0) {
          return x > 0 ? 1.0 : x < 0 ? 0.0 : Double.NaN;
        }
        double a = Math.abs(x);
        if (a > HUGE) {
          // x / s = sign(x) (1 - b / (2 x^2)): f' = 1 or b / (4 x^2) (x < 0).
          if (x > 0) {
            return 1.0;
          }
          double r = 1 / a;
          return b * 0.25 * r * r;
        }
        double ph = a * a;
        double pl = Math.fma(a, a, -ph);
        double vh = ph + b;
        double bb = vh - ph;
        double vl = (ph - (vh - bb)) + (b - bb) + pl;
        double s = Math.sqrt(vh);
        double ds = (Math.fma(-s, s, vh) + vl) / (2 * s);
        if (x >= 0) {
          // r = x / (s + ds), one correction; then (1 + r) / 2 rounds once more.
          double rh = x / s;
          double rl = (Math.fma(-rh, s, x) - rh * ds) / s;
          double sh = 1 + rh;
          double sl = (1 - sh) + rh + rl;
          double r = sh + sl;
          return DoubleRounding.finish(r, sl - (r - sh), rounding) * 0.5;
        }
        // b / (2 s (s + a)) with s, s + a as double-doubles; their product (hi, lo) by fma.
        double th = s + a;
        double tb = th - s;
        double tl = (s - (th - tb)) + (a - tb) + ds;
        double mh = s * th;
        double ml = Math.fma(s, th, -mh) + s * tl + ds * th;
        double dh = 2 * mh;
        double dl = 2 * ml;
        return DoubleRounding.quotient(b, 0, dh, dl, rounding);
      }
    };
  }
}
