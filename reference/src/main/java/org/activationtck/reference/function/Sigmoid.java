package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.SigmoidDoubleDouble;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.ExpBlockPipeline;
import org.activationtck.reference.kernel.ExpPipelineKernel;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * sigmoid: 1/(1 + e^-x) in double-double, rounded once.
 *
 * <p>Method: E = e^(-|x|) as a double-double; sigma(|x|) = 1/(1 + E), sigma(-|x|) = E/(1 + E);
 * derivative E/(1 + E)^2. No cancellation anywhere. |x| <= 700: {@link SigmoidDoubleDouble}
 * (allocation-free); beyond, E from {@link ExpDoubleDouble#expScaled}, scaled once.
 *
 * <p>Fast paths (Ziv). E from {@link FastExpDoubleDouble} (2^-77), the same quotients with one
 * correction, q + c. float64: {@link ZivRounding}: the nearest double whenever the bound
 * {@link #FAST64_VALUE_BOUND} decides it (all but about 2^-22 of the inputs with |x| <= 680).
 * Narrow dtypes: q + c rounded to a double where {@link NarrowShortcut} proves it rounds the
 * same way as sigma(x) in every narrow dtype ({@link #NARROW_BOUND}). The numerator is chosen
 * by the sign of x with an exact 0/1 indicator ({@link Step}), not a branch (with random signs
 * a branch mispredicts half the time) nor a bit mask (which does not vectorize). The array
 * forms run the same arithmetic as block pipelines ({@link ExpBlockPipeline}). Everything else
 * takes the accurate path below.
 *
 * <p>Accuracy of the accurate path: relative error before the final rounding about 2^-78, so the
 * float64 result is correctly rounded except within 2^-78 relative of a midpoint, and always
 * within 1 ulp; the narrower dtypes get it rounded to odd.
 *
 * <p>Special cases: NaN → NaN; ±0 → 0.5; +Inf → 1; -Inf → +0.0. Derivative: ±0 → 0.25,
 * ±Inf → +0.0.
 *
 * <p>Thresholds: for |x| > 700, sigma(-|x|) = E (1 - E + ...) = E within relative e^-700, and is
 * scaled into the subnormal range in one step; sigma(|x|) = 1 - E rounds to 1 once E < 2^-54
 * (|x| > 37.5; the formula is used anyway up to 700). The derivative is E within e^-700 there.
 */
public final class Sigmoid extends RoundingFunction {

  static final double TAIL = 700;

  /**
   * Below this x, sigma(x) < e^x < e^-1500 < 2^-2163, far below half the smallest subnormal: the
   * result is +0.0 in every dtype (and so is sigma'(x) = sigma(x) sigma(-x) for |x| above it).
   */
  static final double ZERO_BELOW = -1500;

  /** Below this |x| (2^-60), sigma(x) lies within 2^-62 of 1/2 (see the kernel). */
  static final double TINY_VALUE = 0x1p-60;

  /** Below this |x| (2^-30), sigma'(x) lies within 2^-64 below 1/4. */
  static final double TINY_DERIVATIVE = 0x1p-30;

  /**
   * Relative error bounds of the float64 fast paths. Value: e = e^-|x| within 2^-77
   * ({@link FastExpDoubleDouble}); n (1 or e) and d = 1 + e (TwoSum, exact but for el's
   * rounding, 2^-105) within 2^-77 each; q = n / dh with one correction c (residual exact by
   * fma, the rest below 2^-103 of q, as 1/dh is used for 1/(dh + dl) in a term of 2^-51 q):
   * (2^-77 + 2^-77 + 2^-102) < 2^-75.9. Derivative: e within 2^-77, d^2 = sh + sl within 2^-76
   * (sl's roundings 2^-104), the corrected quotient as before: below 2^-75.4.
   */
  static final double FAST64_VALUE_BOUND = 0x1p-75;
  static final double FAST64_DERIVATIVE_BOUND = 0x1p-74;

  /**
   * Relative bound of the narrow fast paths, y = q + c rounded to a double: |q + c - v| below
   * {@link #FAST64_VALUE_BOUND} (value) or {@link #FAST64_DERIVATIVE_BOUND} (derivative) of q,
   * plus the rounding of the sum, 2^-53 |y|: below (2^-53 + 2^-73.9) |y| < 2^-52 |y|.
   */
  static final double NARROW_BOUND = 0x1p-52;

  /**
   * The kernel for one final rounding. float64: {@link FastExpDoubleDouble} and a Ziv test
   * ({@link ZivRounding}) decide all but about 2^-22 of the inputs (and those outside |x| <=
   * 680); the rest take the accurate path. Narrow dtypes: the same q + c rounded to a double,
   * kept where {@link NarrowShortcut} proves it rounds like sigma(x) in every narrow dtype
   * ({@link #NARROW_BOUND}; all but about 2^-26 of the inputs with |x| <= 680); else the accurate
   * path rounded to odd. The array forms are {@link ExpBlockPipeline}s of the same arithmetic
   * ({@link #VALUE_STAGES}, {@link #DERIVATIVE_STAGES}).
   */
  private static final class RoundingKernel extends ExpPipelineKernel {
    RoundingKernel(FinalRounding rounding) {
      super(rounding, VALUE_STAGES, FAST64_VALUE_BOUND, DERIVATIVE_STAGES, FAST64_DERIVATIVE_BOUND, NARROW_BOUND);
    }

    @Override
    protected double valueQuotient(double x, double[] c) {
      return fastQuotient(x, c);
    }

    @Override
    protected double accurateValue(double x) {
      return Sigmoid.accurateValue(x, rounding);
    }

    @Override
    protected double derivativeQuotient(double x, double[] c) {
      return fastDerivativeQuotient(x, c);
    }

    @Override
    protected double accurateDerivative(double x) {
      return Sigmoid.accurateDerivative(x, rounding);
    }
  }

  /**
   * sigma(x) = q + c, returning q and storing c in c[0] (scratch of length >= 1): e = e^-|x| = eh
   * + el ({@link FastExpDoubleDouble}), the numerator n = 1 (x >= 0) or e (x < 0) chosen by the
   * exact indicator neg of x < 0 ({@link Step}: fma(neg, eh, 1 - neg) is eh or 1 exactly, neg el
   * is el or a zero), d = 1 + e, q = n / d corrected once. Relative error below {@link
   * #FAST64_VALUE_BOUND} for |x| <= 680; NaN outside. The same operations as {@link
   * #VALUE_STAGES}.
   */
  static double fastQuotient(double x, double[] c) {
    double eh = FastExpDoubleDouble.exp(-Math.abs(x), c, 0);
    double el = c[0];
    double neg = Step.positive(-x);
    return ExpBlockPipeline.overOnePlus(Math.fma(neg, eh, 1 - neg), neg * el, eh, el, c);
  }

  /**
   * sigma'(x) = e / d^2 = q + c as {@link #fastQuotient} (d^2 = sh + sl by fma), relative error
   * below {@link #FAST64_DERIVATIVE_BOUND}. The same operations as {@link #DERIVATIVE_STAGES}.
   */
  static double fastDerivativeQuotient(double x, double[] c) {
    double eh = FastExpDoubleDouble.exp(-Math.abs(x), c, 0);
    double el = c[0];
    double dh = 1 + eh;
    double dl = (eh - (dh - 1)) + el;
    double sh = dh * dh;
    double sl = Math.fma(dh, dh, -sh) + 2 * dh * dl;
    double inv = 1 / sh;
    double q = eh * inv;
    c[0] = (Math.fma(-q, sh, eh) + el - q * sl) * inv;
    return q;
  }

  /** The block form of {@link #fastQuotient}: h + l = q + c for e^-|x|. */
  private static final class ValueStages implements ExpBlockPipeline.Stages {
    @Override
    public void argument(ExpBlockPipeline p, int n) {
      ExpBlockPipeline.negativeAbs(p.x, p.t, n);
    }

    @Override
    public void approximate(ExpBlockPipeline p, int n) {
      ExpBlockPipeline.sigmoidNumerator(p.x, p.eh, p.el, p.s0, p.s1, n);
      ExpBlockPipeline.onePlus(p.eh, p.el, p.s2, p.s3, n);
      ExpBlockPipeline.quotient(p.s0, p.s1, p.s2, p.s3, p.h, p.l, n);
    }
  }

  /** The block form of {@link #fastDerivativeQuotient}. */
  private static final class DerivativeStages implements ExpBlockPipeline.Stages {
    @Override
    public void argument(ExpBlockPipeline p, int n) {
      ExpBlockPipeline.negativeAbs(p.x, p.t, n);
    }

    @Override
    public void approximate(ExpBlockPipeline p, int n) {
      double[] dh = p.s0;
      double[] dl = p.s1;
      double[] sh = p.s2;
      double[] sl = p.s3;
      ExpBlockPipeline.onePlus(p.eh, p.el, dh, dl, n);
      for (int i = 0; i < n; i++) {
        double d = dh[i];
        double s = d * d;
        sh[i] = s;
        sl[i] = Math.fma(d, d, -s) + 2 * d * dl[i];
      }
      ExpBlockPipeline.quotient(p.eh, p.el, sh, sl, p.h, p.l, n);
    }
  }

  static final ExpBlockPipeline.Stages VALUE_STAGES = new ValueStages();
  static final ExpBlockPipeline.Stages DERIVATIVE_STAGES = new DerivativeStages();

  /** The accurate path for one final rounding: nearest (float64) or to odd (narrower dtypes). */
  static double accurateValue(double x, FinalRounding rounding) {
    if (x != x) {
      return x;
    }
    double a = Math.abs(x);
    if (x < ZERO_BELOW) {
      return 0.0;
    }
    if (a < TINY_VALUE) {
      // sigma(x) = 1/2 + x/4 + O(x^3), within 2^-62 of 1/2: 1/2 is the nearest double, and
      // its odd neighbour towards x the value rounded to odd.
      return !rounding.toOdd() || x == 0 ? 0.5 : x > 0 ? Math.nextUp(0.5) : Math.nextDown(0.5);
    }
    if (a > TAIL) {
      return x > 0 ? 1.0 : ExpDoubleDouble.expScaled(DoubleDouble.of(-a)).times(DoubleDouble.ONE, rounding);
    }
    return SigmoidDoubleDouble.value(x, rounding);
  }

  /** The accurate path of the derivative (see {@link #accurateValue}). */
  static double accurateDerivative(double x, FinalRounding rounding) {
    if (x != x) {
      return x;
    }
    double a = Math.abs(x);
    if (a > -ZERO_BELOW) {
      return 0.0;
    }
    if (a < TINY_DERIVATIVE) {
      // sigma'(x) = 1/4 - x^2/16 + O(x^4), below 1/4 by less than 2^-64, a quarter of the
      // spacing below 1/4: 1/4 is the nearest double, its lower neighbour the odd rounding.
      return !rounding.toOdd() || x == 0 ? 0.25 : Math.nextDown(0.25);
    }
    if (a > TAIL) {
      return ExpDoubleDouble.expScaled(DoubleDouble.of(-a)).times(DoubleDouble.ONE, rounding);
    }
    return SigmoidDoubleDouble.derivative(x, rounding);
  }


  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    return new RoundingKernel(rounding);
  }
}
