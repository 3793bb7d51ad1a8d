package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs never replace what is not a regular file: a symbolic link is followed and stays a link,
 * a device or FIFO is written through (issue 20, item 1: the report used to replace them).
 */
class OutputPathsTest {

  @Test
  void aSymlinkToAFile_staysALink_andItsTargetGetsTheReport(@TempDir Path dir) throws Exception {
    Path real = dir.resolve("real.json");
    Files.writeString(real, "old");
    Path link = dir.resolve("link.json");
    Files.createSymbolicLink(link, real);
    CliRun r = CliRun.exec("run", "--functions", "relu", "--positions", "one", "--report-json", link.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertTrue(Files.readString(real).contains("\"reportVersion\""), "the target got the report");
  }

  @Test
  void aDanglingSymlink_createsItsTarget(@TempDir Path dir) throws Exception {
    Path link = dir.resolve("link.json");
    Files.createSymbolicLink(link, Path.of("made.json"));
    CliRun r = CliRun.exec("run", "--functions", "relu", "--positions", "one", "--report-json", link.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(dir.resolve("made.json")).contains("\"reportVersion\""));
  }

  @Test
  void aLinkToACharacterDevice_isWrittenThrough_notReplaced(@TempDir Path dir) throws Exception {
    Path devNull = Path.of("/dev/null");
    Path link = dir.resolve("null.json");
    Files.createSymbolicLink(link, devNull);
    for (String option : new String[] {"--report-json", "--report-junit", "--report-html"}) {
      CliRun r = CliRun.exec("run", "--functions", "relu", "--positions", "one", option, link.toString());
      assertEquals(0, r.code(), option + ": " + r.err());
      assertTrue(Files.isSymbolicLink(link), option);
    }
    assertTrue(!Files.isRegularFile(devNull), "/dev/null is still a device");
    CliRun spec = CliRun.exec("spec", "markdown", "--out", link.toString());
    assertEquals(0, spec.code(), spec.err());
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void aFifo_isWrittenThrough(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("report.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (java.io.IOException e) {
        return "read failed: " + e;
      }
    });
    CliRun r = CliRun.exec("run", "--functions", "relu", "--positions", "one", "--report-json", fifo.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(reader.get(30, TimeUnit.SECONDS).contains("\"reportVersion\""));
    assertTrue(!Files.isRegularFile(fifo), "still a FIFO");
  }

  @Test
  void aFifoAmongTheFixtures_isBadInput_notAHang(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("relu6.json");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
    CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(30), () -> CliRun.exec("run", "--fixtures", dir.toString()));
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("tck run: " + fifo + ": not a regular file", r.err().strip());
  }
}
