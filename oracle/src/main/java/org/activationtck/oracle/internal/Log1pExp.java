package org.activationtck.oracle.internal;

import java.math.BigDecimal;

/**
 * ln(1 + e^x) (softplus) with relative error at most 10^-digits, for |x| up to
 * {@link Exp#MAX_ARGUMENT}.
 *
 * <p>Method. For x <= 0, log1p(e^x): the condition number of log1p at y = e^x is
 * y / ((1 + y) ln(1 + y)) <= 1, so an error of 10^-(d+1) in e^x costs at most 10^-(d+1) in the
 * result, plus 10^-(d+1) from log1p itself and 10^-(d+3) from the final rounding: below 10^-d.
 * For x > 0, x + log1p(e^-x): a sum of two positive terms, whose relative error is at most the
 * larger of the terms' (10^-(d+1)). No cancellation anywhere; the far tails are the callers'
 * business (both branches stay valid up to {@link Exp#MAX_ARGUMENT}).
 */
public final class Log1pExp {

  private Log1pExp() {}

  /** ln(1 + e^x) within relative 10^-digits. @throws ArithmeticException for |x| > MAX_ARGUMENT */
  public static BigDecimal log1pExp(BigDecimal x, int digits) {
    if (x.signum() <= 0) {
      BigDecimal e = Exp.exp(x, digits + 1);
      return Log1p.log1p(e, digits + 1).round(Precision.working(digits));
    }
    BigDecimal e = Exp.exp(x.negate(), digits + 1);
    return x.add(Log1p.log1p(e, digits + 1)).round(Precision.working(digits));
  }
}
