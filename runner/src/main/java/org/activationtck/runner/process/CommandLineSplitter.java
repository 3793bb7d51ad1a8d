package org.activationtck.runner.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into arguments without a shell: whitespace separates, single quotes
 * keep everything literally, double quotes keep whitespace and honour backslash escapes.
 */
final class CommandLineSplitter {

  private CommandLineSplitter() {}

  /** @throws IllegalArgumentException for an unterminated quote or an empty command */
  static List<String> split(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inToken = false;
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\' && i + 1 < command.length()) {
          cur.append(command.charAt(++i));
        } else {
          cur.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          out.add(cur.toString());
          cur.setLength(0);
          inToken = false;
        }
      } else {
        inToken = true;
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\' && i + 1 < command.length()) {
          cur.append(command.charAt(++i));
        } else {
          cur.append(c);
        }
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("--impl-command: unterminated quote in: " + command);
    }
    if (inToken) {
      out.add(cur.toString());
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--impl-command: empty command");
    }
    return out;
  }
}
