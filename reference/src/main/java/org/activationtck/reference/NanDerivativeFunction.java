package org.activationtck.reference;

import java.math.BigDecimal;
import java.util.Optional;
import org.activationtck.spec.params.Params;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.FunctionSpec;

/**
 * A reference function whose derivative at NaN is the catalog's
 * ({@link FunctionSpec#derivativeAtNan(String, java.util.function.Function)}): where the catalog
 * states a number for the dialect and parameters (a framework's gradient mask takes a branch at
 * NaN), every NaN element of a derivative gets it; elsewhere the wrapped kernel is returned as it
 * is, so functions whose f'(NaN) is NaN pay nothing. Values are never touched. The
 * {@link ReferenceRegistry} wraps every elementwise reference in one, so that the kernels need not
 * know the per-dialect values; the oracle reads the same catalog entries.
 *
 * <p>The value is exact in the catalog (a decimal or a real parameter already rounded to the compute
 * format); the kernel returns it rounded to the dtype it is bound for, float64 for
 * {@link #bind(Params)}, which is that exact value for every entry of the catalog. Thread-safe.
 *
 * @param spec the catalog entry, never {@code null}
 * @param kernels the function's reference, never {@code null}
 */
record NanDerivativeFunction(FunctionSpec spec, ReferenceFunction kernels) implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    return withNanDerivative(kernels.bind(p), p, Dtype.FLOAT64);
  }

  @Override
  public Kernel bind(Params p, Dtype t) {
    return withNanDerivative(kernels.bind(p, t), p, t);
  }

  private Kernel withNanDerivative(Kernel k, Params p, Dtype t) {
    Optional<BigDecimal> atNan = spec.derivativeAtNan(p.dialect(), p.asMap()::get);
    return atNan.isEmpty() ? k : new AtNan(k, Rounding.round(atNan.get(), t));
  }

  /** The wrapped kernel with f'(NaN) = {@code atNan}; bit for bit the same everywhere else. */
  private record AtNan(Kernel k, double atNan) implements Kernel {

    @Override
    public double value(double x) {
      return k.value(x);
    }

    @Override
    public double derivative(double x) {
      return x != x ? atNan : k.derivative(x);
    }

    @Override
    public void values(double[] x, double[] y) {
      k.values(x, y);
    }

    /** The wrapped array form, then a pass over NaN inputs, whose branch is predictably not taken. */
    @Override
    public void derivatives(double[] x, double[] y) {
      k.derivatives(x, y);
      for (int i = 0; i < x.length; i++) {
        if (x[i] != x[i]) {
          y[i] = atNan;
        }
      }
    }

    @Override
    public void values(float[] x, float[] y) {
      k.values(x, y);
    }

    @Override
    public void derivatives(float[] x, float[] y) {
      k.derivatives(x, y);
      float narrow = (float) atNan;
      for (int i = 0; i < x.length; i++) {
        if (x[i] != x[i]) {
          y[i] = narrow;
        }
      }
    }
  }
}
