package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.Expm1;
import org.activationtck.oracle.internal.FixedPoint;
import org.activationtck.oracle.internal.Precision;

/**
 * The exponential branch shared by the ELU family (elu, selu, celu): c * (e^u - 1) and its
 * derivative factor c * e^u, with bounded-time tails.
 *
 * <p>Thresholds. For u < -(d + 2) ln 10, e^u < 10^-(d+2), so c (e^u - 1) = -c (1 - e^u) is -c
 * within relative 10^-(d+2): returned as an approximation of -c (never exact, the true value is
 * not). This also covers every u below -{@link Exp#MAX_ARGUMENT}, since (d + 2) ln 10 < 10^6 for
 * d <= 10,000. For u > {@link Exp#MAX_ARGUMENT} (only with a negative celu alpha) the magnitude
 * exceeds 2^1100: HUGE with the sign of c.
 */
final class ExpLinearUnit {

  private static final double LN10 = Math.log(10);

  private ExpLinearUnit() {}

  /** c * (e^u - 1) for finite nonzero u and nonzero c, within relative 10^-digits. */
  static Real scaledExpm1(BigDecimal u, BigDecimal c, int digits) {
    if (u.compareTo(Exp.MAX_ARGUMENT) > 0) {
      return Real.huge(c.signum() < 0);
    }
    // (approximate: relative 10^-10, so e^u < 10^-(d+2) (1 + 3 * 10^-6) where the test passes,
    // d <= 10,000)
    if (FixedPoint.approximate(u) < -(digits + 2) * LN10) {
      // The truth is -c + c e^u: beside -c, on the side of c's sign. One-sided, because -c (a
      // product such as selu's scale * alpha) can sit exactly on a rounding midpoint, where a
      // plain approximation never lets Ziv's loop decide (found by the oracle fuzz: selu alpha=5).
      return Real.beside(c.negate(), c.signum(), digits);
    }
    // expm1 at d + 1 digits, times the exact c, rounded at d + 4: 10^-(d+1) + 10^-(d+3) < 10^-d.
    BigDecimal m = Expm1.expm1(u, digits + 1);
    return Real.approx(m.multiply(c).round(Precision.working(digits)), digits);
  }

  /** c * e^u for finite u and nonzero c, within relative 10^-digits. */
  static Real scaledExp(BigDecimal u, BigDecimal c, int digits) {
    if (u.compareTo(Exp.MAX_ARGUMENT) > 0) {
      return Real.huge(c.signum() < 0);
    }
    if (u.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
      return Real.tiny(c.signum() < 0);
    }
    if (u.signum() == 0) {
      return Real.exact(c);
    }
    BigDecimal e = Exp.exp(u, digits + 1);
    return Real.approx(e.multiply(c).round(Precision.working(digits)), digits);
  }

  /** Whether a double zero is -0.0. */
  static boolean isNegativeZero(double x) {
    return Double.doubleToRawLongBits(x) == Long.MIN_VALUE;
  }
}
