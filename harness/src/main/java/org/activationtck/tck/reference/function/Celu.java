package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * celu: x for x > 0, alpha * expm1(x / alpha) for x <= 0 ({@link StrictMath#expm1}, below 1 ulp).
 * The quotient u = x / alpha is carried as uh + ul (ul = the division's residual from
 * {@link Math#fma}, divided by alpha), so that e^u = e^uh (1 + ul) does not inherit the rounding of
 * u, which e^u would amplify |u|-fold (f'(-40) with alpha = 0.3: 32 ulp without it).
 * f'(x) = 1 for x >= 0, e^(x/alpha) below.
 * f(-0.0) = +0.0 in pytorch and onnx, -0.0 in keras3 and jax.
 */
public final class Celu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
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
        return alpha * (StrictMath.expm1(uh) + StrictMath.exp(uh) * ul);
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
        double e = StrictMath.exp(uh);
        return Double.isInfinite(uh) ? e : e + e * ul;
      }
    };
  }
}
