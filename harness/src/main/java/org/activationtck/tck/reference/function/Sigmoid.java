package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.NarrowShortcut;
import org.activationtck.tck.reference.internal.SigmoidDoubleDouble;

/**
 * sigmoid: 1/(1 + e^-x) in double-double, rounded once.
 *
 * <p>Method: E = e^(-|x|) as a double-double; sigma(|x|) = 1/(1 + E), sigma(-|x|) = E/(1 + E);
 * derivative E/(1 + E)^2. No cancellation anywhere. |x| <= 700: {@link SigmoidDoubleDouble}
 * (allocation-free); beyond, E from {@link DoubleDouble#expScaled}, scaled once.
 *
 * <p>Accuracy: relative error before the final rounding about 2^-78, so the float64 result is
 * correctly rounded except within 2^-78 relative of a midpoint, and always within 1 ulp; the
 * narrower dtypes get it rounded to odd, or, where {@link NarrowShortcut} proves it rounds the
 * same way in every narrow dtype, the plain double 1/(1 + Math.exp(-x)) (within 2^-50 relative).
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

  /** Relative error bounds of the plain-double fast paths (see the kernel), with a factor 2 spare. */
  static final double FAST_VALUE_BOUND = 0x1p-49;
  static final double FAST_DERIVATIVE_BOUND = 0x1p-48;

  /** The kernel for one final rounding: nearest (float64) or to odd (narrower dtypes). */
  private static final class RoundingKernel implements Kernel {
    private final boolean toOdd;

    RoundingKernel(boolean toOdd) {
      this.toOdd = toOdd;
    }

    @Override
    public double value(double x) {
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
        return !toOdd || x == 0 ? 0.5 : x > 0 ? Math.nextUp(0.5) : Math.nextDown(0.5);
      }
      if (toOdd && a <= TAIL) {
        // Fast path: Math.exp is within 1 ulp, 1 + e adds half an ulp, the quotient another
        // half: y is within 3 * 2^-52 < 2^-50 relative of sigma(x) (e is normal for a <= 700).
        double e = Math.exp(-a);
        double y = (x >= 0 ? 1 : e) / (1 + e);
        if (NarrowShortcut.decides(y, FAST_VALUE_BOUND)) {
          return y;
        }
      }
      if (a > TAIL) {
        return x > 0 ? 1.0 : DoubleDouble.expScaled(DoubleDouble.of(-a)).times(DoubleDouble.ONE, toOdd);
      }
      return SigmoidDoubleDouble.value(x, toOdd);
    }

    @Override
    public double derivative(double x) {
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
        return !toOdd || x == 0 ? 0.25 : Math.nextDown(0.25);
      }
      if (toOdd && a <= TAIL) {
        // Fast path: e within 1 ulp, d = 1 + e within 1.5, d^2 within 3.5, e / d^2 within
        // 5 ulps: below 2^-49 relative.
        double e = Math.exp(-a);
        double d = 1 + e;
        double y = e / (d * d);
        if (NarrowShortcut.decides(y, FAST_DERIVATIVE_BOUND)) {
          return y;
        }
      }
      if (a > TAIL) {
        return DoubleDouble.expScaled(DoubleDouble.of(-a)).times(DoubleDouble.ONE, toOdd);
      }
      return SigmoidDoubleDouble.derivative(x, toOdd);
    }
  }

  @Override
  Kernel bind(Params p, boolean toOdd) {
    return new RoundingKernel(toOdd);
  }
}
