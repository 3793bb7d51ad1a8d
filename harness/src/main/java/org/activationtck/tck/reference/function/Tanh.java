package org.activationtck.tck.reference.function;


import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.DoubleRounding;
import org.activationtck.tck.reference.internal.ExpDoubleDouble;
import org.activationtck.tck.reference.internal.NarrowShortcut;
import org.activationtck.tck.reference.internal.SigmoidDoubleDouble;

/**
 * tanh in double-double, rounded once.
 *
 * <p>Method: for 2^-27 <= |x| <= 22, m = e^(2|x|) - 1 as a double-double
 * ({@link ExpDoubleDouble#expm1Hi}, relative error below 2^-69), tanh |x| = m/(m + 2) with one fma
 * correction, sign restored. Derivative 4E/(1 + E)^2 = 4 sigma'(2|x|) with E = e^(-2|x|)
 * ({@link SigmoidDoubleDouble}, no cancellation; the factor 4 is exact). Allocation-free up to
 * |x| = 350.
 *
 * <p>Accuracy: relative error below 2^-68 before the final rounding: within 1 ulp, correctly
 * rounded (float64) except within 2^-68 relative of a midpoint; rounded to odd for the narrower
 * dtypes, or there Math.tanh (value) and 4e/(1 + e)^2 with e = Math.exp(-2|x|) (derivative)
 * where {@link NarrowShortcut} proves them safe.
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

  /** The kernel for one final rounding: nearest (float64) or to odd (narrower dtypes). */
  private static final class RoundingKernel implements Kernel {
    private final boolean toOdd;

    RoundingKernel(boolean toOdd) {
      this.toOdd = toOdd;
    }

    @Override
    public double value(double x) {
      double a = Math.abs(x);
      if (!(a >= 0x1p-27)) {
        return x; // NaN, ±0 and tiny
      }
      if (a > 22) {
        return Math.copySign(1.0, x);
      }
      if (toOdd) {
        // Fast path: Math.tanh is within 2.5 ulps (its contract), below 2^-50 relative.
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
      return Math.copySign(DoubleRounding.quotient(mh, ml, dh, dl, toOdd), x);
    }

    @Override
    public double derivative(double x) {
      if (x != x) {
        return x;
      }
      double a = Math.abs(x);
      if (a > 350) {
        return DoubleDouble.expScaled(DoubleDouble.of(-2 * a)).times(DoubleDouble.of(4), toOdd);
      }
      if (toOdd) {
        // Fast path: e within 1 ulp, d = 1 + e within 1.5, d^2 within 3.5, 4e / d^2 within 5
        // ulps (the factor 4 is exact): below 2^-49 relative.
        double e = Math.exp(-2 * a);
        double d = 1 + e;
        double y = 4 * e / (d * d);
        if (NarrowShortcut.decides(y, FAST_DERIVATIVE_BOUND)) {
          return y;
        }
      }
      // tanh'(a) = 4 e^-2a / (1 + e^-2a)^2 = 4 sigma'(2a); the factor 4 is exact.
      return 4 * SigmoidDoubleDouble.derivative(2 * a, toOdd);
    }
  }

  @Override
  Kernel bind(Params p, boolean toOdd) {
    return new RoundingKernel(toOdd);
  }
}
