package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Logistic;
import org.activationtck.oracle.internal.Precision;

/**
 * silu (swish): f(x) = x * sigma(x), f'(x) = sigma(x) * (1 + x * sigma(-x)).
 *
 * <p>Method: value = x (exact) times {@link Logistic} at d + 1 digits; no cancellation. The
 * derivative's factor B = 1 + x sigma(-x) vanishes at x0 = -1.27846454... (the minimum of silu)
 * and cancels near it: y = x sigma(-x) is computed with relative error 10^-(d+k), B = 1 + y with
 * absolute error |y| 10^-(d+k); the measured loss L = {@link Precision#cancellation}(max(1,|y|),
 * B) is covered when k >= L + 1, else k is raised to L + 2 and B recomputed. B is never 0 at a
 * double (x0 is transcendental), and at the nearest doubles L is about 17, so the loop ends.
 *
 * <p>Error bound: value below 10^-(d+1) + rounding; derivative: sigma at d + 1, B within
 * 10^-(d+1), product rounded at d + 4: below 10^-d.
 *
 * <p>Special cases (every dialect): NaN → NaN; +Inf → +Inf; -Inf → NaN (the implementations
 * evaluate -inf * sigmoid(-inf) = -inf * 0, or -inf / (1 + e^inf); the limit 0 is not what
 * they return, see the catalog note); ±0 → ±0 (x * 1/2 keeps the sign). Derivative: NaN → NaN;
 * +Inf → 1 and -Inf → -0.0 (the limits; the sign is that of f' just above -Inf); ±0 → 1/2.
 *
 * <p>Thresholds: for x < -{@link #TINY_BELOW} = -4.9 * 10^9 (= -{@link Exp#MAX_ARGUMENT}),
 * |f| < |x| e^x < 10^-2128042951 and |f'| = sigma(x)|1 + x sigma(-x)| < |x| e^x, both below
 * 2^-1100 (= 10^-331.1) and decreasing: TINY, negative. Above -4.9 * 10^9 both are computed to real digits,
 * however far below the formats (the fixed-point exp makes e^-999999 as cheap as e^-1). For x > 2(d + 4) ln 10
 * the derivative is 1 + (x - 1)e^-x + ... within relative
 * (x + 1)e^-x < e^(-x/2) < 10^-(d+4) of 1, returned as an approximate 1 (this keeps big-math's
 * exp, slow near 10^5, out of the far tail). Positive values need no threshold: the kernel
 * returns 1 beyond (d + 2) ln 10 without evaluating e^-x.
 */
public final class Silu implements ElementwiseFunction {

  /** Below -TINY_BELOW value and derivative are TINY. */
  static final double TINY_BELOW = 4.9e9;

  private static final double LN10 = Math.log(10);

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? Real.POSITIVE_INFINITY : Real.NAN;
    }
    if (x == 0) {
      return Real.of(x);
    }
    if (x < -TINY_BELOW) {
      return Real.tiny(true);
    }
    BigDecimal bx = new BigDecimal(x);
    if (x > (digits + 2) * Math.log(10)) {
      // x sigma(x) = x - x sigma(-x), sigma(-x) < e^-x < 10^-(d+2): just below x, which may be
      // a midpoint of a narrower output format.
      return Real.beside(bx, -1, digits);
    }
    BigDecimal s = Logistic.sigmoid(bx, digits + 1);
    return Real.approx(bx.multiply(s, Precision.working(digits)), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("silu", p);
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? Real.exact(BigDecimal.ONE) : Real.NEGATIVE_ZERO;
    }
    if (x == 0) {
      return Real.exact(new BigDecimal("0.5"));
    }
    if (x < -TINY_BELOW) {
      return Real.tiny(true);
    }
    if (x > 2 * (digits + 4) * LN10 + 1) {
      return Real.approx(BigDecimal.ONE, digits);
    }
    BigDecimal bx = new BigDecimal(x);
    BigDecimal s = Logistic.sigmoid(bx, digits + 1);
    int k = 2;
    while (true) {
      BigDecimal y = bx.multiply(Logistic.sigmoid(bx.negate(), digits + k));
      BigDecimal b = BigDecimal.ONE.add(y);
      BigDecimal larger = y.abs().max(BigDecimal.ONE);
      int lost = Precision.cancellation(larger, b);
      if (k >= lost + 1) {
        MathContext mc = Precision.working(digits);
        return Real.approx(s.multiply(b, mc), digits);
      }
      k = lost + 2;
    }
  }
}
