package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleRounding;
import org.activationtck.tck.reference.internal.ExpDoubleDouble;
import org.activationtck.tck.reference.internal.Log1pDoubleDouble;
import org.activationtck.tck.reference.internal.NarrowShortcut;
import org.activationtck.tck.reference.internal.SigmoidDoubleDouble;

/**
 * softplus: ln(1 + e^(beta x)) / beta, with pytorch's cut-over to x where beta * x > threshold.
 *
 * <p>Method, z = beta x: z > 0: z + log1p(e^-z) (positive terms, the small one damped);
 * -37.5 <= z <= 0: log1p(e^z), whose condition number in e^z is at most 1; z < -37.5:
 * e^z (1 - e^z / 2), e^z / 2 < 2^-55 there. e^z and the logarithms are double-doubles
 * ({@link ExpDoubleDouble}, {@link Log1pDoubleDouble}, about 2^-60 relative; the logarithm's
 * leading part from Math.log by {@link Log1pDoubleDouble#approx}), z = beta x keeps
 * the product's rounding error, and the result is rounded once ({@link DoubleRounding#finish}:
 * nearest for float64, to odd for the narrower dtypes). f'(x) = sigma(z)
 * ({@link SigmoidDoubleDouble}), exactly 1 where pytorch cuts over.
 *
 * <p>Narrow dtypes first try the plain double {@link #plain}, kept where {@link NarrowShortcut}
 * proves it rounds as the exact value does. Its error, relative: e = Math.exp(-|z|) within 1 ulp
 * (2^-52), times (1 -+ zl) by fma (2^-53, and (z zl)^2 < 2^-86 dropped): 1.5 2^-52, which
 * ln(1 + e) passes on with a factor e / ((1 + e) ln(1 + e)) <= 1; Kahan's ln(1 + e)
 * ({@link Log1pDoubleDouble#approx}) adds 2.25 2^-52: 3.75 2^-52 so far. z <= 0: that is the
 * result; z > 0: z + (ln + zl) adds 2^-53 twice relative to a sum at least as large as each term.
 * The division by beta 2^-53: below 5.25 2^-52 < 2^-49.6 in all. Subnormal e (|z| > 708) only
 * meets a result that is itself subnormal (rejected by the test) or z (absorbed).
 */
public final class Softplus extends RoundingFunction {

  /** Relative error bound of {@link #plain} (5.25 2^-52, see the class comment), a factor 3 spare. */
  static final double FAST_BOUND = 0x1p-48;

  /** Below this z, e^z / 2 < 2^-55: ln(1 + e^z) rounds like e^z. */
  private static final double EXP_TAIL = -37.5;

  @Override
  Kernel bind(Params p, boolean toOdd) {
    final double beta = p.real("beta").doubleValue();
    if (!(beta > 0)) {
      throw new IllegalArgumentException("softplus parameter 'beta' must be > 0");
    }
    final boolean hasThreshold = p.has("threshold");
    final double threshold = hasThreshold ? p.real("threshold").doubleValue() : 0;
    return new Kernel() {
      @Override
      public double value(double x) {
        double z = beta * x;
        if (hasThreshold && z > threshold) {
          return x;
        }
        return softplus(z, Math.fma(beta, x, -z), beta, toOdd);
      }

      @Override
      public double derivative(double x) {
        double z = beta * x;
        if (hasThreshold && z > threshold) {
          return 1.0;
        }
        return SigmoidDoubleDouble.value(z, toOdd);
      }
    };
  }

  /**
   * ln(1 + e^(z + zl)) / beta rounded once for the dtype ({@link DoubleRounding#finish}), where
   * z + zl = beta x exactly (zl the product's error by fma; 0 when beta = 1). See the class
   * comment; the value ln(1 + e^z) = h + l is a double-double (relative error about 2^-60),
   * zl enters through the derivative, sigma(z) zl, and the quotient by beta gets one fma
   * correction.
   */
  static double softplus(double z, double zl, double beta, boolean toOdd) {
    if (toOdd) {
      double y = plain(z, zl, beta);
      if (NarrowShortcut.decides(y, FAST_BOUND)) {
        return y;
      }
    }
    return accurate(z, zl, beta, toOdd);
  }

  /**
   * ln(1 + e^(z + zl)) / beta in plain double arithmetic, within {@link #FAST_BOUND} relative
   * where the result is normal (see the class comment): max(z, 0) + ln(1 + e), e = e^-|z + zl|,
   * with ln(1 + e) from {@link Log1pDoubleDouble#approx} (Kahan's method from Math.log). Branch-free; NaN, infinite, zero or subnormal results are left to the caller's test.
   */
  static double plain(double z, double zl, double beta) {
    double e = Math.exp(-Math.abs(z));
    // e^-|z + zl| = e^-|z| e^(-sign(z) zl) = e (1 - sign(z) zl) to (z zl)^2 < 2^-86.
    e = Math.fma(e, z > 0 ? -zl : zl, e);
    double ln = Log1pDoubleDouble.approx(e);
    return (Math.max(z, 0) + (ln + (z > 0 ? zl : 0))) / beta;
  }

  /** {@link #softplus} by the double-double method (see the class comment). */
  static double accurate(double z, double zl, double beta, boolean toOdd) {
    if (z != z || z == Double.POSITIVE_INFINITY) {
      return z;
    }
    if (z == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    double h;
    double l;
    if (z > 0) {
      // z + ln(1 + t), t = e^-z; below 2^-1074 t only survives as a sticky bit.
      double th = ExpDoubleDouble.hi(-z);
      double tl = th == 0 ? Double.MIN_VALUE : ExpDoubleDouble.lo(-z);
      double y = Log1pDoubleDouble.approx(th);
      double yl = Log1pDoubleDouble.tail(y, th, tl) + zl / (1 + th);
      h = z + y;
      double bb = h - z;
      l = ((z - (h - bb)) + (y - bb)) + yl;
    } else if (z < EXP_TAIL) {
      // ln(1 + e) = e - e^2/2 + ..., e = e^z < 2^-54: e^2/2 is below 2^-55 e.
      h = ExpDoubleDouble.hi(z);
      l = ExpDoubleDouble.lo(z) + h * (zl - h * 0.5);
      if (h == 0) {
        return 0.0;
      }
    } else {
      double eh = ExpDoubleDouble.hi(z);
      double el = ExpDoubleDouble.lo(z);
      h = Log1pDoubleDouble.approx(eh);
      l = Log1pDoubleDouble.tail(h, eh, el) + zl * (eh / (1 + eh));
    }
    if (beta != 1) {
      double q = h / beta;
      l = (Math.fma(-q, beta, h) + l) / beta;
      h = q;
    }
    double r = h + l;
    return DoubleRounding.finish(r, l - (r - h), toOdd);
  }
}
