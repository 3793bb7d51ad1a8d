package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleRounding;
import org.activationtck.tck.reference.internal.NarrowShortcut;

/**
 * arctan: atan(x) in double-double, rounded once ({@link DoubleRounding#finish}: nearest for
 * float64, to odd for the narrower dtypes). f'(x) = 1 / (1 + x^2) with an exact double-double
 * denominator and one Newton correction of the quotient (about 0.5 ulp), and (1/|x|)^2 beyond
 * |x| = 2^60 (see {@link Softsign#reciprocalSquare}).
 *
 * <p>Method (a = |x|, sign restored at the end; allocation-free, all pairs are locals):
 * <ol>
 *   <li>a > 1: atan a = pi/2 - atan(1/a), 1/a as a double-double (one fma correction);
 *   <li>three halvings t <- t / (1 + sqrt(1 + t^2)) (atan t = 2 atan of the result), each in
 *       double-double (sqrt with one Newton step): t <= 1 becomes u <= tan(pi/32) < 0.0985;
 *   <li>atan u = u P(v), v = u^2 <= 0.0097, P(v) = sum (-1)^n v^n / (2n + 1): the terms from v^5
 *       on (below 2^-33 together) in double, relative 2^-86 of the result, the rest by Horner in
 *       double-double; truncation after v^16: below 0.0097^17 < 2^-113;
 *   <li>8 atan u, then pi/2 minus it for a > 1 (|result| >= pi/4, no cancellation).
 * </ol>
 *
 * <p>Narrow dtypes first try Math.atan (1 ulp), kept where {@link NarrowShortcut} proves it rounds
 * as atan x does.
 *
 * <p>Accuracy: relative error before the final rounding below 2^-80 (each double-double step
 * about 2^-104, the double tail 2^-86): correctly rounded except within 2^-80 relative of a
 * midpoint. Thresholds: a < 2^-27: atan x = x (1 - x^2/3 + ...) with x^2/3 < 2^-55.6, so x itself
 * (the remainder, of opposite sign, only matters to the rounding to odd). Special cases: NaN;
 * ±0 keep their sign; ±Infinity give ±pi/2 rounded.
 *
 * <p>Constants: pi/2 = 0x1.921fb54442d18p0 + 0x1.1a62633145c07p-54 (1.5707963267948966 +
 * 6.123233995736766e-17).
 */
public final class Arctan extends RoundingFunction {

  private static final double HALF_PI_HI = 0x1.921fb54442d18p0;
  private static final double HALF_PI_LO = 0x1.1a62633145c07p-54;

  /** Relative error bound of Math.atan (1 ulp) with a factor 4 spare, for the narrow fast path. */
  static final double FAST_BOUND = 0x1p-50;

  /** Below this |x|, atan x rounds to x (see the class comment). */
  private static final double TINY = 0x1p-27;

  /** Number of argument halvings (t <= 1 to u < 0.0985). */
  private static final int HALVINGS = 3;

  /** Terms of P in double-double (n < SPLIT) and in double (SPLIT <= n <= LAST). */
  private static final int SPLIT = 5;
  private static final int LAST = 16;

  /** 1/(2n + 1) for n < SPLIT, as hi and lo. */
  private static final double[] INV_ODD_HI = new double[SPLIT];
  private static final double[] INV_ODD_LO = new double[SPLIT];

  static {
    for (int n = 0; n < SPLIT; n++) {
      double d = 2 * n + 1;
      INV_ODD_HI[n] = 1 / d;
      INV_ODD_LO[n] = -Math.fma(INV_ODD_HI[n], d, -1) / d;
    }
  }

  @Override
  Kernel bind(Params p, boolean toOdd) {
    return new Kernel() {
      @Override
      public double value(double x) {
        return atan(x, toOdd);
      }

      @Override
      public double derivative(double x) {
        return Softsign.reciprocalSquare(Math.abs(x), true);
      }
    };
  }

  /** atan x rounded once for the dtype, see the class comment. */
  static double atan(double x, boolean toOdd) {
    if (x != x || x == 0) {
      return x;
    }
    double a = Math.abs(x);
    if (a < TINY) {
      return DoubleRounding.finish(x, -x, toOdd);
    }
    if (toOdd) {
      // Fast path for the narrow dtypes: Math.atan is within 1 ulp (its contract), 2^-52
      // relative; used where NarrowShortcut proves it rounds like atan x (bound with a factor 4 spare).
      double y = Math.atan(x);
      if (NarrowShortcut.decides(y, FAST_BOUND)) {
        return y;
      }
    }
    boolean inverse = a > 1;
    double th;
    double tl;
    if (!inverse) {
      th = a;
      tl = 0;
    } else if (a == Double.POSITIVE_INFINITY) {
      th = 0;
      tl = 0;
    } else {
      th = 1 / a;
      tl = -Math.fma(th, a, -1) / a;
    }
    for (int i = 0; i < HALVINGS && th != 0; i++) {
      // w = 1 + t^2, s = sqrt(w), d = 1 + s, t <- t / d.
      double qh = th * th;
      double ql = Math.fma(th, th, -qh) + 2 * th * tl;
      double wh = 1 + qh;
      double wl = ((1 - wh) + qh) + ql;
      double sh = Math.sqrt(wh);
      double sl = (Math.fma(-sh, sh, wh) + wl) / (2 * sh);
      double dh = sh + 1;
      double dl = ((sh - dh) + 1) + sl;
      double uh = th / dh;
      double ul = (Math.fma(-uh, dh, th) + tl - uh * dl) / dh;
      th = uh + ul;
      tl = ul - (th - uh);
    }
    // P(v) by Horner: the double tail, then the double-double terms.
    double vh = th * th;
    double vl = Math.fma(th, th, -vh) + 2 * th * tl;
    double tail = 0;
    for (int n = LAST; n >= SPLIT; n--) {
      tail = tail * vh + ((n & 1) == 0 ? 1.0 : -1.0) / (2 * n + 1);
    }
    double ph = tail;
    double pl = 0;
    for (int n = SPLIT - 1; n >= 0; n--) {
      double mh = ph * vh;
      double ml = Math.fma(ph, vh, -mh) + (ph * vl + pl * vh);
      double ch = (n & 1) == 0 ? INV_ODD_HI[n] : -INV_ODD_HI[n];
      double cl = (n & 1) == 0 ? INV_ODD_LO[n] : -INV_ODD_LO[n];
      double sh = ch + mh; // |c| > |m|: FastTwoSum
      double sl = ((ch - sh) + mh) + ml + cl;
      ph = sh + sl;
      pl = sl - (ph - sh);
    }
    // r = 2^HALVINGS u P(v)
    double rh = th * ph;
    double rl = Math.fma(th, ph, -rh) + (th * pl + tl * ph);
    rh = Math.scalb(rh, HALVINGS);
    rl = Math.scalb(rl, HALVINGS);
    if (inverse) {
      double dh = HALF_PI_HI - rh; // TwoSum: rh <= pi/4
      double bb = dh - HALF_PI_HI;
      double e = (HALF_PI_HI - (dh - bb)) + (-rh - bb);
      rl = e + HALF_PI_LO - rl;
      rh = dh;
    }
    double r = rh + rl;
    return Math.copySign(DoubleRounding.finish(r, rl - (r - rh), toOdd), x);
  }
}
