package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.FixedPoint;
import org.activationtck.oracle.internal.Expm1;
import org.activationtck.oracle.internal.Log1p;
import org.activationtck.oracle.internal.Precision;

/**
 * soft_exponential (Godfrey and Gashler 2015): a continuum from ln through x to exp, with a
 * trainable alpha.
 *
 * <p>Definition: f(a, x) = -ln(1 - a (x + a)) / a for a < 0, x for a = 0, (e^(a x) - 1) / a + a
 * for a > 0. For a < 0 the domain is 1 - a (x + a) > 0, i.e. x > 1/a - a; at the boundary
 * f = -Inf (the limit), below it NaN (the logarithm of a negative number). Identity:
 * f(-a, f(a, x)) = x. d/dx: 1 / (1 - a (x + a)) for a < 0, 1 for a = 0, e^(a x) for a > 0.
 * d/da: see {@link #derivativeAlpha}.
 *
 * <p>Method. a > 0: with z = a x (exact), the numerator n = e^z - 1 + a^2 is computed as
 * expm1(z) + a^2 for |z| <= 1 and as e^z - (1 - a^2) otherwise (1 - a^2 exact); either way the
 * sum cancels only near the root e^z = 1 - a^2 (0 < a < 1), where the loss is measured and the
 * evaluation repeated with that many more digits. a < 0: y = -a (x + a) exactly, then
 * -log1p(y) / a (no cancellation). Error bound: relative 10^-digits.
 *
 * <p>Thresholds: z > {@link Exp#MAX_ARGUMENT} → HUGE; z < -MAX_ARGUMENT → (a^2 - 1) / a, within
 * relative e^z / |a^2 - 1| (a != 1; |a^2 - 1| >= 2^-53 for a double a), or TINY for a = 1
 * (f(1, x) = e^x).
 *
 * <p>Special cases (a = 0, the catalog default: the identity, bit for bit): NaN → NaN;
 * a > 0: +Inf → +Inf, -Inf → (a^2 - 1) / a (+0.0 for a = 1), ±0 → a exactly; a < 0: +Inf →
 * +Inf, -Inf → NaN, x = -a → +0.0.
 *
 * <p>Not a framework function: the catalog lists it under keras3 as a custom activation.
 */
public final class SoftExponential implements ElementwiseFunction,
    org.activationtck.oracle.ParameterDerivative {

  /** d/d alpha (the only trainable parameter), see {@link #derivativeAlpha}. */
  @Override
  public Real derivative(String parameter, double x, Params p, int digits) {
    if (!parameter.equals("alpha")) {
      throw new IllegalArgumentException("soft_exponential has no derivative with respect to '"
          + parameter + "' (only x and alpha)");
    }
    return derivativeAlpha(x, p, digits);
  }

  private static final double LN10 = Math.log(10);
  private static final BigDecimal HALF = new BigDecimal("0.5");

  /**
   * Safety bound on the retry loops. The loss is log10 of how close x lies to an irrational root
   * of the sum, relative to x; for double inputs it has been a few tens of digits at most, but
   * no bound is proven, so past this precision the oracle gives up with an ArithmeticException.
   */
  private static final int MAX_WORKING_DIGITS = 40_000;

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal a = p.real("alpha");
    if (a.signum() == 0 || Double.isNaN(x)) {
      return Real.of(x);
    }
    if (a.signum() > 0) {
      return valuePositiveAlpha(x, a, digits);
    }
    if (x == Double.POSITIVE_INFINITY) {
      return Real.POSITIVE_INFINITY;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.NAN;
    }
    BigDecimal y = a.negate().multiply(new BigDecimal(x).add(a));
    int domain = y.compareTo(BigDecimal.ONE.negate());
    if (domain < 0) {
      return Real.NAN;
    }
    if (domain == 0) {
      return Real.NEGATIVE_INFINITY;
    }
    if (y.signum() == 0) {
      return Real.POSITIVE_ZERO;
    }
    BigDecimal l = Log1p.log1p(y, digits + 1);
    return Real.approx(l.negate().divide(a, Precision.working(digits)), digits);
  }

  private static Real valuePositiveAlpha(double x, BigDecimal a, int digits) {
    BigDecimal a2 = a.multiply(a);
    BigDecimal c = BigDecimal.ONE.subtract(a2);
    if (x == Double.POSITIVE_INFINITY) {
      return Real.POSITIVE_INFINITY;
    }
    if (x == 0) {
      return Real.exact(a);
    }
    BigDecimal z = x == Double.NEGATIVE_INFINITY ? null : a.multiply(new BigDecimal(x));
    if (z != null && z.compareTo(Exp.MAX_ARGUMENT) > 0) {
      return Real.huge(false);
    }
    if (z == null || z.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
      if (c.signum() == 0) {
        return z == null ? Real.POSITIVE_ZERO : Real.tiny(false);
      }
      Real limit = Softsign.quotient(c.negate(), a, digits);
      return z == null ? limit : Real.approx(limit.value(), digits);
    }
    int w = digits + 2;
    for (int attempt = 0; attempt < 64; attempt++) {
      BigDecimal first;
      BigDecimal second;
      if (z.abs().compareTo(BigDecimal.ONE) <= 0) {
        first = Expm1.expm1(z, w + 1);
        second = a2;
      } else {
        first = Exp.exp(z, w + 1);
        second = c.negate();
      }
      // Rounded sum (an exact one would carry e^z's 10^-400000 scale): relative 10^-(w+3) more.
      BigDecimal n = first.add(second, Precision.working(w));
      // Terms at relative 10^-(w+1): n is within 10^(lost - w - 1) relative; w >= d + 1 + lost.
      int lost = n.signum() == 0 ? w : Precision.cancellation(first.abs().max(second.abs()), n);
      if (n.signum() != 0 && w >= digits + 1 + lost) {
        return Real.approx(n.divide(a, Precision.working(digits)), digits);
      }
      if (w > MAX_WORKING_DIGITS) {
        break;
      }
      w = Math.max(2 * w, digits + 2 + lost);
    }
    throw new ArithmeticException("soft_exponential: cancellation not resolved at x = " + x);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal a = p.real("alpha");
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("soft_exponential", p);
    }
    if (a.signum() == 0) {
      return Real.exact(BigDecimal.ONE);
    }
    if (a.signum() > 0) {
      if (Double.isInfinite(x)) {
        return x > 0 ? Real.POSITIVE_INFINITY : Real.POSITIVE_ZERO;
      }
      return ExpLinearUnit.scaledExp(a.multiply(new BigDecimal(x)), BigDecimal.ONE, digits);
    }
    if (x == Double.POSITIVE_INFINITY) {
      return Real.POSITIVE_ZERO;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.NAN;
    }
    BigDecimal onePlusY = BigDecimal.ONE.subtract(a.multiply(new BigDecimal(x).add(a)));
    int domain = onePlusY.signum();
    if (domain < 0) {
      return Real.NAN;
    }
    if (domain == 0) {
      return Real.POSITIVE_INFINITY;
    }
    return Softsign.quotient(BigDecimal.ONE, onePlusY, digits);
  }

  /**
   * d/da f(a, x), the gradient a training loop uses for the trainable alpha.
   *
   * <p>a > 0, z = a x: 1 + (z e^z - expm1(z)) / a^2, where g(z) = z e^z - e^z + 1 >= 0 (g(0) = 0,
   * g'(z) = z e^z), so adding 1 never cancels; g itself cancels for small |z| (g ~ z^2/2) and
   * is evaluated with the measured loss added. a < 0, with v = 1 - a (x + a):
   * ln(v) / a^2 + (x + 2a) / (a v), two terms of opposite signs for small |a| (both ~ x/a, sum
   * ~ 1 + x^2/2), again with measured loss. a = 0: the common limit 1 + x^2/2, exact.
   * Outside the domain (v <= 0) and at x = -Inf for a < 0: NaN. a > 0: x = +Inf → +Inf,
   * x = -Inf → 1 + 1/a^2.
   *
   * @param x the input, any double
   * @param p parameters with {@code alpha}
   * @param digits requested relative accuracy 10^-digits
   * @return the derivative with respect to alpha, exact or within relative 10^-digits
   */
  public Real derivativeAlpha(double x, Params p, int digits) {
    BigDecimal a = p.real("alpha");
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (a.signum() == 0) {
      if (Double.isInfinite(x)) {
        return Real.POSITIVE_INFINITY;
      }
      BigDecimal bx = new BigDecimal(x);
      return Real.exact(BigDecimal.ONE.add(bx.multiply(bx).divide(BigDecimal.valueOf(2))));
    }
    if (x == Double.POSITIVE_INFINITY) {
      return Real.POSITIVE_INFINITY;
    }
    BigDecimal a2 = a.multiply(a);
    if (a.signum() > 0) {
      if (x == Double.NEGATIVE_INFINITY) {
        return Softsign.quotient(a2.add(BigDecimal.ONE), a2, digits);
      }
      BigDecimal z = a.multiply(new BigDecimal(x));
      if (z.compareTo(Exp.MAX_ARGUMENT) > 0) {
        return Real.huge(false);
      }
      // (approximate: relative 10^-10; 0 for |z| < 10^-299, which the test below rejects)
      double zd = FixedPoint.approximate(z);
      if (zd < 0 && zd + Math.log1p(-zd) < -(digits + 3) * LN10) {
        // z < 0 and z + ln(1 + |z|) < -(d+3) ln 10, i.e. e^z (1 + |z|) < 10^-(d+3) (a test on
        // ln|z| instead would pass every tiny |z|, where the true value is near 1).
        // g(z) = 1 - e^z (1 - z) = 1 within relative e^z (1 + |z|) < 10^-(d+3); the result
        // 1 + g/a^2 = (a^2 + 1)/a^2 to the same accuracy (covers every z < -MAX_ARGUMENT).
        Real q = Softsign.quotient(a2.add(BigDecimal.ONE), a2, digits + 1);
        return Real.approx(q.value(), digits);
      }
      if (z.abs().compareTo(HALF) < 0) {
        return gSeries(z, a2, digits);
      }
      return alphaGradient(z, a, x, digits, true);
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.NAN;
    }
    BigDecimal v = BigDecimal.ONE.subtract(a.multiply(new BigDecimal(x).add(a)));
    if (v.signum() <= 0) {
      return Real.NAN;
    }
    return alphaGradient(v, a, x, digits, false);
  }

  /**
   * 1 + g(z)/a^2 for |z| < 1/2 by the series g(z) = sum_{k>=2} (k - 1) z^k / k!, whose terms
   * shrink by at least |z| each (t_{k+1}/t_k = z k / ((k - 1)(k + 1))), so the tail after t_n is
   * below 2 |z| |t_n| <= |t_n|, and g >= z^2/2 - |z|^3/3 >= z^2/3: stopping when
   * |t_n| < 10^-(d+3) z^2/2 bounds the relative truncation by 10^-(d+2), with no cancellation.
   */
  private static Real gSeries(BigDecimal z, BigDecimal a2, int digits) {
    if (z.signum() == 0) {
      return Real.exact(BigDecimal.ONE);
    }
    MathContext mc = Precision.working(digits + 1);
    BigDecimal power = z.multiply(z, mc);                 // z^k
    BigDecimal factorial = BigDecimal.valueOf(2);         // k!
    BigDecimal first = power.divide(factorial, mc);       // t_2 = z^2 / 2
    BigDecimal stop = first.abs().movePointLeft(digits + 3);
    BigDecimal sum = first;
    for (int k = 3; ; k++) {
      power = power.multiply(z, mc);
      factorial = factorial.multiply(BigDecimal.valueOf(k));
      BigDecimal term = power.multiply(BigDecimal.valueOf(k - 1)).divide(factorial, mc);
      sum = sum.add(term, mc);
      if (term.abs().compareTo(stop) < 0) {
        break;
      }
    }
    return Real.approx(BigDecimal.ONE.add(sum.divide(a2, mc), Precision.working(digits)), digits);
  }

  /** The two-term sums of {@link #derivativeAlpha}, repeated until the measured loss is covered. */
  private static Real alphaGradient(BigDecimal zOrV, BigDecimal a, double x, int digits,
      boolean positive) {
    BigDecimal a2 = a.multiply(a);
    BigDecimal bx = new BigDecimal(x);
    int w = digits + 2;
    for (int attempt = 0; attempt < 64; attempt++) {
      MathContext mc = Precision.working(w);
      BigDecimal first;
      BigDecimal second;
      if (positive) {
        BigDecimal z = zOrV;
        if (z.signum() == 0) {
          return Real.exact(BigDecimal.ONE);
        }
        first = z.multiply(Exp.exp(z, w + 1), mc);
        second = Expm1.expm1(z, w + 1).negate();
      } else {
        BigDecimal v = zOrV;
        first = Log1p.log1p(v.subtract(BigDecimal.ONE), w + 1).divide(a2, mc);
        second = bx.add(a.multiply(BigDecimal.valueOf(2))).divide(a.multiply(v), mc);
      }
      BigDecimal n = first.add(second, mc);
      int lost = n.signum() == 0 ? w : Precision.cancellation(first.abs().max(second.abs()), n);
      if (n.signum() != 0 && w >= digits + 1 + lost) {
        BigDecimal r = positive ? BigDecimal.ONE.add(n.divide(a2, mc), mc) : n;
        return Real.approx(r.round(Precision.working(digits)), digits);
      }
      if (w > MAX_WORKING_DIGITS) {
        break;
      }
      w = Math.max(2 * w, digits + 2 + lost);
    }
    throw new ArithmeticException("soft_exponential d/dalpha: cancellation not resolved at x = "
        + x);
  }
}
