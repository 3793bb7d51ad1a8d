package org.activationtck.cli.impls;

import java.util.Set;
import org.activationtck.reference.ReferenceActivation;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/**
 * Correct except for double rounding: the reference's float64 kernel (within about 2^-60 of the
 * exact value, rounded once to float64) narrowed to float32 with a cast, and its correctly rounded
 * float32 narrowed to float16 and bfloat16. float64 and axis functions are the reference's own.
 * What a careful implementation that "computes in double and narrows" delivers.
 */
public final class NarrowingReference implements Activation {

  private final ReferenceActivation reference = new ReferenceActivation();
  private final Catalog catalog = Catalog.standard();

  @Override
  public String name() {
    return "narrowing-reference";
  }

  @Override
  public Set<String> dialects() {
    return Set.of();
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return reference.supports(function, dialect, dtype, derivative);
  }

  @Override
  public double[] apply(Call call, double[] x) {
    FunctionSpec f = catalog.require(call.function());
    Object impl = ReferenceRegistry.lookup(f.id()).orElseThrow();
    Dtype t = call.dtype();
    if (t == Dtype.FLOAT64 || !(impl instanceof ReferenceFunction r)) {
      return reference.apply(call, x);
    }
    Params p = Params.resolve(f, call.dialect(), call.params(), t);
    Dtype wide = t == Dtype.FLOAT32 ? Dtype.FLOAT64 : Dtype.FLOAT32;
    ReferenceFunction.Kernel k = r.bind(p, wide);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double v = call.derivative() ? k.derivative(x[i]) : k.value(x[i]);
      double once = wide == Dtype.FLOAT32 ? (float) v : v; // the wide format's correct rounding
      y[i] = Rounding.round(once, t);                       // rounded again
    }
    return y;
  }
}
