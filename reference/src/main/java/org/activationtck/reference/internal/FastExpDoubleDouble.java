package org.activationtck.reference.internal;

import java.math.BigDecimal;
import org.activationtck.spi.API;

/**
 * e^x and e^x - 1 as unevaluated sums hi + lo with a proved relative error bound, built for the
 * fast path of Ziv's strategy in hot loops: branch-free, allocation-free, one evaluation per
 * element (hi is returned, lo stored into a caller's array), small enough for C2 to inline. It
 * decides most roundings; the few it cannot are left to the slower {@link ExpDoubleDouble}.
 *
 * <p>Contract. For x in [{@link #EXP_LOW}, {@link #EXP_HIGH}], {@link #exp} returns hi and stores
 * lo with |hi + lo - e^x| <= {@link #EXP_ERROR} |hi|, hi the nearest double to hi + lo (so |lo| <= 2^-53 |hi|). For x in
 * [-Double.MAX_VALUE, {@link #EXPM1_HIGH}], {@link #expm1} does the same for e^x - 1 with bound
 * {@link #EXPM1_ERROR} (hi = lo = +0.0 at x = +-0; subnormal x gives hi = x, lo = 0). Anywhere
 * else (NaN, infinities, out of range) both parts are NaN, so that every rounding test a caller
 * runs on them fails and the element takes the caller's slow path.
 *
 * <p>Method (table-driven, after Tang; the same reduction as {@link ExpDoubleDouble}, one degree
 * less of polynomial, no branches).
 * <ol>
 *   <li>Reduction: k = rint(x 256 / ln 2) by adding and subtracting 1.5 * 2^52 (k is then the low
 *       bits of the sum, no conversion); x = k ln2/256 + r with ln2/256 = C1 + C2 + C3, C1 =
 *       fdlibm's ln2HI / 256 (32 significant bits, so k C1 is exact for |k| < 2^21 and x - k C1
 *       is exact by Sterbenz), k C2 exact as a sum of two doubles by fma, and r = rh + rl by
 *       TwoSum. |r| <= ln2/512 (1 + 2^-30) < 1.3543e-3 < 2^-9.52; the error of rh + rl is below
 *       2^-113 (constant split below 2^-146 per unit of k, |k| < 2^19, and the roundings of
 *       terms below 2^-60).
 *   <li>Approximation: m = e^r - 1 = rh + rh^2/2 + rh^3 (1/6 + rh/24 + rh^2/120 + rh^3/720) +
 *       rl (1 + rh), with rh^2 exact by fma and the cubic part in plain double. Truncation: the
 *       omitted Taylor terms sum to at most |r|^7/7! e^|r| < 2^-79.0, and rl rh^2/2 < 2^-82;
 *       rounding: the cubic part (below 2^-31) carries at most 2^-52 of itself, 2^-83, and the
 *       three roundings in ml (terms below 2^-30) 2^-82.4. So |m - (mh + ml)| < 2^-78.6
 *       absolutely, and below 2^-69.5 |m| (every term scales with r^7, r^3 or r^3: relative
 *       r^6/5040 and about 2^-52 r^2/6).
 *   <li>Reconstruction: 2^(j/256) = th (1 + tr) for j = k mod 256, with th the nearest double
 *       and tr the nearest double to the relative rest (|tr| < 2^-53, error 2^-106), computed
 *       once in BigDecimal. 2^(k/256) = th' (1 + tr), th' = th 2^floor(k/256) formed by adding
 *       to th's exponent field (exact while th' is normal). e^x = th' (1 + m) (1 + tr): hi = th'
 *       + th' mh (FastTwoSum, |mh| < 1), lo = its error + the fma residual of th' mh + th' (ml +
 *       tr + tr mh), renormalized by a last FastTwoSum (ml, up to 2^-29, is not small next to
 *       ulp(hi)); the roundings of this step stay below 2^-80.7 relative.
 *   <li>e^x - 1 = (th' - 1) + th' ((1 + m)(1 + tr) - 1): th' - 1 is exact (Sterbenz) for th' in
 *       [1/2, 2), and for th' < 1/2 its rounding error comes from FastTwoSum(-1, th'); that is
 *       why x stops at {@link #EXPM1_HIGH} (k <= 254, th' < 2). The sum is FastTwoSum(th' - 1,
 *       th' mh): for k != 0, |th' - 1| >= 1 - 2^(-1/256) > 2.7e-3 > |th' mh|; for k = 0, th' =
 *       1, tr = 0 and the result is mh + ml itself. Below x = -700 the argument is raised to
 *       -700: then hi = -1 and lo = e^-700 (1 + ...), absolute error below e^-700 against |e^x -
 *       1| > 1/2, and lo keeps the sign of the true remainder, as rounding to odd needs.
 * </ol>
 *
 * <p>Error bounds. e^x: the terms above total below 2^-78.3 of th' (1 + m) ~ e^x, and lo's
 * subnormal roundings stay below 2^-1072 absolutely, 2^-91 relative for x >= {@link #EXP_LOW}
 * (e^-680 > 2^-982): {@link #EXP_ERROR} = 2^-77 leaves a factor 2.4. e^x - 1: for k = 0 the
 * relative error of m, 2^-69.5; for k != 0 the absolute error is below 2^-78.2 th' and th' /
 * |e^x - 1| is largest at k = 1, 2^(1/256) / (e^(ln2/512) - 1) < 741 < 2^9.54: relative below
 * 2^-68.6. {@link #EXPM1_ERROR} = 2^-67.
 *
 * <p>Using the bounds (Ziv): with b = ERROR |hi|, a float64 result f(hi + lo) computed by
 * monotone steps is correctly rounded when the same steps on lo - b and lo + b round to the same
 * double; a narrow one when {@link NarrowShortcut#decides} holds.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FastExpDoubleDouble {

  /** Relative error bound of {@link #exp} (see the class comment). */
  public static final double EXP_ERROR = 0x1p-77;

  /** Relative error bound of {@link #expm1} (see the class comment). */
  public static final double EXPM1_ERROR = 0x1p-67;

  /** Smallest x for {@link #exp}: e^-680 ~ 2^-981.0 keeps lo normal enough (see the bounds). */
  public static final double EXP_LOW = -680;

  /** Largest x for {@link #exp}: e^709 ~ 2^1022.9 is finite, so is th' (k <= 1022 * 256 + 255). */
  public static final double EXP_HIGH = 709;

  /** Largest x for {@link #expm1}: k = rint(x 256 / ln 2) <= 254, so th' < 2 (see step 4). */
  public static final double EXPM1_HIGH = 0.6875;

  /** Below this x, {@link #expm1} evaluates at this x instead (see step 4 of the method). */
  static final double EXPM1_FLOOR = -700;

  private static final int LOG2_N = ExpReductionTable.LOG2_N;
  private static final int N = ExpReductionTable.N;

  /** 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer, kept in the low bits. */
  static final double SHIFT = 0x1.8p52;

  private static final double INV_LN2_N = ExpReductionTable.INV_LN2_N;

  /** ln2/256 in three parts (see {@link ExpReductionTable}); C1 has 32 significant bits. */
  private static final double C1 = ExpReductionTable.LN2_N_HI;
  private static final double C2 = ExpReductionTable.LN2_N_MID;
  private static final double C3 = ExpReductionTable.LN2_N_LO;

  /** TABLE[2j] = th, TABLE[2j + 1] = tr with 2^(j/256) = th (1 + tr); one cache line per j. */
  static final double[] TABLE = new double[2 * N];

  static {
    for (int j = 0; j < N; j++) {
      BigDecimal t = ExpReductionTable.power(j);
      double th = t.doubleValue();
      TABLE[2 * j] = th;
      TABLE[2 * j + 1] = t.subtract(new BigDecimal(th))
          .divide(new BigDecimal(th), ExpReductionTable.DIGITS_60).doubleValue();
    }
  }

  private FastExpDoubleDouble() {}

  /**
   * e^x: returns hi and stores lo into {@code lo[i]} (see the class comment for the bound and
   * the domain; outside it both are NaN).
   *
   * @throws ArrayIndexOutOfBoundsException if i is not an index of lo
   */
  public static double exp(double x, double[] lo, int i) {
    double y = x >= EXP_LOW & x <= EXP_HIGH ? x : Double.NaN;
    double mh = reducedExpm1(y, lo, i);
    double ml = lo[i];
    int k = (int) Double.doubleToRawLongBits(shifted(y));
    // 3. th' = 2^floor(k/256) th by the exponent field; e^x = th' + th' mh + tail.
    int j = 2 * (k & (N - 1));
    double th = Double.longBitsToDouble(
        Double.doubleToRawLongBits(TABLE[j]) + ((long) (k >> LOG2_N) << 52));
    double tr = TABLE[j + 1];
    double p = th * mh;
    double h = th + p;
    double l = ((th - h) + p) + (Math.fma(th, mh, -p) + th * (ml + Math.fma(tr, mh, tr)));
    // l carries the cubic part of m (up to 2^-29 h): fold it in, FastTwoSum.
    double s = h + l;
    lo[i] = l - (s - h);
    return s;
  }

  /**
   * e^x - 1: returns hi and stores lo into {@code lo[i]} (see the class comment for the bound
   * and the domain; outside it both are NaN).
   *
   * @throws ArrayIndexOutOfBoundsException if i is not an index of lo
   */
  public static double expm1(double x, double[] lo, int i) {
    double y = x >= -Double.MAX_VALUE & x <= EXPM1_HIGH ? Math.max(x, EXPM1_FLOOR) : Double.NaN;
    double mh = reducedExpm1(y, lo, i);
    double ml = lo[i];
    int k = (int) Double.doubleToRawLongBits(shifted(y));
    int j = 2 * (k & (N - 1));
    double th = Double.longBitsToDouble(
        Double.doubleToRawLongBits(TABLE[j]) + ((long) (k >> LOG2_N) << 52));
    double tr = TABLE[j + 1];
    double p = th * mh;
    // 4. e^x - 1 = (th' - 1) + th' mh + tail, th' - 1 + de exact.
    double d = th - 1;
    double de = th - (d + 1);
    double h = d + p;
    double l = ((d - h) + p) + (de + (Math.fma(th, mh, -p) + th * (ml + Math.fma(tr, mh, tr))));
    double s = h + l;
    lo[i] = l - (s - h);
    return s;
  }

  /** hi[i] + lo[i] = e^x[i] for i in [from, to), as {@link #exp(double, double[], int)}. */
  public static void exp(double[] x, double[] hi, double[] lo, int from, int to) {
    for (int i = from; i < to; i++) {
      hi[i] = exp(x[i], lo, i);
    }
  }

  /** hi[i] + lo[i] = e^x[i] - 1 for i in [from, to), as {@link #expm1(double, double[], int)}. */
  public static void expm1(double[] x, double[] hi, double[] lo, int from, int to) {
    for (int i = from; i < to; i++) {
      hi[i] = expm1(x[i], lo, i);
    }
  }

  /** x 256 / ln 2 + 1.5 * 2^52: its low 32 bits are k = rint(x 256 / ln 2), see step 1. */
  private static double shifted(double x) {
    return x * INV_LN2_N + SHIFT;
  }

  /**
   * Steps 1 and 2 of the class comment: m = e^r - 1 for r = x - k ln2/256, returning mh and
   * storing ml into lo[i]. A method of its own to keep every method below C2's inlining limit
   * for hot code (325 bytes of bytecode); once inlined, the store and the caller's load of lo[i]
   * meet in registers, and shifted(x) is computed once.
   */
  private static double reducedExpm1(double x, double[] lo, int i) {
    double kd = shifted(x) - SHIFT;
    // 1. r = x - k (C1 + C2 + C3) = rh + rl: x - k C1 exact, k C2 = ph + pl exact, TwoSum.
    double a = Math.fma(-kd, C1, x); // exact, so the same as x - kd C1 in one operation
    double ph = kd * C2;
    double rh = a - ph;
    double v = rh - a;
    double rl = ((a - (rh - v)) - (ph + v)) - Math.fma(kd, C3, Math.fma(kd, C2, -ph));
    // 2. m = rh + rh^2/2 + rh^3 (1/6 + ... + rh^3/720) + rl (1 + rh), Horner by fma.
    double r2 = rh * rh;
    double cubic = rh * Math.fma(rh, Math.fma(rh, Math.fma(rh, 1.0 / 720, 1.0 / 120), 1.0 / 24), 1.0 / 6);
    double half = 0.5 * r2;
    double mh = rh + half;
    lo[i] = ((rh - mh) + half)
        + (0.5 * Math.fma(rh, rh, -r2) + Math.fma(r2, cubic, Math.fma(rl, rh, rl)));
    return mh;
  }
}
