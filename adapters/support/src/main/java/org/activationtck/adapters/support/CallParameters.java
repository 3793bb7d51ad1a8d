package org.activationtck.adapters.support;

import java.math.BigDecimal;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Call;
import org.activationtck.spec.catalog.FunctionSpec;

/**
 * A call's parameters resolved against the catalog: explicit values over the dialect's defaults
 * (never the library's own defaults), held as the dialect holds them (catalog rule
 * params.compute_format, the same {@link Params#resolve} the oracle uses: the dialect's storage
 * precision, float32 for ONNX attributes and TensorFlow float attrs on every tensor type, then its
 * compute format), and a way to decline values the library cannot take.
 */
public final class CallParameters {

  private final String library;
  private final FunctionSpec function;
  private final Params given;
  private final Params defaults;

  /**
   * @param library the library's short name, for the message of a declined value (e.g. "DJL")
   * @throws IllegalArgumentException for a parameter the catalog does not know or a value outside
   *     its constraint
   */
  public CallParameters(String library, FunctionSpec f, Call call) {
    this.library = library;
    this.function = f;
    this.given = Params.resolve(f, call.dialect(), call.params(), call.dtype());
    this.defaults = Params.resolve(f, call.dialect(), Map.of(), call.dtype());
  }

  /**
   * A real parameter as the dialect holds it (rule params.compute_format): for an onnx call a
   * float attribute's float32 value also on float64 tensors, so {@code (float) real(name)} is
   * exact; otherwise the value in the compute format.
   */
  public double real(String name) {
    return given.real(name).doubleValue();
  }

  /** Whether the parameter has a value (an optional one given as, or defaulting to, none). */
  public boolean has(String name) {
    return given.has(name);
  }

  /** An integer parameter. */
  public int integer(String name) {
    return given.integer(name);
  }

  /** A boolean parameter. */
  public boolean bool(String name) {
    return given.bool(name);
  }

  /**
   * Declines a value other than the dialect's default for a parameter the library's function has
   * no argument for.
   *
   * @throws UnsupportedOperationException when the call gives another value
   */
  public void requireDefault(String name) {
    Object g = given.asMap().get(name);
    Object d = defaults.asMap().get(name);
    boolean same = g == null ? d == null
        : g instanceof BigDecimal && d instanceof BigDecimal
            ? ((BigDecimal) g).compareTo((BigDecimal) d) == 0 : g.equals(d);
    if (!same) {
      throw new UnsupportedOperationException(library + "'s " + function.id() + " takes no '" + name
          + "' argument; only the default is supported");
    }
  }

  /**
   * Declines any value other than the dialect's default, for a library function that takes no
   * parameters at all.
   *
   * @throws UnsupportedOperationException when the call gives another value for any parameter
   */
  public void requireDefaults() {
    function.parameters().forEach(p -> requireDefault(p.name()));
  }
}
