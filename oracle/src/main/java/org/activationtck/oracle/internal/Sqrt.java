package org.activationtck.oracle.internal;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;

/** Square root with relative error at most 10^-digits (big-math's Newton iteration). */
public final class Sqrt {

  private Sqrt() {}

  /** sqrt(x) for x >= 0. */
  public static BigDecimal sqrt(BigDecimal x, int digits) {
    if (x.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return BigDecimalMath.sqrt(x, Precision.working(digits));
  }
}
