package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.DoubleRounding;

/**
 * hard_silu: x relu6(x + 3) / 6.
 *
 * <p>Method: on -3 < x < 3 the numerator N = x (x + 3) as a double-double: x + 3 = s + e
 * (TwoSum), x s = p + pe (fma), N = p + (pe + x e) with the last product and sum rounded at
 * 2^-53 of a term below ulp(p); then N / 6 by {@link Sixth}. Result within
 * 0.5 ulp + 2^-51 ulp. Float32: a float32 midpoint m has at most 25 bits, so N = 6m would fit
 * in a double exactly; otherwise |N/6 - m| >= 2^-25 ulp64, far above the residual's error, so
 * the rounding to odd of the narrower dtypes ({@link DoubleRounding#finish}) is correct. Derivative (2x + 3) / 6 the same way (2x exact).
 *
 * <p>Special cases: x <= -3 → x * 0 = -0.0; -Inf → NaN; ±0 → ±0; +Inf → +Inf. Derivative 0
 * at -3 and 1 at 3 in every dialect.
 */
public final class HardSilu extends RoundingFunction {

  /**
   * Below 2^-60, f(x) = x/2 + x^2/6 with x^2/6 < 2^-61 |x/2|, under half an ulp: the result is
   * x/2 with every tie broken upward (x^2/6 > 0). Here the double-double tail x e would
   * underflow for subnormal x, where x/2 itself is a tie.
   */
  private static final double TINY = 0x1p-60;

  /** x/2 + x^2/6 for |x| < TINY: x/2, rounded up when it is a tie (odd subnormal x). */
  private static double tiny(double x, boolean toOdd) {
    double half = x * 0.5;
    if (half * 2 != x) {
      // The upper neighbour: x + MIN_VALUE is an even multiple of MIN_VALUE, so halving is exact;
      // x = -MIN_VALUE gives a zero, which keeps the sign of the (negative) value.
      half = Math.copySign((x + Double.MIN_VALUE) * 0.5, x);
    }
    return DoubleRounding.finish(half, 1, toOdd);
  }

  @Override
  Kernel bind(Params p, boolean toOdd) {
    return new Kernel() {
      @Override
      public double value(double x) {
        if (x <= -3) {
          return x * 0.0;                     // -0.0, and NaN for -Inf
        }
        if (x >= 3 || x == 0 || Double.isNaN(x)) {
          return x;
        }
        if (Math.abs(x) < TINY) {
          return tiny(x, toOdd);
        }
        double s = x + 3;
        double e = DoubleDouble.twoSumError(x, 3, s);
        double prod = x * s;
        double tail = Math.fma(x, s, -prod) + x * e;
        double hi = prod + tail;
        return Sixth.of(hi, (prod - hi) + tail, toOdd);
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        if (x <= -3) {
          return 0;
        }
        if (x >= 3) {
          return 1;
        }
        double twice = 2 * x;
        double s = twice + 3;
        return Sixth.of(s, DoubleDouble.twoSumError(twice, 3, s), toOdd);
      }
    };
  }
}
