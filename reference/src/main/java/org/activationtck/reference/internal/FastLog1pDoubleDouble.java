package org.activationtck.reference.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.spi.API;

/**
 * ln(1 + s) for a double-double 0 <= s = sh + sl <= 1 as an unevaluated sum hi + lo with a proved
 * relative error bound, for the fast path of Ziv's strategy in hot loops (the partner of
 * {@link FastExpDoubleDouble}, same conventions: hi returned, lo stored into a caller's array;
 * branch-free, allocation-free, no call to java.lang.Math).
 *
 * <p>Contract. For 0 <= sh <= 1 and |sl| <= 2^-40 sh (or sl = 0), |hi + lo - ln(1 + sh + sl)| <=
 * {@link #ERROR} hi, hi the nearest double to hi + lo. NaN sh gives NaN parts.
 *
 * <p>Method (table-driven). 1. u = 1 + s = uh + ue + sl (FastTwoSum, exact, uh in [1, 2], |ue|
 * <= 2^-53; sl is kept apart, so a tiny s, all of it in ue, loses nothing). 2. j = nearest integer to (uh - 1) 256, m_j =
 * 1 + j/256, c_j = 1/m_j rounded to 9 significant bits: |m_j c_j - 1| <= 2^-9, so rho = uh c_j - 1
 * has |rho| <= 2^-9 + 2^-9 = 2^-8, and it is exact by fma: uh is a multiple of 2^-52, c_j of
 * 2^-9, so rho is a multiple of 2^-61 below 2^-8, at most 2^53 units. 3. ln u = ln(1/c_j) +
 * ln(1 + rho + t + sl c_j), t = ue c_j (exact for j = 0, where c_j = 1; else rounded, 2^-106);
 * rho + t = rh + rl by TwoSum, then rl + sl c_j (|sl c_j| <= 2^-40 sh, exact for j = 0, else
 * rounded twice, 2^-92), |rh| <= 2^-8 (1 + 2^-31); ln(1 + rh + rl) = ln(1 + rh) + rl/(1 + rh)
 * up to rl^2/2 (below 2^-80 sh^2, and 2^-80 for j >= 1), the quotient with two roundings (2^-105
 * rh, 2^-92).
 * ln(1 + rh) = rh - rh^2/2 + rh^3 P(rh), P the series' terms to rh^9 (truncation |rh|^10/10 <
 * 2^-83.3), rh^2 exact by fma, rh - rh^2/2 by FastTwoSum, rh^3 P in double (|rh^3 P| < 2^-25.5,
 * rounding and coefficient errors below 4 2^-53 of it, 2^-76.5). 4. ln(1/c_j) from a table as hi
 * + lo (2^-106; computed once by the series ln v = 2 atanh((v - 1)/(v + 1)) in BigDecimal),
 * added by TwoSum.
 *
 * <p>Error. Absolute terms: truncation 2^-83.3, rl^2/2 2^-80, rh^3 P 2^-76.5, the rest below
 * 2^-90; together below 2^-76.2. Relative to ln u: for j >= 1, u >= 1 + 2^-9 and ln u > 2^-9.01 (2^-67.1); for
 * j = 0 (c = 1, ln(1/c) = 0) each term scales with rh (ln u >= |rh| (1 - 2^-8)), and relative to
 * it they stay below 2^-68 (truncation rh^9/10, 4 2^-53 rh^2/3, rl^2/2 2^-80 rh, the quotient
 * 2^-105). So {@link #ERROR} = 2^-66, a factor 2.1 over 2^-67.1; the final renormalization is exact.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FastLog1pDoubleDouble {

  /** Relative error bound of {@link #log1p} (see the class comment). */
  public static final double ERROR = 0x1p-66;

  /** Table intervals on [1, 2] (shared with {@link FastLog1pBlock}). */
  static final int N = 256;

  /**
   * TABLE[3j] = c_j, TABLE[3j + 1] + TABLE[3j + 2] = ln(1/c_j) (see the class comment; shared with
   * {@link FastLog1pBlock}, never written after class initialization).
   */
  static final double[] TABLE = new double[3 * (N + 1)];

  static {
    MathContext mc = new MathContext(45);
    MathContext nine = new MathContext(9, java.math.RoundingMode.HALF_EVEN);
    for (int j = 0; j <= N; j++) {
      BigDecimal m = BigDecimal.ONE.add(BigDecimal.valueOf(j).divide(BigDecimal.valueOf(N)));
      // 9 significant bits: the nearest multiple of 2^-9 to 1/m in [1/2, 1].
      double c = Math.rint(BigDecimal.ONE.divide(m, mc).doubleValue() * 512) / 512;
      BigDecimal v = BigDecimal.ONE.divide(new BigDecimal(c), mc);
      BigDecimal ln = lnSeries(v, mc);
      double hi = ln.doubleValue();
      TABLE[3 * j] = c;
      TABLE[3 * j + 1] = hi;
      TABLE[3 * j + 2] = ln.subtract(new BigDecimal(hi)).doubleValue();
    }
  }

  private FastLog1pDoubleDouble() {}

  /** ln v = 2 atanh(u), u = (v - 1)/(v + 1) <= 1/3 for 1 <= v <= 2: terms fall by 9 each. */
  private static BigDecimal lnSeries(BigDecimal v, MathContext mc) {
    BigDecimal u = v.subtract(BigDecimal.ONE).divide(v.add(BigDecimal.ONE), mc);
    BigDecimal u2 = u.multiply(u, mc);
    BigDecimal power = u;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal threshold = new BigDecimal("1e-42");
    for (int k = 0; power.abs().compareTo(threshold) > 0; k++) {
      sum = sum.add(power.divide(BigDecimal.valueOf(2 * k + 1), mc), mc);
      power = power.multiply(u2, mc);
    }
    return sum.multiply(BigDecimal.valueOf(2), mc);
  }

  /**
   * ln(1 + sh + sl): returns hi and stores lo into {@code lo[i]} (see the class comment for the
   * bound and the domain).
   *
   * @throws ArrayIndexOutOfBoundsException if i is not an index of lo
   */
  public static double log1p(double sh, double sl, double[] lo, int i) {
    double uh = 1 + sh;
    double ue = (1 - uh) + sh; // exact: 1 + sh = uh + ue
    int j = 3 * (int) ((uh - 1) * N + 0.5);
    double c = TABLE[j];
    // rho + t = rh + rl (TwoSum, then sl c): the series runs on rh, rl enters as rl / (1 + rh).
    double rho = Math.fma(uh, c, -1);
    double t = ue * c;
    double rh = rho + t;
    double rl = DoubleDouble.twoSumError(rho, t, rh) + sl * c;
    double q = rh * rh;
    double half = 0.5 * q;
    double h = rh - half;
    double e = ((rh - h) - half) - 0.5 * Math.fma(rh, rh, -q);
    double p = rh * (1.0 / 3 + rh * (-1.0 / 4 + rh * (1.0 / 5 + rh * (-1.0 / 6
        + rh * (1.0 / 7 + rh * (-1.0 / 8 + rh * (1.0 / 9)))))));
    double tail = e + (q * p + rl / (1 + rh));
    // ln(1/c_j) + h + tail, TwoSum (ln(1/c_j) >= 0 and h may be negative).
    double th = TABLE[j + 1];
    double s = th + h;
    double bb = s - th;
    double l = ((th - (s - bb)) + (h - bb)) + (TABLE[j + 2] + tail);
    double r = s + l;
    lo[i] = l - (r - s);
    return r;
  }
}
