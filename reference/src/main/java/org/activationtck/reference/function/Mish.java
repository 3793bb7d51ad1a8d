package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.spec.params.Params;

/**
 * mish: x tanh(softplus(x)) = x u / (u + 2), u = e^x (e^x + 2).
 *
 * <p>Method. x > 20: x (the relative deficit 2 e^-2x / D < 2^-55). -600 <= x <= 20: e = e^x as a
 * double-double ({@link ExpDoubleDouble}) and u, u + 2, u / (u + 2) in double-double arithmetic
 * (TwoSum, fma), then x * ratio rounded once ({@link DoubleRounding#finish}: nearest for float64,
 * to odd for the narrower dtypes): 0.5 ulp + about 2^-75 relative. x < -600: f = x e^x (1 - e^x / 2 + ...) = x e^x to 2^-800, evaluated
 * as x * e^(x) * 2^700 (no intermediate underflow) and rescaled once.
 *
 * <p>f'(x): 3/5 at 0; 1 above 40 (1 - f' ~ (2 + 4x) e^-2x < 2^-100); -600 <= x <= 40:
 * [u (u + 2) + 4 x e (1 + e)] / (u + 2)^2 in double-double (the bracket cancels near the minimum
 * of mish, x = -1.19; for x > 0 all terms are positive), rounded once as the value;
 * x < -600: (1 + x) e^x. NaN at ±Infinity for f'
 * and at -Infinity for f, as the frameworks compute them.
 */
public final class Mish extends RoundingFunction {

  /** Below this, e^x < 2^-865: every correction to x e^x and (1 + x) e^x is below 2^-800. */
  private static final double TAIL = -600;
  /** Scale for the tail: e^x 2^700 stays normal for x >= -1200; lower results underflow. */
  private static final int TAIL_SCALE = 700;

  /** Results rounded to nearest (float64) or to odd (the narrower dtypes); no other state. */
  private static final class MishKernel implements Kernel {
    private final FinalRounding rounding;

    MishKernel(FinalRounding rounding) {
      this.rounding = rounding;
    }

    @Override
    public double value(double x) {
      if (x == Double.NEGATIVE_INFINITY) {
        return Double.NaN;
      }
      if (x > 20 || x == 0 || x != x) {
        return x;
      }
      if (x < TAIL) {
        return tail(x, x);
      }
      double eh = ExpDoubleDouble.hi(x);
      double el = ExpDoubleDouble.lo(x);
      // p = e + 2, u = e p, d = u + 2, r = u / d, all as (hi, lo).
      double ph = 2 + eh;
      double pl = (eh - (ph - 2)) + el;
      double uh = eh * ph;
      double ul = Math.fma(eh, ph, -uh) + eh * pl + el * ph;
      double dh = uh + 2;
      double bb = dh - uh;
      double dl = (uh - (dh - bb)) + (2 - bb) + ul;
      double rh = uh / dh;
      double rl = (Math.fma(-rh, dh, uh) + ul - rh * dl) / dh;
      double fh = x * rh;
      double fl = Math.fma(x, rh, -fh) + x * rl;
      double f = fh + fl;
      return DoubleRounding.finish(f, fl - (f - fh), rounding);
    }

    @Override
    public double derivative(double x) {
      if (Double.isInfinite(x) || x != x) {
        return Double.NaN;
      }
      if (x == 0) {
        return 0.6;
      }
      if (x > 40) {
        return 1.0; // 1 - f' ~ (2 + 4x) e^-2x < 2^-100 (and 4x t^2 would be inf * 0 at huge x)
      }
      if (x < TAIL) {
        return tail(x, 1 + x);
      }
      double eh = ExpDoubleDouble.hi(x);
      double el = ExpDoubleDouble.lo(x);
      double ph = 2 + eh;
      double pl = (eh - (ph - 2)) + el;
      double uh = eh * ph;
      double ul = Math.fma(eh, ph, -uh) + eh * pl + el * ph;
      double dh = uh + 2;
      double bb = dh - uh;
      double dl = (uh - (dh - bb)) + (2 - bb) + ul;
      // a = u d
      double ah = uh * dh;
      double al = Math.fma(uh, dh, -ah) + uh * dl + ul * dh;
      // g = 1 + e; c = 4 x e g
      double gh = 1 + eh;
      double gl = (eh - (gh - 1)) + el;
      double egh = eh * gh;
      double egl = Math.fma(eh, gh, -egh) + eh * gl + el * gh;
      double x4 = 4 * x;
      double ch = x4 * egh;
      double cl = Math.fma(x4, egh, -ch) + x4 * egl;
      // n = a + c (TwoSum), then n / d^2
      double nh = ah + ch;
      double nb = nh - ah;
      double nl = (ah - (nh - nb)) + (ch - nb) + al + cl;
      double sh = dh * dh;
      double sl = Math.fma(dh, dh, -sh) + 2 * dh * dl;
      return DoubleRounding.quotient(nh, nl, sh, sl, rounding);
    }
  }

  /** factor * e^x for x < TAIL, rounded once at the end. */
  private static double tail(double x, double factor) {
    if (x < -1400) {
      return factor * 0.0;
    }
    double th = ExpDoubleDouble.scaled(x, TAIL_SCALE, false);
    if (th == 0) {
      return factor * 0.0;
    }
    double tl = ExpDoubleDouble.scaled(x, TAIL_SCALE, true);
    double h = factor * th;
    double l = Math.fma(factor, th, -h) + factor * tl;
    return Math.scalb(h + l, -TAIL_SCALE);
  }

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    return new MishKernel(rounding);
  }
}
