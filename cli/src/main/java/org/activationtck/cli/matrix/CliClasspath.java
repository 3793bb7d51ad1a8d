package org.activationtck.cli.matrix;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The class path of the TCK for a child JVM: the CLI jar when it is built, else this JVM's own. */
final class CliClasspath {

  private CliClasspath() {}

  static Path jar(Path root) {
    return root.resolve("cli/target/activation-tck-cli.jar");
  }

  static String of(Path root) {
    Path jar = jar(root);
    return Files.isRegularFile(jar) ? jar.toString() : System.getProperty("java.class.path");
  }

  static String join(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (b.length() > 0) {
          b.append(File.pathSeparatorChar);
        }
        b.append(p.strip());
      }
    }
    return b.toString();
  }
}
