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
 *
 * <p>Array forms: the middle formula at u = clamp(x, -3, 3) (finite for every non-NaN x), then
 * {@link Step#select} of x for x >= 3 and of min(x, 0) * 0 (-0.0, NaN for -Infinity, and a
 * harmless +0.0 for +Infinity) for x <= -3: straight-line, the same doubles as the branches.
 * |x| < {@link #TINY} (zeros included) is redone by a second pass. The narrow dtypes' float[]
 * forms narrow the nearest double and let {@link NarrowingCheck} send the rare float32
 * boundaries (and the tiny inputs) to the rounding-to-odd scalar forms.
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

  /** The float64 value for |x| >= TINY or NaN, branch-free (see the class comment). */
  static double nearest(double x) {
    double u = Math.min(Math.max(x, -3.0), 3.0);
    double s = u + 3;
    double e = DoubleDouble.twoSumError(u, 3, s);
    double prod = u * s;
    double tail = Math.fma(u, s, -prod) + u * e;
    double hi = prod + tail;
    double middle = Sixth.nearest(hi, (prod - hi) + tail);
    double low = Step.select(Step.nonNegative(-3 - x), Math.min(x, 0.0) * 0.0, middle);
    return Step.select(Step.nonNegative(x - 3), x, low);
  }

  /** The float64 derivative, branch-free: 0, (2u + 3) / 6 for u = clamp(x, -3, 3), or 1. */
  static double nearestSlope(double x) {
    double twice = 2 * Math.min(Math.max(x, -3.0), 3.0);
    double s = twice + 3;
    double middle = Sixth.nearest(s, DoubleDouble.twoSumError(twice, 3, s));
    double low = Step.select(Step.nonNegative(-3 - x), 0.0, middle);
    return Step.select(Step.nonNegative(x - 3), 1.0, low);
  }

  @Override
  Kernel bind(Params p, boolean toOdd) {
    return new RoundingKernel(toOdd);
  }

  private static final class RoundingKernel extends BranchFreeKernel {
    private final boolean toOdd;

    RoundingKernel(boolean toOdd) {
      this.toOdd = toOdd;
    }

    @Override
    public double value(double x) {
      if (Math.abs(x) < TINY) {
        return tiny(x, toOdd);
      }
      if (!toOdd) {
        return nearest(x);
      }
      if (x <= -3) {
        return x * 0.0;                     // -0.0, and NaN for -Inf
      }
      if (x >= 3 || Double.isNaN(x)) {
        return x;
      }
      double s = x + 3;
      double e = DoubleDouble.twoSumError(x, 3, s);
      double prod = x * s;
      double tail = Math.fma(x, s, -prod) + x * e;
      double hi = prod + tail;
      return Sixth.of(hi, (prod - hi) + tail, true);
    }

    @Override
    public double derivative(double x) {
      if (!toOdd) {
        return nearestSlope(x);
      }
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
      return Sixth.of(s, DoubleDouble.twoSumError(twice, 3, s), true);
    }

    @Override
    void values(double[] x, double[] y, int n) {
      if (toOdd) {
        for (int i = 0; i < n; i++) {
          y[i] = value(x[i]);
        }
        return;
      }
      for (int i = 0; i < n; i++) {
        y[i] = nearest(x[i]);
      }
      for (int i = 0; i < n; i++) {
        if (Math.abs(x[i]) < TINY) {
          y[i] = tiny(x[i], false);
        }
      }
    }

    @Override
    void derivatives(double[] x, double[] y, int n) {
      if (toOdd) {
        for (int i = 0; i < n; i++) {
          y[i] = derivative(x[i]);
        }
        return;
      }
      for (int i = 0; i < n; i++) {
        y[i] = nearestSlope(x[i]);
      }
    }

    @Override
    void floatValues(double[] in, double[] out, int n) {
      if (!toOdd) {
        values(in, out, n);
        return;
      }
      for (int i = 0; i < n; i++) {
        double v = in[i];
        out[i] = NarrowingCheck.mark(nearest(v), Step.positive(TINY - Math.abs(v)));
      }
    }

    @Override
    void floatDerivatives(double[] in, double[] out, int n) {
      if (!toOdd) {
        derivatives(in, out, n);
        return;
      }
      for (int i = 0; i < n; i++) {
        out[i] = NarrowingCheck.mark(nearestSlope(in[i]), 0);
      }
    }

    @Override
    boolean marksFloatValues() {
      return toOdd;
    }

    @Override
    boolean marksFloatDerivatives() {
      return toOdd;
    }
  }
}
