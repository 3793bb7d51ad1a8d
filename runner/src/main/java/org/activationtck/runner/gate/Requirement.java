package org.activationtck.runner.gate;

import java.util.ArrayList;
import java.util.List;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.runner.Check;

/**
 * Something a gated run must have checked: a function, a dtype, a dialect or a combination of
 * them ({@code relu}, {@code float16}, {@code pytorch}, {@code sigmoid:float32:pytorch}). It is
 * met when at least one check of it was answered (passed or failed); calls the implementation
 * declined or does not declare do not count.
 *
 * @param text as written, for messages
 * @param function catalog id, or {@code null} for any
 * @param dtype or {@code null} for any
 * @param dialect or {@code null} for any
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Requirement(String text, String function, Dtype dtype, String dialect) {

  /**
   * Parses one requirement: parts separated by {@code :}, each a function id, a dtype id or a
   * dialect id, at most one of each.
   *
   * @throws IllegalArgumentException naming the part that is none of them
   */
  public static Requirement parse(String text) {
    Catalog catalog = Catalog.standard();
    String function = null;
    Dtype dtype = null;
    String dialect = null;
    if (text.isBlank()) {
      throw new IllegalArgumentException("an empty requirement (expected e.g. relu, float16,"
          + " pytorch or sigmoid:float32:pytorch)");
    }
    for (String part : text.split(":", -1)) {
      if (catalog.find(part).filter(f -> f.id().equals(part)).isPresent() && function == null) {
        function = part;
      } else if (isDtype(part) && dtype == null) {
        dtype = Dtype.fromId(part);
      } else if (catalog.dialect(part).isPresent() && dialect == null) {
        dialect = part;
      } else {
        throw new IllegalArgumentException("requirement '" + text + "': '" + part + "' is not a"
            + " function, dtype or dialect id (or names one of them twice)");
      }
    }
    if (function != null && dialect != null
        && !catalog.require(function).inDialect(dialect)) {
      throw new IllegalArgumentException("requirement '" + text + "': " + function
          + " is not a function of dialect " + dialect);
    }
    return new Requirement(text, function, dtype, dialect);
  }

  /** Parses each; see {@link #parse}. */
  public static List<Requirement> parseAll(List<String> texts) {
    List<Requirement> out = new ArrayList<>();
    for (String t : texts) {
      out.add(parse(t));
    }
    return out;
  }

  private static boolean isDtype(String s) {
    for (Dtype t : Dtype.values()) {
      if (t.id().equals(s)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the check is one of this requirement's. */
  public boolean covers(Check c) {
    return (function == null || function.equals(c.function()))
        && (dtype == null || dtype == c.dtype())
        && (dialect == null || dialect.equals(c.dialect()));
  }

  /** Whether any of the checks is this requirement's and was answered. */
  public boolean metBy(List<Check> checks) {
    for (Check c : checks) {
      if (c.status() != Check.Status.NOT_IMPLEMENTED && covers(c)) {
        return true;
      }
    }
    return false;
  }
}
