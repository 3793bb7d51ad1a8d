package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.spec.Dtype;
import org.activationtck.tck.reference.ReferenceFunction;
import org.activationtck.tck.reference.internal.DoubleRounding;

/**
 * softplus: ln(1 + e^(beta x)) / beta, with pytorch's cut-over to x where beta * x > threshold.
 *
 * <p>Method, z = beta x: z > 0: z + log1p(e^-z) (positive terms, the small one damped);
 * -37.5 <= z <= 0: log1p(e^z), whose condition number in e^z is at most 1; z < -37.5:
 * e^z, since ln(1 + y) = y (1 - y/2 + ...) and e^z / 2 < 2^-55 there. e^z is a double-double
 * ({@link ExpDoubleDouble}) in the middle range, so only log1p's own error (fdlibm, below 1 ulp)
 * remains. f'(x) = sigma(z) (see {@link #sigmoid}), exactly 1 where pytorch cuts over.
 */
public final class Softplus implements ReferenceFunction {

  /** Below this z, e^z / 2 < 2^-55: ln(1 + e^z) rounds like e^z. */
  private static final double EXP_TAIL = -37.5;

  @Override
  public Kernel bind(Params p) {
    return bind(p, Dtype.FLOAT32);
  }

  @Override
  public Kernel bind(Params p, Dtype dtype) {
    final boolean toOdd = DoubleRounding.roundsToOdd(dtype);
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
        return softplus(z) / beta;
      }

      @Override
      public double derivative(double x) {
        double z = beta * x;
        if (hasThreshold && z > threshold) {
          return 1.0;
        }
        return sigmoid(z, toOdd);
      }
    };
  }

  /** ln(1 + e^z), as in the class comment. */
  static double softplus(double z) {
    if (z > 0) {
      return z + StrictMath.log1p(StrictMath.exp(-z));
    }
    if (z < EXP_TAIL) {
      return StrictMath.exp(z);
    }
    // e^z = eh + el to 2^-80; ln(1 + eh + el) = log1p(eh) + el / (1 + eh).
    double eh = ExpDoubleDouble.hi(z);
    double el = ExpDoubleDouble.lo(z);
    return StrictMath.log1p(eh) + el / (1 + eh);
  }

  /**
   * 1 / (1 + e^-z) without overflow: with e = e^-|z| as a double-double ({@link ExpDoubleDouble})
   * and d = 1 + e exact as (dh, dl), the quotient n / d (n = 1 for z >= 0, e for z < 0) gets one
   * fma correction, and is rounded once by {@link DoubleRounding#finish}: to nearest for
   * float64, to odd ({@code toOdd}) for the narrower dtypes.
   */
  static double sigmoid(double z, boolean toOdd) {
    if (z != z) {
      return z;
    }
    double a = -Math.abs(z);
    double eh = ExpDoubleDouble.hi(a);
    double el = ExpDoubleDouble.lo(a);
    double dh = 1 + eh;
    double dl = (eh - (dh - 1)) + el;
    double nh = z >= 0 ? 1 : eh;
    double nl = z >= 0 ? 0 : el;
    double q = nh / dh;
    if (q == 0) {
      return q;
    }
    double c = (Math.fma(-q, dh, nh) + nl - q * dl) / dh;
    double r = q + c;
    return DoubleRounding.finish(r, c - (r - q), toOdd);
  }
}
