package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.LeakyKernel;
import org.activationtck.spec.params.Params;

/**
 * leaky_relu: x for x > 0 (jax: x >= 0), s * x otherwise. The one product is correctly rounded;
 * in float32 s and x are float32 and their product is exact in double, so (float) rounds once.
 * For s > 0 both dialects agree on every value (at x = -0.0 the keras3 product s x is -0.0 too),
 * and the kernel is the branch-free {@link LeakyKernel}.
 */
public final class LeakyRelu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double s = p.real("negative_slope").doubleValue();
    boolean jax = "jax".equals(p.dialect());
    if (s > 0 && s < Double.POSITIVE_INFINITY) {
      return new LeakyKernel(s, jax ? LeakyKernel.Kink.ONE : LeakyKernel.Kink.SLOPE);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        return (jax ? x >= 0 : x > 0) ? x : s * x;   // NaN: s * NaN = NaN
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        return (jax ? x >= 0 : x > 0) ? 1 : s;
      }
    };
  }
}
