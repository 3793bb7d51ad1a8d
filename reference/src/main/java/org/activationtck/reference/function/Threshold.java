package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.ThresholdSelect;
import org.activationtck.spec.params.Params;

/**
 * threshold: x for x > t else v; NaN → v in keras3, NaN in pytorch. Exact.
 *
 * <p>Branch-free for finite t and v: {@link ThresholdSelect}, which in keras3 gives NaN inputs v
 * and f' = 0. f'(NaN) in pytorch (1: threshold_backward passes the gradient) is set by the
 * registry's NanDerivativeFunction.
 */
public final class Threshold implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double t = p.real("threshold").doubleValue();
    double v = p.real("default_value").doubleValue();
    boolean keras = "keras3".equals(p.dialect());
    if (Math.abs(t) < Double.POSITIVE_INFINITY && Math.abs(v) < Double.POSITIVE_INFINITY) {
      return new ThresholdSelect(t, v, keras);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return keras ? v : x;
        }
        return x > t ? x : v;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return keras ? 0 : x;
        }
        return x > t ? 1 : 0;
      }
    };
  }
}
