package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleRounding;
import org.activationtck.tck.reference.internal.ExpDoubleDouble;
import org.activationtck.tck.reference.internal.Log1pDoubleDouble;
import org.activationtck.tck.reference.internal.SigmoidDoubleDouble;

/**
 * softplus: ln(1 + e^(beta x)) / beta, with pytorch's cut-over to x where beta * x > threshold.
 *
 * <p>Method, z = beta x: z > 0: z + log1p(e^-z) (positive terms, the small one damped);
 * -37.5 <= z <= 0: log1p(e^z), whose condition number in e^z is at most 1; z < -37.5:
 * e^z (1 - e^z / 2), e^z / 2 < 2^-55 there. e^z and the logarithms are double-doubles
 * ({@link ExpDoubleDouble}, {@link Log1pDoubleDouble}, about 2^-60 relative), z = beta x keeps
 * the product's rounding error, and the result is rounded once ({@link DoubleRounding#finish}:
 * nearest for float64, to odd for the narrower dtypes). f'(x) = sigma(z)
 * ({@link SigmoidDoubleDouble}), exactly 1 where pytorch cuts over.
 */
public final class Softplus extends RoundingFunction {

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
      double y = StrictMath.log1p(th);
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
      h = StrictMath.log1p(eh);
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
