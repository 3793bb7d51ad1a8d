package org.activationtck.oracle.internal;

import java.math.BigDecimal;

/**
 * The complementary error function erfc(t) = 1 - erf(t) with relative error at most 10^-digits,
 * for exact arguments with |t| <= {@link #MAX_ARGUMENT}, without the cancellation of 1 - erf(t).
 *
 * <p>Method.
 * <ol>
 *   <li>t <= 0: erfc(t) = 1 + erf(|t|) lies in [1, 2): no cancellation; erfc(0) = 1 exactly.
 *   <li>0 < t < {@link ErfcContinuedFraction#cutOver}(d) (0.5 sqrt(d) + 1, at least 2): erfc(t) = 1 -
 *       erf(t) with erf at d + k digits. The difference loses L = log10(1/erfc(t)) + 1 digits
 *       (measured by {@link Precision#cancellation}); k starts at the a-priori estimate t^2/ln 10 +
 *       2 and is raised to L + 1 when the measurement exceeds it, so the absolute error 10^-(d+k)
 *       of erf is at most relative 10^-(d+1) of the difference. Below the cut-over t^2 < 0.6 d +
 *       4, so k stays below about d/4 + 4.
 *   <li>t >= the cut-over: {@link ErfcContinuedFraction}, Laplace's continued fraction, whose
 *       consecutive convergents bracket the value (no cancellation, no doubled digits). It also
 *       covers the far tail, t^2 >= (d+4) ln 10, where few steps are needed.
 * </ol>
 *
 * <p>Error bound: the results above are within relative 10^-(d+1) before the final rounding at
 * {@link Precision#working}, so within 10^-d.
 *
 * <p>Thresholds: {@link #MAX_ARGUMENT} = 70,000 keeps t^2 <= 4.9 * 10^9 inside {@link
 * Exp#MAX_ARGUMENT}; erfc(70000) < 10^-2128042966 is far below every format, yet printed with
 * its digits (e^(-t^2) is taken at the exact square of t: an absolute error in the exponent is a
 * relative one of e^(-t^2)). For t <= -27, erfc(t) = 2 within relative 10^-320 is still computed
 * through erf, which itself saturates to 1.
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
    double td = FixedPoint.approximate(t);
    if (td >= ErfcContinuedFraction.cutOver(digits)) {
      return ErfcContinuedFraction.erfc(t, digits);
    }
    // (k is only a first guess, raised to the measured cancellation below)
    double t2 = td * td;
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
}
