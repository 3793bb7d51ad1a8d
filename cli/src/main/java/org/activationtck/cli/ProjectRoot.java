package org.activationtck.cli;

import java.nio.file.Path;

/** The project checkout the CLI works on: {@code $TCK_HOME} (set by ./tck), else the current directory. */
final class ProjectRoot {

  private ProjectRoot() {}

  static Path path() {
    String home = System.getenv("TCK_HOME");
    return Path.of(home != null && !home.isEmpty() ? home : ".").toAbsolutePath().normalize();
  }
}
