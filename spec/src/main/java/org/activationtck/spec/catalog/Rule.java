package org.activationtck.spec.catalog;

import java.util.List;
import org.activationtck.spec.API;

/**
 * A normative statement that fixtures exercise and reports cite, e.g. {@code relu.threshold.strict}.
 * Ids are stable: once published, a rule id keeps its meaning.
 *
 * @param id stable id, {@code <function>.<topic>[.<detail>]}
 * @param text the requirement
 * @param dialects the dialect ids it applies to; empty means all
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Rule(String id, String text, List<String> dialects) {
  public Rule {
    dialects = dialects == null ? List.of() : List.copyOf(dialects);
  }
}
