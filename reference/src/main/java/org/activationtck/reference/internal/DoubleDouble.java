package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * Double-double arithmetic (an unevaluated sum hi + lo with |lo| <= ulp(hi)/2, about 106 bits)
 * for the accurate paths of the reference kernels that must round a transcendental result once:
 * sigmoid, tanh, silu, tanh_shrink, gelu (elementwise) and softmax, log_softmax, softmin, glu
 * (axis), which run where a fast path's rounding test cannot decide. Values are small immutable
 * objects used only as locals. Arithmetic only: the functions of a double-double argument are
 * the kernels' ({@link ExpDoubleDouble#expScaled}, {@link Log1pDoubleDouble#log1p(DoubleDouble)},
 * {@link ErfcDoubleDouble}). (The fast paths use the allocation-free
 * {@link FastExpDoubleDouble}, {@link FastLog1pDoubleDouble} and {@link ShiftedExp}.)
 *
 * <p>Primitives: Knuth's TwoSum ({@link #sum}) and the FMA two-product (Math.fma), both exact;
 * add, mul and div have relative error below 2^-100 (Joldes, Muller, Popescu, "Tight and rigorous
 * error bounds for basic building blocks of double-word arithmetic", 2017: at most 3u^2, 4u^2
 * and 10u^2 with u = 2^-53; the division here uses three correction steps).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DoubleDouble {

  /** ln 2 = 0x1.62e42fefa39efp-1 + 0x1.abc9e3b39803fp-56 (0.6931471805599453 + 2.3e-17). */
  public static final DoubleDouble LN2 = new DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56);

  public static final DoubleDouble ONE = new DoubleDouble(1, 0);

  public static final DoubleDouble ZERO = new DoubleDouble(0, 0);

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

  /** a / b for a double b (one correction step: relative error about 2^-104). */
  public static DoubleDouble div(DoubleDouble a, double b) {
    double q1 = a.hi / b;
    double p = q1 * b;
    double e = Math.fma(q1, b, -p);
    double q2 = ((a.hi - p) - e + a.lo) / b;
    return fast(q1, q2);
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
