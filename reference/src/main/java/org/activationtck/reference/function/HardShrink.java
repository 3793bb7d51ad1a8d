package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.ShrinkKernel;
import org.activationtck.spec.params.Params;

/**
 * hard_shrink: x for |x| > t, else +0.0; NaN → NaN in pytorch, +0.0 otherwise. Exact.
 *
 * <p>For finite t >= 0 the kernel is the branch-free {@link ShrinkKernel}. The derivative at NaN
 * in pytorch (1, the scalar path of shrink_backward) is set by the registry's
 * NanDerivativeFunction.
 */
public final class HardShrink implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double t = p.real("threshold").doubleValue();
    boolean pytorch = "pytorch".equals(p.dialect());
    if (t >= 0 && t < Double.POSITIVE_INFINITY) {
      return new ShrinkKernel(t, false, pytorch);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return pytorch ? x : 0.0;
        }
        return Math.abs(x) > t ? x : 0.0;
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
