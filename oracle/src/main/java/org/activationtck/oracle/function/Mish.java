package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.Precision;

/**
 * mish: x tanh(softplus(x)).
 *
 * <p>Definition: f(x) = x tanh(ln(1 + e^x)). With e = e^x and u = e (e + 2) = (1 + e)^2 - 1,
 * tanh(ln(1 + e)) = u / (u + 2), so f(x) = x u / (u + 2) exactly, and
 * f'(x) = u / (u + 2) + 4 x e (1 + e) / (u + 2)^2 = [u (u + 2) + 4 x e (1 + e)] / (u + 2)^2.
 *
 * <p>Method. x < 0: the rational form in e = e^x (every term positive). x > 0: with t = e^-x,
 * u / (u + 2) = (1 + 2t) / D, D = 1 + 2t + 2t^2, and f'(x) = (1 + 2t) / D + 4 x t^2 (1 + t) / D^2
 * (every term positive). The only cancellation is in f' for x < 0, where u (u + 2) and
 * 4 x e (1 + e) have opposite signs (f' has a zero near x = -1.19): the loss is measured and the
 * evaluation repeated with that many more digits. f'(0) = tanh(ln 2) = 3/5 exactly.
 *
 * <p>Error bound: relative 10^-digits (e^x at d + 2 digits and at most four roundings at d + 4).
 *
 * <p>Thresholds: x > ((d + 2) ln 10 + ln 2) / 2 gives 2t^2 / D < 10^-(d+2): f = x, f' = 1 as
 * approximations (for f', 1 - f' ~ t^2 (2 + 4x) needs x past that plus ln(1 + x) + 3 >= ln(2 + 4x)). x < -{@link Exp#MAX_ARGUMENT}: f ~ x e^x and
 * f' ~ (1 + x) e^x are negative and below 2^-1100 in magnitude: -TINY.
 *
 * <p>Special cases: NaN → NaN; +Inf → +Inf; -Inf → NaN, as every implementation computes it
 * (-inf * tanh(softplus(-inf)) = -inf * 0), although the limit is 0; ±0 → ±0. The derivative is
 * NaN at ±Inf for the same reason (inf * 0 in the chain rule; the limits are 1 and 0).
 */
public final class Mish implements ElementwiseFunction {

  private static final double LN10 = Math.log(10);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal FOUR = BigDecimal.valueOf(4);

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
      return Real.NAN;
    }
    if (x == Double.POSITIVE_INFINITY || x == 0) {
      return Real.of(x);
    }
    BigDecimal bx = new BigDecimal(x);
    MathContext mc = Precision.working(digits);
    if (x > 0) {
      if (x > ((digits + 2) * LN10 + Math.log(2)) / 2) {
        // x tanh(softplus x) < x, relatively by 1 - tanh(...) < 2e^(-2x) < 10^-(d+2): just below x.
        return Real.beside(bx, -1, digits);
      }
      BigDecimal t = Exp.exp(bx.negate(), digits + 2);
      BigDecimal num = BigDecimal.ONE.add(t.multiply(TWO), mc);
      BigDecimal den = num.add(t.multiply(t, mc).multiply(TWO), mc);
      return Real.approx(bx.multiply(num).divide(den, mc), digits);
    }
    if (bx.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
      return Real.tiny(true);
    }
    // Sums are rounded to the working precision: e^x can be 10^-400000, and an exact
    // 2 + e^x would carry all of those digits.
    BigDecimal e = Exp.exp(bx, digits + 2);
    BigDecimal u = e.multiply(e.add(TWO, mc), mc);
    return Real.approx(bx.multiply(u).divide(u.add(TWO, mc), mc), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("mish", p);
    }
    if (Double.isInfinite(x)) {
      return Real.NAN;
    }
    if (x == 0) {
      return Real.exact(new BigDecimal("0.6"));
    }
    BigDecimal bx = new BigDecimal(x);
    if (x > 0) {
      if (x > ((digits + 2) * LN10) / 2 + Math.log1p(x) + 3) {
        return Real.approx(BigDecimal.ONE, digits);
      }
      MathContext mc = Precision.working(digits);
      BigDecimal t = Exp.exp(bx.negate(), digits + 2);
      BigDecimal t2 = t.multiply(t, mc);
      BigDecimal num = BigDecimal.ONE.add(t.multiply(TWO), mc);
      BigDecimal den = num.add(t2.multiply(TWO), mc);
      BigDecimal first = num.divide(den, mc);
      BigDecimal second = FOUR.multiply(bx).multiply(t2, mc).multiply(BigDecimal.ONE.add(t, mc), mc)
          .divide(den.multiply(den, mc), mc);
      return Real.approx(first.add(second).round(mc), digits);
    }
    if (bx.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
      return Real.tiny(true);
    }
    // x < 0: N = u (u + 2) + 4 x e (1 + e) cancels near the minimum of mish. With every term at
    // relative 10^-(w+1), N has absolute error 2 |u (u + 2)| 10^-(w+1), i.e. relative
    // 2 * 10^(lost - w - 1) with lost = the cancellation; w >= d + 1 + lost suffices.
    int w = digits + 2;
    for (int attempt = 0; attempt < 64; attempt++) {
      MathContext mc = Precision.working(w);
      BigDecimal e = Exp.exp(bx, w + 2);
      BigDecimal u = e.multiply(e.add(TWO, mc), mc);
      BigDecimal a = u.multiply(u.add(TWO, mc), mc);
      BigDecimal b = FOUR.multiply(bx).multiply(e, mc).multiply(BigDecimal.ONE.add(e, mc), mc);
      BigDecimal n = a.add(b, mc);
      int lost = n.signum() == 0 ? w : Precision.cancellation(a, n);
      if (n.signum() != 0 && w >= digits + 1 + lost) {
        BigDecimal s = u.add(TWO, mc);
        return Real.approx(n.divide(s.multiply(s, mc), Precision.working(digits)), digits);
      }
      w = Math.max(2 * w, digits + 2 + lost);
    }
    throw new ArithmeticException("mish': cancellation not resolved at x = " + x);
  }
}
