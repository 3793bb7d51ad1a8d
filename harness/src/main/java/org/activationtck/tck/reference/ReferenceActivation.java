package org.activationtck.tck.reference;

import java.util.Optional;
import org.activationtck.oracle.Params;
import org.activationtck.spec.API;
import org.activationtck.spec.Activation;
import org.activationtck.spec.Call;
import org.activationtck.spec.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;

/**
 * The built-in reference as an {@link Activation} provider ({@code --impl reference}): every
 * catalog function that has a class in {@code reference.function}, every dialect of the catalog,
 * float64 and float32 (computed in float64, rounded once), values and derivatives.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReferenceActivation implements Activation {

  private final Catalog catalog = Catalog.standard();

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    Optional<FunctionSpec> f = catalog.find(function);
    if (f.isEmpty() || !f.get().inDialect(dialect)) {
      return false;
    }
    if (dtype != Dtype.FLOAT64 && dtype != Dtype.FLOAT32) {
      return false;
    }
    Optional<Object> impl = ReferenceRegistry.lookup(f.get().id());
    return impl.isPresent() && (!derivative || impl.get() instanceof ReferenceFunction);
  }

  @Override
  public double[] apply(Call call, double[] x) {
    FunctionSpec f = catalog.require(call.function());
    Params p = Params.resolve(f, call.dialect(), call.params(), call.dtype());
    Object impl = ReferenceRegistry.lookup(f.id()).orElseThrow(() ->
        new UnsupportedOperationException(f.id()));
    boolean narrow = call.dtype() == Dtype.FLOAT32;
    if (impl instanceof ReferenceAxisFunction) {
      double[] y = ((ReferenceAxisFunction) impl).apply(x, p);
      if (narrow) {
        for (int i = 0; i < y.length; i++) {
          y[i] = (float) y[i];
        }
      }
      return y;
    }
    ReferenceFunction.Kernel k = ((ReferenceFunction) impl).bind(p);
    double[] y = new double[x.length];
    if (call.derivative()) {
      for (int i = 0; i < x.length; i++) {
        y[i] = k.derivative(x[i]);
      }
    } else {
      for (int i = 0; i < x.length; i++) {
        y[i] = k.value(x[i]);
      }
    }
    if (narrow) {
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) y[i];
      }
    }
    return y;
  }
}
