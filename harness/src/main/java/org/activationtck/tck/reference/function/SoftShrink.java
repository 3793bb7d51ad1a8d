package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * soft_shrink: x - t, x + t or +0.0. The one subtraction is correctly rounded in float64. In
 * float32 x and t are float32: x ∓ t is exact in double unless their exponents differ by more
 * than 29, and then |t| < ulp_f32(x) / 32, so x ∓ t lies far from every float32 rounding midpoint
 * and (float) of the double rounds correctly.
 */
public final class SoftShrink implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double t = p.real("threshold").doubleValue();
    if (t < 0) {
      throw new IllegalArgumentException("soft_shrink parameter 'threshold' must be >= 0, got " + t);
    }
    boolean pytorch = "pytorch".equals(p.dialect());
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return pytorch ? x : 0.0;
        }
        return x > t ? x - t : x < -t ? x + t : 0.0;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return pytorch ? x : 0.0;
        }
        return Math.abs(x) > t ? 1 : 0;
      }
    };
  }
}
