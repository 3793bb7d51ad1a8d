package org.activationtck.reference.function;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.FastPathKernel;
import org.activationtck.reference.kernel.ReciprocalSquare;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.spec.params.Params;

/**
 * arctan: atan(x) in double-double, rounded once ({@link DoubleRounding#finish}: nearest for
 * float64, to odd for the narrower dtypes). f'(x) = 1 / (1 + x^2) with an exact double-double
 * denominator and one Newton correction of the quotient (about 0.5 ulp), and (1/|x|)^2 beyond
 * |x| = 2^60 (see {@link ReciprocalSquare}).
 *
 * <p>Two methods (a = |x|, sign restored at the end; both allocation-free): a fast table method
 * with a proved error bound and a rounding test (Ziv), and the accurate halving method, which
 * runs where the test fails (about 2^-8 of the inputs) and outside 2^-27 <= a <= 2^27.
 *
 * <p>Table method ({@link #fast}). 1. t = min(a, 1/a) as th + tl (for a > 1, th = 1/a and tl its
 * remainder, exact by fma, times 1/a: 2^-102 relative). 2. c = j/64 the nearest table point to
 * th, r = (t - c)/(1 + t c), so atan t = atan c + atan r: th - c is exact (Sterbenz, c/2 <= th
 * <= 2c for j >= 1), t c exact by fma, the quotient with one fma correction (2^-100 relative);
 * |r| <= 2^-7 (1 + 2^-45) (the index rounding of th 64 + 1/2 adds at most 2^-46). 3. atan r =
 * r + r Q(s), Q(s) = -s/3 + s^2/5 - s^3/7 + s^4/9, with s = rh^2 and Q in double, |Q| <= 2^-15.58;
 * relative to |r|: truncation |r|^10 / 11 <= 2^-73.4; s from rh instead of rh + rl (|rl| <=
 * 2^-52 |rh|) and rounded, 2^-50.4 relative in s, so 2^-50.4 |Q| = 2^-66.0; Q's own roundings
 * (coefficients and Horner) 2^-51.7 |Q| = 2^-67.3; rl Q dropped 2^-67.6; rh q rounded 2^-68.6:
 * below 2^-65 |r| together. 4. atan c from the table (hi + lo, exact to 2^-106) plus atan r by
 * FastTwoSum (atan c >= atan(1/64) > |r|, or c = 0); the low parts' roundings are below 2^-100.
 * For j = 0, r = t and atan t >= 0.99 t; for j >= 1, |r| <= |t - c| <= t (1 + 2^-44) and atan t
 * >= (pi/4) t on [0, 1]: the error is below 2^-65 (4/pi) (1 + 2^-44) < 2^-64.6 of atan t.
 * 5. a > 1: pi/2 - atan t >= pi/4 >= atan t, so the error stays below 2^-64.6 of the result
 * (pi/2 as a double-double, 2^-107). Bound: |atan a - (r + rr)| < 2^-64.5 r;
 * {@link #FAST_BOUND} = 2^-62 keeps a factor 4 (of which the test's own sum uses 2^-52).
 *
 * <p>Rounding test. float64: r + rr is normalized (|rr| <= ulp(r)/2); with T = |rr| + bound r,
 * every value in [r - T, r + T] rounds to r if r + T and r - T do (rounding is monotone), and the
 * true value lies there ({@link ZivRounding#decides}). Narrow dtypes: |atan a - r| <= (2^-53 +
 * 2^-64.5) r < 2^-52 r, and {@link NarrowShortcut#decides} proves where that interval rounds
 * alike in float32, float16 and bfloat16; elsewhere the halving method rounds to odd.
 *
 * <p>Table: atan(j/64), j = 0 .. 64, from Euler's series in BigDecimal at 45 digits, once.
 *
 * <p>Halving method ({@link #accurate}):
 * <ol>
 *   <li>a > 1: atan a = pi/2 - atan(1/a), 1/a as a double-double (one fma correction);
 *   <li>three halvings t <- t / (1 + sqrt(1 + t^2)) (atan t = 2 atan of the result), each in
 *       double-double (sqrt with one Newton step): t <= 1 becomes u <= tan(pi/32) < 0.0985;
 *   <li>atan u = u P(v), v = u^2 <= 0.0097, P(v) = sum (-1)^n v^n / (2n + 1): the terms from v^5
 *       on (below 2^-33 together) in double, relative 2^-86 of the result, the rest by Horner in
 *       double-double; truncation after v^16: below 0.0097^17 < 2^-113;
 *   <li>8 atan u, then pi/2 minus it for a > 1 (|result| >= pi/4, no cancellation).
 * </ol>
 * Accuracy: relative error before the final rounding below 2^-80 (each double-double step about
 * 2^-104, the double tail 2^-86): correctly rounded except within 2^-80 relative of a midpoint.
 * Thresholds: a < 2^-27: atan x = x (1 - x^2/3 + ...) with x^2/3 < 2^-55.6, so x itself (the
 * remainder, of opposite sign, only matters to the rounding to odd). Special cases: NaN; ±0 keep
 * their sign; ±Infinity give ±pi/2 rounded.
 *
 * <p>Constants: pi/2 = 0x1.921fb54442d18p0 + 0x1.1a62633145c07p-54 (1.5707963267948966 +
 * 6.123233995736766e-17).
 */
public final class Arctan extends RoundingFunction {

  private static final double HALF_PI_HI = 0x1.921fb54442d18p0;
  private static final double HALF_PI_LO = 0x1.1a62633145c07p-54;

  /** Relative error bound of the table method's r + rr (see the class comment), a factor 4 spare. */
  static final double FAST_BOUND = 0x1p-62;

  /**
   * Relative distance of the table method's leading part r from atan |x|: |rr| <= 2^-53 r
   * (FastTwoSum) plus FAST_BOUND, below 2^-52.
   */
  static final double NARROW_BOUND = 0x1p-52;

  /** Above this |x| (and for tiny x) atan takes the accurate path only (1/|x| >= 2^-27 below). */
  private static final double FAST_LIMIT = 0x1p27;

  /** The table's points are c = j / TABLE_SIZE, j = 0 .. TABLE_SIZE. */
  private static final int TABLE_SIZE = 64;

  /** atan(j / 64) as double-doubles (hi the nearest double, lo the nearest double to the rest). */
  private static final double[] ATAN_HI = new double[TABLE_SIZE + 1];
  private static final double[] ATAN_LO = new double[TABLE_SIZE + 1];

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
    MathContext mc = new MathContext(45);
    for (int j = 0; j <= TABLE_SIZE; j++) {
      BigDecimal t = eulerAtan(BigDecimal.valueOf(j).divide(BigDecimal.valueOf(TABLE_SIZE)), mc);
      ATAN_HI[j] = t.doubleValue();
      ATAN_LO[j] = t.subtract(new BigDecimal(ATAN_HI[j])).doubleValue();
    }
  }

  /**
   * atan c for 0 <= c <= 1 by Euler's series, atan c = (c / (1 + c^2)) sum_n a_n y^n with
   * y = c^2 / (1 + c^2) <= 1/2, a_0 = 1, a_(n+1) = a_n (2n + 2) / (2n + 3) <= 1: each term at
   * most half the previous one, so stopping when a term falls below 10^-40 leaves less than
   * 2 10^-40 (at 45 digits, about 2^-130 relative for c >= 1/64).
   */
  private static BigDecimal eulerAtan(BigDecimal c, MathContext mc) {
    if (c.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal w = BigDecimal.ONE.add(c.multiply(c));
    BigDecimal y = c.multiply(c).divide(w, mc);
    BigDecimal threshold = new BigDecimal("1e-40");
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    for (int n = 0; term.compareTo(threshold) > 0; n++) {
      sum = sum.add(term, mc);
      term = term.multiply(y, mc).multiply(BigDecimal.valueOf(2 * n + 2))
          .divide(BigDecimal.valueOf(2 * n + 3), mc);
    }
    return c.divide(w, mc).multiply(sum, mc);
  }

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    return new ArctanKernel(rounding);
  }

  /** The table method, else the halving method; the derivative 1/(1 + x^2) has one path. */
  private static final class ArctanKernel extends FastPathKernel<Void> {
    ArctanKernel(FinalRounding rounding) {
      super(rounding);
    }

    @Override
    protected double fastValue(double x, double[] scratch) {
      return fast(x, rounding);
    }

    @Override
    protected double accurateValue(double x) {
      return accurate(x, rounding);
    }

    @Override
    protected double fastDerivative(double x, double[] scratch) {
      return accurateDerivative(x);
    }

    @Override
    protected double accurateDerivative(double x) {
      return ReciprocalSquare.of(Math.abs(x), true);
    }
  }

  /**
   * atan x rounded once for the dtype by the table method (see the class comment) where its
   * rounding test decides, else NaN (and for NaN, zeros, tiny, huge and infinite x).
   * Allocation-free and branch-free but for the range test.
   */
  static double fast(double x, FinalRounding rounding) {
    double a = Math.abs(x);
    if (!(a >= TINY && a <= FAST_LIMIT)) {
      return Double.NaN;
    }
    // t = min(a, 1/a) = num / den as th + tl: for a <= 1, den = 1 and th = a exactly, tl = 0;
    // for a > 1, th = 1/a rounded and tl its remainder (exact by fma, scaled by 1/a).
    double num = Math.min(a, 1);
    double den = Math.max(a, 1);
    double inv = 1 / den;
    double th = num * inv;
    double tl = -Math.fma(th, den, -num) * inv;
    // c = j/64 nearest th; r = (t - c) / (1 + t c), th - c exact (Sterbenz for j >= 1).
    int j = (int) (th * TABLE_SIZE + 0.5);
    double c = j * (1.0 / TABLE_SIZE);
    double nh = th - c;
    double p = th * c;
    double dh = 1 + p; // FastTwoSum: p <= 1
    double dl = ((1 - dh) + p) + (Math.fma(th, c, -p) + tl * c);
    double dInv = 1 / dh;
    double rh = nh * dInv;
    double rl = (Math.fma(-rh, dh, nh) + tl - rh * dl) * dInv;
    // atan r = r + r Q(r^2), |r| <= 2^-7: Q in double (|Q| < 2^-15.5).
    double s = rh * rh;
    double q = s * (-1.0 / 3 + s * (1.0 / 5 + s * (-1.0 / 7 + s * (1.0 / 9))));
    double ah = ATAN_HI[j];
    double h = ah + rh; // FastTwoSum: ah >= atan(1/64) > 2^-7 >= |rh|, or ah = 0
    double l = ((ah - h) + rh) + (ATAN_LO[j] + (rl + rh * q));
    double hh = h + l;
    double hl = l - (hh - h);
    // a > 1: pi/2 - (hh + hl), as base + sign (hh + hl) with base = 0 and sign = 1 for a <= 1.
    boolean inverse = a > 1;
    double sign = inverse ? -1 : 1;
    double base = inverse ? HALF_PI_HI : 0;
    double baseLo = inverse ? HALF_PI_LO : 0;
    double u = sign * hh;
    double vh = base + u; // FastTwoSum: hh <= pi/4 < base, or base = 0
    double vl = ((base - vh) + u) + (baseLo + sign * hl);
    double r = vh + vl;
    double rr = vl - (r - vh);
    if (rounding.toOdd() ? NarrowShortcut.decides(r, NARROW_BOUND) : ZivRounding.decides(r, rr, FAST_BOUND * Math.abs(r), FinalRounding.NEAREST)) {
      return Math.copySign(r, x);
    }
    return Double.NaN;
  }

  /**
   * atan x rounded once for the dtype by the halving method (the accurate path, see the class
   * comment), also the fallback of {@link #fast} where the fast path cannot decide.
   */
  static double accurate(double x, FinalRounding rounding) {
    if (x != x || x == 0) {
      return x;
    }
    double a = Math.abs(x);
    if (a < TINY) {
      return DoubleRounding.finish(x, -x, rounding);
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
    return Math.copySign(DoubleRounding.finish(r, rl - (r - rh), rounding), x);
  }
}
