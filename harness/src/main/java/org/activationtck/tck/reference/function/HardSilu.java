package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * hard_silu: x relu6(x + 3) / 6.
 *
 * <p>Method: on -3 < x < 3 the numerator N = x (x + 3) as a double-double: x + 3 = s + e
 * (TwoSum), x s = p + pe (fma), N = p + (pe + x e) with the last product and sum rounded at
 * 2^-53 of a term below ulp(p); then N / 6 by {@link Float32Midpoint#sixth}. Result within
 * 0.5 ulp + 2^-51 ulp. Float32: a float32 midpoint m has at most 25 bits, so N = 6m would fit
 * in a double exactly; otherwise |N/6 - m| >= 2^-25 ulp64, far above the residual's error, so
 * the midpoint fix decides correctly. Derivative (2x + 3) / 6 the same way (2x exact).
 *
 * <p>Special cases: x <= -3 → x * 0 = -0.0; -Inf → NaN; ±0 → ±0; +Inf → +Inf. Derivative 0
 * at -3 and 1 at 3 in every dialect.
 */
public final class HardSilu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    return new Kernel() {
      @Override
      public double value(double x) {
        if (x <= -3) {
          return x * 0.0;                     // -0.0, and NaN for -Inf
        }
        if (x >= 3 || x == 0 || Double.isNaN(x)) {
          return x;
        }
        double s = x + 3;
        double e = Float32Midpoint.twoSumError(x, 3, s);
        double prod = x * s;
        double tail = Math.fma(x, s, -prod) + x * e;
        double hi = prod + tail;
        return Float32Midpoint.sixth(hi, (prod - hi) + tail);
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
        return Float32Midpoint.sixth(s, Float32Midpoint.twoSumError(twice, 3, s));
      }
    };
  }
}
