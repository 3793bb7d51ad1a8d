package org.activationtck.spec.catalog;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks {@link Catalog#load} makes beyond the JSON shape, on the parts other modules evaluate:
 * each {@link NanDerivative} and {@link PositionDependence} names dialects of its function and
 * real parameters it has, in expressions that parse; each {@link DialectSpec} names a dialect once.
 * Errors name the file and the JSON pointer of the field.
 */
final class CatalogChecks {

  private CatalogChecks() {}

  /** @throws IllegalArgumentException naming {@code file} and the field */
  static void check(FunctionSpec f, String file) {
    List<NanDerivative> entries = f.derivativeAtNan();
    for (int i = 0; i < entries.size(); i++) {
      NanDerivative d = entries.get(i);
      String at = file + ": field /derivativeAtNan/" + i;
      if (d.dialects().isEmpty()) {
        throw new IllegalArgumentException(at + "/dialects: empty");
      }
      for (String dialect : d.dialects()) {
        if (!f.inDialect(dialect)) {
          throw new IllegalArgumentException(at + "/dialects: '" + dialect + "' does not provide "
              + f.id());
        }
      }
      for (Map.Entry<String, String> c : d.when().entrySet()) {
        Optional<ParameterSpec> p = f.parameter(c.getKey());
        if (p.isEmpty()) {
          throw new IllegalArgumentException(at + "/when: no parameter '" + c.getKey() + "'");
        }
        if (p.get().type().equals("real") && !c.getValue().equals(NanDerivative.ABSENT)) {
          try {
            new BigDecimal(c.getValue());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + "/when/" + c.getKey() + ": not a decimal: '"
                + c.getValue() + "'");
          }
        }
      }
      expression(f, d.value(), at + "/value");
    }
    for (int i = 0; i < f.rules().size(); i++) {
      Rule r = f.rules().get(i);
      for (Map.Entry<String, PositionDependence> e : r.positionDependent().entrySet()) {
        String at = file + ": field /rules/" + i + "/positionDependent/" + e.getKey();
        if (!f.inDialect(e.getKey()) || !r.appliesTo(e.getKey())) {
          throw new IllegalArgumentException(at + ": the rule does not apply to dialect '"
              + e.getKey() + "'");
        }
        expression(f, e.getValue().simd(), at + "/simd");
      }
    }
  }

  /** @throws IllegalArgumentException naming {@code file} and the field */
  static void check(List<DialectSpec> dialects, String file) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < dialects.size(); i++) {
      String id = dialects.get(i).id();
      try {
        Dialect.fromId(id);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": field /dialects/" + i + "/id: " + e.getMessage());
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(file + ": field /dialects/" + i + "/id: '" + id
            + "' is described twice");
      }
    }
  }

  private static void expression(FunctionSpec f, String expression, String at) {
    Set<String> names;
    try {
      names = CatalogExpression.parameters(expression);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage());
    }
    for (String name : names) {
      Optional<ParameterSpec> p = f.parameter(name);
      if (p.isEmpty() || !p.get().type().equals("real")) {
        throw new IllegalArgumentException(at + ": '" + name + "' is not a real parameter of "
            + f.id());
      }
    }
  }
}
