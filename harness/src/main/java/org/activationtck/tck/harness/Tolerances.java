package org.activationtck.tck.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;

/**
 * The ULP budgets of the spec ({@code tolerances.json} beside the catalog): a class per function
 * ({@code exact}, {@code transcendental}, {@code composite}), a budget per class, tier and dtype,
 * and user overrides ({@code gelu:float32=4}) on top. Immutable.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class Tolerances {

  private final JsonNode document;
  private final Map<String, Double> overrides;

  private Tolerances(JsonNode document, Map<String, Double> overrides) {
    this.document = document;
    this.overrides = Map.copyOf(overrides);
  }

  /** The spec's budgets, no overrides. */
  public static Tolerances standard() {
    try (InputStream in = Catalog.class.getResourceAsStream(Catalog.RESOURCE_DIR + "tolerances.json")) {
      if (in == null) {
        throw new IllegalStateException("tolerances.json missing from the spec jar");
      }
      return new Tolerances(new ObjectMapper().readTree(in), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds an override {@code FUNCTION:DTYPE=ULPS} (DTYPE may be {@code *}).
   *
   * @throws IllegalArgumentException naming the spec when malformed
   */
  public Tolerances withOverride(String spec) {
    String[] kv = spec.split("=", 2);
    String[] fd = kv[0].split(":", 2);
    if (kv.length != 2 || fd.length != 2 || fd[0].isEmpty()) {
      throw new IllegalArgumentException("--tolerance '" + spec + "': expected FUNCTION:DTYPE=ULPS, e.g. gelu:float32=4");
    }
    String function;
    try {
      function = Catalog.standard().require(fd[0]).id();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--tolerance '" + spec + "': " + e.getMessage());
    }
    if (!fd[1].equals("*")) {
      Dtype.fromId(fd[1]);
    }
    double ulps;
    try {
      ulps = Double.parseDouble(kv[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--tolerance '" + spec + "': '" + kv[1] + "' is not a number");
    }
    if (!(ulps >= 0)) {
      throw new IllegalArgumentException("--tolerance '" + spec + "': ULPS must be >= 0");
    }
    Map<String, Double> m = new HashMap<>(overrides);
    m.put(function + ":" + fd[1], ulps);
    return new Tolerances(document, m);
  }

  /** The function's class in the spec ({@code exact} when unlisted, the strictest). */
  public String functionClass(String function) {
    JsonNode c = document.path("functions").get(function);
    return c == null ? "exact" : c.asText();
  }

  /** The budget in ulps for a function, dtype and tier, overrides applied. */
  public double budget(String function, Dtype dtype, Tier tier) {
    Double o = overrides.get(function + ":" + dtype.id());
    if (o == null) {
      o = overrides.get(function + ":*");
    }
    if (o != null) {
      return o;
    }
    return document.path("classes").path(functionClass(function)).path(tier.id()).path(dtype.id())
        .asDouble(0);
  }
}
