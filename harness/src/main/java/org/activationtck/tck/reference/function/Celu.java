package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleRounding;
import org.activationtck.tck.reference.internal.ExpDoubleDouble;

/**
 * celu: x for x > 0, alpha * expm1(x / alpha) for x <= 0. f'(x) = 1 for x >= 0, e^(x/alpha)
 * below.
 *
 * <p>Method: the quotient u = x / alpha is carried as uh + ul (ul = the division's residual from
 * {@link Math#fma}, divided by alpha), so that e^u = e^uh (1 + ul) does not inherit the rounding of
 * u, which e^u would amplify |u|-fold (f'(-40) with alpha = 0.3: 32 ulp without it). e^uh and
 * e^uh - 1 are double-doubles ({@link ExpDoubleDouble}, relative error below 2^-60), so
 * expm1(u) = expm1(uh) + e^uh ul and e^u = e^uh + e^uh ul (ul^2 is below 2^-100 relative) carry
 * about 60 bits, and the result is rounded once ({@link DoubleRounding#finish}: nearest for
 * float64, to odd for the narrower dtypes).
 * f(-0.0) = +0.0 in pytorch and onnx, -0.0 in keras3 and jax.
 */
public final class Celu extends RoundingFunction {

  /** Below |u| = 2^-60 the relative correction u/2 is below 2^-61: the value rounds to x. */
  private static final double TINY = 0x1p-60;

  @Override
  Kernel bind(Params p, boolean toOdd) {
    final double alpha = p.real("alpha").doubleValue();
    if (alpha == 0) {
      throw new IllegalArgumentException("celu parameter 'alpha' must be nonzero");
    }
    final boolean plusZero = p.dialect().equals("pytorch") || p.dialect().equals("onnx");
    return new Kernel() {
      @Override
      public double value(double x) {
        if (x > 0 || x != x) {
          return x;
        }
        if (x == 0) {
          return plusZero ? 0.0 : x;
        }
        // u = x / alpha as uh + ul (the division's residual by fma): e^u = e^uh (1 + ul).
        double uh = x / alpha;
        double ul = Math.fma(-uh, alpha, x) / alpha;
        if (Double.isInfinite(uh)) {
          return alpha * StrictMath.expm1(uh);
        }
        if (Math.abs(uh) < TINY) {
          // alpha expm1(u) = x (1 + u/2 + ...): x itself, off by x^2 / (2 alpha), which has
          // alpha's sign (this also keeps subnormal x, whose quotient x / alpha would round).
          return DoubleRounding.finish(x, alpha, toOdd);
        }
        // m = expm1(uh) + e^uh ul as a double-double, then alpha m with an fma.
        double mh = ExpDoubleDouble.expm1Hi(uh);
        if (Double.isInfinite(mh)) {
          return alpha * mh; // alpha < 0 and x / alpha beyond e^x's range
        }
        double ml = ExpDoubleDouble.expm1Lo(uh) + ExpDoubleDouble.hi(uh) * ul;
        double h = mh + ml;
        ml = ml - (h - mh);
        mh = h;
        double q = alpha * mh;
        double ql = Math.fma(alpha, mh, -q) + alpha * ml;
        double r = q + ql;
        return DoubleRounding.finish(r, ql - (r - q), toOdd);
      }

      @Override
      public double derivative(double x) {
        if (x >= 0) {
          return 1.0;
        }
        if (x != x) {
          return x;
        }
        double uh = x / alpha;
        double ul = Math.fma(-uh, alpha, x) / alpha;
        if (Double.isInfinite(uh)) {
          return StrictMath.exp(uh);
        }
        double eh = ExpDoubleDouble.hi(uh);
        if (Double.isInfinite(eh)) {
          return eh;
        }
        double el = ExpDoubleDouble.lo(uh) + eh * ul;
        double r = eh + el;
        return DoubleRounding.finish(r, el - (r - eh), toOdd);
      }
    };
  }
}
