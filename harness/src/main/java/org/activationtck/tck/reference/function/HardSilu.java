package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.DoubleRounding;

/**
 * hard_silu: x relu6(x + 3) / 6.
 *
 * <p>Method: on -3 < x < 3 the numerator N = x (x + 3) as a double-double: x + 3 = s + e
 * (Fast2Sum, |3| >= |x|), x s = p + pe (fma), N = p + (pe + x e) with the last product and sum
 * rounded at 2^-53 of a term below ulp(p); then N / 6 by {@link Sixth}. Result within
 * 0.5 ulp + 2^-51 ulp. Float32: a float32 midpoint m has at most 25 bits, so N = 6m would fit
 * in a double exactly; otherwise |N/6 - m| >= 2^-25 ulp64, far above the residual's error, so
 * the rounding to odd of the narrower dtypes ({@link DoubleRounding#finish}) is correct.
 * Derivative (2x + 3) / 6 the same way (2x exact).
 *
 * <p>Special cases: x <= -3 → x * 0 = -0.0; -Inf → NaN; ±0 → ±0; +Inf → +Inf. Derivative 0
 * at -3 and 1 at 3 in every dialect.
 *
 * <p>Array forms: the middle formula at u = clamp(x, -3, 3) (finite for every non-NaN x), then
 * the outer pieces without branches ({@link #outside}, {@link #outsideSlope}): the same doubles
 * as the branches. |x| < {@link #TINY} (zeros included) and -Infinity are redone by a scalar
 * pass. The narrow dtypes' float[] forms narrow the nearest double and send the rare float32
 * boundaries ({@link NarrowingCheck}), the tiny inputs and -Infinity to the rounding-to-odd
 * scalar forms.
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

  /**
   * u (u + 3) / 6 for u = clamp(x, -3, 3), nearest: u + 3 = s + e by Fast2Sum (|3| >= |u|), the
   * numerator as prod + tail (tail = the fma error of u s plus u e, |tail| <= ulp(prod)), then
   * {@link Sixth#nearest}.
   */
  private static double middle(double x) {
    double u = Math.min(Math.max(x, -3.0), 3.0);
    double s = u + 3;
    double e = u - (s - 3);
    double prod = u * s;
    return Sixth.nearest(prod, Math.fma(u, s, -prod) + u * e);
  }

  /**
   * x for x > 3, else middle with +0.0 turned into -0.0: the value for every x but -Infinity
   * (NaN), given middle = {@link #middle}(x). middle is +0.0 exactly for x <= -3 (u = -3: s = 0)
   * and for x = ±0 (redone as tiny), and -(-m + 0.0) is m for every other m; the pieces are then
   * joined by the clamp of {@link Step#select} with the wall w = +Infinity for x > 3 (x - 3 is at
   * least 2^-51 there, so two scalings by 2^1023 overflow) and +0.0 for x <= 3 (at x = 3 both
   * pieces are 3).
   */
  private static double outside(double x, double middle) {
    double m = -((-middle) + 0.0);
    double w = Math.max((x - 3) * 0x1p1023 * 0x1p1023, 0.0);
    return Math.min(Math.max(x, m - w), -((-m) - w));
  }

  /** The float64 value for |x| >= TINY and x != -Infinity, branch-free (see the class comment). */
  static double nearest(double x) {
    return outside(x, middle(x));
  }

  /** (2u + 3) / 6 for u = clamp(x, -3, 3), nearest. */
  private static double middleSlope(double x) {
    double twice = 2 * Math.min(Math.max(x, -3.0), 3.0);
    double s = twice + 3;
    return Sixth.nearest(s, DoubleDouble.twoSumError(twice, 3, s));
  }

  /** 1 for x >= 3, 0 for x <= -3, else middle (finite): middle [-3 < x < 3] + [x >= 3]. */
  private static double outsideSlope(double x, double middle) {
    return middle * Step.positive(Math.min(x + 3, 3 - x)) + Step.nonNegative(x - 3);
  }

  /** The float64 derivative, branch-free: 0, (2u + 3) / 6 for u = clamp(x, -3, 3), or 1. */
  static double nearestSlope(double x) {
    return outsideSlope(x, middleSlope(x));
  }

  /**
   * y = nearest(x) for the first n elements, in two short passes (see {@link BranchFreeKernel})
   * over the arrays themselves (a scratch array indexed from another offset kept C2 from
   * vectorizing): the middle formula, then the outer pieces.
   */
  private static void nearestValues(double[] x, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = middle(x[i]);
    }
    for (int i = 0; i < n; i++) {
      y[i] = outside(x[i], y[i]);
    }
  }

  /** Whether the value needs the scalar form's branches: |x| < TINY (zeros too) or -Infinity. */
  private static boolean special(double x) {
    return Math.abs(x) < TINY || x == Double.NEGATIVE_INFINITY;
  }

  private static void nearestSlopes(double[] x, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = middleSlope(x[i]);
    }
    for (int i = 0; i < n; i++) {
      y[i] = outsideSlope(x[i], y[i]);
    }
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
      if (!toOdd && x != Double.NEGATIVE_INFINITY) {
        return nearest(x);
      }
      if (x <= -3) {
        return x * 0.0;                     // -0.0, and NaN for -Inf
      }
      if (x >= 3 || Double.isNaN(x)) {
        return x;
      }
      double s = x + 3;
      double e = x - (s - 3);
      double prod = x * s;
      return Sixth.of(prod, Math.fma(x, s, -prod) + x * e, true);   // middle(x), rounded to odd
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
      nearestValues(x, y, n);
      for (int i = 0; i < n; i++) {
        if (special(x[i])) {
          y[i] = value(x[i]);
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
      nearestSlopes(x, y, n);
    }

    @Override
    void floatValues(double[] in, double[] out, int n) {
      nearestValues(in, out, n);
      for (int i = 0; i < n; i++) {
        if (special(in[i])) {
          out[i] = toOdd ? Double.NaN : value(in[i]);    // NaN: redone by the scalar form
        }
      }
    }

    @Override
    void floatDerivatives(double[] in, double[] out, int n) {
      nearestSlopes(in, out, n);
    }

    @Override
    boolean checksFloatValues() {
      return toOdd;
    }

    @Override
    boolean checksFloatDerivatives() {
      return toOdd;
    }
  }
}
