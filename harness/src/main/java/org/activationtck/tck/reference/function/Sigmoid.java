package org.activationtck.tck.reference.function;

import static org.activationtck.tck.reference.internal.DoubleDouble.add;
import static org.activationtck.tck.reference.internal.DoubleDouble.div;
import static org.activationtck.tck.reference.internal.DoubleDouble.mul;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;

/**
 * sigmoid: 1/(1 + e^-x) in double-double, rounded once.
 *
 * <p>Method: E = e^(-|x|) by {@link DoubleDouble#expScaled}; sigma(|x|) = 1/(1 + E),
 * sigma(-|x|) = E/(1 + E); derivative E/(1 + E)^2. No cancellation anywhere.
 *
 * <p>Accuracy: relative error before the final rounding below 10^-28, so the double result is
 * correctly rounded except within 10^-28 of a midpoint, and always within 1 ulp.
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
      DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(-a));
      DoubleDouble d = add(DoubleDouble.ONE, e);
      DoubleDouble r = div(x >= 0 ? DoubleDouble.ONE : e, d);
      return DoubleDouble.round(r, toOdd);
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
      DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(-a));
      DoubleDouble d = add(DoubleDouble.ONE, e);
      return DoubleDouble.round(div(e, mul(d, d)), toOdd);
    }
  }

  @Override
  Kernel bind(Params p, boolean toOdd) {
    return new RoundingKernel(toOdd);
  }
}
