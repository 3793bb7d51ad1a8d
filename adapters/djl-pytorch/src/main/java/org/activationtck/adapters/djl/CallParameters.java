package org.activationtck.adapters.djl;

import java.math.BigDecimal;
import java.util.Map;
import org.activationtck.oracle.Params;
import org.activationtck.spec.Call;
import org.activationtck.spec.catalog.FunctionSpec;

/**
 * A call's parameters resolved against the catalog: explicit values over the dialect's defaults
 * (never DJL's defaults), and a way to decline values DJL cannot take.
 */
final class CallParameters {

  private final String function;
  private final Params given;
  private final Params defaults;

  CallParameters(FunctionSpec f, Call call) {
    this.function = f.id();
    this.given = Params.resolve(f, call.dialect(), call.params(), call.dtype());
    this.defaults = Params.resolve(f, call.dialect(), Map.of(), call.dtype());
  }

  /** A real parameter, in the call's compute format (the catalog's params.compute_format rule). */
  double real(String name) {
    return given.real(name).doubleValue();
  }

  /** An integer parameter. */
  int integer(String name) {
    return given.integer(name);
  }

  /** A boolean parameter. */
  boolean bool(String name) {
    return given.bool(name);
  }

  /**
   * Declines a value other than the dialect's default for a parameter the DJL call has no
   * argument for.
   *
   * @throws UnsupportedOperationException when the call gives another value
   */
  void requireDefault(String name) {
    Object g = given.asMap().get(name);
    Object d = defaults.asMap().get(name);
    boolean same = g == null ? d == null
        : g instanceof BigDecimal && d instanceof BigDecimal
            ? ((BigDecimal) g).compareTo((BigDecimal) d) == 0 : g.equals(d);
    if (!same) {
      throw new UnsupportedOperationException(
          "DJL's " + function + " takes no '" + name + "' argument; only the default is supported");
    }
  }
}
