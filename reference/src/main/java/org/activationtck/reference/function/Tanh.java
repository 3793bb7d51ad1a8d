package org.activationtck.reference.function;


import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.SigmoidDoubleDouble;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.FastPathKernel;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.spec.params.Params;

/**
 * tanh in double-double, rounded once.
 *
 * <p>Fast paths, with E = e^-2a (no cancellation in 1 + E). float64, 2^-4 <= a = |x| <= 22:
 * tanh a = (1 - E)/(1 + E), E a double-double ({@link FastExpDoubleDouble}, relative error e_E <=
 * 2^-77), 1 -+ E by TwoSum, the quotient with one fma correction (2^-100). E's error reaches the
 * numerator scaled by E/(1 - E) = 1/(e^2a - 1) <= 1/(2a) <= 8 and the denominator by E/(1 + E)
 * <= 1/2: below 8.5 e_E + 2^-100 < 2^-73.9 relative, then {@link ZivRounding#decides} decides the
 * rounding (bound 2^-72, about 2^-19 of the inputs fail) or the expm1 method runs. Narrow
 * dtypes, 1/2 <= a <= 22: e = Math.exp(-2a) within 1 ulp (2^-52, -2a exact), 1 - e rounded
 * (2^-53) with e's error scaled by e/(1 - e) <= 1/(e^1 - 1) < 0.582, 1 + e (2^-53, e's error
 * scaled by e/(1 + e) < 1/2), the quotient 2^-53: below 2.6 2^-52 < 2^-50.6, and
 * {@link NarrowShortcut} decides with {@link #FAST_VALUE_BOUND} = 2^-49 (below 1/2, Math.tanh,
 * within 2.5 ulps by its contract, takes the place of the quotient).
 *
 * <p>Method (the fallback and a < 2^-4): for 2^-27 <= |x| <= 22, m = e^(2|x|) - 1 as a double-double
 * ({@link ExpDoubleDouble#expm1Hi}, relative error below 2^-69), tanh |x| = m/(m + 2) with one fma
 * correction, sign restored. Derivative 4E/(1 + E)^2 = 4 sigma'(2|x|) with E = e^(-2|x|)
 * ({@link SigmoidDoubleDouble}, no cancellation; the factor 4 is exact). Allocation-free up to
 * |x| = 350.
 *
 * <p>Accuracy: relative error below 2^-68 before the final rounding: within 1 ulp, correctly
 * rounded (float64) except within 2^-68 relative of a midpoint; rounded to odd for the narrower
 * dtypes, or there Math.tanh (value, a < 2^-4) and 4e/(1 + e)^2 with e = Math.exp(-2|x|)
 * (derivative) where {@link NarrowShortcut} proves them safe.
 *
 * <p>Special cases: NaN → NaN; ±0 → ±0; ±Inf → ±1. Derivative: ±0 → 1; ±Inf → +0.0.
 *
 * <p>Thresholds: |x| < 2^-27: tanh x = x (1 - x^2/3 + ...), x^2/3 < 2^-55.6, returns x.
 * |x| > 22: 1 - tanh|x| < 2e^-44 < 2^-54, returns ±1. Derivative for |x| > 350: 4E(1 - 2E + ...)
 * = 4E within e^-700, scaled once.
 */
public final class Tanh extends RoundingFunction {

  /** Relative error bounds of the plain-double fast paths (narrow dtypes), a factor 2 spare. */
  static final double FAST_VALUE_BOUND = 0x1p-49;
  static final double FAST_DERIVATIVE_BOUND = 0x1p-48;

  /** Relative error bound of the double-double fast path (2^-73.9), a factor 3.7 spare. */
  static final double FAST_DOUBLE_DOUBLE_BOUND = 0x1p-72;

  /** The fast paths run for FAST_LOW (float64), NARROW_FAST_LOW <= |x| <= 22 (see the class comment). */
  static final double FAST_LOW = 0x1p-4;
  static final double NARROW_FAST_LOW = 0.5;

  /** The kernel for one final rounding: nearest (float64) or to odd (narrower dtypes). */
  private static final class RoundingKernel extends FastPathKernel<Void> {
    RoundingKernel(FinalRounding rounding) {
      super(rounding);
    }

    @Override
    protected double fastValue(double x, double[] scratch) {
      return fast(x, rounding, scratch);
    }

    @Override
    protected double accurateValue(double x) {
      return accurate(x, rounding);
    }

    /**
     * Narrow dtypes, |x| <= 350: 4e / d^2 with e = Math.exp(-2|x|) within 1 ulp, d = 1 + e
     * within 1.5, d^2 within 3.5, the quotient within 5 ulps (the factor 4 is exact): below
     * 2^-49 relative, kept where {@link NarrowShortcut} decides it. float64 has one path.
     */
    @Override
    protected double fastDerivative(double x, double[] scratch) {
      if (!rounding.toOdd()) {
        return accurateDerivative(x);
      }
      double a = Math.abs(x);
      double e = Math.exp(a <= 350 ? -2 * a : Double.NaN);
      double d = 1 + e;
      double y = 4 * e / (d * d);
      return NarrowShortcut.decides(y, FAST_DERIVATIVE_BOUND) ? y : Double.NaN;
    }

    /** tanh'(a) = 4 e^-2a / (1 + e^-2a)^2 = 4 sigma'(2a), a = |x|; the factor 4 is exact. */
    @Override
    protected double accurateDerivative(double x) {
      if (x != x) {
        return x;
      }
      double a = Math.abs(x);
      if (a > 350) {
        return ExpDoubleDouble.expScaled(DoubleDouble.of(-2 * a)).times(DoubleDouble.of(4), rounding);
      }
      return 4 * SigmoidDoubleDouble.derivative(2 * a, rounding);
    }
  }

  /** The fast path for the dtype ({@link #plain} or {@link #nearest}), or NaN where it gives up. */
  static double fast(double x, FinalRounding rounding, double[] scratch) {
    return rounding.toOdd() ? plain(x) : nearest(x, scratch);
  }

  /**
   * tanh x rounded to nearest where the double-double fast path (see the class comment) proves
   * it, for 2^-4 <= |x| <= 22; else NaN. Branch-free; scratch[0] holds e^-2a's low part.
   */
  static double nearest(double x, double[] scratch) {
    double a = Math.abs(x);
    // (1 - E)/(1 + E), E = e^-2a a double-double: both sums by TwoSum, one fma-corrected quotient.
    double eh = FastExpDoubleDouble.exp(a >= FAST_LOW & a <= 22 ? -2 * a : Double.NaN, scratch, 0);
    double el = scratch[0];
    double nh = 1 - eh;
    double nl = DoubleDouble.twoSumError(1, -eh, nh) - el;
    double dh = 1 + eh;
    double dl = DoubleDouble.twoSumError(1, eh, dh) + el;
    double q = nh / dh;
    double c = (Math.fma(-q, dh, nh) + nl - q * dl) / dh;
    double r = q + c;
    return ZivRounding.decides(r, c - (r - q), FAST_DOUBLE_DOUBLE_BOUND * Math.abs(r), FinalRounding.NEAREST)
        ? Math.copySign(r, x) : Double.NaN;
  }

  /**
   * tanh x in plain double where {@link NarrowShortcut} proves it rounds as the exact value in
   * every narrow dtype, for 1/2 <= |x| <= 22 (see the class comment); else NaN.
   */
  static double plain(double x) {
    double a = Math.abs(x);
    // (1 - e)/(1 + e), e = Math.exp(-2a): within 2.6 2^-52 (see the class comment).
    double e = Math.exp(a >= NARROW_FAST_LOW & a <= 22 ? -2 * a : Double.NaN);
    double y = (1 - e) / (1 + e);
    return NarrowShortcut.decides(y, FAST_VALUE_BOUND) ? Math.copySign(y, x) : Double.NaN;
  }

  /** tanh x by the expm1 method (see the class comment), also the fast paths' fallback. */
  static double accurate(double x, FinalRounding rounding) {
    double a = Math.abs(x);
    if (!(a >= 0x1p-27)) {
      return x; // NaN, ±0 and tiny
    }
    if (a > 22) {
      return Math.copySign(1.0, x);
    }
    if (rounding.toOdd() && a < NARROW_FAST_LOW) {
      // Math.tanh is within 2.5 ulps (its contract), below 2^-50 relative.
      double y = Math.tanh(x);
      if (NarrowShortcut.decides(y, FAST_VALUE_BOUND)) {
        return y;
      }
    }
    // m = e^(2a) - 1 as (mh, ml), d = m + 2 (TwoSum), m / d with one fma correction.
    double mh = ExpDoubleDouble.expm1Hi(2 * a);
    double ml = ExpDoubleDouble.expm1Lo(2 * a);
    double dh = mh + 2;
    double dl = DoubleDouble.twoSumError(mh, 2, dh) + ml;
    return Math.copySign(DoubleRounding.quotient(mh, ml, dh, dl, rounding), x);
  }

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    return new RoundingKernel(rounding);
  }
}
