package org.activationtck.adapters.tensorflow;

import java.math.BigDecimal;
import java.util.Map;
import org.activationtck.spi.Call;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.ParameterSpec;

/**
 * A call's parameter values as the catalog defines them: the value the call gives (under the
 * canonical name or the dialect's spelling, e.g. tf_keras2's {@code alpha} for relu's
 * {@code negative_slope}), else the dialect's default from the catalog, never TensorFlow's.
 */
final class CallParameters {

  private final Catalog catalog;

  CallParameters(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The raw value: an exact decimal, {@code true}/{@code false}, or {@code none}. */
  String raw(Call call, String name) {
    FunctionSpec f = catalog.require(call.function());
    ParameterSpec p = f.parameter(name)
        .orElseThrow(() -> new IllegalStateException(call.function() + " has no parameter " + name));
    for (Map.Entry<String, String> given : call.params().entrySet()) {
      if (given.getKey().equals(p.name()) || given.getKey().equals(p.names().get(call.dialect()))) {
        return given.getValue();
      }
    }
    return p.defaultFor(call.dialect()).orElseThrow(() -> new IllegalStateException(
        call.function() + "." + name + " has no " + call.dialect() + " default in the catalog"));
  }

  /** Whether the parameter is absent ({@code none}). */
  boolean isNone(Call call, String name) {
    return raw(call, name).equals("none");
  }

  /** Whether the real parameter equals the value exactly. */
  boolean is(Call call, String name, String value) {
    String v = raw(call, name);
    return !v.equals("none") && new BigDecimal(v).compareTo(new BigDecimal(value)) == 0;
  }

  /** Whether the real parameter equals the dialect's default exactly. */
  boolean isDefault(Call call, String name) {
    String def = catalog.require(call.function()).parameter(name)
        .flatMap(p -> p.defaultFor(call.dialect())).orElseThrow();
    String v = raw(call, name);
    return def.equals("none") ? v.equals("none") : is(call, name, def);
  }

  /**
   * A real parameter as a TensorFlow float attribute: the exact decimal rounded once to float32.
   * TensorFlow's attributes (LeakyRelu's alpha) are float32 whatever the tensor type.
   */
  float float32(Call call, String name) {
    return Float.parseFloat(raw(call, name));
  }
}
