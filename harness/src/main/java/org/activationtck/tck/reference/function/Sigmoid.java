package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
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
 * narrower dtypes get it rounded to odd.
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
