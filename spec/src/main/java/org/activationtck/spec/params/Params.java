package org.activationtck.spec.params;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activationtck.spec.catalog.ConstantSpec;
import org.activationtck.spec.catalog.Dialect;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.ParameterSpec;
import org.activationtck.spec.catalog.Storage;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The resolved parameters of one evaluation: every catalog parameter of the function, explicit
 * values over the dialect's defaults, validated by type, and the constants of the definition that
 * the dialect stores rounded.
 *
 * <p>Catalog rule {@code params.compute_format}: a real parameter is rounded to the dialect's
 * storage precision for it ({@link ParameterSpec#storage}: float32 for ONNX float attributes and
 * TensorFlow float attrs, on every input dtype), then to the dialect's compute format for the
 * input ({@link Dialect#computeFormat}: the input's dtype; PyTorch's op-math type, float32 for
 * float16 and bfloat16), each step to nearest-even; a constant of the definition likewise at its
 * declared storage ({@link ConstantSpec#storage}), or not at all when the dialect uses it
 * exactly. The oracle then evaluates the mathematical function exactly at those values. Absent
 * optional parameters (default {@code none}) are absent here. The resolved values are checked
 * against the catalog's constraints ({@link ParameterConstraints}).
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class Params {

  private final String dialect;
  private final Map<String, Object> values;
  private final Map<String, BigDecimal> constants;

  private Params(String dialect, Map<String, Object> values, Map<String, BigDecimal> constants) {
    this.dialect = dialect;
    this.values = Collections.unmodifiableMap(values);
    this.constants = Collections.unmodifiableMap(constants);
  }

  /**
   * Resolves explicit parameter values against the catalog entry.
   *
   * @param explicit parameter values by canonical name (or the dialect's spelling), as strings
   * @param inputDtype the dtype of the input the parameters are for, never {@code null}
   * @throws IllegalArgumentException naming the parameter for an unknown name or a bad value (a
   *     real that overflows its storage or compute format included), for values that break the
   *     catalog's constraints, or for an unknown dialect
   */
  public static Params resolve(FunctionSpec f, String dialect, Map<String, String> explicit,
      Dtype inputDtype) {
    Map<String, String> given = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : explicit.entrySet()) {
      ParameterSpec p = find(f, dialect, e.getKey()).orElseThrow(() -> new IllegalArgumentException(
          "unknown parameter '" + e.getKey() + "' for " + f.id() + " (known: "
              + f.parameters().stream().map(ParameterSpec::name).toList() + ")"));
      given.put(p.name(), e.getValue());
    }
    Dtype compute = Dialect.fromId(dialect).computeFormat(inputDtype);
    Map<String, String> raw = new LinkedHashMap<>();
    for (ParameterSpec p : f.parameters()) {
      String value = given.containsKey(p.name()) ? given.get(p.name())
          : p.defaultFor(dialect).orElse(null);
      if (value != null && !value.equals("none")) {
        raw.put(p.name(), value);
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterSpec p : f.parameters()) {
      String value = raw.get(p.name());
      if (value != null) {
        List<Dtype> roundings = p.storage(dialect, raw).roundings(inputDtype, compute);
        values.put(p.name(), parse(f, p, value, roundings));
      }
    }
    Map<String, BigDecimal> constants = new LinkedHashMap<>();
    for (ConstantSpec c : f.constants()) {
      Storage storage = c.storage(dialect);
      if (storage != Storage.EXACT) {
        String where = f.id() + " constant '" + c.name() + "'";
        constants.put(c.name(), stored(where, c.decimal(), new BigDecimal(c.decimal()),
            storage.roundings(inputDtype, compute)));
      }
    }
    Params resolved = new Params(dialect, values, constants);
    ParameterConstraints.check(f.id(), resolved);
    return resolved;
  }

  /** Parameters given directly, for tests and kernels; reals are used as given, no constants. */
  public static Params of(String dialect, Map<String, Object> values) {
    return new Params(dialect, new LinkedHashMap<>(values), new LinkedHashMap<>());
  }

  /**
   * v rounded to each format in turn.
   *
   * @param text v as the catalog or the user wrote it, for the message
   * @throws IllegalArgumentException naming {@code where} and the text when a rounding overflows
   */
  private static BigDecimal stored(String where, String text, BigDecimal v, List<Dtype> roundings) {
    BigDecimal r = v;
    for (Dtype t : roundings) {
      double d = Rounding.round(r, t);
      if (Double.isInfinite(d)) {
        throw new IllegalArgumentException(where + ": " + text + " overflows " + t.id());
      }
      r = new BigDecimal(d);
    }
    return r;
  }

  private static Optional<ParameterSpec> find(FunctionSpec f, String dialect, String name) {
    for (ParameterSpec p : f.parameters()) {
      if (p.name().equals(name) || name.equals(p.names().get(dialect))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Object parse(FunctionSpec f, ParameterSpec p, String raw, List<Dtype> roundings) {
    String where = f.id() + " parameter '" + p.name() + "'";
    switch (p.type()) {
      case "real": {
        BigDecimal v;
        try {
          v = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(where + ": not a number: '" + raw + "'");
        }
        return stored(where, raw, v, roundings);
      }
      case "integer":
        try {
          return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(where + ": not an integer: '" + raw + "'");
        }
      case "boolean":
        if (raw.equals("true") || raw.equals("false")) {
          return Boolean.valueOf(raw);
        }
        throw new IllegalArgumentException(where + ": expected true or false, got '" + raw + "'");
      case "enum":
        if (!p.values().contains(raw)) {
          throw new IllegalArgumentException(
              where + ": expected one of " + p.values() + ", got '" + raw + "'");
        }
        return raw;
      default:
        throw new IllegalStateException("catalog: " + where + " has unknown type " + p.type());
    }
  }

  /** The dialect id these parameters were resolved for. */
  public String dialect() {
    return dialect;
  }

  /** Whether the parameter has a value (absent optional parameters have none). */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** A real parameter, exactly. @throws IllegalStateException when absent */
  public BigDecimal real(String name) {
    return (BigDecimal) require(name);
  }

  /** A boolean parameter. @throws IllegalStateException when absent */
  public boolean bool(String name) {
    return (Boolean) require(name);
  }

  /** An enum parameter's constant. @throws IllegalStateException when absent */
  public String choice(String name) {
    return (String) require(name);
  }

  /** An integer parameter. @throws IllegalStateException when absent */
  public int integer(String name) {
    return (Integer) require(name);
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("parameter '" + name + "' has no value");
    }
    return v;
  }

  /** All values by canonical name. */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * A constant of the definition as the dialect stores it ({@link ConstantSpec}), exactly; empty
   * when the dialect uses the exact real (the function computes that itself).
   */
  public Optional<BigDecimal> constant(String name) {
    return Optional.ofNullable(constants.get(name));
  }

  /** The rounded constants by name (those the dialect does not use exactly). */
  public Map<String, BigDecimal> constants() {
    return constants;
  }

  @Override
  public String toString() {
    return constants.isEmpty() ? dialect + values : dialect + values + constants;
  }
}
