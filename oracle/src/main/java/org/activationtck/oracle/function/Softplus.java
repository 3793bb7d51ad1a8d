package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.FixedPoint;
import org.activationtck.oracle.internal.Log1pExp;
import org.activationtck.oracle.internal.Logistic;
import org.activationtck.oracle.internal.Precision;

/**
 * softplus: ln(1 + e^x), with PyTorch's beta and threshold.
 *
 * <p>Definition: f(x) = ln(1 + e^(beta x)) / beta; in pytorch (where threshold has a value)
 * f(x) = x exactly when beta x > threshold (strict), which is <em>not</em> the mathematical
 * softplus above the threshold (softplus(20.5) = 20.5 + 1.25e-9). f'(x) = sigma(beta x), and
 * exactly 1 where pytorch's cut-over applies (ATen's softplus_backward uses the same test).
 *
 * <p>Method: z = beta x exactly (a product of two binary values); {@link Log1pExp} for
 * ln(1 + e^z), divided by beta. Error bound: relative 10^-digits.
 *
 * <p>Thresholds: for z > (d + 2) ln 10 (and z > 1), ln(1 + e^z) = z (1 + e^-z/z + ...) is z
 * within relative 10^-(d+2), so the result is x, returned as an approximation. For
 * z < -{@link Exp#MAX_ARGUMENT}, the result e^z / beta (1 - ...) is below 2^-1100: TINY.
 *
 * <p>Special cases: NaN → NaN; +Inf → +Inf; -Inf → +0.0; ±0 → ln(2) / beta; f'(±0) = 1/2.
 *
 * <p>Params.resolve rejects beta <= 0 (the catalog's domain; PyTorch does not check).
 */
public final class Softplus implements ElementwiseFunction {

  private static final double LN10 = Math.log(10);

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal beta = beta(p);
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (x == Double.POSITIVE_INFINITY || aboveThreshold(x, beta, p)) {
      return Real.of(x);
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.POSITIVE_ZERO;
    }
    BigDecimal z = beta.multiply(new BigDecimal(x));
    if (z.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
      return Real.tiny(false);
    }
    // (approximate: relative 10^-10, far inside the margins of the bounds below)
    double zd = FixedPoint.approximate(z);
    if (zd > 1 && zd > (digits + 2) * LN10) {
      // (z + ln(1 + e^-z)) / beta = x + ln(1 + e^-z) / beta: just above x, relatively by less
      // than e^-z / z < 10^-(d+2); x may be a midpoint of a narrower output format.
      return Real.beside(new BigDecimal(x), 1, digits);
    }
    // 10^-(d+1) from the kernel plus 10^-(d+3) from the division: below 10^-d.
    BigDecimal s = beta.compareTo(BigDecimal.ONE) == 0 ? Log1pExp.log1pExp(x, digits + 1)
        : Log1pExp.log1pExp(z, digits + 1);
    return Real.approx(s.divide(beta, Precision.working(digits)), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal beta = beta(p);
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("softplus", p);
    }
    if (x == Double.POSITIVE_INFINITY || aboveThreshold(x, beta, p)) {
      return Real.exact(BigDecimal.ONE);
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.POSITIVE_ZERO;
    }
    return sigmoid(beta.multiply(new BigDecimal(x)), digits);
  }

  /** sigma(z) for finite z: 1/2 exactly at 0, TINY below -MAX_ARGUMENT. */
  static Real sigmoid(BigDecimal z, int digits) {
    if (z.signum() == 0) {
      return Real.exact(new BigDecimal("0.5"));
    }
    if (z.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
      return Real.tiny(false);
    }
    if (FixedPoint.approximate(z) < -(digits + 2) * LN10) {
      // sigma(z) = e^z (1 - e^z + ...): e^z within relative 10^-(d+2); this also keeps the
      // kernel's exact 1 + e^z from carrying e^z's 10^-400000 scale.
      return Real.approx(Exp.exp(z, digits + 1), digits);
    }
    return Real.approx(Logistic.sigmoid(z, digits), digits);
  }

  /** PyTorch's cut-over: beta x > threshold, strictly, when the dialect has a threshold. */
  private static boolean aboveThreshold(double x, BigDecimal beta, Params p) {
    if (!p.has("threshold") || Double.isInfinite(x)) {
      return p.has("threshold") && x == Double.POSITIVE_INFINITY;
    }
    return beta.multiply(new BigDecimal(x)).compareTo(p.real("threshold")) > 0;
  }

  private static BigDecimal beta(Params p) {
    return p.real("beta");
  }
}
