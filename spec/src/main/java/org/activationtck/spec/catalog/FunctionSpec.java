package org.activationtck.spec.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.activationtck.spi.API;

/**
 * One catalog entry: everything an implementer needs to compute the function exactly as the
 * catalog defines it.
 *
 * @param id canonical id, Keras 3 spelling
 * @param kind elementwise or along an axis
 * @param summary one line
 * @param names the function's names per dialect id (API paths); a dialect absent here does not
 *     provide the function
 * @param parameters parameters in canonical order
 * @param constants real constants of the definitions that some dialect stores rounded, with
 *     each dialect's storage
 * @param definition the exact definition in plain math, per dialect where it differs
 * @param derivative d/dx in plain math ({@code null} for axis functions)
 * @param kinks non-differentiable points and the gradient each dialect uses there
 * @param derivativeAtNan f'(NaN) where a dialect's gradient gives a number rather than NaN (see
 *     {@link NanDerivative}); the first entry that applies wins, and where none does f'(NaN) is
 *     NaN
 * @param special f(NaN), f(+Inf), f(-Inf), f(+0.0), f(-0.0) with the sign of zero, keyed by
 *     {@code nan, +inf, -inf, +0, -0}
 * @param properties testable properties: range, monotonicity, symmetry, identities, fixed points
 * @param rules normative rules with stable ids
 * @param notes documentation/implementation disagreements, with sources
 * @param sources where the semantics were read (implementation first)
 * @param breakpoints x values where the function changes formula, as expressions over the
 *     parameters and the constants a dialect stores rounded ({@code "threshold"}, {@code "-3"},
 *     {@code "threshold/beta"}, {@code "0.5/one_sixth"}); fixtures probe each and its neighbours
 *     one ulp away
 * @param fixtureParams extra parameter sets, beyond each dialect's defaults, that change the
 *     function's behaviour and so get their own fixture cases
 */
@API(status = API.Status.STABLE, since = "0.1")
public record FunctionSpec(
    String id,
    Kind kind,
    String summary,
    Map<String, List<String>> names,
    List<ParameterSpec> parameters,
    List<ConstantSpec> constants,
    Map<String, String> definition,
    String derivative,
    List<Kink> kinks,
    List<NanDerivative> derivativeAtNan,
    Map<String, String> special,
    List<String> properties,
    List<Rule> rules,
    List<Note> notes,
    List<String> sources,
    List<String> breakpoints,
    List<Map<String, String>> fixtureParams) {

  public FunctionSpec {
    names = names == null ? Map.of() : Map.copyOf(names);
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
    constants = constants == null ? List.of() : List.copyOf(constants);
    definition = definition == null ? Map.of() : Map.copyOf(definition);
    kinks = kinks == null ? List.of() : List.copyOf(kinks);
    derivativeAtNan = derivativeAtNan == null ? List.of() : List.copyOf(derivativeAtNan);
    special = special == null ? Map.of() : Map.copyOf(special);
    properties = properties == null ? List.of() : List.copyOf(properties);
    rules = rules == null ? List.of() : List.copyOf(rules);
    notes = notes == null ? List.of() : List.copyOf(notes);
    sources = sources == null ? List.of() : List.copyOf(sources);
    breakpoints = breakpoints == null ? List.of() : List.copyOf(breakpoints);
    fixtureParams = fixtureParams == null ? List.of() : List.copyOf(fixtureParams);
  }

  /** The parameter with this canonical name. */
  public Optional<ParameterSpec> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The rule with this id. */
  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * f'(NaN) in the dialect at these parameter values, exactly: the value of the first
   * {@link #derivativeAtNan()} entry that applies; empty when it is NaN (no entry applies, or the
   * entry says {@code NaN}).
   *
   * @param dialect a dialect id, never {@code null}
   * @param param the resolved value of a parameter by canonical name ({@link BigDecimal} for a real
   *     parameter, rounded to the compute format), {@code null} when absent; never {@code null}
   * @throws IllegalArgumentException when the applying entry names a parameter without a real value
   */
  public Optional<BigDecimal> derivativeAtNan(String dialect, Function<String, Object> param) {
    for (NanDerivative d : derivativeAtNan) {
      if (d.appliesTo(dialect, param)) {
        return d.evaluate(param);
      }
    }
    return Optional.empty();
  }

  /** The constant with this name. */
  public Optional<ConstantSpec> constant(String name) {
    return constants.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Whether the dialect provides this function. */
  public boolean inDialect(String dialect) {
    return names.containsKey(dialect);
  }
}
