package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * sigma(z) = 1 / (1 + e^-z) and sigma'(z) = e^-|z| / (1 + e^-|z|)^2, allocation-free, each
 * rounded once for the dtype ({@link DoubleRounding#finish}). Used by sigmoid, softplus',
 * log_sigmoid' and tanh' (tanh'(a) = 4 sigma'(2a)).
 *
 * <p>Method: e = e^-|z| as a double-double ({@link ExpDoubleDouble}, relative error about
 * 2^-80), d = 1 + e exactly as (dh, dl) by TwoSum; sigma = n / d with n = 1 for z >= 0 and e for
 * z < 0, sigma' = e / d^2 with d^2 by fma; each quotient q = n / dh gets one fma correction
 * (n - q dh exact, then the low parts): relative error about 2^-78 before the final rounding, so
 * float64 is correctly rounded unless the value lies within 2^-78 relative of a midpoint.
 *
 * <p>Range: any z; below z = -708 the results are subnormal and e^z is rounded to the subnormal
 * grid before the quotient (within 1 ulp; callers that need more, such as the sigmoid tail, use
 * {@link ExpDoubleDouble#expScaled}). NaN gives NaN.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SigmoidDoubleDouble {

  private SigmoidDoubleDouble() {}

  /** sigma(z), see the class comment. */
  public static double value(double z, FinalRounding rounding) {
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
    return DoubleRounding.quotient(nh, nl, dh, dl, rounding);
  }

  /** sigma'(z) = sigma(z) sigma(-z), see the class comment. */
  public static double derivative(double z, FinalRounding rounding) {
    if (z != z) {
      return z;
    }
    double a = -Math.abs(z);
    double eh = ExpDoubleDouble.hi(a);
    if (eh == 0) {
      return 0.0;
    }
    double el = ExpDoubleDouble.lo(a);
    double dh = 1 + eh;
    double dl = (eh - (dh - 1)) + el;
    double sh = dh * dh;
    double sl = Math.fma(dh, dh, -sh) + 2 * dh * dl;
    return DoubleRounding.quotient(eh, el, sh, sl, rounding);
  }
}
