package org.activationtck.cli.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds one adapter module with {@code mvn -q -B -DskipTests package -pl adapters/<dir> -am}
 * (plus {@code -Pnative} when the adapter says {@code native=true}), unless it is up to date: a
 * marker written after the last successful matrix build, with the same native flag, is newer than
 * the module's pom, the adapters' parent pom, every file under its {@code src/} and its
 * {@code target/classpath.txt} (which another build may have rewritten without the native jars),
 * and the CLI jar the children run exists. Process adapters without a {@code pom.xml} need no build.
 */
final class AdapterBuild {

  /** Written after a successful build; records the native flag it was built with. */
  static final String MARKER = "target/matrix-build.txt";

  /** How long one module build may take before it is stopped. */
  static final long BUILD_TIMEOUT_MINUTES = 20;

  /** The result: whether the module is usable, whether mvn ran, and why it failed. */
  record Outcome(boolean ok, boolean built, String message) {}

  private AdapterBuild() {}

  static boolean needsBuild(AdapterSpec a) {
    return Files.isRegularFile(a.module().resolve("pom.xml"));
  }

  static boolean upToDate(AdapterSpec a, Path root) {
    Path marker = a.module().resolve(MARKER);
    try {
      if (!Files.isRegularFile(marker) || !Files.isRegularFile(a.module().resolve("target/classpath.txt"))
          || !Files.isRegularFile(CliClasspath.jar(root))) {
        return false;
      }
      if (!Files.readString(marker, StandardCharsets.UTF_8).trim().equals("native=" + a.nativeBuild())) {
        return false;
      }
      FileTime built = Files.getLastModifiedTime(marker);
      // The class path file counts as a source too: a plain `mvn package` or `mvn verify` after the
      // matrix build rewrites it without the -Pnative runtime jars, and the children would then
      // start without their native libraries.
      List<Path> sources = new ArrayList<>(List.of(a.module().resolve("pom.xml"),
          root.resolve("adapters/pom.xml"), a.module().resolve("target/classpath.txt")));
      Path src = a.module().resolve("src");
      if (Files.isDirectory(src)) {
        try (Stream<Path> s = Files.walk(src)) {
          s.filter(Files::isRegularFile).forEach(sources::add);
        }
      }
      for (Path p : sources) {
        if (Files.exists(p) && Files.getLastModifiedTime(p).compareTo(built) > 0) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Builds the module, writing mvn's output to {@code log}. */
  static Outcome build(AdapterSpec a, Path root, Path log) {
    if (!needsBuild(a)) {
      return new Outcome(true, false, null);
    }
    if (upToDate(a, root)) {
      return new Outcome(true, false, null);
    }
    List<String> cmd = new ArrayList<>(List.of(mvn(), "-q", "-B", "-DskipTests", "package",
        "-pl", "adapters/" + a.dir(), "-am"));
    if (a.nativeBuild()) {
      cmd.add("-Pnative");
    }
    try {
      Files.createDirectories(log.getParent());
      Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return new Outcome(false, true, "build timed out after " + BUILD_TIMEOUT_MINUTES + " min: " + String.join(" ", cmd));
      }
      if (p.exitValue() != 0) {
        return new Outcome(false, true, "build failed (" + String.join(" ", cmd) + ", exit " + p.exitValue()
            + "): " + LogTail.lastMeaningfulLine(log));
      }
      Files.writeString(a.module().resolve(MARKER), "native=" + a.nativeBuild() + "\n", StandardCharsets.UTF_8);
      return new Outcome(true, true, null);
    } catch (IOException e) {
      return new Outcome(false, false, "cannot run " + cmd.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while building " + a.dir()));
    }
  }

  /** {@code $TCK_MVN}, else {@code mvn} from the PATH. */
  private static String mvn() {
    String m = System.getenv("TCK_MVN");
    return m != null && !m.isBlank() ? m : "mvn";
  }
}
