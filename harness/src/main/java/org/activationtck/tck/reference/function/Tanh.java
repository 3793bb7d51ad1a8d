package org.activationtck.tck.reference.function;

import static org.activationtck.tck.reference.internal.DoubleDouble.add;
import static org.activationtck.tck.reference.internal.DoubleDouble.div;
import static org.activationtck.tck.reference.internal.DoubleDouble.mul;
import static org.activationtck.tck.reference.internal.DoubleDouble.sub;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;

/**
 * tanh in double-double, rounded once.
 *
 * <p>Method: for 2^-27 <= |x| <= 22, m = e^(2|x|) - 1 (double-double exp minus 1: the
 * subtraction loses at most 27 of 106 bits since m >= 2|x| >= 2^-26), tanh |x| = m/(m + 2), sign
 * restored. Derivative 4E/(1 + E)^2 with E = e^(-2|x|) (no cancellation).
 *
 * <p>Accuracy: relative error below 10^-23 before the final rounding: within 1 ulp, correctly
 * rounded except within 10^-23 of a midpoint.
 *
 * <p>Special cases: NaN → NaN; ±0 → ±0; ±Inf → ±1. Derivative: ±0 → 1; ±Inf → +0.0.
 *
 * <p>Thresholds: |x| < 2^-27: tanh x = x (1 - x^2/3 + ...), x^2/3 < 2^-55.6, returns x.
 * |x| > 22: 1 - tanh|x| < 2e^-44 < 2^-54, returns ±1. Derivative for |x| > 350: 4E(1 - 2E + ...)
 * = 4E within e^-700, scaled once.
 */
public final class Tanh extends RoundingFunction {

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
      DoubleDouble m = sub(DoubleDouble.exp(DoubleDouble.of(2 * a)), DoubleDouble.ONE);
      double r = DoubleDouble.round(div(m, add(m, DoubleDouble.of(2))), toOdd);
      return Math.copySign(r, x);
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
      DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(-2 * a));
      DoubleDouble d = add(DoubleDouble.ONE, e);
      return DoubleDouble.round(div(DoubleDouble.mul(e, 4), mul(d, d)), toOdd);
    }
  }

  @Override
  Kernel bind(Params p, boolean toOdd) {
    return new RoundingKernel(toOdd);
  }
}
