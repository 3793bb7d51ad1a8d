package org.activationtck.cli.matrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The line of a child's log that best says why it failed, for a one-line reason in the matrix. */
final class LogTail {

  /** Reasons longer than this are cut: the whole log stays on disk. */
  static final int MAX_LENGTH = 300;

  private LogTail() {}

  /**
   * The last line that starts with {@code tck } (the CLI's own error line), else the last
   * {@code [ERROR]} line that is not Maven's boilerplate, else the last non-blank line.
   */
  static String lastMeaningfulLine(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    } catch (RuntimeException e) {
      return "(unreadable log)";
    }
    String tck = null;
    String error = null;
    String last = null;
    for (String l : lines) {
      String s = l.replaceAll("\u001B\\[[0-9;]*m", "").strip();
      if (s.isEmpty()) {
        continue;
      }
      last = s;
      if (s.startsWith("tck ")) {
        tck = s;
      }
      if (s.startsWith("[ERROR]") && s.length() > 8 && !s.contains("-> [Help") && !s.startsWith("[ERROR] Re-run")
          && !s.startsWith("[ERROR] To see") && !s.startsWith("[ERROR] For more") && !s.startsWith("[ERROR] [Help")
          && !s.startsWith("[ERROR] After correcting")) {
        error = error == null ? s : error;
      }
    }
    String r = tck != null ? tck : error != null ? error : last != null ? last : "(empty log)";
    return r.length() > MAX_LENGTH ? r.substring(0, MAX_LENGTH) + "..." : r;
  }
}
