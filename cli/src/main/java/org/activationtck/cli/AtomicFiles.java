package org.activationtck.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes files so that a reader sees the old content or the new, never a half-written file: the
 * bytes go to a temporary file in the same directory, which is then moved into place. Symbolic
 * links are followed (the link stays a link), and devices and FIFOs are written through, never
 * replaced by a regular file.
 *
 * <p>When the JVM is stopped (SIGINT, SIGTERM), a shutdown hook lets the writes in progress finish
 * (up to {@link #SHUTDOWN_GRACE_MS}), refuses new ones and deletes any temporary file still in
 * flight, so the targets keep their previous or their complete new content and no temporary file
 * is left behind. (SIGKILL runs no hook: a {@code .<name>*.tmp} file may then remain, but the
 * target is still whole.) Proven by {@code InterruptedWriteTest}.
 */
final class AtomicFiles {

  /** How long the shutdown hook waits for writes in progress before deleting their temp files. */
  static final long SHUTDOWN_GRACE_MS = 2000;

  private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
  // Writers share the read lock; the shutdown hook takes the write lock to wait for them.
  private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
  private static volatile boolean stopping;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::onShutdown, "tck-atomic-files"));
  }

  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code target}. A regular file (or a missing one) is replaced
   * atomically; a symbolic link is followed, so the file it points to is replaced and the link
   * stays a link; a character device or FIFO ({@code /dev/null}, {@code /dev/stdout}, a pipe) is
   * written through, never replaced by a file.
   */
  static void write(Path target, byte[] bytes) throws IOException {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      if (Files.isDirectory(target)) {
        throw new IOException(target + ": is a directory");
      }
      try (java.io.OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.WRITE)) {
        out.write(bytes);
      }
      return;
    }
    replace(regularPath(target), bytes);
  }

  /**
   * Where the file named by {@code target} lives: the path itself, or for a symbolic link (also a
   * dangling one) the file it points to, so that writing never turns the link into a file.
   */
  static Path regularPath(Path target) throws IOException {
    Path p = target.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == 40) {
        throw new IOException(target + ": too many levels of symbolic links");
      }
      p = p.getParent().resolve(Files.readSymbolicLink(p));
    }
    return p;
  }

  private static void replace(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    LOCK.readLock().lock();
    try {
      if (stopping) {
        throw new IOException("not writing " + target + ": the JVM is shutting down");
      }
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
    } finally {
      LOCK.readLock().unlock();
    }
  }

  /**
   * Fails fast, before a long run, when {@code target} cannot be written: it is a directory, or
   * its nearest existing ancestor is not a writable directory.
   *
   * @throws IllegalArgumentException naming the option and the path
   */
  static void checkWritable(String option, Path target) {
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(option + " " + target + ": is a directory");
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      // a device or FIFO, written through: it must accept writes
      if (!Files.isWritable(target)) {
        throw new IllegalArgumentException(option + " " + target + ": not writable");
      }
      return;
    }
    Path abs;
    try {
      abs = regularPath(target).normalize();
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + target + ": " + e.getMessage());
    }
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

  private static void onShutdown() {
    boolean idle = false;
    try {
      idle = LOCK.writeLock().tryLock(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopping = true;
    if (idle) {
      LOCK.writeLock().unlock(); // later writers see stopping and refuse
    }
    for (Path tmp : IN_FLIGHT) {
      try {
        Files.deleteIfExists(tmp); // a write past its grace: its move now fails, the target stays
      } catch (IOException | RuntimeException ignored) {
        // best effort while the JVM stops; the target is whole either way
      }
    }
  }
}
