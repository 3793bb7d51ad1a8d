package org.activationtck.spec.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.activationtck.spi.API;

/**
 * One entry of a function's {@link FunctionSpec#derivativeAtNan() derivativeAtNan}: the value
 * f'(NaN) takes in some dialects, optionally only for some parameter values. A comparison with
 * NaN is false, so a framework's gradient at NaN is whichever branch its code treats as the
 * "else" case, often a number; the catalog records that number, read from the framework's source,
 * and the {@link Rule rule} {@code <function>.derivative.nan} cites the source.
 *
 * <p>JSON: {@code {"dialects": ["keras3", "tf_keras2"], "when": {"max_value": "none",
 * "threshold": "0"}, "value": "negative_slope"}}.
 *
 * @param dialects the dialect ids the entry applies to; never empty
 * @param when parameter conditions that must all hold, by canonical parameter name: an exact
 *     decimal the (resolved) real parameter must equal, {@code "none"} for an absent optional
 *     parameter, or the constant of a boolean, enum or integer parameter; empty means always
 * @param value f'(NaN): {@code "NaN"}, or an exact expression over decimals and the function's
 *     real parameters (names, {@code + - * /}, parentheses), evaluated at the parameters rounded
 *     to the compute format, e.g. {@code "1"}, {@code "negative_slope"},
 *     {@code "(lower + upper) / 2"}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record NanDerivative(List<String> dialects, Map<String, String> when, String value) {

  /** The {@code when} value that stands for an absent optional parameter. */
  public static final String ABSENT = "none";

  public NanDerivative {
    dialects = dialects == null ? List.of() : List.copyOf(dialects);
    when = when == null ? Map.of() : Map.copyOf(when);
    Objects.requireNonNull(value, "value");
  }

  /**
   * Whether the entry applies to this dialect at these parameter values.
   *
   * @param dialect a dialect id, never {@code null}
   * @param param the resolved value of a parameter by canonical name ({@link BigDecimal} for a
   *     real parameter, a {@link Boolean}, {@link String} or {@link Integer} otherwise), or
   *     {@code null} when it is absent; never {@code null} itself
   */
  public boolean appliesTo(String dialect, Function<String, Object> param) {
    if (!dialects.contains(dialect)) {
      return false;
    }
    for (Map.Entry<String, String> c : when.entrySet()) {
      if (!holds(c.getValue(), param.apply(c.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(String expected, Object actual) {
    if (expected.equals(ABSENT) || actual == null) {
      return expected.equals(ABSENT) && actual == null;
    }
    if (actual instanceof BigDecimal) {
      return ((BigDecimal) actual).compareTo(new BigDecimal(expected)) == 0;
    }
    return expected.equals(String.valueOf(actual));
  }

  /**
   * The exact value at these parameter values; empty when it is NaN.
   *
   * @param param as for {@link #appliesTo}
   * @throws IllegalArgumentException when the value names a parameter without a real value
   */
  public Optional<BigDecimal> evaluate(Function<String, Object> param) {
    return Optional.ofNullable(CatalogExpression.evaluate(value, param));
  }
}
