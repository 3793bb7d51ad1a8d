package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.ShrinkKernel;
import org.activationtck.spec.params.Params;

/**
 * soft_shrink: x - t, x + t or +0.0; NaN → NaN in pytorch, +0.0 otherwise. The one subtraction is
 * correctly rounded, in float32 too (see {@link ShrinkKernel}, the branch-free kernel for finite
 * t). The derivative is hard_shrink's, [|x| > t] (at NaN in pytorch: 1, set by the registry's
 * NanDerivativeFunction).
 */
public final class SoftShrink implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double t = p.real("threshold").doubleValue();
    if (t < 0) {
      throw new IllegalArgumentException("soft_shrink parameter 'threshold' must be >= 0, got " + t);
    }
    boolean pytorch = "pytorch".equals(p.dialect());
    if (t < Double.POSITIVE_INFINITY) {
      return new ShrinkKernel(t, true, pytorch);
    }
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
