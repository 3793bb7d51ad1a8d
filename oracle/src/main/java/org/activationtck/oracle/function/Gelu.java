package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Erf;
import org.activationtck.oracle.internal.Erfc;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.FixedPoint;
import org.activationtck.oracle.internal.Logistic;
import org.activationtck.oracle.internal.PiConstants;
import org.activationtck.oracle.internal.Precision;

/**
 * gelu: the Gaussian error linear unit, exact or in its tanh approximation (parameter
 * {@code approximate}).
 *
 * <p>Definition. Exact: f(x) = x Phi(x) = (x/2) erfc(-s x) with s = 1/sqrt 2, f'(x) = Phi(x) +
 * x phi(x) with phi(x) = s e^(-s^2 x^2)/sqrt(pi). Tanh form: f(x) = (x/2)(1 + tanh u) = x sigma(v),
 * with u = b (x + k x^3), v = 2u = c P(x), c = 2b, P = x + k x^3 (1 + tanh u = 2 sigma(2u));
 * f'(x) = sigma(v) (1 + x c P'(x) sigma(-v)), P' = 1 + 3k x^2. The constants s = 1/sqrt 2,
 * b = sqrt(2/pi) and k = 0.044715 are taken as the dialect holds them ({@link GeluConstants}:
 * binary values where its source stores them rounded, else the exact reals); every operation on
 * them is exact.
 *
 * <p>Method, exact form. x < 0: (x/2) erfc(s |x|) by {@link Erfc}, which avoids the
 * cancellation of 1 + erf in the tail. x > 0: (x/2)(1 + erf(s x)), a sum of positives.
 * t = s |x| is computed to d + {@link #ARG_GUARD} digits (s within 1 - 10^-7 of 1/sqrt 2 in
 * every dialect, so the bounds below hold): |d ln erfc(t)/dt| =
 * 2e^(-t^2)/(sqrt(pi) erfc t) < 2(t + 1) (Mills ratio, DLMF 7.8.2) amplifies a relative error e of
 * t by at most 2t(t + 1) < 1700 for t < 28.3 (x > -40; below, {@link #argGuard} guard digits), and |d ln(1 + erf t)/dt| < 1.2 by at most
 * 1.2t < 200 for the t used at x > 0; 10^-(d+5) * 1700 < 10^-(d+1). The derivative sums
 * Phi(x) and x phi(x), which cancel near its root x0 = -0.75179...; the loss is measured and the
 * terms recomputed with that many more digits (as in {@link Silu}).
 *
 * <p>Method, tanh form: x sigma(v) with {@link Logistic}. Since |d ln sigma(v)/dv| = sigma(-v)
 * <= 1, an absolute error 10^-(d+2) in v is a relative 10^-(d+2) in sigma(v); P is exact, so c
 * is computed to d + 3 + (decimal exponent of P) digits.
 *
 * <p>Error bound: below 10^-(d+1) before the final rounding at d + 4 digits: 10^-d.
 *
 * <p>Special cases (every dialect, both forms): NaN → NaN; +Inf → +Inf; -Inf → NaN (the
 * implementations evaluate -inf * 0, see the catalog note); ±0 → ±0. Derivative: NaN → NaN; +Inf
 * → 1; -Inf → -0.0 (limits; f' < 0 below x0); ±0 → 1/2 exactly (Phi(0) = sigma(0) = 1/2).
 *
 * <p>Thresholds. Exact form: x < -98,994 ({@link #EXACT_TINY}) gives t^2 = (s x)^2 near 4.9 * 10^9 = {@link
 * Exp#MAX_ARGUMENT} or above and |f| < e^(-x^2/2)/sqrt(2 pi) (from erfc t < e^(-t^2)/(t sqrt pi)) <
 * 10^-2127000000 and |f'| < |x| phi(x), as small: TINY, negative. Above it, down to x = -40 and
 * beyond, f and f' are computed to real digits (gelu(-40) = -1.4624...e-348): erfc by its
 * continued fraction (see {@link Erfc}), t taken to log10(2t(t + 1)) + 2 guard digits ({@link #argGuard}), phi's
 * exponent to d + 10 + (decimal exponent of x^2) digits. t^2 = s^2 x^2 >= (d+4) ln 10 ({@link Erf#saturation}): erfc(x/sqrt 2)/2 and x phi(x)
 * (x < 160 there for d <= 10^4, x e^(-x^2/2) decreasing) are below 10^-(d+2): f = x and f' = 1
 * within that, returned as approximations. Tanh form: v < -4.9 * 10^9 + 1 ({@link #tanhTiny}; every
 * x < -10^4) gives |f| < |x| e^v and |f'| < 3|v| e^v, both far below 2^-1100 and decreasing
 * further: TINY, negative. Above that, e^v is computed to real digits (Exp's decimal exponent). Derivative for v > 2(d + 5) ln 10: since x c P' <= 3v,
 * x c P' sigma(-v) < 3v e^-v < 3e^(-v/2) < 3 * 10^-(d+5) and f' = sigma(v) within that (this
 * keeps big-math's exp, slow near 10^5, out of the far tail).
 */
public final class Gelu implements ElementwiseFunction {

  /** Extra digits of t = |x|/sqrt 2: log10(1700) rounded up plus one. */
  static final int ARG_GUARD = 5;

  /**
   * Exact form: below this x, t = s |x| may exceed {@link Erfc#MAX_ARGUMENT} = 70,000 (t^2 above
   * {@link Exp#MAX_ARGUMENT} = 4.9 * 10^9; s <= (1 + 10^-7) / sqrt 2 keeps t <= 70,000 above it) and the value and derivative are TINY (derivation above).
   */
  static final double EXACT_TINY = -98_994;

  /**
   * Tanh form: below this x, v < 1.59 (-10^4 - 0.0447 * 10^12) < -4.9 * 10^9 and the value and
   * derivative are TINY (derivation above); between it and 0 the test is on v (within 10^-2),
   * below -4.9 * 10^9 + 1.
   */
  static final BigDecimal TANH_TINY_BELOW = BigDecimal.valueOf(-10_000);

  private static final BigDecimal HALF = new BigDecimal("0.5");
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
    BigDecimal bx = new BigDecimal(x);
    MathContext mc = Precision.working(digits);
    if (approximate(p)) {
      if (tanhTiny(bx, p)) {
        return Real.tiny(true);
      }
      BigDecimal vv = v(bx, p, digits + 2);
      if (x > 0 && FixedPoint.approximate(vv) > (digits + 2) * LN10) {
        // sigma(v) = 1 - sigma(-v), 0 < sigma(-v) < e^-v < 10^-(d+2): just below x.
        return Real.beside(bx, -1, digits);
      }
      BigDecimal s = Logistic.sigmoid(vv, digits + 1);
      return Real.approx(bx.multiply(s, mc), digits);
    }
    if (x < EXACT_TINY) {
      return Real.tiny(true);
    }
    if (x > 0 && saturated(x, p, digits)) {
      // f = x - x Phi(-x) with 0 < Phi(-x) < 10^-(d+4): just below x, which may be a rounding
      // midpoint of a narrower format (710 in bfloat16).
      return Real.beside(bx, -1, digits);
    }
    return Real.approx(bx.multiply(phi(bx, p, digits + 1), mc), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("gelu", p);
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? Real.exact(BigDecimal.ONE) : Real.NEGATIVE_ZERO;
    }
    if (x == 0) {
      return Real.exact(HALF);
    }
    BigDecimal bx = new BigDecimal(x);
    MathContext mc = Precision.working(digits);
    if (approximate(p)) {
      if (tanhTiny(bx, p)) {
        return Real.tiny(true);
      }
      return Real.approx(tanhFormDerivative(bx, p, digits), digits);
    }
    if (x < EXACT_TINY) {
      return Real.tiny(true);
    }
    if (x > 0 && saturated(x, p, digits)) {
      return Real.approx(BigDecimal.ONE, digits);
    }
    int k = 2;
    while (true) {
      BigDecimal cdf = phi(bx, p, digits + k);
      BigDecimal density = bx.multiply(density(bx, p, digits + k));
      BigDecimal sum = cdf.add(density);
      int lost = Precision.cancellation(cdf.max(density.abs()), sum);
      if (k >= lost + 1) {
        return Real.approx(sum.round(mc), digits);
      }
      k = lost + 2;
    }
  }

  /** Tanh form: v = 2b (x + k x^3) below -{@link Exp#MAX_ARGUMENT} + 1, where e^v is not computed. */
  private static boolean tanhTiny(BigDecimal x, Params p) {
    if (x.compareTo(TANH_TINY_BELOW) < 0) {
      return true;
    }
    return x.signum() < 0 && v(x, p, 2).compareTo(Exp.MAX_ARGUMENT.negate().add(BigDecimal.ONE)) < 0;
  }

  private static boolean approximate(Params p) {
    return p.has("approximate") && p.bool("approximate");
  }

  /** Whether t^2 = (s x)^2 reaches erf's saturation for d digits (s: the dialect's scale). */
  private static boolean saturated(double x, Params p, int digits) {
    double t = GeluConstants.erfScale(p, 17).doubleValue() * x;
    return t * t >= Erf.saturation(digits);
  }

  /**
   * Phi(x) = erfc(-s x)/2 within relative 10^-digits, EXACT_TINY <= x, (s x)^2 below saturation.
   * t = s x is taken to d + {@link #argGuard} digits: the Mills-ratio amplification 2t(t + 1) of
   * t's relative error stays below 10^(guard - 1).
   */
  private static BigDecimal phi(BigDecimal x, Params p, int digits) {
    MathContext mc = Precision.of(digits + argGuard(x) + Precision.GUARD);
    BigDecimal t = x.multiply(GeluConstants.erfScale(p, mc.getPrecision()), mc);
    BigDecimal e = x.signum() < 0 ? Erfc.erfc(t.negate(), digits + 1)
        : BigDecimal.ONE.add(Erf.erf(t, digits + 1));
    return e.multiply(HALF);
  }

  /**
   * phi(x) = s e^(-s^2 x^2) / sqrt(pi) within relative 10^-digits, |x| <= 98,994. s^2 x^2 is
   * exact, or within relative 10^-(d+10+E) with E = the decimal exponent of x^2 (at most 10): at
   * most 10 * 10^-(d+10) absolute in the exponent.
   */
  private static BigDecimal density(BigDecimal x, Params p, int digits) {
    MathContext mc = Precision.working(digits + 1);
    BigDecimal xx = x.multiply(x);
    int e10 = (int) Math.max(0, Precision.exponent10(xx) + 1);
    BigDecimal t2 = GeluConstants.erfScaleSquared(p, digits + 10 + e10).multiply(xx);
    BigDecimal e = Exp.exp(t2.negate(), digits + 1);
    BigDecimal s = GeluConstants.erfScale(p, mc.getPrecision());
    return e.multiply(s, mc).divide(PiConstants.sqrtPi(mc.getPrecision()), mc);
  }

  /**
   * Guard digits for t = s x: {@link #ARG_GUARD} (amplification below 1700 for t < 28.3, x > -40),
   * else log10(2t(t + 1)) + 2 with t <= 0.7072 |x|, rounded up.
   */
  private static int argGuard(BigDecimal x) {
    double t = 0.7072 * Math.abs(FixedPoint.approximate(x));
    return t < 28.3 ? ARG_GUARD : (int) Math.ceil(Math.log10(2 * t * (t + 1))) + 2;
  }

  /** v = 2b (x + k x^3) within absolute 10^-digits (exactly 0 never: x != 0). */
  private static BigDecimal v(BigDecimal x, Params p, int digits) {
    BigDecimal poly = x.add(GeluConstants.kappa(p).multiply(x.pow(3)));
    long e10 = Precision.exponent10(poly);
    int q = digits + 1 + (int) Math.max(0, e10 + 1);
    MathContext mc = Precision.working(q);
    BigDecimal c = GeluConstants.twiceTanhScale(p, mc.getPrecision());
    return c.multiply(poly, mc);
  }

  /** sigma(v) (1 + x c P' sigma(-v)) with the cancellation near x0 measured and covered. */
  private static BigDecimal tanhFormDerivative(BigDecimal x, Params p, int digits) {
    BigDecimal threeKappa = GeluConstants.kappa(p).multiply(BigDecimal.valueOf(3));
    BigDecimal s = null;
    int k = 2;
    while (true) {
      BigDecimal v = v(x, p, digits + k + 2);
      if (s == null) {
        s = Logistic.sigmoid(v, digits + 1);
      }
      if (FixedPoint.approximate(v) > 2 * (digits + 5) * LN10) {
        // x c P' <= 3v, so y = x c P' sigma(-v) < 3v e^-v < 3e^(-v/2) < 3 * 10^-(d+5): f' = s.
        return s.round(Precision.working(digits));
      }
      MathContext mc = Precision.working(digits + k + 1);
      BigDecimal c = GeluConstants.twiceTanhScale(p, mc.getPrecision());
      BigDecimal dp = BigDecimal.ONE.add(threeKappa.multiply(x).multiply(x));
      BigDecimal y = x.multiply(c, mc).multiply(dp, mc)
          .multiply(Logistic.sigmoid(v.negate(), digits + k), mc);
      BigDecimal b = BigDecimal.ONE.add(y);
      int lost = Precision.cancellation(y.abs().max(BigDecimal.ONE), b);
      if (k >= lost + 1) {
        return s.multiply(b, Precision.working(digits));
      }
      k = lost + 2;
    }
  }
}
