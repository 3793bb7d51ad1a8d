package org.activationtck.cli.matrix;

import java.util.HashMap;
import java.util.Map;
import org.activationtck.fixtures.FixtureCase;
import org.activationtck.fixtures.FixtureFile;
import org.activationtck.fixtures.Fixtures;

/**
 * The explicit parameters of a fixture case, by case id, read from the shipped fixtures (the JSON
 * reports name the case, not its parameters). Each function's file is read once, when first asked.
 */
final class FixtureParameters {

  private final Map<String, Map<String, Map<String, String>>> byFunction = new HashMap<>();

  /** The case's parameters; empty for an unknown case (a reproducer then shows the defaults). */
  Map<String, String> of(String caseId) {
    int slash = caseId.indexOf('/');
    if (slash < 0) {
      return Map.of();
    }
    String function = caseId.substring(0, slash);
    Map<String, Map<String, String>> cases = byFunction.computeIfAbsent(function, f -> {
      Map<String, Map<String, String>> m = new HashMap<>();
      FixtureFile file = Fixtures.shipped(f).orElse(null);
      if (file != null) {
        for (FixtureCase c : file.cases()) {
          m.put(c.id(), c.params() == null ? Map.of() : c.params());
        }
      }
      return m;
    });
    return cases.getOrDefault(caseId, Map.of());
  }
}
