package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.Log1pDoubleDouble;
import org.activationtck.reference.kernel.IdentityKernel;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.spec.params.Params;

/**
 * soft_exponential: x for alpha = 0 (bit for bit); (expm1(a x) + a^2) / a for alpha > 0 and
 * |a x| <= 1, (e^(a x) - (1 - a^2)) / a beyond; -log1p(-a (x + a)) / a for alpha < 0 (NaN below
 * the domain, -Infinity at its boundary). d/dx: 1, e^(a x), 1 / (1 - a (x + a)).
 *
 * <p>For alpha < 0, y = -a x - a^2 and 1 + y are formed as double-doubles (TwoSum, fma), so the
 * domain test and the logarithm see the exact argument (alpha = -1, x = 1e-300: ln(1e-300), not
 * ln 0).
 *
 * <p>Accuracy: exact at the default alpha = 0. For alpha < 0 the logarithm is a double-double
 * ({@link Log1pDoubleDouble}, about 2^-60 relative) and the quotient by a gets one fma
 * correction; for alpha > 0 the sum is carried in double-double (see {@link #positiveAlpha}), so
 * the cancellation near the root of e^(a x) = 1 - a^2 (0 < alpha < 1) stays within 1 ulp unless
 * it exceeds about 2^27; beyond |a x| = 700 a plain exp (no cancellation there). Each result is
 * rounded once ({@link DoubleRounding#finish}: nearest for float64, to odd for the narrower
 * dtypes).
 *
 * <p>At alpha = 0 (the default) the kernel is {@link IdentityKernel#NAN_AT_NAN} (array forms: a
 * copy, and min(max(x, 1), 1) for the derivative). Other alphas keep the scalar loops.
 */
public final class SoftExponential extends RoundingFunction {

  /**
   * (e^(a x) - 1 + a^2) / a for a > 0 and |a x| <= 700 in double-double arithmetic: a x = z + zl
   * exactly (fma), e^(a x) = (hi + lo)(1 + zl) to about 2^-80, a^2 exact (fma), the sum by TwoSum
   * steps, so the cancellation near the root of e^(a x) = 1 - a^2 costs bits of a 2^-80 budget,
   * not of the 2^-53 one; the quotient gets one fma correction.
   */
  static double positiveAlpha(double a, double x, double z, FinalRounding rounding) {
    double zl = Math.fma(a, x, -z);
    double eh = ExpDoubleDouble.hi(z);
    double el = ExpDoubleDouble.lo(z) + eh * zl;
    double q = a * a;
    double ql = Math.fma(a, a, -q);
    double s = eh + q;                       // TwoSum(eh, q)
    double sb = s - eh;
    double se = (eh - (s - sb)) + (q - sb);
    double t = s - 1;                        // TwoSum(s, -1)
    double tb = t - s;
    double te = (s - (t - tb)) + (-1 - tb);
    double lo = se + te + el + ql;
    double d = t + lo;
    double dl = lo - (d - t);
    return DoubleRounding.quotient(d, dl, a, 0, rounding);
  }

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    final double a = p.real("alpha").doubleValue();
    if (a == 0) {
      return IdentityKernel.NAN_AT_NAN;
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        if (a == 0 || x != x) {
          return x;
        }
        if (a > 0) {
          if (x == 0) {
            return a;
          }
          double z = a * x;
          if (Math.abs(z) <= 700) {
            return positiveAlpha(a, x, z, rounding);
          }
          return (StrictMath.exp(z) - (1 - a * a)) / a;
        }
        if (x == Double.POSITIVE_INFINITY) {
          return x;
        }
        if (x == Double.NEGATIVE_INFINITY) {
          return Double.NaN;
        }
        // y = -a x - a^2 and s = 1 + y as double-doubles: x + a must not round (a = -1,
        // x = 1e-300 has s = 1e-300, not 0).
        double yh = yHead(a, x);
        double yl = yTail(a, x, yh);
        double s = sHead(yh, yl);
        double sl = sTail(yh, yl, s);
        if (s < 0 || s != s) {
          return Double.NaN;
        }
        if (s == 0) {
          return Double.NEGATIVE_INFINITY;
        }
        if (yh == 0 && yl == 0) {
          return 0.0;
        }
        // ln(1 + y) = lh + lt (Log1pDoubleDouble), then -(lh + lt) / a with one fma correction.
        double lh;
        double lt;
        if (Math.abs(yh) < 0.5) {
          lh = StrictMath.log1p(yh);
          lt = Log1pDoubleDouble.tail(lh, yh, yl);
        } else {
          lh = StrictMath.log(s);
          lt = Log1pDoubleDouble.lnTail(lh, s, sl);
        }
        return DoubleRounding.quotient(-lh, -lt, a, 0, rounding);
      }

      @Override
      public double derivative(double x) {
        if (x != x) {
          return x;
        }
        if (a == 0) {
          return 1.0;
        }
        if (a > 0) {
          double z = a * x;
          if (Math.abs(z) > 700) {
            return StrictMath.exp(z);
          }
          // e^(a x) = e^z e^(zl) with z + zl = a x exactly: (hi + lo)(1 + zl), one rounding.
          double zl = Math.fma(a, x, -z);
          double eh = ExpDoubleDouble.hi(z);
          double el = ExpDoubleDouble.lo(z) + eh * zl;
          double r = eh + el;
          return DoubleRounding.finish(r, el - (r - eh), rounding);
        }
        if (x == Double.POSITIVE_INFINITY) {
          return 0.0;
        }
        if (x == Double.NEGATIVE_INFINITY) {
          return Double.NaN;
        }
        // v = 1 - a x - a^2 as a double-double, then 1 / v with one fma correction.
        double yh = yHead(a, x);
        double yl = yTail(a, x, yh);
        double v = sHead(yh, yl);
        double vl = sTail(yh, yl, v);
        if (v < 0 || v != v) {
          return Double.NaN;
        }
        if (v == 0) {
          return Double.POSITIVE_INFINITY;
        }
        return DoubleRounding.quotient(1, 0, v, vl, rounding);
      }
    };
  }

  /** The head of y = -a x - a^2 (rounded sum of the two exact products' heads). */
  static double yHead(double a, double x) {
    return -a * x - a * a;
  }

  /**
   * The tail of y = -a x - a^2: TwoSum of the products' heads plus both products' fma errors, so
   * yHead + yTail carries y to about 2^-106 relative.
   */
  static double yTail(double a, double x, double yh) {
    double th = -a * x;
    double tl = Math.fma(-a, x, -th);
    double qh = a * a;
    double ql = Math.fma(a, a, -qh);
    double yb = yh - th;
    return (th - (yh - yb)) + (-qh - yb) + tl - ql;
  }

  /** The head of s = 1 + y for y = yh + yl (TwoSum, renormalised). */
  static double sHead(double yh, double yl) {
    double sh = 1 + yh;
    return sh + sumError(yh, yl, sh);
  }

  /** The tail of s = 1 + y: what sHead left out. */
  static double sTail(double yh, double yl, double s) {
    double sh = 1 + yh;
    return sumError(yh, yl, sh) - (s - sh);
  }

  /** The error of sh = fl(1 + yh), plus yl. */
  private static double sumError(double yh, double yl, double sh) {
    double sb = sh - yh;
    return (yh - (sh - sb)) + (1 - sb) + yl;
  }
}
