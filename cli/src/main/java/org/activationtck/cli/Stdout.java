package org.activationtck.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Writes the scoreboard to standard output even when an in-process implementation holds
 * {@code System.out}'s lock (a thread of its own stuck in a {@code println}, say): the write is
 * tried on {@code System.out} for {@link #PATIENCE_MS}, then goes straight to file descriptor 1.
 */
final class Stdout {

  /** How long {@code System.out} may stay locked before the bytes bypass it. */
  static final long PATIENCE_MS = 3000;

  private Stdout() {}

  static void write(byte[] text) throws IOException {
    PrintStream out = System.out;
    Thread writer = new Thread(() -> {
      out.write(text, 0, text.length);
      out.flush();
    }, "tck-stdout");
    writer.setDaemon(true);
    writer.start();
    try {
      writer.join(PATIENCE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      FileOutputStream fd = new FileOutputStream(FileDescriptor.out);
      fd.write(text);
      fd.flush();
    }
  }
}
