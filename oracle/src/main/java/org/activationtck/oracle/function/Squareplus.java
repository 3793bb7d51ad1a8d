package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Precision;

/**
 * squareplus: (x + sqrt(x^2 + b)) / 2.
 *
 * <p>Definition: f(x) = (x + s) / 2 with s = sqrt(x^2 + b), b >= 0; f'(x) = (1 + x / s) / 2.
 *
 * <p>Method. x >= 0: (x + s) / 2 and (s + x) / (2 s), sums of non-negative terms. x < 0: the
 * naive forms cancel (x + s -> 0); they are rewritten with (s + x)(s - x) = b as
 * f(x) = b / (2 (s - x)) and f'(x) = b / (2 s (s - x)), where s - x = s + |x| never cancels.
 * x^2 + b is formed exactly. When it is the square of a decimal (x = 0, b = 4 gives s = 2;
 * x = 1.5 gives s = 2.5), s is exact and so are f and f', returned exact so that a result on a
 * rounding boundary is rounded correctly. Otherwise s is computed at d + 6 digits: three roundings
 * at d + 4 keep the result within 10^-d.
 *
 * <p>Special cases: NaN → NaN; +Inf → +Inf; -Inf → NaN as the frameworks compute it
 * (-inf + sqrt(inf) = -inf + inf), although the limit is 0; ±0 → sqrt(b) / 2. With b = 0,
 * f(x) = +0.0 for x < 0 and f'(0) is 0/0 = NaN. Derivative: +Inf → 1, -Inf → +0.0 (limits).
 *
 * <p>Params.resolve rejects b < 0.
 */
public final class Squareplus implements ElementwiseFunction {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal b = b(p);
    if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
      return Real.NAN;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return Real.POSITIVE_INFINITY;
    }
    BigDecimal bx = new BigDecimal(x);
    if (x < 0 && b.signum() == 0) {
      return Real.POSITIVE_ZERO;
    }
    if (x == 0 && b.signum() == 0) {
      return Real.POSITIVE_ZERO;
    }
    BigDecimal v = bx.multiply(bx).add(b);
    BigDecimal exact = exactSqrt(v);
    BigDecimal s = exact != null ? exact : v.sqrt(Precision.working(digits + 2));
    MathContext mc = exact != null ? MathContext.UNLIMITED : Precision.working(digits);
    BigDecimal r;
    if (x >= 0) {
      r = bx.add(s).divide(TWO);
    } else {
      BigDecimal den = s.subtract(bx).multiply(TWO);
      r = exact != null ? divideExactOrNull(b, den) : b.divide(den, mc);
      if (r == null) {
        r = b.divide(den, Precision.working(digits));
        return Real.approx(r, digits);
      }
    }
    return exact != null ? Real.exact(r) : Real.approx(r.round(mc), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal b = b(p);
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("squareplus", p);
    }
    if (x == Double.POSITIVE_INFINITY) {
      return Real.exact(BigDecimal.ONE);
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.POSITIVE_ZERO;
    }
    if (b.signum() == 0) {
      return x > 0 ? Real.exact(BigDecimal.ONE) : x < 0 ? Real.POSITIVE_ZERO : Real.NAN;
    }
    BigDecimal bx = new BigDecimal(x);
    BigDecimal v = bx.multiply(bx).add(b);
    BigDecimal exact = exactSqrt(v);
    BigDecimal s = exact != null ? exact : v.sqrt(Precision.working(digits + 2));
    BigDecimal num;
    BigDecimal den;
    if (x >= 0) {
      num = s.add(bx);
      den = s.multiply(TWO);
    } else {
      num = b;
      den = s.multiply(s.subtract(bx)).multiply(TWO);
    }
    if (exact != null) {
      BigDecimal q = divideExactOrNull(num, den);
      if (q != null) {
        return Real.exact(q);
      }
    }
    return Real.approx(num.divide(den, Precision.working(digits)), digits);
  }

  /** sqrt(v) when it is a terminating decimal (v > 0), else null. */
  static BigDecimal exactSqrt(BigDecimal v) {
    // A terminating square root has at most about half of v's digits plus one; BigDecimal.sqrt
    // returns the exact root whenever it fits the precision, so one check of s * s settles it.
    BigDecimal s = v.sqrt(new MathContext(v.precision() / 2 + 4));
    return s.multiply(s).compareTo(v) == 0 ? s : null;
  }

  private static BigDecimal divideExactOrNull(BigDecimal a, BigDecimal b) {
    try {
      return a.divide(b);
    } catch (ArithmeticException nonTerminating) {
      return null;
    }
  }

  private static BigDecimal b(Params p) {
    return p.real("b");
  }
}
