package org.activationtck.spec.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import org.activationtck.spi.API;

/**
 * A real constant built into a function's definition (gelu's 0.044715, ONNX HardSwish's 1/6),
 * with the precision each dialect's source holds it in. The catalog otherwise models arithmetic
 * exactly; a constant that a framework stores rounded is part of the function it computes.
 *
 * @param name the name the definitions use, e.g. {@code kappa}
 * @param value the exact real in plain math, e.g. {@code 1/6} or {@code sqrt(2/pi)}
 * @param decimal the value as a decimal: exact when it terminates, else at least 40 significant
 *     digits, correctly rounded (then every binary format up to float64 rounds it as it rounds
 *     the exact value; a test checks that for each dialect's storage)
 * @param precision the storage per dialect id; a dialect missing here uses the constant exactly
 *     ({@link Storage#EXACT}), or, where its definition does not mention the constant, not at all
 * @param description where the constant occurs and how each dialect's source spells it
 */
@API(status = API.Status.STABLE, since = "0.2")
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConstantSpec(
    String name,
    String value,
    String decimal,
    Map<String, Storage> precision,
    String description) {

  public ConstantSpec {
    precision = precision == null ? Map.of() : Map.copyOf(precision);
  }

  /** The dialect's storage of this constant, {@link Storage#EXACT} when the catalog gives none. */
  public Storage storage(String dialect) {
    return precision.getOrDefault(dialect, Storage.EXACT);
  }
}
