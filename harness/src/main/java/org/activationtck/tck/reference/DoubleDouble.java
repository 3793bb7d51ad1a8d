package org.activationtck.tck.reference;

import org.activationtck.spec.API;

/**
 * A double-double: the unevaluated sum hi + lo with |lo| <= ulp(hi)/2, about 106 significant bits;
 * enough arithmetic for the axis references (softmax, log_softmax, glu) to round their results
 * within 1 ulp even where the plain double formulas lose tens of ulps.
 *
 * <p>Method: the error-free transformations TwoSum (Knuth), FastTwoSum (Dekker) and TwoProd (one
 * fused multiply-add). Addition, multiplication and division below have relative error below
 * 2^-100 (Joldes, Muller, Popescu, "Tight and rigorous error bounds for basic building blocks of
 * double-word arithmetic", 2017: at most 3u^2, 4u^2 and 10u^2 with u = 2^-53).
 *
 * <p>{@link #expReduced}: e^(x - k ln 2) for the caller's k = round(x / ln 2). Method: 1. r = x -
 * k ln 2 with ln 2 as a double-double (error |k| 2^-53 * 2.3e-17 < 2^-96 for |k| <= 2200); 2.
 * r' = r / 2^8, |r'| < 0.0014, expm1(r') by its Taylor series to degree 10 (remainder below
 * 0.0014^11 / 11! < 2^-130); 3. eight squarings in expm1 form, em <- em (em + 2), which keep the
 * relative error of a small result and amplify it at most 2^8-fold: about 2^-92 in all; 4. 1 + em.
 * Returns the mantissa e^r in [0.70, 1.42]; the caller scales by 2^k once at the end.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DoubleDouble {

  /** ln 2 = LN2_HI + LN2_LO to 106 bits: 0x1.62e42fefa39efp-1 + 0x1.abc9e3b39803fp-56. */
  private static final double LN2_HI = 0x1.62e42fefa39efp-1; // 0.6931471805599453
  private static final double LN2_LO = 0x1.abc9e3b39803fp-56; // 2.319046813846299558e-17

  /** Squarings after dividing r by 2^SQUARINGS. */
  private static final int SQUARINGS = 8;

  /** Taylor degree for |r'| < 0.0014: the next term is below 2^-130. */
  private static final int DEGREE = 10;

  public static final DoubleDouble ZERO = new DoubleDouble(0, 0);
  public static final DoubleDouble ONE = new DoubleDouble(1, 0);

  public final double hi;
  public final double lo;

  private DoubleDouble(double hi, double lo) {
    this.hi = hi;
    this.lo = lo;
  }

  /** hi + lo renormalized (FastTwoSum; requires |hi| >= |lo| or hi = 0). */
  public static DoubleDouble of(double hi, double lo) {
    double s = hi + lo;
    return new DoubleDouble(s, lo - (s - hi));
  }

  /** The exact sum a + b of two doubles (TwoSum). */
  public static DoubleDouble sum(double a, double b) {
    double s = a + b;
    double bb = s - a;
    double e = (a - (s - bb)) + (b - bb);
    return new DoubleDouble(s, e);
  }

  public DoubleDouble add(DoubleDouble b) {
    DoubleDouble s = sum(hi, b.hi);
    DoubleDouble t = sum(lo, b.lo);
    DoubleDouble u = of(s.hi, s.lo + t.hi);
    return of(u.hi, u.lo + t.lo);
  }

  public DoubleDouble add(double b) {
    DoubleDouble s = sum(hi, b);
    return of(s.hi, s.lo + lo);
  }

  public DoubleDouble negate() {
    return new DoubleDouble(-hi, -lo);
  }

  public DoubleDouble multiply(DoubleDouble b) {
    double p = hi * b.hi;
    double e = Math.fma(hi, b.hi, -p);
    return of(p, e + (hi * b.lo + lo * b.hi));
  }

  public DoubleDouble multiply(double b) {
    double p = hi * b;
    double e = Math.fma(hi, b, -p);
    return of(p, e + lo * b);
  }

  public DoubleDouble divide(DoubleDouble b) {
    double q1 = hi / b.hi;
    DoubleDouble r = add(b.multiply(q1).negate());
    double q2 = r.hi / b.hi;
    r = r.add(b.multiply(q2).negate());
    double q3 = r.hi / b.hi;
    DoubleDouble q = of(q1, q2);
    return q.add(q3);
  }

  public DoubleDouble divide(double b) {
    double q1 = hi / b;
    double p = q1 * b;
    double e = Math.fma(q1, b, -p);
    double q2 = ((hi - p) - e + lo) / b;
    return of(q1, q2);
  }

  /** Exact scaling by 2^n (when no part leaves the normal range). */
  public DoubleDouble scalb(int n) {
    return new DoubleDouble(Math.scalb(hi, n), Math.scalb(lo, n));
  }

  /** The reduction exponent k = round(x / ln 2) for {@link #expReduced}. */
  public static int reductionExponent(double x) {
    return (int) Math.rint(x / LN2_HI);
  }

  /** e^(x - k ln 2) for |x| <= 1500 and k = reductionExponent(x.hi); see the class header. */
  public static DoubleDouble expReduced(DoubleDouble x, int k) {
    double p = k * LN2_HI;
    double e = Math.fma(k, LN2_HI, -p) + k * LN2_LO;
    DoubleDouble r = x.add(of(p, e).negate()).scalb(-SQUARINGS);
    DoubleDouble term = r;
    DoubleDouble em = r;
    for (int i = 2; i <= DEGREE; i++) {
      term = term.multiply(r).divide(i);
      em = em.add(term);
    }
    for (int i = 0; i < SQUARINGS; i++) {
      em = em.multiply(em.add(2.0));
    }
    return em.add(1.0);
  }

  /**
   * ln(1 + s) for s >= 0, relative error below 2^-80. For s < 2^-20 the series s - s^2/2 + ... -
   * s^6/6 (remainder s^7/7 < 2^-120 s); above, one Newton step y + (1 + s) e^-y - 1 from y =
   * Math.log1p(s) (quadratic convergence from 2^-52; the correction's absolute error 2^-100 (1 + s)
   * is relative 2^-79 at worst, at s = 2^-20).
   */
  public static DoubleDouble log1p(DoubleDouble s) {
    if (s.hi == 0) {
      return ZERO;
    }
    if (s.hi < 0x1p-20) {
      DoubleDouble sum = ZERO;
      DoubleDouble power = s;
      for (int i = 1; i <= 6; i++) {
        DoubleDouble t = power.divide(i);
        sum = (i % 2 == 1) ? sum.add(t) : sum.add(t.negate());
        power = power.multiply(s);
      }
      return sum;
    }
    double y = Math.log1p(s.hi + s.lo);
    int k = reductionExponent(-y);
    DoubleDouble inverse = expReduced(of(-y, 0), k).scalb(k);
    DoubleDouble correction = s.add(1.0).multiply(inverse).add(-1.0);
    return correction.add(y);
  }
}
