package org.activationtck.spec.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activationtck.spi.API;

/**
 * One parameter of a catalog function.
 *
 * @param name canonical (Keras 3) name
 * @param type {@code real}, {@code boolean}, {@code enum} or {@code integer}
 * @param names the spelling per dialect id; a dialect missing here does not expose the parameter
 *     and always uses its default
 * @param defaults default per dialect id, as an exact decimal string, {@code true}/{@code false},
 *     an enum constant, or {@code "none"} for an absent optional value (e.g. relu's max_value)
 * @param values the allowed constants for {@code enum} parameters, else empty
 * @param constraint the valid range in words and symbols, e.g. {@code "alpha > 0"}
 * @param description what the parameter does
 * @param precision for {@code real} parameters, the storage per dialect id where it is not the
 *     compute format ({@link Storage#COMPUTE}, the default): ONNX float attributes and
 *     TensorFlow float attrs are {@link Storage#FLOAT32} on every input dtype
 */
@API(status = API.Status.STABLE, since = "0.1")
@JsonIgnoreProperties(ignoreUnknown = false)
public record ParameterSpec(
    String name,
    String type,
    Map<String, String> names,
    Map<String, String> defaults,
    List<String> values,
    String constraint,
    String description,
    Map<String, StorageRule> precision) {

  public ParameterSpec {
    names = names == null ? Map.of() : Map.copyOf(names);
    defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    values = values == null ? List.of() : List.copyOf(values);
    precision = precision == null ? Map.of() : Map.copyOf(precision);
  }

  /** The default in the dialect, or empty when the catalog gives none for it. */
  public Optional<String> defaultFor(String dialect) {
    return Optional.ofNullable(defaults.get(dialect));
  }

  /**
   * The dialect's storage of this parameter for a call: its {@link StorageRule} where that
   * applies to the call's values, else {@link Storage#COMPUTE}.
   *
   * @param values the call's parameter values by canonical name, as catalog strings (explicit
   *     values over the dialect's defaults; absent optional values missing or {@code none})
   */
  public Storage storage(String dialect, Map<String, String> values) {
    StorageRule rule = precision.get(dialect);
    return rule != null && rule.appliesTo(values) ? rule.storage() : Storage.COMPUTE;
  }
}
