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
 * larger of the terms' (10^-(d+1)). No cancellation anywhere. For x < -(d + 3) ln 10 the result
 * is e^x (relative error e^x / 2). Callers handle |x| > {@link Exp#MAX_ARGUMENT}.
 */
public final class Log1pExp {

  private static final double LN10 = Math.log(10);

  private Log1pExp() {}

  /** ln(1 + e^x) within relative 10^-digits. @throws ArithmeticException for |x| > MAX_ARGUMENT */
  public static BigDecimal log1pExp(BigDecimal x, int digits) {
    // (relative 10^-10 in x moves e^x by far less than the margin of the bound below)
    if (FixedPoint.approximate(x) < -(digits + 3) * LN10) {
      // ln(1 + y) = y (1 - y/2 + ...) with y = e^x < 10^-(d+3): e^x itself is within relative
      // 10^-(d+3) (and log1p's exact 1 + y would carry y's 10^-400000 scale).
      return Exp.exp(x, digits + 1);
    }
    if (x.signum() <= 0) {
      BigDecimal e = Exp.exp(x, digits + 1);
      return Log1p.log1p(e, digits + 1).round(Precision.working(digits));
    }
    BigDecimal e = Exp.exp(x.negate(), digits + 1);
    return x.add(Log1p.log1p(e, digits + 1)).round(Precision.working(digits));
  }
}
