package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.NearestLoopKernel;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.reference.kernel.Sixth;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * hard_sigmoid: relu6(x + 3) / 6 (keras3, pytorch, jax) or clip(alpha x + beta, 0, 1)
 * (tf_keras2, onnx).
 *
 * <p>Method, relu6 form: x + 3 = s + e exactly (TwoSum), then (s + e) / 6 by
 * {@link Sixth}: within 0.5 ulp + 2^-52 ulp. Naive (x + 3) / 6 rounds twice and
 * is off by an ulp for many x (a fifth of random doubles in (-3, 3)). Double rounding into the
 * narrow formats: near a float32 (or coarser) midpoint m, v = (x + 3) / 6 is m itself (then
 * representable) or v - m = (x - (6m - 3)) / 6 with 6m - 3 a double of at most 27 significant
 * bits and |6m - 3| >= 3 2^-26 (the float32 midpoints nearest 1/2 are 2^-25 above and 2^-26
 * below it), so |v - m| >= 2^-79 / 6, far above Sixth's 2^-52 ulp(v) <= 2^-105: the residual's
 * sign is reliable for the rounding to odd ({@link DoubleRounding#finish}). SixthTest checks
 * arguments within an ulp of such midpoints.
 *
 * <p>Linear form: alpha x + beta as the double-double p + pe (pe = fma(alpha, x, -p)) plus beta
 * with TwoSum, then one final rounding (to odd for the narrower dtypes); clipping compares the rounded sum,
 * which is on the same side of 0 and 1 as the exact one except when it rounds onto the bound,
 * where the clipped value is that bound anyway. The derivative's interval test cannot use the
 * rounded sum (it would take alpha at x = 2.5, where the exact sum exceeds 1): it uses the
 * residual's sign.
 *
 * <p>Array forms, relu6 form: the input is clamped to [-3, 3] first, which makes the formula
 * give exactly +0.0 at -3 (s = 0, e = +0.0) and 1 at 3 (s = 6, q = 1, remainder 0), the clipped
 * values; the loop is then straight-line ({@link Sixth#nearest}). The narrow dtypes' float[] form
 * narrows that nearest double and sends the rare float32 boundaries ({@link NarrowingCheck}) to
 * the rounding-to-odd scalar form. The linear form keeps the scalar loops.
 */
public final class HardSigmoid extends RoundingFunction {

  private static final double ONE_SIXTH = 1.0 / 6;   // 0x1.5555555555555p-3, correctly rounded

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    boolean linear = "tf_keras2".equals(p.dialect()) || "onnx".equals(p.dialect());
    if (linear) {
      return linear(p.real("alpha").doubleValue(), p.real("beta").doubleValue(), rounding);
    }
    return new Relu6Form(rounding);
  }

  /** relu6(x + 3) / 6: u = clamp(x, -3, 3), then (u + 3) / 6 rounded once. */
  private record Relu6Form(FinalRounding rounding) implements NearestLoopKernel {

    private static double nearest(double x) {
      double u = Math.min(Math.max(x, -3.0), 3.0);
      double s = u + 3;
      return Sixth.nearest(s, DoubleDouble.twoSumError(u, 3, s));
    }

    /** 1/6 on (-3, 3), else 0: [min(x + 3, 3 - x) > 0]. */
    private static double slope(double x) {
      return ONE_SIXTH * Step.positive(Math.min(x + 3, 3 - x));
    }

    @Override
    public double value(double x) {
      if (!rounding.toOdd()) {
        return nearest(x);
      }
      double u = Math.min(Math.max(x, -3.0), 3.0);
      double s = u + 3;
      return Sixth.of(s, DoubleDouble.twoSumError(u, 3, s), FinalRounding.TO_ODD);
    }

    @Override
    public double derivative(double x) {
      return slope(x);
    }

    @Override
    public boolean nearest(double[] x, double[] y, int n, boolean derivative) {
      if (derivative) {
        for (int i = 0; i < n; i++) {
          y[i] = slope(x[i]);
        }
      } else {
        for (int i = 0; i < n; i++) {
          y[i] = nearest(x[i]);
        }
      }
      return false;
    }

    @Override
    public boolean special(double x, boolean derivative) {
      return false;
    }

    /** The derivative is exact (1/6 or 0), the same double for every rounding: one loop. */
    @Override
    public void derivatives(double[] x, double[] y, int n) {
      nearest(x, y, n, true);
    }

    @Override
    public boolean checksFloatDerivatives() {
      return false;
    }
  }

  private static Kernel linear(double alpha, double beta, FinalRounding rounding) {
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        double y = affine(x);
        return y <= 0 ? 0.0 : y >= 1 ? 1 : y;  // alpha = 0 at ±Inf: NaN passes
      }

      private double affine(double x) {
        if (Double.isInfinite(x)) {
          return alpha * x + beta;
        }
        double prod = alpha * x;
        double prodError = Math.fma(alpha, x, -prod);
        double sum = prod + beta;
        double tail = DoubleDouble.twoSumError(prod, beta, sum) + prodError;
        double result = sum + tail;
        return DoubleRounding.finish(result, (sum - result) + tail, rounding);
      }

      /**
       * Whether 0 <= alpha x + beta <= 1 exactly. The rounded sum can land on a bound the exact
       * value misses (alpha = fl(0.2), x = 2.5: 1 + 2^-54 rounds to 1), so a tie with a bound is
       * settled by the sign of the exact residual sum + tail - result.
       */
      private boolean inside(double x) {
        double prod = alpha * x;
        double prodError = Math.fma(alpha, x, -prod);
        double sum = prod + beta;
        double tail = DoubleDouble.twoSumError(prod, beta, sum) + prodError;
        double result = sum + tail;
        double residual = (sum - result) + tail;
        boolean aboveZero = result > 0 || (result == 0 && residual >= 0);
        boolean belowOne = result < 1 || (result == 1 && residual <= 0);
        return aboveZero && belowOne;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        if (Double.isInfinite(x) || alpha == 0) {
          return 0;
        }
        return inside(x) ? alpha : 0;
      }
    };
  }
}
