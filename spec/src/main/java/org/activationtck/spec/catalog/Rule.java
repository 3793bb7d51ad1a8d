package org.activationtck.spec.catalog;

import java.util.List;
import java.util.Map;
import org.activationtck.spi.API;

/**
 * A normative statement that fixtures exercise and reports cite, e.g. {@code relu.threshold.strict}.
 * Ids are stable: once published, a rule id keeps its meaning.
 *
 * @param id stable id, {@code <function>.<topic>[.<detail>]}
 * @param text the requirement
 * @param dialects the dialect ids it applies to; empty means all
 * @param positionDependent per dialect id, where that framework's result for the rule's inputs
 *     depends on the element's position in the tensor (SIMD block or scalar tail): the rule's
 *     expected value is the scalar path's, and the {@link PositionDependence} gives the SIMD
 *     blocks' value and where each is taken. Empty (never {@code null}) for the usual rule,
 *     which every position must meet. A check that fails a rule in a dialect listed here, with
 *     the SIMD value, is that framework's documented behaviour (a finding), not a TCK error.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Rule(String id, String text, List<String> dialects,
    Map<String, PositionDependence> positionDependent) {

  public Rule {
    dialects = dialects == null ? List.of() : List.copyOf(dialects);
    positionDependent = positionDependent == null ? Map.of() : Map.copyOf(positionDependent);
  }

  /** Whether the rule applies to the dialect (a rule without dialects applies to all). */
  public boolean appliesTo(String dialect) {
    return dialects.isEmpty() || dialects.contains(dialect);
  }
}
