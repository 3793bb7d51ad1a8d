package org.activationtck.spec.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.util.Map;
import org.activationtck.spi.API;

/**
 * A dialect's storage precision for one parameter, possibly only on one code path: in the catalog
 * JSON either a bare id ({@code "float32"}) or an object with the condition under which it holds,
 * {@code {"storage": "float32", "when": {"max_value": "none", "threshold": "0"}}} (Keras' relu
 * reaches tf.nn.leaky_relu's float32 attr only without max_value and threshold). Where the
 * condition fails the parameter takes {@link Storage#COMPUTE}.
 *
 * @param storage the precision where the rule applies, never {@code null}
 * @param when the other parameters' values on the path the rule describes, by canonical name,
 *     as catalog strings (a number, or {@code none} for an absent optional value); empty:
 *     always
 */
@API(status = API.Status.STABLE, since = "0.2")
public record StorageRule(Storage storage, Map<String, String> when) {

  public StorageRule {
    if (storage == null) {
      throw new IllegalArgumentException("a precision needs 'storage'");
    }
    when = when == null ? Map.of() : Map.copyOf(when);
  }

  /** The bare-id form, {@code "float32"}: the storage on every path. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static StorageRule of(String storage) {
    return new StorageRule(Storage.fromId(storage), null);
  }

  /**
   * Whether the rule holds for these parameter values: each name in {@link #when} has the given
   * value, numbers compared by value ({@code 0} equals {@code 0.0}), anything else as text.
   *
   * @param values the call's parameter values by canonical name, as catalog strings (explicit
   *     values over the dialect's defaults); a missing name counts as {@code none}
   */
  public boolean appliesTo(Map<String, String> values) {
    for (Map.Entry<String, String> e : when.entrySet()) {
      String actual = values.getOrDefault(e.getKey(), "none");
      if (!sameValue(actual, e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(String a, String b) {
    try {
      return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim())) == 0;
    } catch (NumberFormatException notNumbers) {
      return a.trim().equals(b.trim());
    }
  }
}
