package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The complementary error function erfc(t) = 1 - erf(t) with relative error at most 10^-digits,
 * for exact arguments with |t| <= {@link #MAX_ARGUMENT}, without the cancellation of 1 - erf(t).
 *
 * <p>Method.
 * <ol>
 *   <li>t <= 0: erfc(t) = 1 + erf(|t|) lies in [1, 2): no cancellation; erfc(0) = 1 exactly.
 *   <li>0 < t, t^2 < (d+4) ln 10 ({@link Erf#saturation}): erfc(t) = 1 - erf(t) with erf at
 *       d + k digits. The difference loses L = log10(1/erfc(t)) + 1 digits (measured by {@link
 *       Precision#cancellation}); k starts at the a-priori estimate t^2/ln 10 + 2 and is raised to
 *       L + 1 when the measurement exceeds it, so the absolute error 10^-(d+k) of erf is at most
 *       relative 10^-(d+1) of the difference. L <= d + 6 here, so at most about twice the digits.
 *   <li>t^2 >= (d+4) ln 10: the asymptotic expansion (DLMF 7.12.1)
 *       <pre>
 *   erfc(t) = e^(-t^2) / (t sqrt(pi)) * sum_{n=0}^{N-1} (-1)^n (2n-1)!! / (2t^2)^n + R_N
 *       </pre>
 *       For real t > 0, R_N has the sign of, and is bounded in magnitude by, the first omitted
 *       term (DLMF 7.12(ii)). Summing until the term u_n <= 10^-(d+3) gives relative error below
 *       2 * 10^-(d+3) since the sum is at least 1 - 1/(2t^2) >= 1/2. Such an n < t^2 exists: by
 *       Stirling, u_n = (2n)! / (n! (4t^2)^n) <= sqrt(2) e^(1/24n) (n/(e t^2))^n, and at n =
 *       floor(t^2) this is below 4.1 e^(-t^2) <= 4.1 * 10^-(d+4) < 10^-(d+3); the terms decrease
 *       up to there since u_{n+1}/u_n = (2n+1)/(2t^2) < 1.
 * </ol>
 *
 * <p>Error bound: the results above are within relative 10^-(d+1) before the final rounding at
 * {@link Precision#working}, so within 10^-d.
 *
 * <p>Thresholds: {@link #MAX_ARGUMENT} = 70,000 keeps t^2 <= 4.9 * 10^9 inside {@link
 * Exp#MAX_ARGUMENT}; erfc(70000) < 10^-2128042966 is far below every format, yet printed with
 * its digits. e^(-t^2) is taken at the exact square of t (the series' t^2 rounded to
 * d + {@link Erf#SERIES_GUARD} digits would be up to 4.9 * 10^-(d+2) off in the exponent at
 * t = 70,000: an absolute error there is a relative one of e^(-t^2)). For t <= -27, erfc(t) = 2 within relative 10^-320 is still computed through erf,
 * which itself saturates to 1.
 */
public final class Erfc {

  /** Largest t accepted (see the class comment). */
  public static final BigDecimal MAX_ARGUMENT = BigDecimal.valueOf(70_000);

  private static final double LN10 = Math.log(10);

  private Erfc() {}

  /**
   * erfc(t) within relative 10^-digits.
   *
   * @throws ArithmeticException when t > MAX_ARGUMENT
   */
  public static BigDecimal erfc(BigDecimal t, int digits) {
    if (t.signum() == 0) {
      return BigDecimal.ONE;
    }
    if (t.signum() < 0) {
      return BigDecimal.ONE.add(Erf.erf(t.negate(), digits + 1))
          .round(Precision.working(digits));
    }
    if (t.compareTo(MAX_ARGUMENT) > 0) {
      throw new ArithmeticException("erfc argument out of range: " + t);
    }
    // (relative 10^-10 in t2 is far inside LN10_UP's margin; k below is only a first guess)
    double t2 = FixedPoint.approximate(t) * FixedPoint.approximate(t);
    if (t2 >= Erf.saturation(digits)) {
      return asymptotic(t, digits);
    }
    int k = (int) Math.ceil(t2 / LN10) + 2;
    while (true) {
      BigDecimal r = BigDecimal.ONE.subtract(Erf.erf(t, digits + k));
      int lost = Precision.cancellation(BigDecimal.ONE, r);
      if (lost + 1 <= k) {
        return r.round(Precision.working(digits));
      }
      k = lost + 2;
    }
  }

  private static BigDecimal asymptotic(BigDecimal t, int digits) {
    MathContext mc = Precision.of(digits + Erf.SERIES_GUARD);
    BigDecimal t2 = t.multiply(t, mc);
    BigDecimal twoT2 = t2.add(t2);
    BigDecimal stop = BigDecimal.ONE.movePointLeft(digits + 3);
    BigDecimal u = BigDecimal.ONE;
    BigDecimal s = BigDecimal.ONE;
    double limit = FixedPoint.approximate(t2);
    for (int n = 1; ; n++) {
      if (n > limit) {
        throw new ArithmeticException("erfc asymptotic series diverged before convergence, t = " + t);
      }
      u = u.multiply(BigDecimal.valueOf(2L * n - 1), mc).divide(twoT2, mc);
      s = (n % 2 == 1) ? s.subtract(u, mc) : s.add(u, mc);
      if (u.compareTo(stop) <= 0) {
        break;
      }
    }
    BigDecimal e = Exp.exp(t.multiply(t).negate(), digits + Erf.SERIES_GUARD);
    BigDecimal sqrtPi = PiConstants.sqrtPi(mc.getPrecision());
    return s.multiply(e, mc).divide(t.multiply(sqrtPi, mc), mc).round(Precision.working(digits));
  }
}
