package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.LeakyKernel;
import org.activationtck.reference.kernel.ThresholdGate;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * relu with Keras' negative_slope s, max_value m, threshold t (see the oracle's Relu for the
 * definition and the sign of zero rules).
 *
 * <p>Method: comparisons for every branch but s (x - t). That one is computed from the exact
 * difference x - t = d + e (TwoSum) as p + (pe + s e) with p = s d and pe = fma(s, d, -p) its
 * exact error: the only roundings are the final sum's and s e's (relative 2^-53 of a term below
 * ulp), so the result is within 0.5 ulp + 2^-52 ulp, and {@link DoubleRounding#finish} rounds
 * it to odd for the narrower dtypes (no double rounding there). All other results are exact.
 *
 * <p>Array forms: the common parameter sets get {@link BranchFreeKernel}s built from
 * {@link Step#positivePart}, {@link LeakyKernel#leaky} and {@link Step}: the defaults (max(x, 0) with
 * the catalog's signed zeros), the leaky path (s > 0), max_value alone (m > 0) and threshold
 * alone. Every other combination keeps the scalar loops.
 */
public final class Relu extends RoundingFunction {

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    double s = p.has("negative_slope") ? p.real("negative_slope").doubleValue() : 0;
    boolean hasMax = p.has("max_value");
    double m = hasMax ? p.real("max_value").doubleValue() : Double.POSITIVE_INFINITY;
    double t = p.has("threshold") ? p.real("threshold").doubleValue() : 0;
    if (s < 0) {
      throw new IllegalArgumentException("relu parameter 'negative_slope' must be >= 0, got " + s);
    }
    if (m < 0) {
      throw new IllegalArgumentException("relu parameter 'max_value' must be >= 0, got " + m);
    }
    boolean leaky = s != 0 && !hasMax && t == 0;
    boolean relu6 = t == 0 && hasMax && m == 6;
    if (s == 0 && t == 0 && !hasMax) {
      return new Plain();
    }
    if (leaky && s > 0 && s < Double.POSITIVE_INFINITY) {
      return new LeakyKernel(s, LeakyKernel.Kink.SLOPE);
    }
    if (s == 0 && t == 0 && hasMax && m > 0 && m < Double.POSITIVE_INFINITY) {
      return new Clipped(m);
    }
    if (s == 0 && !hasMax && t != 0 && Math.abs(t) < Double.POSITIVE_INFINITY) {
      return new ThresholdGate(t);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        if (leaky) {
          return x > 0 ? x : s * x;
        }
        double pos;
        if (t != 0) {
          pos = x > t ? x : x * 0.0;          // -Inf * 0 = NaN, negative x gives -0.0
        } else {
          pos = x < 0 ? 0.0 : x;
        }
        if (hasMax) {
          pos = pos < 0 ? 0.0 : pos > m ? m : pos;
        }
        if (s != 0 && x < t) {
          return slopeTimesDifference(x);
        }
        return pos;
      }

      /** s (x - t) for x < t, nearly correctly rounded (see the class header). */
      private double slopeTimesDifference(double x) {
        if (Double.isInfinite(x)) {
          return t != 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        double d = x - t;
        double e = DoubleDouble.twoSumError(x, -t, d);
        double prod = s * d;
        double prodError = Math.fma(s, d, -prod);
        double tail = prodError + s * e;
        double result = prod + tail;
        return DoubleRounding.finish(result, (prod - result) + tail, rounding);
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        if (leaky) {
          return x > 0 ? 1 : s;
        }
        double dpos;
        double posValue;
        if (t != 0) {
          dpos = x > t ? 1 : 0;
          posValue = x > t ? x : 0;
        } else if (relu6) {
          dpos = x > 0 && x < 6 ? 1 : 0;     // tf.nn.relu6 consumes the clip
          posValue = 0;
        } else {
          dpos = x > 0 ? 1 : 0;
          posValue = x > 0 ? x : 0;
        }
        double dclip = !hasMax || relu6 || (posValue <= m && Math.min(posValue, m) >= 0) ? 1 : 0;
        return dpos * dclip + (s != 0 && x < t ? s : 0);
      }
    };
  }

  /** The default parameters: max(x, 0), f' = [x > 0]. */
  private static final class Plain implements BranchFreeKernel {
    @Override
    public double value(double x) {
      return Step.positivePart(x);
    }

    @Override
    public double derivative(double x) {
      return Step.positive(x);
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = Step.positivePart(x[i]);
      }
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = Step.positive(x[i]);
      }
    }
  }

  /**
   * max_value m alone (finite m > 0): min(max(x, 0), m), exact, -0.0 kept. f' = [0 < x < 6] for
   * m = 6 (tf.nn.relu6), [0 < x <= m] otherwise (tf.clip_by_value sends the tie at m to x).
   */
  private record Clipped(double m) implements BranchFreeKernel {

    private boolean relu6() {
      return m == 6;
    }

    @Override
    public double value(double x) {
      return Math.min(Step.positivePart(x), m);
    }

    @Override
    public double derivative(double x) {
      return relu6() ? Step.positive(Math.min(x, 6 - x)) : Step.positive(x) * Step.nonNegative(m - x);
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      double m = this.m;
      for (int i = 0; i < n; i++) {
        y[i] = Math.min(Step.positivePart(x[i]), m);
      }
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      double m = this.m;
      if (relu6()) {
        for (int i = 0; i < n; i++) {
          double v = x[i];
          y[i] = Step.positive(Math.min(v, 6 - v));
        }
      } else {
        for (int i = 0; i < n; i++) {
          double v = x[i];
          y[i] = Step.positive(v) * Step.nonNegative(m - v);
        }
      }
    }
  }
}
