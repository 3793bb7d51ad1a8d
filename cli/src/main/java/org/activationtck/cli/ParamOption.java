package org.activationtck.cli;

import java.util.Map;

/**
 * The {@code --param NAME=VALUE} option of {@code oracle} and {@code exhaustive}: repeatable, one
 * value per name. A name given twice is bad input (it used to keep the last value silently).
 */
final class ParamOption {

  private ParamOption() {}

  /**
   * Adds one {@code NAME=VALUE} to {@code params}.
   *
   * @throws IllegalArgumentException for text without {@code =}, an empty name, or a name given
   *     before
   */
  static void add(Map<String, String> params, String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("--param '" + text + "': expected NAME=VALUE, e.g. alpha=0.5");
    }
    String name = text.substring(0, eq).trim();
    String value = text.substring(eq + 1).trim();
    if (params.containsKey(name)) {
      throw new IllegalArgumentException("--param " + name + " given twice ('" + params.get(name)
          + "' and '" + value + "')");
    }
    params.put(name, value);
  }
}
