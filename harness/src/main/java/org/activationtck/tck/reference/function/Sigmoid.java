package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.FastExpDoubleDouble;
import org.activationtck.tck.reference.internal.NarrowShortcut;
import org.activationtck.tck.reference.internal.SigmoidDoubleDouble;
import org.activationtck.tck.reference.internal.SignSelect;
import org.activationtck.tck.reference.internal.ZivRounding;

/**
 * sigmoid: 1/(1 + e^-x) in double-double, rounded once.
 *
 * <p>Method: E = e^(-|x|) as a double-double; sigma(|x|) = 1/(1 + E), sigma(-|x|) = E/(1 + E);
 * derivative E/(1 + E)^2. No cancellation anywhere. |x| <= 700: {@link SigmoidDoubleDouble}
 * (allocation-free); beyond, E from {@link DoubleDouble#expScaled}, scaled once.
 *
 * <p>Fast paths (Ziv). float64: E from {@link FastExpDoubleDouble} (2^-77), the same quotients
 * with one correction, and {@link ZivRounding}: the nearest double whenever the bound
 * {@link #FAST64_VALUE_BOUND} decides it (all but about 2^-22 of the inputs with |x| <= 680).
 * Narrow dtypes: the plain double 1/(1 + Math.exp(-x)) (within 2^-50 relative) where
 * {@link NarrowShortcut} proves it rounds the same way in every narrow dtype. The choice of
 * numerator by the sign of x is a bit mask ({@link SignSelect}), not a branch: with random
 * signs a branch mispredicts half the time. Everything else takes the accurate path below.
 *
 * <p>Accuracy of the accurate path: relative error before the final rounding about 2^-78, so the
 * float64 result is correctly rounded except within 2^-78 relative of a midpoint, and always
 * within 1 ulp; the narrower dtypes get it rounded to odd.
 *
 * <p>Special cases: NaN → NaN; ±0 → 0.5; +Inf → 1; -Inf → +0.0. Derivative: ±0 → 0.25,
 * ±Inf → +0.0.
 *
 * <p>Thresholds: for |x| > 700, sigma(-|x|) = E (1 - E + ...) = E within relative e^-700, and is
 * scaled into the subnormal range in one step; sigma(|x|) = 1 - E rounds to 1 once E < 2^-54
 * (|x| > 37.5; the formula is used anyway up to 700). The derivative is E within e^-700 there.
 */
public final class Sigmoid extends RoundingFunction {

  static final double TAIL = 700;

  /**
   * Below this x, sigma(x) < e^x < e^-1500 < 2^-2163, far below half the smallest subnormal: the
   * result is +0.0 in every dtype (and so is sigma'(x) = sigma(x) sigma(-x) for |x| above it).
   */
  static final double ZERO_BELOW = -1500;

  /** Below this |x| (2^-60), sigma(x) lies within 2^-62 of 1/2 (see the kernel). */
  static final double TINY_VALUE = 0x1p-60;

  /** Below this |x| (2^-30), sigma'(x) lies within 2^-64 below 1/4. */
  static final double TINY_DERIVATIVE = 0x1p-30;

  /** Relative error bounds of the plain-double fast paths (see the kernel), with a factor 2 spare. */
  static final double FAST_VALUE_BOUND = 0x1p-49;
  static final double FAST_DERIVATIVE_BOUND = 0x1p-48;

  /**
   * Relative error bounds of the float64 fast paths. Value: e = e^-|x| within 2^-77
   * ({@link FastExpDoubleDouble}); n (1 or e) and d = 1 + e (TwoSum, exact but for el's
   * rounding, 2^-105) within 2^-77 each; q = n / dh with one correction c (residual exact by
   * fma, the rest below 2^-103 of q, as 1/dh is used for 1/(dh + dl) in a term of 2^-51 q):
   * (2^-77 + 2^-77 + 2^-102) < 2^-75.9. Derivative: e within 2^-77, d^2 = sh + sl within 2^-76
   * (sl's roundings 2^-104), the corrected quotient as before: below 2^-75.4.
   */
  static final double FAST64_VALUE_BOUND = 0x1p-75;
  static final double FAST64_DERIVATIVE_BOUND = 0x1p-74;

  /**
   * float64: {@link FastExpDoubleDouble} and a Ziv test ({@link ZivRounding}) decide all but
   * about 2^-22 of the inputs (and those outside |x| <= 680); the rest take the accurate path.
   */
  private static final class Float64Kernel implements Kernel {
    @Override
    public double value(double x) {
      double r = fastValue(x, new double[1]);
      return r == r ? r : accurateValue(x, false);
    }

    @Override
    public double derivative(double x) {
      double r = fastDerivative(x, new double[1]);
      return r == r ? r : accurateDerivative(x, false);
    }

    @Override
    public void values(double[] x, double[] y) {
      Kernel.requireSameLength(x.length, y.length);
      double[] lo = new double[1];
      for (int i = 0; i < x.length; i++) {
        double r = fastValue(x[i], lo);
        y[i] = r == r ? r : accurateValue(x[i], false);
      }
    }

    @Override
    public void derivatives(double[] x, double[] y) {
      Kernel.requireSameLength(x.length, y.length);
      double[] lo = new double[1];
      for (int i = 0; i < x.length; i++) {
        double r = fastDerivative(x[i], lo);
        y[i] = r == r ? r : accurateDerivative(x[i], false);
      }
    }
  }

  /**
   * The narrow dtypes: a plain double from Math.exp, kept where {@link NarrowShortcut} proves it
   * rounds like sigma(x) in every narrow dtype (all but about 2^-25 of the inputs); else the
   * accurate path rounded to odd.
   */
  private static final class NarrowKernel implements Kernel {
    @Override
    public double value(double x) {
      double r = narrowValue(x);
      return r == r ? r : accurateValue(x, true);
    }

    @Override
    public double derivative(double x) {
      double r = narrowDerivative(x);
      return r == r ? r : accurateDerivative(x, true);
    }

    @Override
    public void values(double[] x, double[] y) {
      Kernel.requireSameLength(x.length, y.length);
      for (int i = 0; i < x.length; i++) {
        double r = narrowValue(x[i]);
        y[i] = r == r ? r : accurateValue(x[i], true);
      }
    }

    @Override
    public void values(float[] x, float[] y) {
      Kernel.requireSameLength(x.length, y.length);
      for (int i = 0; i < x.length; i++) {
        double r = narrowValue(x[i]);
        y[i] = (float) (r == r ? r : accurateValue(x[i], true));
      }
    }

    @Override
    public void derivatives(double[] x, double[] y) {
      Kernel.requireSameLength(x.length, y.length);
      for (int i = 0; i < x.length; i++) {
        double r = narrowDerivative(x[i]);
        y[i] = r == r ? r : accurateDerivative(x[i], true);
      }
    }

    @Override
    public void derivatives(float[] x, float[] y) {
      Kernel.requireSameLength(x.length, y.length);
      for (int i = 0; i < x.length; i++) {
        double r = narrowDerivative(x[i]);
        y[i] = (float) (r == r ? r : accurateDerivative(x[i], true));
      }
    }
  }

  /**
   * sigma(x) correctly rounded, or NaN when undecided: e = e^-|x| = eh + el, n = 1 (x >= 0) or
   * e (x < 0) chosen by the sign bit, d = 1 + e, q = n / d corrected once, Ziv test. lo is
   * scratch of length >= 1.
   */
  static double fastValue(double x, double[] lo) {
    double eh = FastExpDoubleDouble.exp(-Math.abs(x), lo, 0);
    double el = lo[0];
    double nh = SignSelect.bySignBit(x, eh, 1.0);
    double nl = SignSelect.bySignBit(x, el, 0.0);
    double dh = 1 + eh;
    double dl = (eh - (dh - 1)) + el;
    double inv = 1 / dh;
    double q = nh * inv;
    double c = (Math.fma(-q, dh, nh) + nl - q * dl) * inv;
    return ZivRounding.nearest(q, c, FAST64_VALUE_BOUND);
  }

  /** sigma'(x) = e / d^2 correctly rounded, or NaN when undecided (as {@link #fastValue}). */
  static double fastDerivative(double x, double[] lo) {
    double eh = FastExpDoubleDouble.exp(-Math.abs(x), lo, 0);
    double el = lo[0];
    double dh = 1 + eh;
    double dl = (eh - (dh - 1)) + el;
    double sh = dh * dh;
    double sl = Math.fma(dh, dh, -sh) + 2 * dh * dl;
    double inv = 1 / sh;
    double q = eh * inv;
    double c = (Math.fma(-q, sh, eh) + el - q * sl) * inv;
    return ZivRounding.nearest(q, c, FAST64_DERIVATIVE_BOUND);
  }

  /**
   * sigma(x) as a plain double when {@link NarrowShortcut} decides it, else NaN: Math.exp is
   * within 1 ulp, 1 + e adds half an ulp, the quotient another half: y is within 3 * 2^-52 <
   * 2^-50 relative of sigma(x) whenever e is normal; a subnormal e makes y subnormal or 1, both
   * undecided, and so are NaN, 0 and 1/2 (|x| tiny), which the accurate path handles.
   */
  static double narrowValue(double x) {
    double e = Math.exp(-Math.abs(x));
    double y = SignSelect.bySignBit(x, e, 1.0) / (1 + e);
    return NarrowShortcut.decides(y, FAST_VALUE_BOUND) ? y : Double.NaN;
  }

  /** sigma'(x) = e / (1 + e)^2 as {@link #narrowValue}: within 5 ulps, below 2^-49 relative. */
  static double narrowDerivative(double x) {
    double e = Math.exp(-Math.abs(x));
    double d = 1 + e;
    double y = e / (d * d);
    return NarrowShortcut.decides(y, FAST_DERIVATIVE_BOUND) ? y : Double.NaN;
  }

  /** The accurate path for one final rounding: nearest (float64) or to odd (narrower dtypes). */
  static double accurateValue(double x, boolean toOdd) {
    if (x != x) {
      return x;
    }
    double a = Math.abs(x);
    if (x < ZERO_BELOW) {
      return 0.0;
    }
    if (a < TINY_VALUE) {
      // sigma(x) = 1/2 + x/4 + O(x^3), within 2^-62 of 1/2: 1/2 is the nearest double, and
      // its odd neighbour towards x the value rounded to odd.
      return !toOdd || x == 0 ? 0.5 : x > 0 ? Math.nextUp(0.5) : Math.nextDown(0.5);
    }
    if (a > TAIL) {
      return x > 0 ? 1.0 : DoubleDouble.expScaled(DoubleDouble.of(-a)).times(DoubleDouble.ONE, toOdd);
    }
    return SigmoidDoubleDouble.value(x, toOdd);
  }

  /** The accurate path of the derivative (see {@link #accurateValue}). */
  static double accurateDerivative(double x, boolean toOdd) {
    if (x != x) {
      return x;
    }
    double a = Math.abs(x);
    if (a > -ZERO_BELOW) {
      return 0.0;
    }
    if (a < TINY_DERIVATIVE) {
      // sigma'(x) = 1/4 - x^2/16 + O(x^4), below 1/4 by less than 2^-64, a quarter of the
      // spacing below 1/4: 1/4 is the nearest double, its lower neighbour the odd rounding.
      return !toOdd || x == 0 ? 0.25 : Math.nextDown(0.25);
    }
    if (a > TAIL) {
      return DoubleDouble.expScaled(DoubleDouble.of(-a)).times(DoubleDouble.ONE, toOdd);
    }
    return SigmoidDoubleDouble.derivative(x, toOdd);
  }


  @Override
  Kernel bind(Params p, boolean toOdd) {
    return toOdd ? new NarrowKernel() : new Float64Kernel();
  }
}
