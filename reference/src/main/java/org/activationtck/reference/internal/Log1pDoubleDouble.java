package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * ln(1 + s) as an unevaluated sum y + {@link #tail}, for s = sh + sl >= -1/2 a double-double, with
 * y = StrictMath.log1p(sh) supplied by the caller (so the pair costs no allocation and y is not
 * computed twice). Relative error of y + tail below 2^-60 (see the end of Method).
 *
 * <p>Method. |s| < {@link #SERIES}: the series s - s^2/2 + s^3/3 - s^4/4 (remainder s^5/5, relative
 * 2^-82), its small part in double (relative 2^-53 of a part below 2^-20 s), and tail = (sh - y)
 * + small part, where sh - y is exact (y lies within a factor 2 of sh: Sterbenz). s >= SERIES: one
 * Newton step for ln: ln(1 + s) = y + ln(1 + w), w = (1 + s) e^-y - 1, with e^-y a double-double
 * ({@link ExpDoubleDouble}, relative 2^-80) and w ~ 2^-52 from y's error, so ln(1 + w) = w - w^2/2
 * = w to 2^-105; the product (1 + s) e^-y is formed with fma and its - 1 is exact (Sterbenz).
 * Error: 2^-80 absolute in w, at most 2^-60 relative to ln(1 + s) >= 2^-20 (1 - 2^-21).
 *
 * <p>{@link #log1p(DoubleDouble)}: ln(1 + s) for a double-double s >= 0 as a double-double,
 * relative error below 2^-79 (log_softmax's exact path). For s < 2^-20 the series s - s^2/2 + ...
 * - s^6/6 in double-double (remainder s^7/7 < 2^-120 s); above, the same Newton step with y =
 * Math.log1p(s) and e^-y from {@link ExpDoubleDouble#exp(DoubleDouble)} (relative 2^-102): w =
 * (1 + s) e^-y - 1 in double-double, absolute error about 2^-100 (1 + s) e^-y = 2^-100, relative
 * 2^-80 of ln(1 + s) at worst (s = 2^-20), plus the dropped w^2/2 (2^-104).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Log1pDoubleDouble {

  /** Below this s the series is used (see the class comment). */
  static final double SERIES = 0x1p-20;

  private Log1pDoubleDouble() {}

  /** ln(1 + s) for a double-double s >= 0 (see the class comment). */
  public static DoubleDouble log1p(DoubleDouble s) {
    if (s.hi == 0) {
      return DoubleDouble.ZERO;
    }
    if (s.hi < SERIES) {
      DoubleDouble sum = DoubleDouble.ZERO;
      DoubleDouble power = s;
      for (int i = 1; i <= 6; i++) {
        DoubleDouble t = DoubleDouble.div(power, i);
        sum = (i % 2 == 1) ? DoubleDouble.add(sum, t) : DoubleDouble.sub(sum, t);
        power = DoubleDouble.mul(power, s);
      }
      return sum;
    }
    double y = Math.log1p(s.hi + s.lo);
    DoubleDouble inverse = ExpDoubleDouble.exp(DoubleDouble.of(-y));
    DoubleDouble correction = DoubleDouble.add(
        DoubleDouble.mul(DoubleDouble.add(s, DoubleDouble.ONE), inverse), DoubleDouble.of(-1.0));
    return DoubleDouble.add(correction, DoubleDouble.of(y));
  }

  /**
   * ln(1 + s) for 0 <= s <= 1 within 2.25 2^-52 relative, from the intrinsic Math.log (Kahan's
   * method; StrictMath.log1p is a native call costing several times as much): u = 1 + s rounded,
   * u - 1 = s' exact (Sterbenz), ln(1 + s) = ln(u) s / s'. Error: ln(u) within 1 ulp (2^-52),
   * the product and the quotient 2^-53 each, and G(v) = ln(1 + v)/v taken at s' instead of s
   * (|s - s'| <= 2^-53, |G'/G| <= 1/2 on [0, 1]) 2^-54. For u = 1 (s < 2^-53) it returns s,
   * within s/2 <= 2^-54 relative. Branch-free (the select is a conditional move).
   */
  public static double approx(double s) {
    double u = 1 + s;
    return u == 1 ? s : Math.log(u) * s / (u - 1);
  }

  /**
   * ln(1 + sh + sl) - y to about 2^-79 absolute (2^-60 relative to the logarithm), for
   * -1/2 <= sh < 2^1000, |sl| <= ulp(sh), and y = StrictMath.log1p(sh) or {@link #approx}(sh)
   * (any double within a few ulps of the logarithm works: w = (1 + s) e^-y - 1 stays below
   * 2^-49, and the dropped w^2/2 below 2^-99).
   */
  public static double tail(double y, double sh, double sl) {
    if (sh == 0) {
      return sl - y;
    }
    if (Math.abs(sh) < SERIES) {
      double small = sh * sh * (-0.5 + sh * (1.0 / 3 - sh * 0.25));
      return (sh - y) + (sl + small);
    }
    double eh = ExpDoubleDouble.hi(-y);
    double el = ExpDoubleDouble.lo(-y);
    // a = 1 + s (TwoSum), then a e^-y - 1 with the product's error by fma.
    double ah = 1 + sh;
    double bb = ah - sh;
    double al = ((1 - bb) + (sh - (ah - bb))) + sl;
    double p = ah * eh;
    double pl = Math.fma(ah, eh, -p) + (ah * el + al * eh);
    return (p - 1) + pl;
  }

  /**
   * ln(vh + vl) - y for a double-double v = vh + vl > 0 and y = StrictMath.log(vh), by the same
   * Newton step: ln(v) = y + ln(v e^-y), v e^-y - 1 = w ~ 2^-52, ln(1 + w) = w to 2^-105; absolute
   * error about 2^-79. Callers use it where v is far from 1 (|ln v| >= 2^-20, else {@link #tail}
   * on v - 1 keeps more bits). For -y beyond e^x's range (v < 2^-1020) it falls back to vl / vh,
   * which leaves y's own rounding.
   */
  public static double lnTail(double y, double vh, double vl) {
    if (-y > 709) {
      return vl / vh;
    }
    double eh = ExpDoubleDouble.hi(-y);
    double el = ExpDoubleDouble.lo(-y);
    double p = vh * eh;
    double pl = Math.fma(vh, eh, -p) + (vh * el + vl * eh);
    return (p - 1) + pl;
  }
}
