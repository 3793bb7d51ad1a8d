package org.activationtck.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;

/**
 * The built-in reference as an {@link Activation} provider ({@code --impl reference}): every
 * catalog function that has a class in {@code reference.function}, every dialect of the catalog,
 * every dtype (computed in double by the kernel bound for that dtype, then rounded once to it),
 * values and derivatives.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReferenceActivation implements Activation {

  /** Resolved parameters stay this many; a run has a few hundred distinct parameter sets. */
  private static final int MAX_CACHED_PARAMS = 4096;

  private final Catalog catalog = Catalog.standard();
  private final Map<List<Object>, Params> params = new ConcurrentHashMap<>();

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
    Optional<Object> impl = ReferenceRegistry.lookup(f.get().id());
    return impl.isPresent() && (!derivative || impl.get() instanceof ReferenceFunction);
  }

  /**
   * The call's resolved parameters, cached: resolving parses and rounds decimals, which costs
   * more than evaluating a short batch, and the TCK presents each input alone.
   */
  private Params params(FunctionSpec f, Call call, Dtype t) {
    List<Object> key = List.of(f.id(), call.dialect(), call.params(), t);
    Params p = params.get(key);
    if (p == null) {
      p = Params.resolve(f, call.dialect(), call.params(), t);
      if (params.size() >= MAX_CACHED_PARAMS) {
        params.clear();
      }
      params.put(key, p);
    }
    return p;
  }

  private static double narrowTo(double v, Dtype t) {
    return t == Dtype.FLOAT32 ? (float) v : org.activationtck.spec.format.Rounding.round(v, t);
  }

  @Override
  public double[] apply(Call call, double[] x) {
    FunctionSpec f = catalog.require(call.function());
    Params p = params(f, call, call.dtype());
    Object impl = ReferenceRegistry.lookup(f.id()).orElseThrow(() ->
        new UnsupportedOperationException(f.id()));
    Dtype t = call.dtype();
    boolean narrow = t != Dtype.FLOAT64;
    if (impl instanceof ReferenceAxisFunction) {
      double[] y = ((ReferenceAxisFunction) impl).apply(x, p, t);
      if (narrow) {
        for (int i = 0; i < y.length; i++) {
          y[i] = narrowTo(y[i], t);
        }
      }
      return y;
    }
    ReferenceFunction.Kernel k = ((ReferenceFunction) impl).bind(p, t);
    double[] y = new double[x.length];
    if (call.derivative()) {
      k.derivatives(x, y);
    } else {
      k.values(x, y);
    }
    if (narrow) {
      for (int i = 0; i < y.length; i++) {
        y[i] = narrowTo(y[i], t);
      }
    }
    return y;
  }

  /**
   * As the default (each value computed in double by the float32 kernel and rounded once), but
   * straight into the float array for elementwise functions: no double arrays, one pass. The
   * exhaustive sweep calls this 65,536 times with 65,536 inputs each.
   */
  @Override
  public float[] applyFloat32(Call call, float[] x) {
    if (call.dtype() != Dtype.FLOAT32) {
      return Activation.super.applyFloat32(call, x);
    }
    FunctionSpec f = catalog.require(call.function());
    Object impl = ReferenceRegistry.lookup(f.id()).orElseThrow(() ->
        new UnsupportedOperationException(f.id()));
    if (!(impl instanceof ReferenceFunction)) {
      return Activation.super.applyFloat32(call, x);
    }
    Params p = params(f, call, Dtype.FLOAT32);
    ReferenceFunction.Kernel k = ((ReferenceFunction) impl).bind(p, Dtype.FLOAT32);
    float[] y = new float[x.length];
    if (call.derivative()) {
      k.derivatives(x, y);
    } else {
      k.values(x, y);
    }
    return y;
  }
}
