package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * softsign: x / (1 + |x|), f'(x) = 1 / (1 + |x|)^2.
 *
 * <p>Method: the denominator is an exact double-double d = dh + dl (TwoSum); the quotient
 * q = n / dh gets one Newton correction (n - q dh - q dl) / dh with {@link Math#fma}, leaving
 * essentially the final rounding (error about 0.5 ulp). For |x| > 2^60 the derivative is
 * (1/|x|)^2 with the reciprocal's residual folded in, avoiding overflow of (1 + |x|)^2.
 * ±Infinity gives NaN for f (inf / inf, as the frameworks compute it) and +0.0 for f'.
 */
public final class Softsign implements ReferenceFunction {

  private static final double BIG = 0x1p60;

  private static final Kernel KERNEL = new Kernel() {
    @Override
    public double value(double x) {
      double a = Math.abs(x);
      double dh = 1 + a;
      double dl = a > 1 ? (1 - (dh - a)) : (a - (dh - 1));
      double q = x / dh;
      if (Double.isInfinite(dh) || q == 0) {
        return q;
      }
      return q + (Math.fma(-q, dh, x) - q * dl) / dh;
    }

    @Override
    public double derivative(double x) {
      return reciprocalSquare(Math.abs(x), false);
    }
  };

  /** 1 / (1 + a)^2 (or 1 / (1 + a^2) when squareFirst) for a >= 0, about 0.5 ulp. */
  static double reciprocalSquare(double a, boolean squareFirst) {
    if (a != a) {
      return a;
    }
    if (a == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    if (a > BIG) {
      // 1 + a or 1 + a^2 equals a or a^2 to within 2^-60 relative.
      double r = 1 / a;
      double rl = Math.fma(-r, a, 1) / a;
      double hi = r * r;
      return hi + (Math.fma(r, r, -hi) + 2 * r * rl);
    }
    double dh;
    double dl;
    if (squareFirst) {
      double p = a * a;
      double pl = Math.fma(a, a, -p);
      dh = 1 + p;
      dl = (p > 1 ? (1 - (dh - p)) : (p - (dh - 1))) + pl;
    } else {
      double sh = 1 + a;
      double sl = a > 1 ? (1 - (sh - a)) : (a - (sh - 1));
      dh = sh * sh;
      dl = Math.fma(sh, sh, -dh) + 2 * sh * sl;
    }
    double q = 1 / dh;
    return q + (Math.fma(-q, dh, 1) - q * dl) / dh;
  }

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
