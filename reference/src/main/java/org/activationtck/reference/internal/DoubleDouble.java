package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * Double-double arithmetic (an unevaluated sum hi + lo with |lo| <= ulp(hi)/2, about 106 bits)
 * for the accurate paths of the reference kernels that must round a transcendental result once:
 * sigmoid, tanh, silu, tanh_shrink, gelu (elementwise) and softmax, log_softmax, softmin, glu
 * (axis), which run where a fast path's rounding test cannot decide. Values are small immutable
 * objects used only as locals. (The fast paths use the allocation-free
 * {@link FastExpDoubleDouble}, {@link FastLog1pDoubleDouble} and {@link ShiftedExp}; the purely
 * elementwise accurate paths {@link ExpDoubleDouble} and {@link Log1pDoubleDouble}.)
 *
 * <p>Primitives: Knuth's TwoSum ({@link #sum}) and the FMA two-product (Math.fma), both exact;
 * add, mul and div have relative error below 2^-100 (Joldes, Muller, Popescu, "Tight and rigorous
 * error bounds for basic building blocks of double-word arithmetic", 2017: at most 3u^2, 4u^2
 * and 10u^2 with u = 2^-53; the division here uses three correction steps).
 *
 * <p>{@link #expScaled}: e^a = m * 2^k, |a| <= 2000. Method: (1) k = rint(a/ln 2), r = a - k ln 2
 * with ln 2 as a double-double (error |k| 2^-53 * 2.3e-17 < 2^-94 for |k| <= 2900; |r| <= 0.347);
 * (2) s = r / 256, e^s - 1 by its Taylor series to s^12/12! (|s| <= 0.00136, remainder below
 * s^13/13! < 10^-46); (3) eight squarings of (1 + u) as u <- 2u + u^2, which keep u's relative
 * accuracy and multiply the error by at most 2^8: relative error below 10^-29 overall. Scaling by
 * 2^k is left to the caller, so results that are subnormal in double are rounded once, at the
 * end.
 *
 * <p>{@link #log1p}: ln(1 + s) for s >= 0, relative error below 2^-80. For s < 2^-20 the series
 * s - s^2/2 + ... - s^6/6 (remainder s^7/7 < 2^-120 s); above, one Newton step y + (1 + s) e^-y
 * - 1 from y = Math.log1p(s) (quadratic convergence from 2^-52; the correction's absolute error
 * 2^-100 (1 + s) is relative 2^-79 at worst, at s = 2^-20).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DoubleDouble {

  /** ln 2 = 0x1.62e42fefa39efp-1 + 0x1.abc9e3b39803fp-56 (0.6931471805599453 + 2.3e-17). */
  public static final DoubleDouble LN2 = new DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56);

  public static final DoubleDouble ONE = new DoubleDouble(1, 0);

  public static final DoubleDouble ZERO = new DoubleDouble(0, 0);

  /**
   * Below -UNDERFLOW, e^a < 2^-2885, and every factor a caller multiplies it by is a double
   * (below 2^1024) or a product of a few (below |a|^3): the scaled product is zero in double.
   * Also keeps k = rint(a / ln 2) in int range.
   */
  static final double UNDERFLOW = 2000;

  /** 1/n! for n = 0..12, each a rounded double-double. */
  private static final DoubleDouble[] INVERSE_FACTORIAL = new DoubleDouble[13];

  static {
    double f = 1;
    for (int n = 0; n <= 12; n++) {
      if (n > 0) {
        f *= n; // exact: 12! < 2^53
      }
      INVERSE_FACTORIAL[n] = div(ONE, new DoubleDouble(f, 0));
    }
  }

  public final double hi;
  public final double lo;

  private DoubleDouble(double hi, double lo) {
    this.hi = hi;
    this.lo = lo;
  }

  /** The double x. */
  public static DoubleDouble of(double x) {
    return new DoubleDouble(x, 0);
  }

  /** hi + lo renormalized (FastTwoSum; requires |hi| >= |lo| or hi = 0). */
  public static DoubleDouble of(double hi, double lo) {
    return fast(hi, lo);
  }

  /** The exact sum a + b of two doubles (TwoSum). */
  public static DoubleDouble sum(double a, double b) {
    double s = a + b;
    return new DoubleDouble(s, twoSumError(a, b, s));
  }

  /** The rounding error of s = fl(a + b): a + b = s + twoSumError(a, b, s) exactly (Knuth). */
  public static double twoSumError(double a, double b, double s) {
    double bv = s - a;
    double av = s - bv;
    return (a - av) + (b - bv);
  }

  /** hi + lo renormalized, assuming |a| >= |b| or a == 0. */
  private static DoubleDouble fast(double a, double b) {
    double s = a + b;
    return new DoubleDouble(s, b - (s - a));
  }

  public static DoubleDouble add(DoubleDouble a, DoubleDouble b) {
    double s = a.hi + b.hi;
    double bb = s - a.hi;
    double e = (a.hi - (s - bb)) + (b.hi - bb);
    double t = a.lo + b.lo;
    double tb = t - a.lo;
    double f = (a.lo - (t - tb)) + (b.lo - tb);
    DoubleDouble u = fast(s, e + t);
    return fast(u.hi, u.lo + f);
  }

  public static DoubleDouble negate(DoubleDouble a) {
    return new DoubleDouble(-a.hi, -a.lo);
  }

  public static DoubleDouble sub(DoubleDouble a, DoubleDouble b) {
    return add(a, negate(b));
  }

  public static DoubleDouble mul(DoubleDouble a, DoubleDouble b) {
    double p = a.hi * b.hi;
    double e = Math.fma(a.hi, b.hi, -p);
    e += a.hi * b.lo + a.lo * b.hi;
    return fast(p, e);
  }

  public static DoubleDouble mul(DoubleDouble a, double b) {
    double p = a.hi * b;
    double e = Math.fma(a.hi, b, -p) + a.lo * b;
    return fast(p, e);
  }

  public static DoubleDouble div(DoubleDouble a, DoubleDouble b) {
    double q1 = a.hi / b.hi;
    DoubleDouble r = sub(a, mul(b, q1));
    double q2 = r.hi / b.hi;
    r = sub(r, mul(b, q2));
    double q3 = r.hi / b.hi;
    DoubleDouble q = fast(q1, q2);
    return add(q, of(q3));
  }

  /** a rounded once for the dtype: {@link DoubleRounding#finish}(a.hi, a.lo, rounding). */
  public static double round(DoubleDouble a, FinalRounding rounding) {
    return DoubleRounding.finish(a.hi, a.lo, rounding);
  }

  /** Multiplies by 2^k exactly while hi and lo stay normal. */
  public static DoubleDouble scalb(DoubleDouble a, int k) {
    return new DoubleDouble(Math.scalb(a.hi, k), Math.scalb(a.lo, k));
  }

  /** e^a as mantissa m (in [0.7, 1.42]) and exponent k: see the class comment. */
  public static Scaled expScaled(DoubleDouble a) {
    if (a.hi < -UNDERFLOW) {
      return new Scaled(ZERO, 0); // zero in double however it is scaled (see UNDERFLOW)
    }
    int k = (int) Math.rint(a.hi / LN2.hi);
    DoubleDouble r = sub(a, mul(LN2, (double) k));
    DoubleDouble s = scalb(r, -8);
    DoubleDouble p = INVERSE_FACTORIAL[12];
    for (int n = 11; n >= 1; n--) {
      p = add(mul(p, s), INVERSE_FACTORIAL[n]);
    }
    DoubleDouble u = mul(p, s); // e^s - 1
    for (int i = 0; i < 8; i++) {
      u = add(scalb(u, 1), mul(u, u));
    }
    return new Scaled(add(ONE, u), k);
  }

  /** a / b for a double b (one correction step: relative error about 2^-104). */
  public static DoubleDouble div(DoubleDouble a, double b) {
    double q1 = a.hi / b;
    double p = q1 * b;
    double e = Math.fma(q1, b, -p);
    double q2 = ((a.hi - p) - e + a.lo) / b;
    return fast(q1, q2);
  }

  /** ln(1 + s) for s >= 0 (see the class comment). */
  public static DoubleDouble log1p(DoubleDouble s) {
    if (s.hi == 0) {
      return ZERO;
    }
    if (s.hi < 0x1p-20) {
      DoubleDouble sum = ZERO;
      DoubleDouble power = s;
      for (int i = 1; i <= 6; i++) {
        DoubleDouble t = div(power, i);
        sum = (i % 2 == 1) ? add(sum, t) : sub(sum, t);
        power = mul(power, s);
      }
      return sum;
    }
    double y = Math.log1p(s.hi + s.lo);
    DoubleDouble inverse = exp(of(-y));
    DoubleDouble correction = add(mul(add(s, ONE), inverse), of(-1.0));
    return add(correction, of(y));
  }

  /** e^a for results in the normal double range. */
  public static DoubleDouble exp(DoubleDouble a) {
    Scaled e = expScaled(a);
    return scalb(e.m, e.k);
  }

  /** A double-double m times 2^k. */
  public static final class Scaled {
    public final DoubleDouble m;
    public final int k;

    Scaled(DoubleDouble m, int k) {
      this.m = m;
      this.k = k;
    }

    /**
     * (m * f) * 2^k rounded once for the dtype ({@link DoubleRounding#finish}); a subnormal
     * result is rounded once to the subnormal grid ({@link DoubleRounding#scaleDown}).
     */
    public double times(DoubleDouble f, FinalRounding rounding) {
      if (m.hi == 0) {
        return 0.0 * f.hi; // keeps the sign of the factor
      }
      DoubleDouble p = mul(m, f);
      double r = Math.scalb(p.hi, k);
      if (Math.abs(r) < Double.MIN_NORMAL && k < 0) {
        return DoubleRounding.scaleDown(p.hi, p.lo, -k);
      }
      return DoubleRounding.finish(r, p.lo, rounding);
    }
  }
}
