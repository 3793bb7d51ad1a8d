package org.activationtck.reference.function;

import static org.activationtck.reference.internal.DoubleDouble.add;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.ExpBlockPipeline;
import org.activationtck.reference.kernel.ExpPipelineKernel;
import org.activationtck.reference.kernel.RootTaylor;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;


/**
 * silu: x * sigma(x) in double-double, rounded once.
 *
 * <p>Method: E = e^(-|x|); sigma(x) = 1/(1 + E) for x >= 0, E/(1 + E) for x < 0; value x sigma;
 * derivative sigma(x) (1 + x sigma(-x)), whose factor 1 + x sigma(-x) cancels near its root
 * x0 = -1.2785; within 2^-20 of x0 the Taylor series of f' about x0 is used ({@link RootTaylor}).
 *
 * <p>Fast paths of the value (Ziv): float64 from {@link FastExpDoubleDouble} and the same
 * quotient with one correction, kept when {@link ZivRounding} decides it ({@link
 * #FAST64_VALUE_BOUND}); narrow dtypes q + c rounded to a double where {@link NarrowShortcut}
 * decides it ({@link #NARROW_BOUND}). The sign of x picks the numerator by an exact 0/1 indicator ({@link Step}); the
 * array forms are block pipelines of the same arithmetic ({@link ExpBlockPipeline}).
 *
 * <p>Accuracy of the accurate path: relative error about 2^-78 before rounding away from x0 (at least 2^-60 within
 * the cancellation next to {@link RootTaylor}'s radius); within 1 ulp everywhere. Allocation-free
 * for |x| <= 700 outside the root's window.
 *
 * <p>Special cases (catalog): NaN → NaN; +Inf → +Inf; -Inf → NaN (the frameworks' -inf * 0);
 * ±0 → ±0. Derivative: +Inf → 1, -Inf → -0.0, ±0 → 0.5.
 *
 * <p>Thresholds: |x| < 2^-60: x sigma(x) = x/2 + x^2/4 + O(x^4); x/2 is returned when exact,
 * otherwise (x subnormal and odd) the x^2/4 term decides the tie: (x + 2^-1074)/2, exact.
 * x > 745: x (1 - e^-x) rounds to x. x < -700: x e^x (1 - e^x) = x e^x within e^-700, scaled
 * once into the subnormal range. Derivative: x > 745 → 1; x < -700 → e^x (1 + x).
 */
public final class Silu extends RoundingFunction {

  static final double TAIL = 700;

  /**
   * Relative bound of the narrow fast path, y = q + c rounded to a double, for normal y (the
   * only ones {@link NarrowShortcut} accepts): q + c within {@link #FAST64_VALUE_BOUND} of x
   * sigma(x) where the roundings are relative; below the normal range the numerator's and the
   * correction's roundings add at most three half-units 2^-1075, below 2^-51.4 |y| for y >=
   * 2^-1022; then the rounding of the sum, 2^-53 |y|: in all below (2^-53 + 2^-75 + 2^-51.4)
   * |y| < 2^-50 |y|.
   */
  static final double NARROW_BOUND = 0x1p-50;

  /** Root of f': -1.2784645427610737... = -0x1.474973c84120bp+0 - 0x1.f8d74bc9ac154p-54. */
  static final DoubleDouble ROOT = DoubleDouble.of(-0x1.474973c84120bp+0, -0x1.f8d74bc9ac154p-54);

  /** f''(ROOT) = 0.2178117057198001 = 0x1.be1410460527fp-3 - 0x1.2541062177473p-58. */
  static final DoubleDouble C1 = DoubleDouble.of(0x1.be1410460527fp-3, -0x1.2541062177473p-58);
  static final double LINEAR = 745;

  /**
   * Relative error bound of the float64 fast path: e = e^-|x| within 2^-77
   * ({@link FastExpDoubleDouble}); n = x (x >= 0) or x e (x < 0, as nh + nl by fma, the rounding
   * of x el 2^-106) and d = 1 + e within 2^-77 each; the corrected quotient as in
   * {@link Sigmoid#FAST64_VALUE_BOUND}: below 2^-75.9.
   */
  static final double FAST64_VALUE_BOUND = 0x1p-75;

  /** The kernel for one final rounding: nearest (float64) or to odd (narrower dtypes). */
  private static final class RoundingKernel extends ExpPipelineKernel {
    RoundingKernel(FinalRounding rounding) {
      super(rounding, VALUE_STAGES, FAST64_VALUE_BOUND, null, 0, NARROW_BOUND);
    }

    @Override
    protected double valueQuotient(double x, double[] c) {
      return fastQuotient(x, c);
    }

    @Override
    protected double accurateValue(double x) {
      return Silu.accurateValue(x, rounding);
    }

    /** The derivative has one path: it decides everything. */
    @Override
    protected double fastDerivative(double x, double[] scratch) {
      return Silu.derivative(x, rounding);
    }

    @Override
    protected double accurateDerivative(double x) {
      return Silu.derivative(x, rounding);
    }
  }

  /** f'(x) rounded once for the dtype (one path, special cases included). */
  static double derivative(double x, FinalRounding rounding) {
    if (x != x) {
      return x;
    }
    if (x == 0) {
      return 0.5;
    }
    if (x > LINEAR) {
      return 1.0;
    }
    if (x < -TAIL) {
      if (x == Double.NEGATIVE_INFINITY) {
        return -0.0;
      }
      return ExpDoubleDouble.expScaled(DoubleDouble.of(x)).times(add(DoubleDouble.ONE, DoubleDouble.of(x)), rounding);
    }
    if (RootTaylor.near(x, ROOT)) {
      return RootTaylor.value(rounding, x, ROOT, C1, 0x1.2c563458cc0adp-3, 0x1.353eb573ca457p-6,
          -0x1.f2d0e32bc2994p-7, -0x1.b0f82c498fd2fp-8);
    }
    return slope(x, rounding);
  }

  /**
   * x sigma(x) = q + c, returning q and storing c in c[0] (scratch of length >= 1): e = e^-|x| =
   * eh + el ({@link FastExpDoubleDouble}), n = x or x e chosen by the exact indicator neg of x < 0
   * ({@link Step}: s = fma(neg, eh, 1 - neg) is eh or 1 exactly, neg el is el or a zero), d =
   * 1 + e, q = n / d corrected once: relative error below {@link #FAST64_VALUE_BOUND} where the
   * roundings are relative, NaN for |x| > 680, NaN and infinities. The same operations as {@link
   * #VALUE_STAGES}.
   */
  static double fastQuotient(double x, double[] c) {
    double eh = FastExpDoubleDouble.exp(-Math.abs(x), c, 0);
    double el = c[0];
    double neg = Step.positive(-x);
    double s = Math.fma(neg, eh, 1 - neg);
    double nh = x * s;
    double nl = Math.fma(x, s, -nh) + x * (neg * el);
    return ExpBlockPipeline.overOnePlus(nh, nl, eh, el, c);
  }

  /** The block form of {@link #fastQuotient} for {@link ExpBlockPipeline}. */
  private static final class ValueStages implements ExpBlockPipeline.Stages {
    @Override
    public void argument(ExpBlockPipeline p, int n) {
      ExpBlockPipeline.negativeAbs(p.x, p.t, n);
    }

    @Override
    public void approximate(ExpBlockPipeline p, int n) {
      double[] x = p.x;
      double[] eh = p.eh;
      double[] el = p.el;
      double[] nh = p.s0;
      double[] nl = p.s1;
      // nh, nl first hold sigma's numerator (1 or e) and are then multiplied by x in place: two
      // short loops, as one fused loop was measured slower (see ExpBlockPipeline)
      ExpBlockPipeline.sigmoidNumerator(x, eh, el, nh, nl, n);
      for (int i = 0; i < n; i++) {
        double xi = x[i];
        double s = nh[i];
        double h = xi * s;
        nh[i] = h;
        nl[i] = Math.fma(xi, s, -h) + xi * nl[i];
      }
      ExpBlockPipeline.onePlus(eh, el, p.s2, p.s3, n);
      ExpBlockPipeline.quotient(nh, nl, p.s2, p.s3, p.h, p.l, n);
    }
  }

  static final ExpBlockPipeline.Stages VALUE_STAGES = new ValueStages();

  /** The accurate path of the value for one final rounding (nearest or to odd). */
  static double accurateValue(double x, FinalRounding rounding) {
    if (x != x) {
      return x;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Double.NaN;
    }
    if (x > LINEAR) {
      return x;
    }
    if (Math.abs(x) < 0x1p-60) {
      return DoubleRounding.halfPlusSquare(x, rounding);
    }
    if (x < -TAIL) {
      return ExpDoubleDouble.expScaled(DoubleDouble.of(x)).times(DoubleDouble.of(x), rounding);
    }
    return timesSigmoid(x, rounding);
  }

  /**
   * x sigma(x) = x n / d for |x| <= 745, allocation-free: E = e^-|x| as (eh, el)
   * ({@link ExpDoubleDouble}), d = 1 + E (TwoSum), n = 1 (x >= 0) or E (x < 0), the numerator
   * x n by fma, one corrected quotient ({@link DoubleRounding#quotient}).
   */
  private static double timesSigmoid(double x, FinalRounding rounding) {
    double eh = ExpDoubleDouble.hi(-Math.abs(x));
    double el = ExpDoubleDouble.lo(-Math.abs(x));
    double dh = 1 + eh;
    double dl = ((1 - dh) + eh) + el;
    if (x >= 0) {
      return DoubleRounding.quotient(x, 0, dh, dl, rounding);
    }
    double nh = x * eh;
    double nl = Math.fma(x, eh, -nh) + x * el;
    return DoubleRounding.quotient(nh, nl, dh, dl, rounding);
  }

  /**
   * f'(x) = sigma(x) + x sigma'(x) = (n d + x E) / d^2 for |x| <= 745 away from the root:
   * x >= 0: (d + x E) / d^2 (positive terms); x < 0: E (d + x) / d^2, where d + x = 1 + E + x
   * cancels near the root (at most the 20 bits that {@link RootTaylor}'s radius leaves).
   */
  private static double slope(double x, FinalRounding rounding) {
    double eh = ExpDoubleDouble.hi(-Math.abs(x));
    double el = ExpDoubleDouble.lo(-Math.abs(x));
    double dh = 1 + eh;
    double dl = ((1 - dh) + eh) + el;
    double sqh = dh * dh;
    double sql = Math.fma(dh, dh, -sqh) + 2 * dh * dl;
    double nh;
    double nl;
    if (x >= 0) {
      double ph = x * eh;
      double pl = Math.fma(x, eh, -ph) + x * el;
      nh = dh + ph;
      nl = DoubleDouble.twoSumError(dh, ph, nh) + dl + pl;
    } else {
      double sh = dh + x;
      double sl = DoubleDouble.twoSumError(dh, x, sh) + dl;
      double t = sh + sl;
      sl = sl - (t - sh);
      sh = t;
      nh = eh * sh;
      nl = Math.fma(eh, sh, -nh) + eh * sl + el * sh;
    }
    double r = nh + nl;
    return DoubleRounding.quotient(r, nl - (r - nh), sqh, sql, rounding);
  }

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    return new RoundingKernel(rounding);
  }
}
