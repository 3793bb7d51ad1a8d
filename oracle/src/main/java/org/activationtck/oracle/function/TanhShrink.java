package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.Precision;
import org.activationtck.oracle.internal.Tanh;

/**
 * tanh_shrink: f(x) = x - tanh(x), f'(x) = tanh(x)^2.
 *
 * <p>Method. f is odd; take |x| and restore the sign.
 * <ol>
 *   <li>|x| <= 1: x - tanh x = N(x) / cosh x with N(x) = x cosh x - sinh x =
 *       sum_{n>=1} 2n x^(2n+1) / (2n+1)!, a series of positive terms (the cancellation of
 *       x - tanh x ~ x^3/3, up to 650 digits at subnormal x, never happens). Terms: t_1 = x^3/3,
 *       t_{n+1} = t_n * x^2 / (2n (2n+3)) (from (n+1)/(n (2n+2)(2n+3))). For |x| <= 1 the ratio
 *       is at most 1/10, so the tail after t_n is below t_n / 9, and the loop stops when
 *       t_n <= S * 10^-(d+3). cosh x = (e^x + e^-x)/2 has no cancellation.
 *   <li>|x| > 1: x - tanh x directly with tanh at d + 2 digits: (x - tanh x)/x increases in x
 *       and is 0.2384... at 1, so the absolute error 10^-(d+2) of tanh is below relative
 *       4.2 * 10^-(d+2) of the difference.
 * </ol>
 *
 * <p>Error bound: series terms and sums at d + {@link #SERIES_GUARD} digits (at most
 * {@link #MAX_TERMS} positive terms, accumulated relative error below 3 * 10^4 * 10^(1-d-9) =
 * 3 * 10^-(d+4)); tail below 10^-(d+3); cosh and the quotient at d + 4: below 10^-(d+1) overall.
 *
 * <p>Special cases (every dialect): NaN → NaN; ±Inf → ±Inf; +0 → +0.0 and -0 → +0.0: the
 * implementations compute x - tanh(x), and -0.0 - (-0.0) = +0.0 in IEEE arithmetic. Derivative:
 * NaN → NaN; ±Inf → 1; ±0 → +0.0.
 *
 * <p>Thresholds: cut-over at |x| = 1 (above); beyond {@link #asymptote} the value is returned
 * one-sided ({@link Real#beside}) just above x - 1. Large |x| is fast: the tanh kernel returns 1 beyond
 * (d + 2) ln 10 / 2 without evaluating e^x.
 */
public final class TanhShrink implements ElementwiseFunction {

  /** Guard digits of the series sum: log10(3 * MAX_TERMS) + 4, rounded up. */
  static final int SERIES_GUARD = 9;

  /** (2n+1)! > 10^(d+3) needs n < 3000 for d <= 10^4; a generous cap. */
  static final int MAX_TERMS = 10_000;

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (Double.isInfinite(x)) {
      return Real.infinity(x < 0);
    }
    if (x == 0) {
      return Real.POSITIVE_ZERO;
    }
    BigDecimal ax = new BigDecimal(x).abs();
    if (Math.abs(x) > asymptote(digits)) {
      // x - tanh x = (x - 1) + 2e^(-2x)/(1 + e^(-2x)): just above x - 1 (below for x < 0), which
      // may itself be a rounding midpoint (odd integers in [2^24, 2^25] for float32).
      BigDecimal xm1 = ax.subtract(BigDecimal.ONE);
      return x > 0 ? Real.beside(xm1, 1, digits) : Real.beside(xm1.negate(), -1, digits);
    }
    BigDecimal r = ax.compareTo(BigDecimal.ONE) <= 0 ? series(ax, digits)
        : ax.subtract(Tanh.tanh(ax, digits + 2)).round(Precision.working(digits));
    return Real.approx(x < 0 ? r.negate() : r, digits);
  }

  /**
   * Beyond this |x| the term 2e^(-2x) is below (x - 1) 10^-d: 2e^(-2x) <= 10^-d / 2 needs
   * x >= (d ln 10 + ln 4) / 2, and x >= 2 keeps x - 1 >= 1. (d + 1) ln 10 / 2 + 2 covers both.
   */
  static double asymptote(int digits) {
    return (digits + 1) * Math.log(10) / 2 + 2;
  }

  /** (x cosh x - sinh x) / cosh x for 0 < x <= 1. */
  private static BigDecimal series(BigDecimal x, int digits) {
    MathContext mc = Precision.of(digits + SERIES_GUARD);
    BigDecimal x2 = x.multiply(x, mc);
    BigDecimal t = x2.multiply(x, mc).divide(BigDecimal.valueOf(3), mc);
    BigDecimal s = t;
    BigDecimal stop = BigDecimal.ONE.movePointLeft(digits + 3);
    for (int n = 1; ; n++) {
      if (n > MAX_TERMS) {
        throw new ArithmeticException("tanh_shrink series did not converge at " + x);
      }
      t = t.multiply(x2, mc).divide(BigDecimal.valueOf(2L * n * (2L * n + 3)), mc);
      s = s.add(t, mc);
      if (t.compareTo(s.multiply(stop, mc)) <= 0) {
        break;
      }
    }
    BigDecimal cosh = Exp.exp(x, digits + 2).add(Exp.exp(x.negate(), digits + 2))
        .divide(BigDecimal.valueOf(2), mc);
    return s.divide(cosh, Precision.working(digits));
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("tanh_shrink", p);
    }
    if (Double.isInfinite(x)) {
      return Real.exact(BigDecimal.ONE);
    }
    if (x == 0) {
      return Real.POSITIVE_ZERO;
    }
    BigDecimal t = Tanh.tanh(new BigDecimal(x), digits + 1);
    return Real.approx(t.multiply(t, Precision.working(digits)), digits);
  }
}
