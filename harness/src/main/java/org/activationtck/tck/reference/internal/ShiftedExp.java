package org.activationtck.tck.reference.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.spec.API;

/**
 * e^(xh + xl) as a double-double written into two arrays, allocation-free, for the fast paths of
 * the axis references (softmax, softmin, log_softmax, glu): their arguments are shifted logits
 * x_j - m, exact as a double-double (TwoSum), so the exponential takes a low part.
 *
 * <p>Domain: -750 <= xh <= 0 and |xl| <= 2^-43 (callers clamp xh; below -745.2 the result is 0 or
 * a subnormal and only its absolute size, below 2^-1070, matters to them). Results below 2^-968
 * (xh < -670) lose relative accuracy in the final scaling (lo, 2^-53 smaller, becomes subnormal);
 * callers route such elements to their exact paths.
 *
 * <p>Method (table-driven, after Tang). 1. k = rint(xh 256/ln 2), r = xh - k ln2/256 + xl with
 * ln2/256 split in three parts: the first (fdlibm's ln2HI/256) has 32 significant bits, so k times
 * it is exact for |k| < 2^21 and xh minus it is exact (Sterbenz); k times the second is split
 * exactly by fma, k times the third rounded (its error is below 2^-125); the difference is formed
 * by TwoSum, so r = rh + rl to about 2^-104 absolute, |r| <= ln2/512 + 2^-43 < 1.36e-3 = 2^-9.52,
 * |rl| <= 2^-43 + 2^-62. 2. expm1(r) = r + r^2/2 + r^3 (1/6 + r/24 + r^2/120 + r^3/720 +
 * r^4/5040): truncation below |r|^8/8! < 2^-91; the polynomial is evaluated at rh, and rl enters
 * through its derivative 1 + rh + rh^2/2 + rh^3/6 (r^2 exact by fma plus 2 rh rl, plus
 * rl (rh^2/2 + rh^3/6)); the dropped rl rh^4/24 and rl^2 are below 2^-43 x 2^-42.6 = 2^-85.6;
 * the cubic part is below 2^-30.9 and evaluated in double: rounding and the roundings of the
 * coefficients 1/6.. contribute below 2^-30.9 x 3 x 2^-53 < 2^-82.3; the sums m = mh + ml carry
 * the rest exactly (TwoSum) up to 2^-104. So |m - expm1(r)| < 2^-81.3 (absolute; e^r ~ 1).
 * 3. e^x = 2^q 2^(j/256) (1 + m), k = 256 q + j, 2^(j/256) = th + tl tabulated to 2^-106 (from
 * 60-digit BigDecimal square roots of 2). The product th (1 + m) = th + th m + tl (1 + m): th m
 * by fma exactly, the small terms rounded (below 2^-105 th), then FastTwoSum (th >= 1 > |th m|).
 *
 * <p>Error bound: relative error of hi + lo below {@link #RELATIVE_ERROR} = 2^-80 for results
 * above 2^-968 (2^-81.3 from step 2 plus 2^-100 from steps 1 and 3, with margin); |lo| <=
 * ulp(hi)/2. Held against the oracle by ShiftedExpTest.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ShiftedExp {

  /** Relative error bound of hi + lo for results in the normal range (see the class comment). */
  public static final double RELATIVE_ERROR = 0x1p-80;

  private static final int LOG2_N = 8;
  private static final int N = 1 << LOG2_N;

  private static final double LN2_HI_BITS = Double.longBitsToDouble(0x3fe62e42fee00000L);
  private static final double LN2_N_HI = LN2_HI_BITS / N;
  private static final double LN2_N_MID;
  private static final double LN2_N_LO;
  private static final double INV_LN2_N = N / Math.log(2);

  private static final double CLAMP = -750;
  private static final double LOW_CLAMP = 0x1p-44;

  /** 1.5 2^52: adding it rounds |v| < 2^51 to an integer held in the low bits. */
  private static final double SHIFT = 0x1.8p52;

  private static final double[] TABLE_HI = new double[N];
  private static final double[] TABLE_LO = new double[N];

  static {
    MathContext mc = new MathContext(60);
    BigDecimal ln2 = new BigDecimal(
        "0.6931471805599453094172321214581765680755001343602552541206800094933936219696947");
    BigDecimal rest = ln2.subtract(new BigDecimal(LN2_HI_BITS));
    double mid = rest.doubleValue();
    LN2_N_MID = mid / N; // exact: division by a power of two
    LN2_N_LO = rest.subtract(new BigDecimal(mid)).doubleValue() / N;
    // roots[i] = 2^(2^i / N) by repeated square roots of 2; 2^(j/N) = product over j's one bits.
    BigDecimal[] roots = new BigDecimal[LOG2_N];
    BigDecimal v = BigDecimal.valueOf(2);
    for (int i = LOG2_N - 1; i >= 0; i--) {
      v = v.sqrt(mc);
      roots[i] = v;
    }
    for (int j = 0; j < N; j++) {
      BigDecimal t = BigDecimal.ONE;
      for (int i = 0; i < LOG2_N; i++) {
        if ((j & (1 << i)) != 0) {
          t = t.multiply(roots[i], mc);
        }
      }
      TABLE_HI[j] = t.doubleValue();
      TABLE_LO[j] = t.subtract(new BigDecimal(TABLE_HI[j])).doubleValue();
    }
  }

  private ShiftedExp() {}

  /**
   * Writes e^(sign x_i - shift) to hi[i] + lo[i] for from <= i < to, for sign = 1 or -1 and
   * finite differences sign x_i - shift <= 0. The difference is taken exactly as d + dl (TwoSum).
   * When {@code inRange} is false, d is clamped to -750 and dl to [-2^-44, 2^-44] (the TwoSum
   * error of any d >= -750 lies there, and below -750 the term is under 2^-1080 however dl is);
   * callers that know every d >= -750 pass true and skip the clamps (about 2 ns per element: the
   * double min/max intrinsics are not cheap).
   */
  public static void shifted(double[] x, double sign, double shift, boolean inRange,
      double[] hi, double[] lo, int from, int to) {
    if (inRange) {
      for (int i = from; i < to; i++) {
        double v = sign * x[i];
        double d = v - shift;
        double dv = d - v;
        into(d, (v - (d - dv)) + (-shift - dv), hi, lo, i); // d + TwoSum error of v - shift
      }
    } else {
      for (int i = from; i < to; i++) {
        double v = sign * x[i];
        double d = v - shift;
        double dv = d - v;
        double dl = (v - (d - dv)) + (-shift - dv);
        into(Math.max(d, CLAMP), Math.max(-LOW_CLAMP, Math.min(dl, LOW_CLAMP)), hi, lo, i);
      }
    }
  }

  /** e^(xh + xl) into hi[i] + lo[i]; -750 <= xh <= 0, |xl| <= 2^-44 (see the class comment). */
  private static void into(double xh, double xl, double[] hi, double[] lo, int i) {
    // k = rint(xh 256/ln2) by the 1.5 2^52 shift: the sum's last bit is k's unit (|k| < 2^21),
    // and k is the low bits of its representation (two's complement through the offset).
    double shifted = xh * INV_LN2_N + SHIFT;
    double kd = shifted - SHIFT;
    int k = (int) Double.doubleToRawLongBits(shifted);
    double a = xh - kd * LN2_N_HI; // exact (see the class comment)
    double bh = kd * LN2_N_MID;
    double bl = Math.fma(kd, LN2_N_MID, -bh) + kd * LN2_N_LO;
    double rh = a - bh;
    double bv = rh - a;
    double rl = ((a - (rh - bv)) + (-bh - bv)) - bl + xl; // TwoSum error of a - bh
    double r2h = rh * rh;
    double r2l = Math.fma(rh, rh, -r2h) + 2 * rh * rl;
    double p = rh * (1.0 / 6 + rh * (1.0 / 24 + rh * (1.0 / 120 + rh * (1.0 / 720
        + rh * (1.0 / 5040)))));
    double qh = r2h * 0.5;
    // rl enters p and r^2/2 only linearly: rl (r^2/2 + r^3/6) is added here (see the comment)
    double ql = r2l * 0.5 + r2h * p + rl * qh * (1 + rh * (1.0 / 3));
    double mh = rh + qh; // FastTwoSum: |rh| >= |qh|
    double ml = (qh - (mh - rh)) + rl + ql;
    int j = k & (N - 1);
    double th = TABLE_HI[j];
    double tl = TABLE_LO[j];
    double pm = th * mh;
    double pl = Math.fma(th, mh, -pm) + th * ml + tl * mh + tl;
    double h = th + pm;
    double l = ((th - h) + pm) + pl;
    double s = h + l;
    l = l - (s - h);
    // 2^q for q = floor(k / 256) >= -1076: one or two exact power-of-two factors (the second
    // only below 2^-1022, where relative accuracy is not promised).
    int q = k >> LOG2_N;
    int q1 = Math.max(q, -1000);
    double f1 = Double.longBitsToDouble((long) (q1 + 1023) << 52);
    double f2 = Double.longBitsToDouble((long) (q - q1 + 1023) << 52);
    hi[i] = s * f1 * f2;
    lo[i] = l * f1 * f2;
  }
}
