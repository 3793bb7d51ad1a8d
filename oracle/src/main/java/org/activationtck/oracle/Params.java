package org.activationtck.oracle;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.activationtck.spec.API;
import org.activationtck.spec.Dtype;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.ParameterSpec;

/**
 * The resolved parameters of one evaluation: every catalog parameter of the function, explicit
 * values over the dialect's defaults, validated by type.
 *
 * <p>Real parameters are rounded to the <em>compute format</em> of the input dtype before use
 * (float64 for float64, float32 for the other formats), because every framework stores them as
 * scalars of that format; the oracle then evaluates the mathematical function exactly at those
 * parameter values (catalog rule {@code params.compute_format}). Absent optional parameters (default
 * {@code none}) are absent here.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class Params {

  private final String dialect;
  private final Map<String, Object> values;

  private Params(String dialect, Map<String, Object> values) {
    this.dialect = dialect;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Resolves explicit parameter values against the catalog entry.
   *
   * @param explicit parameter values by canonical name (or the dialect's spelling), as strings
   * @throws IllegalArgumentException naming the parameter for an unknown name or a bad value
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
    Dtype compute = inputDtype == Dtype.FLOAT64 ? Dtype.FLOAT64 : Dtype.FLOAT32;
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterSpec p : f.parameters()) {
      String raw = given.containsKey(p.name()) ? given.get(p.name())
          : p.defaultFor(dialect).orElse(null);
      if (raw == null || raw.equals("none")) {
        continue;
      }
      values.put(p.name(), parse(f, p, raw, compute));
    }
    return new Params(dialect, values);
  }

  /** Parameters given directly, for tests and kernels; reals are used as given. */
  public static Params of(String dialect, Map<String, Object> values) {
    return new Params(dialect, new LinkedHashMap<>(values));
  }

  private static Optional<ParameterSpec> find(FunctionSpec f, String dialect, String name) {
    for (ParameterSpec p : f.parameters()) {
      if (p.name().equals(name) || name.equals(p.names().get(dialect))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Object parse(FunctionSpec f, ParameterSpec p, String raw, Dtype compute) {
    String where = f.id() + " parameter '" + p.name() + "'";
    switch (p.type()) {
      case "real": {
        BigDecimal v;
        try {
          v = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(where + ": not a number: '" + raw + "'");
        }
        double r = Rounding.round(v, compute);
        if (Double.isInfinite(r)) {
          throw new IllegalArgumentException(where + ": " + raw + " overflows " + compute.id());
        }
        return new BigDecimal(r);
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

  @Override
  public String toString() {
    return dialect + values;
  }
}
