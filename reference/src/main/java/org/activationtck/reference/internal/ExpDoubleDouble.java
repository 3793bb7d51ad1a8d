package org.activationtck.reference.internal;

import java.math.BigDecimal;
import org.activationtck.spi.API;

/**
 * The accurate tier of e^x (the fast tier is {@link FastExpDoubleDouble}): e^x and e^x - 1 of a
 * double x as unevaluated sums hi + lo with relative error about 2^-80, allocation-free, for
 * references whose result must round correctly after more arithmetic on e^x (elu, selu, celu,
 * softplus, mish, soft_exponential, exponential); and e^a of a double-double a within 2^-102, as a
 * {@link DoubleDouble.Scaled}, for the double-double accurate paths (see the last paragraph).
 *
 * <p>Method (table-driven, after Tang). 1. Reduction: k = rint(x 256 / ln 2), r = x - k ln2/256
 * with ln2/256 split into three parts; the first has 32 significant bits (fdlibm's ln2HI / 256),
 * so k * LN2_N_HI is exact for |k| < 2^21 (|x| < 5600) and x - k * LN2_N_HI is exact
 * (Sterbenz); the rest is folded in with {@link Math#fma}, giving r as a double-double,
 * |r| <= ln2/512 < 1.36e-3. 2. Approximation: expm1(r) = r + r^2 (1/2 + r/6 + ... + r^5/5040),
 * truncation below r^8/8! (relative 2^-82 of expm1(r)), with r^2 exact by fma and the small
 * polynomial in double (its rounding is 2^-65 of a term that is itself 7e-4 of the total).
 * 3. Reconstruction: e^x = 2^q 2^(j/256) (1 + m) with k = 256 q + j, the 256 values 2^(j/256)
 * tabulated as double-doubles (exact to 2^-106, computed once from square roots of 2 in
 * BigDecimal); the product's error is below 2^-90 relative, as m's error enters scaled by
 * |m| < 1.4e-3. Results in the subnormal range lose low bits in the scaling, as any double
 * would. Overflow above 709.79 (+Infinity), zero below -745.2. (The previous method, eight
 * doublings of expm1(r/256), cost about three times as much.)
 *
 * <p>e^x - 1 ({@link #expm1Hi}, {@link #expm1Lo}): for |x| >= {@link #EXPM1_SERIES} = 2^-10 it
 * is (hi - 1) + lo, where hi - 1 is exact (Sterbenz for hi in [1/2, 2], and for larger |x| the
 * subtraction only loses bits below 2^-80 of the result) and the absolute error 2^-80 e^x is
 * relative 2^-80 e^x / |e^x - 1| <= 2^-80 / |x| * 1.001 < 2^-69.9 at |x| = 2^-10. Below, the
 * Taylor series x + x^2/2 + x^3 (1/6 + ... + x^6/9!) with x^2 exact (fma) and the cubic part in
 * double: truncation x^10/10! is relative below 2^-111, the rounding of the cubic part (below
 * 2^-22 |x|) is relative 2^-75.
 *
 * <p>Allocation-free: each method runs the whole evaluation and returns one part; a caller
 * that needs both calls both (about twice the cost of one, still far below an object).
 *
 * <p>Double-double argument ({@link #expScaled}, {@link #exp(DoubleDouble)}): e^a for a = ah + al,
 * relative error below 2^-102, for the accurate paths that carry their argument in double-double
 * (gelu's -t^2, softmax's x_j - m) or need more than 2^-80 (sigmoid, silu and tanh far tails,
 * glu, log_softmax, log1p's Newton step). The same reduction with the whole argument:
 * K = rint(ah 256/ln 2), and r = (ah - K LN2_N_HI) - K LN2_N_MID - K LN2_N_LO + al summed in
 * double-double (the first difference exact as above, K LN2_N_MID exact by fma, K LN2_N_LO
 * rounded once: absolute error below 2^-112 for |a| <= 2000); e^r - 1 by its Taylor polynomial to
 * r^9/9! in double-double Horner form (truncation r^10/10! < 2^-117; nine multiplications and
 * eight additions, each within 4u^2 relative, u = 2^-53: below 2^-100 relative of e^r - 1, which
 * is at most 1.4e-3); then 2^(j/256) (1 + m) from the same table (exact to 2^-106). The result is
 * m 2^k with k = floor((K + 128) / 256) and j = K - 256 k in [-128, 127] (2^(j/256) for j < 0
 * is half the table's 2^((j + 256)/256), exactly), so m lies in [0.706, 1.42] and the caller
 * scales once (a subnormal result is rounded once, by {@link DoubleDouble.Scaled#times}). About
 * half the double-double operations of the method it replaced (e^(r/256) by a Taylor series to
 * degree 12, then eight squarings: 21 multiplications, 21 additions and 9 scalings, against 10
 * multiplications, 10 additions and two TwoSums here).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExpDoubleDouble {

  /** Below this |x|, e^x - 1 comes from its Taylor series (see the class comment). */
  static final double EXPM1_SERIES = 0x1p-10;

  /** Below this x, e^x < 2^-57 < ulp(1)/2: e^x - 1 is -1 plus a remainder. */
  static final double EXPM1_SATURATION = -40;

  /** Results of {@link #timesExp} below 2^-960 are formed at 2^SUBNORMAL_SCALE times their size. */
  private static final int SUBNORMAL_SCALE = 600;

  /** Below this x, |ch| e^x < 2^1024 e^-1500 < 2^-1140 for every double ch: the product is 0. */
  private static final double TIMES_EXP_ZERO = -1500;

  private static final int LOG2_N = ExpReductionTable.LOG2_N;
  private static final int N = ExpReductionTable.N;
  private static final double LN2_N_HI = ExpReductionTable.LN2_N_HI;
  private static final double LN2_N_MID = ExpReductionTable.LN2_N_MID;
  private static final double LN2_N_LO = ExpReductionTable.LN2_N_LO;
  private static final double INV_LN2_N = ExpReductionTable.INV_LN2_N;

  /**
   * Below -EXP_UNDERFLOW, e^a < 2^-2885, and every factor a caller multiplies it by is a double
   * (below 2^1024) or a product of a few (below |a|^3): the scaled product is zero in double.
   * Also keeps K LN2_N_HI exact (|K| < 2^21).
   */
  static final double EXP_UNDERFLOW = 2000;

  /** 1/n! for n = 1..9 as double-doubles (each the 1/n! rounded to about 2^-106). */
  private static final DoubleDouble[] INVERSE_FACTORIAL = new DoubleDouble[10];

  /** 2^(j/N) as double-doubles (hi the nearest double, lo the nearest double to the rest). */
  private static final double[] TABLE_HI = new double[N];
  private static final double[] TABLE_LO = new double[N];

  static {
    for (int j = 0; j < N; j++) {
      BigDecimal t = ExpReductionTable.power(j);
      TABLE_HI[j] = t.doubleValue();
      TABLE_LO[j] = t.subtract(new BigDecimal(TABLE_HI[j])).doubleValue();
    }
    BigDecimal factorial = BigDecimal.ONE;
    for (int n = 1; n < INVERSE_FACTORIAL.length; n++) {
      factorial = factorial.multiply(BigDecimal.valueOf(n));
      BigDecimal inverse = BigDecimal.ONE.divide(factorial, ExpReductionTable.DIGITS_60);
      double hi = inverse.doubleValue();
      double lo = inverse.subtract(new BigDecimal(hi)).doubleValue();
      INVERSE_FACTORIAL[n] = DoubleDouble.of(hi, lo);
    }
  }

  private ExpDoubleDouble() {}

  /** The leading part of e^x (the correctly rounded e^x up to about 2^-80 relative). */
  public static double hi(double x) {
    return eval(x, false, 0);
  }

  /** The trailing part: e^x - hi(x), to about 2^-80 relative of e^x. */
  public static double lo(double x) {
    return eval(x, true, 0);
  }

  /**
   * The leading or trailing part of e^x * 2^scale for -1400 <= x <= 700, computed without
   * intermediate underflow (for tails whose final result is rescaled once).
   */
  public static double scaled(double x, int scale, boolean low) {
    return eval(x, low, scale);
  }

  /** The leading part of e^x - 1: its nearest double up to about 2^-61 relative. */
  public static double expm1Hi(double x) {
    return expm1(x, false);
  }

  /** The trailing part: e^x - 1 - expm1Hi(x), to about 2^-61 relative of e^x - 1. */
  public static double expm1Lo(double x) {
    return expm1(x, true);
  }

  private static double expm1(double x, boolean low) {
    if (x != x || x == 0) {
      return low ? 0 : x;
    }
    if (Math.abs(x) < EXPM1_SERIES) {
      // x + x^2/2 (x^2 exact by fma) + x^3 (1/6 + x/24 + ... + x^6/9!) in double.
      double x2 = x * x;
      double x2l = Math.fma(x, x, -x2);
      double rest = x2 * x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720
          + x * (1.0 / 5040 + x * (1.0 / 40320 + x * (1.0 / 362880)))))));
      double t = x2 * 0.5;
      double h = x + t;
      double l = ((x - h) + t) + (x2l * 0.5 + rest);
      double hh = h + l;
      return low ? l - (hh - h) : hh;
    }
    if (x > 709.8) {
      return low ? 0 : Double.POSITIVE_INFINITY;
    }
    if (x < EXPM1_SATURATION) {
      // e^x < 2^-57: -1 is the nearest double and e^x the remainder (at least the smallest
      // subnormal, as a sticky bit for rounding to odd; 0 only at -Infinity).
      if (!low) {
        return -1.0;
      }
      return x == Double.NEGATIVE_INFINITY ? 0 : Math.max(hi(x), Double.MIN_VALUE);
    }
    double eh = hi(x);
    if (Double.isInfinite(eh)) {
      return low ? 0 : eh;
    }
    double el = lo(x);
    // eh - 1 is exact for eh in [1/2, 2]; elsewhere TwoSum keeps what it drops.
    double d = eh - 1;
    double db = d - eh;
    double de = (eh - (d - db)) + (-1 - db);
    double l = de + el;
    double h = d + l;
    return low ? l - (h - d) : h;
  }

  private static double eval(double x, boolean low, int scale) {
    if (x != x) {
      return x;
    }
    if (x > 709.8 && scale <= 0) {
      return low ? 0 : Double.POSITIVE_INFINITY;
    }
    if (x < -745.2 && scale == 0) {
      return 0;
    }
    // x = (256 q + j) ln2/256 + r, |r| <= ln2/512 (plus rounding): e^x = 2^q 2^(j/256) e^r.
    double kd = Math.rint(x * INV_LN2_N);
    int k = (int) kd;
    double a = x - kd * LN2_N_HI;
    double bh = kd * LN2_N_MID;
    double bl = Math.fma(kd, LN2_N_MID, -bh) + kd * LN2_N_LO;
    double rh = a - bh;
    double rl = ((a - rh) - bh) - bl;
    // m = e^r - 1 = r + r^2 (1/2 + p1), |r| < 1.36e-3
    double r2h = rh * rh;
    double r2l = Math.fma(rh, rh, -r2h) + 2 * rh * rl;
    double p1 = rh * (1.0 / 6 + rh * (1.0 / 24 + rh * (1.0 / 120 + rh * (1.0 / 720
        + rh * (1.0 / 5040)))));
    double qh = r2h * 0.5;
    double ql = r2l * 0.5 + r2h * p1;
    double mh = rh + qh; // TwoSum, |r| > |q|
    double ml = (qh - (mh - rh)) + rl + ql;
    // 2^(j/256) (1 + m) = th + (th m + tl (1 + m)), th >= 1 > |th m|: FastTwoSum.
    int j = k & (N - 1);
    double th = TABLE_HI[j];
    double tl = TABLE_LO[j];
    double p = th * mh;
    double pl = Math.fma(th, mh, -p) + th * ml + tl * mh + tl;
    double h = th + p;
    double l = ((th - h) + p) + pl;
    double hh = h + l;
    l = l - (hh - h);
    int q = k >> LOG2_N; // floor(k / 256), also for negative k
    return times2ToThe(low ? l : hh, q + scale);
  }

  /**
   * v 2^n rounded once, as {@link Math#scalb} (which costs about as much as the rest of the
   * evaluation): for -1022 <= n <= 1023, 2^n is a normal double and v 2^n is one correctly
   * rounded multiplication; beyond, Math.scalb.
   */
  private static double times2ToThe(double v, int n) {
    if (n >= Double.MIN_EXPONENT && n <= Double.MAX_EXPONENT) {
      return v * Double.longBitsToDouble((long) (n + Double.MAX_EXPONENT) << 52);
    }
    return Math.scalb(v, n);
  }

  /**
   * e^a as m 2^k with m in [0.706, 1.42], relative error of m below 2^-102, for |a| <= 2000;
   * below -2000 m is 0 (see {@link #EXP_UNDERFLOW}). NaN gives a NaN m. See the class comment.
   */
  public static DoubleDouble.Scaled expScaled(DoubleDouble a) {
    if (a.hi < -EXP_UNDERFLOW) {
      return new DoubleDouble.Scaled(DoubleDouble.ZERO, 0);
    }
    double kd = Math.rint(a.hi * INV_LN2_N);
    int k = (int) kd;
    double bh = kd * LN2_N_MID;
    double bl = Math.fma(kd, LN2_N_MID, -bh) + kd * LN2_N_LO;
    DoubleDouble r = DoubleDouble.add(DoubleDouble.sum(a.hi - kd * LN2_N_HI, -bh),
        DoubleDouble.sum(a.lo, -bl));
    DoubleDouble p = INVERSE_FACTORIAL[INVERSE_FACTORIAL.length - 1];
    for (int n = INVERSE_FACTORIAL.length - 2; n >= 1; n--) {
      p = DoubleDouble.add(DoubleDouble.mul(p, r), INVERSE_FACTORIAL[n]);
    }
    DoubleDouble m = DoubleDouble.mul(p, r); // e^r - 1
    int q = (k + N / 2) >> LOG2_N;
    int j = k - (q << LOG2_N); // -128 <= j < 128
    double scale = j < 0 ? 0.5 : 1;
    DoubleDouble t = DoubleDouble.of(TABLE_HI[j & (N - 1)] * scale, TABLE_LO[j & (N - 1)] * scale);
    return new DoubleDouble.Scaled(DoubleDouble.add(t, DoubleDouble.mul(t, m)), q);
  }

  /** e^a for results in the normal double range (relative error below 2^-102, see above). */
  public static DoubleDouble exp(DoubleDouble a) {
    DoubleDouble.Scaled e = expScaled(a);
    return DoubleDouble.scalb(e.m, e.k);
  }

  /**
   * (ch + cl) * e^x rounded once for the caller's dtype ({@link DoubleRounding#finish}), for a
   * coefficient ch + cl > 0 held as a double-double (|cl| <= ulp(ch)/2). Relative error of the
   * product before rounding about 2^-79; results below 2^-950 are formed scaled by 2^600 and
   * rounded once to the subnormal grid by {@link DoubleRounding#scaleDown}. NaN gives NaN.
   */
  public static double timesExp(double ch, double cl, double x, FinalRounding rounding) {
    if (x != x) {
      return x;
    }
    if (x < TIMES_EXP_ZERO) {
      return 0.0 * ch; // ch e^x < 2^1024 e^-1500 < 2^-1140: below half the smallest subnormal
    }
    int scale = x < -660 ? SUBNORMAL_SCALE : 0;
    double eh = eval(x, false, scale);
    double el = eval(x, true, scale);
    double p = ch * eh;
    if (p == 0 || Double.isInfinite(p)) { // exact zero keeps the product's sign
      return p;
    }
    double pl = Math.fma(ch, eh, -p) + (ch * el + cl * eh);
    double h = p + pl;
    double l = pl - (h - p);
    return scale == 0 ? DoubleRounding.finish(h, l, rounding) : DoubleRounding.scaleDown(h, l, scale);
  }

  /**
   * (ch + cl) * (e^x - 1) rounded once for the caller's dtype, as {@link #timesExp}; relative
   * error before rounding about 2^-61 (see the class comment).
   */
  public static double timesExpm1(double ch, double cl, double x, FinalRounding rounding) {
    double mh = expm1Hi(x);
    double ml = expm1Lo(x);
    double p = ch * mh;
    if (p == 0 || Double.isInfinite(p)) { // exact zero keeps the product's sign
      return p;
    }
    double pl = Math.fma(ch, mh, -p) + (ch * ml + cl * mh);
    double h = p + pl;
    return DoubleRounding.finish(h, pl - (h - p), rounding);
  }
}
