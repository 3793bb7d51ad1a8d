package org.activationtck.tck.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files so that a reader sees the old content or the new, never a half-written file: the
 * bytes go to a temporary file in the same directory, which is then moved into place.
 *
 * <p>When the JVM is stopped mid-write (SIGINT, SIGTERM), a shutdown hook deletes the temporary
 * files still in flight; the targets keep their previous content. (SIGKILL runs no hook: a
 * {@code .<name>*.tmp} file may then remain, but the target is still intact.) If the hook deletes
 * a temporary file before its move, the move fails and the target is untouched; after the move
 * there is nothing left to delete.
 */
final class AtomicFiles {

  private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteInFlight, "tck-atomic-files-cleanup"));
  }

  private AtomicFiles() {}

  static void write(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    IN_FLIGHT.add(tmp);
    try {
      Files.write(tmp, bytes);
      try {
        // createTempFile makes the file private (0600); published files are world-readable.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException notPosix) {
        // keep the default permissions
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
      IN_FLIGHT.remove(tmp);
    }
  }

  /**
   * Fails fast, before a long run, when {@code target} cannot be written: it is a directory, or
   * its nearest existing ancestor is not a writable directory.
   *
   * @throws IllegalArgumentException naming the option and the path
   */
  static void checkWritable(String option, Path target) {
    Path abs = target.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException(option + " " + target + ": is a directory");
    }
    Path p = abs.getParent();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null || !Files.isDirectory(p)) {
      throw new IllegalArgumentException(option + " " + target + ": " + p + " is not a directory");
    }
    if (!Files.isWritable(p)) {
      throw new IllegalArgumentException(option + " " + target + ": cannot write in " + p);
    }
  }

  private static void deleteInFlight() {
    for (Path tmp : IN_FLIGHT) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException | RuntimeException ignored) {
        // best effort while the JVM stops; the target is intact either way
      }
    }
  }
}
