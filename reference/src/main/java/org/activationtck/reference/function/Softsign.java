package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.ReciprocalSquare;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.spec.params.Params;

/**
 * softsign: x / (1 + |x|), f'(x) = 1 / (1 + |x|)^2.
 *
 * <p>Method: the denominator is an exact double-double d = dh + dl (TwoSum); the quotient
 * q = x r with r = fl(1 / dh) gets one Newton correction -(q dl + (q dh - x)) r with
 * {@link Math#fma}, leaving essentially the final rounding (within 0.5 ulp + 2^-49 ulp, see
 * {@link #quotient}); both zeros keep their sign without a branch. For |x| > 2^60 the
 * derivative is (1/|x|)^2 with the reciprocal's residual folded in, avoiding overflow of
 * (1 + |x|)^2.
 * ±Infinity gives NaN for f (inf / inf, as the frameworks compute it) and +0.0 for f'. The
 * array forms run the same arithmetic branch-free (see {@link #quotient}, {@link #slope}).
 *
 * <p>Narrow dtypes: both results are rational, so narrowing the nearest double rounds twice and
 * can be wrong where the value lies within an ulp of the double grid from a float32 midpoint:
 * float32 x = 0x3c0b8116 (0.008514663) has x / (1 + x) about 2^-60 below the midpoint between
 * 0.008442775 and 0.008442776 (just under half a double ulp), whose nearest double is that
 * midpoint, so narrowing gave
 * 0.008442776 (found by the whole float32 sweep). The kernels bound for a narrow dtype round
 * to odd ({@link DoubleRounding#quotient}, about 2^-104 before the final rounding). Their
 * float[] forms keep the vectorized nearest loops and redo the float32 boundaries by the
 * scalar form ({@link NarrowingCheck}). That is valid because the nearest loops return one of
 * the two doubles around the value: {@link #quotient} is within 0.5 ulp + 2^-49 ulp of it, and
 * for |x| > 2^60 the derivative's 1/a^2 form within 2^-7 ulp more.
 */
public final class Softsign extends RoundingFunction {

  private static final double BIG = ReciprocalSquare.LARGE;

  /**
   * x / (1 + |x|) for every x, straight-line: the TwoSum error of 1 + |x| is computed without
   * the branch on |x| > 1 (Knuth's form is exact for either order). ±Infinity gives NaN
   * (Infinity - Infinity in the TwoSum), as the definition's inf / inf.
   *
   * <p>One division, by which the loop is limited (two, q = x / dh and the correction over dh,
   * cost half again as much): r = fl(1 / dh), q = fl(x r) and c = -fl(q dl + fl(q dh - x)) r,
   * each fl one rounding (the fmas round once). Error, with u = 2^-53 and v = x / d the value:
   * r and q each round by u, and dl / dh <= u, so |q - v| <= 3u |v| (to first order); the
   * remainder rho = x - q d is then at most 3u |x|, and the two fmas compute -rho with an error
   * of at most u |q dh - x| + u |rho| <= 2u |rho| + u^2 |x| (q dl is below u |x|); multiplying by
   * r instead of dividing by d adds relative 2u (r's rounding, the product's) and u (dl). So
   * |q + c - v| <= 5u |rho / d| + u^2 |v| <= 16 u^2 |v| < 2^-49 ulp(v) before the final
   * rounding of q + c, which is therefore the nearest double unless v lies within 2^-49 ulp of a
   * midpoint.
   *
   * <p>Both zeros come out with their sign and need no branch: for x = ±0, dh = r = 1,
   * dl = +0.0 and q = x; the inner fma is q + (-x), a sum of opposite zeros, so +0.0; the outer
   * one adds the zero q dl to that +0.0, giving +0.0 whatever the sign of q dl; so c = -0.0 for
   * either zero, and q + c is x (+0.0 + -0.0 = +0.0, -0.0 + -0.0 = -0.0). For nonzero x, q is
   * nonzero (|x| / (1 + |x|) >= min(|x|, 1) / 2, and x r does not underflow further than x)
   * and the sign of a zero c does not matter. ±Infinity: r = 0 and q = Infinity * 0 = NaN.
   */
  static double quotient(double x) {
    double a = Math.abs(x);
    double dh = 1 + a;
    double dl = DoubleDouble.twoSumError(a, 1, dh);
    double r = 1 / dh;
    double q = x * r;
    return q + -Math.fma(q, dl, Math.fma(q, dh, -x)) * r;
  }

  /**
   * 1 / (1 + a)^2 for 0 <= a <= BIG or NaN, straight-line: the arithmetic of
   * {@link ReciprocalSquare#of} with the TwoSum of 1 + a written branch-free.
   */
  static double slope(double a) {
    double sh = 1 + a;
    double sl = DoubleDouble.twoSumError(a, 1, sh);
    double dh = sh * sh;
    double dl = Math.fma(sh, sh, -dh) + 2 * sh * sl;
    double q = 1 / dh;
    return q + (Math.fma(-q, dh, 1) - q * dl) / dh;
  }

  /**
   * The array forms: {@link #quotient} and {@link #slope} in vectorized loops; for the
   * derivative a second pass redoes |x| > BIG (where (1 + a)^2 would overflow), whose branch is
   * predictably not taken.
   */
  private static final BranchFreeKernel NEAREST = new BranchFreeKernel() {
    @Override
    public double value(double x) {
      return quotient(x);
    }

    @Override
    public double derivative(double x) {
      double a = Math.abs(x);
      return a > BIG ? ReciprocalSquare.of(a, false) : slope(a);
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = quotient(x[i]);
      }
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = slope(Math.abs(x[i]));
      }
      for (int i = 0; i < n; i++) {
        if (Math.abs(x[i]) > BIG) {
          y[i] = ReciprocalSquare.of(Math.abs(x[i]), false);
        }
      }
    }
  };

  /** (1 + a)^2 overflows above this; the value is then below 2^-1022 and narrows to +0. */
  private static final double HUGE = 0x1p511;

  /**
   * Narrow dtypes: both results rounded to odd; the float[] forms are the nearest loops with
   * their float32 boundaries redone here (see the class comment).
   */
  private static final Kernel TO_ODD = new BranchFreeKernel() {
    @Override
    public double value(double x) {
      double a = Math.abs(x);
      double dh = 1 + a;
      double dl = DoubleDouble.twoSumError(a, 1, dh);
      return DoubleRounding.quotient(x, 0, dh, dl, FinalRounding.TO_ODD);   // zeros and NaN as they are
    }

    @Override
    public double derivative(double x) {
      double a = Math.abs(x);
      if (!(a <= HUGE)) {
        return ReciprocalSquare.of(a, false);                   // NaN, +0.0, or below 2^-1022
      }
      double sh = 1 + a;
      double sl = DoubleDouble.twoSumError(a, 1, sh);
      double dh = sh * sh;
      double dl = Math.fma(sh, sh, -dh) + 2 * sh * sl;       // (1 + a)^2 to about 2^-104
      return DoubleRounding.quotient(1, 0, dh, dl, FinalRounding.TO_ODD);
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = value(x[i]);
      }
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = derivative(x[i]);
      }
    }

    @Override
    public void floatValues(double[] in, double[] out, int n) {
      NEAREST.values(in, out, n);
    }

    @Override
    public void floatDerivatives(double[] in, double[] out, int n) {
      NEAREST.derivatives(in, out, n);
    }

    @Override
    public boolean checksFloatValues() {
      return true;
    }

    @Override
    public boolean checksFloatDerivatives() {
      return true;
    }
  };

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    return rounding.toOdd() ? TO_ODD : NEAREST;
  }
}
