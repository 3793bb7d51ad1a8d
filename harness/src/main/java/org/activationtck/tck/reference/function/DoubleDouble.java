package org.activationtck.tck.reference.function;

/**
 * Double-double arithmetic (an unevaluated sum hi + lo with |lo| <= ulp(hi)/2, about 106 bits)
 * for the reference kernels that must round a transcendental result once: sigmoid, tanh, silu,
 * tanh_shrink and gelu. Values are small immutable objects used only as locals, which HotSpot's
 * escape analysis keeps in registers; no arrays, no caches.
 *
 * <p>Primitives: Knuth's two-sum and the FMA two-product (Math.fma), both exact; add, mul and div
 * have relative error below 2^-104 (Dekker, Shewchuk; the division uses three correction steps).
 *
 * <p>{@link #expScaled}: e^a = m * 2^k, |a| <= 1100. Method: (1) k = rint(a/ln 2), r = a - k ln 2
 * with ln 2 as a double-double (|r| <= 0.347); (2) s = r / 256, e^s - 1 by its Taylor series to
 * s^12/12! (|s| <= 0.00136, remainder below s^13/13! < 10^-46); (3) eight squarings of
 * (1 + u) as u <- 2u + u^2, which keep u's relative accuracy and multiply the error by at most
 * 2^8: relative error below 10^-29 overall. Scaling by 2^k is left to the caller, so results that
 * are subnormal in double are rounded once, at the end.
 */
final class DoubleDouble {

  /** ln 2 = 0x1.62e42fefa39efp-1 + 0x1.abc9e3b39803fp-56. */
  static final DoubleDouble LN2 = new DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56);

  static final DoubleDouble ONE = new DoubleDouble(1, 0);

  static final DoubleDouble ZERO = new DoubleDouble(0, 0);

  /** Below -UNDERFLOW: e^a |a|^3 < 2^-1570 (decreasing in |a|), and every factor used here is
   *  below |a|^3, so the scaled product is zero in double. */
  static final double UNDERFLOW = 1110;

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

  final double hi;
  final double lo;

  DoubleDouble(double hi, double lo) {
    this.hi = hi;
    this.lo = lo;
  }

  static DoubleDouble of(double x) {
    return new DoubleDouble(x, 0);
  }

  /** hi + lo renormalized, assuming |a| >= |b| or a == 0. */
  private static DoubleDouble fast(double a, double b) {
    double s = a + b;
    return new DoubleDouble(s, b - (s - a));
  }

  static DoubleDouble add(DoubleDouble a, DoubleDouble b) {
    double s = a.hi + b.hi;
    double bb = s - a.hi;
    double e = (a.hi - (s - bb)) + (b.hi - bb);
    double t = a.lo + b.lo;
    double tb = t - a.lo;
    double f = (a.lo - (t - tb)) + (b.lo - tb);
    DoubleDouble u = fast(s, e + t);
    return fast(u.hi, u.lo + f);
  }

  static DoubleDouble negate(DoubleDouble a) {
    return new DoubleDouble(-a.hi, -a.lo);
  }

  static DoubleDouble sub(DoubleDouble a, DoubleDouble b) {
    return add(a, negate(b));
  }

  static DoubleDouble mul(DoubleDouble a, DoubleDouble b) {
    double p = a.hi * b.hi;
    double e = Math.fma(a.hi, b.hi, -p);
    e += a.hi * b.lo + a.lo * b.hi;
    return fast(p, e);
  }

  static DoubleDouble mul(DoubleDouble a, double b) {
    double p = a.hi * b;
    double e = Math.fma(a.hi, b, -p) + a.lo * b;
    return fast(p, e);
  }

  static DoubleDouble div(DoubleDouble a, DoubleDouble b) {
    double q1 = a.hi / b.hi;
    DoubleDouble r = sub(a, mul(b, q1));
    double q2 = r.hi / b.hi;
    r = sub(r, mul(b, q2));
    double q3 = r.hi / b.hi;
    DoubleDouble q = fast(q1, q2);
    return add(q, of(q3));
  }

  /**
   * The double nearest a (hi), except that a hi which is a float32 midpoint while lo != 0 moves
   * one double ulp toward lo: the reference's float32 result is (float) of its double result,
   * and a double that sits exactly on a float32 midpoint would tie to even instead of rounding
   * toward the true value. The move keeps the float64 error below 1 ulp.
   */
  static double round(DoubleDouble a) {
    return a.lo != 0 && isFloat32Midpoint(a.hi)
        ? Math.nextAfter(a.hi, a.lo > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
        : a.hi;
  }

  /** Whether finite d lies exactly halfway between two adjacent float32 values. */
  static boolean isFloat32Midpoint(double d) {
    float f = (float) d;
    if ((double) f == d || Float.isInfinite(f)) {
      return false;
    }
    float g = Math.nextAfter(f, d > f ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    return d - f == (double) g - d;
  }

  /** Multiplies by 2^k exactly while hi and lo stay normal. */
  static DoubleDouble scalb(DoubleDouble a, int k) {
    return new DoubleDouble(Math.scalb(a.hi, k), Math.scalb(a.lo, k));
  }

  /** e^a as mantissa m (in [0.7, 1.42]) and exponent k: see the class comment. */
  static Scaled expScaled(DoubleDouble a) {
    if (a.hi < -UNDERFLOW) {
      return new Scaled(ZERO, 0); // e^a < 2^-1600: zero in double however it is scaled
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

  /** e^a for results in the normal double range. */
  static DoubleDouble exp(DoubleDouble a) {
    Scaled e = expScaled(a);
    return scalb(e.m, e.k);
  }

  /** A double-double m times 2^k. */
  static final class Scaled {
    final DoubleDouble m;
    final int k;

    Scaled(DoubleDouble m, int k) {
      this.m = m;
      this.k = k;
    }

    /** (m * f) * 2^k rounded to double once (twice only when the result is subnormal). */
    double times(DoubleDouble f) {
      if (m.hi == 0) {
        return 0.0 * f.hi; // keeps the sign of the factor
      }
      DoubleDouble p = mul(m, f);
      double r = Math.scalb(p.hi, k);
      return p.lo != 0 && isFloat32Midpoint(r)
          ? Math.nextAfter(r, p.lo > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY) : r;
    }
  }
}
