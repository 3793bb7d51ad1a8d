package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * hard_tanh: clip(x, min_val, max_val), NaN and ±0 kept; derivative 1 inside, at the bounds 1
 * (keras3, jax) or 0 (pytorch). Exact.
 *
 * <p>For finite nonzero bounds the kernel is branch-free: min(max(x, lo), hi) (a zero x is
 * strictly inside or strictly outside, so Math.max/min never choose between two zeros), and the
 * derivative is the {@link Step} indicator of min(x - lo, hi - x) > 0 (pytorch) or >= 0.
 */
public final class HardTanh implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double lo = p.real("min_val").doubleValue();
    double hi = p.real("max_val").doubleValue();
    if (lo > hi) {
      throw new IllegalArgumentException("hard_tanh parameter 'min_val' (" + lo
          + ") must not exceed parameter 'max_val' (" + hi + ")");
    }
    boolean pytorch = "pytorch".equals(p.dialect());
    if (lo != 0 && hi != 0 && Math.abs(lo) < Double.POSITIVE_INFINITY
        && Math.abs(hi) < Double.POSITIVE_INFINITY) {
      return new Clip(lo, hi, pytorch);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        return x < lo ? lo : x > hi ? hi : x;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        boolean inside = pytorch ? x > lo && x < hi : x >= lo && x <= hi;
        return inside ? 1 : 0;
      }
    };
  }

  /** Finite nonzero bounds lo <= hi. */
  private record Clip(double lo, double hi, boolean open) implements BranchFreeKernel {

    @Override
    public double value(double x) {
      return Math.min(Math.max(x, lo), hi);
    }

    @Override
    public double derivative(double x) {
      double margin = Math.min(x - lo, hi - x);
      return open ? Step.positive(margin) : Step.nonNegative(margin);
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      double lo = this.lo;
      double hi = this.hi;
      for (int i = 0; i < n; i++) {
        y[i] = Math.min(Math.max(x[i], lo), hi);
      }
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      double lo = this.lo;
      double hi = this.hi;
      if (open) {
        for (int i = 0; i < n; i++) {
          double v = x[i];
          y[i] = Step.positive(Math.min(v - lo, hi - v));
        }
      } else {
        for (int i = 0; i < n; i++) {
          double v = x[i];
          y[i] = Step.nonNegative(Math.min(v - lo, hi - v));
        }
      }
    }
  }
}
