package org.activationtck.oracle.internal;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;

/**
 * The natural logarithm with relative error at most 10^-digits.
 *
 * <p>Method: big-math's log at the working precision, which bounds the <em>absolute</em> error
 * near x = 1; there the result ln(x) ~ x - 1 is small, so for |x - 1| < 1/2 we route through
 * {@link Log1p}, which accounts for that cancellation.
 */
public final class Log {

  private static final BigDecimal HALF = new BigDecimal("0.5");

  private Log() {}

  /** ln x for x > 0, within relative 10^-digits; ln 1 = 0 exactly. */
  public static BigDecimal log(BigDecimal x, int digits) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("log of non-positive " + x);
    }
    BigDecimal xm1 = x.subtract(BigDecimal.ONE);
    if (xm1.abs().compareTo(HALF) < 0) {
      return Log1p.log1p(xm1, digits);
    }
    return BigDecimalMath.log(x, Precision.working(digits));
  }
}
