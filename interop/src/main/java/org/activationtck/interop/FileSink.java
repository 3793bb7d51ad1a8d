package org.activationtck.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where exported files go. The CLI passes one that writes each file to a temporary file and moves
 * it into place, so that a reader never sees half a file.
 */
@FunctionalInterface
public interface FileSink {

  /** Writes {@code bytes} to {@code file}, creating its parent folders. */
  void write(Path file, byte[] bytes) throws IOException;

  /** Plain {@link Files#write}, after creating the parent folders. */
  static FileSink direct() {
    return (file, bytes) -> {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, bytes);
    };
  }
}
