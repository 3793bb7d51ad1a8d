package org.activationtck.runner.process;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every wait on a program is bounded, and nothing it started outlives it (issue 20, items 2 and
 * 4): a program that never reads its stdin used to block the TCK forever once a request exceeded
 * the pipe's buffer, and a child keeping stdout open survived the program's end.
 */
class ProcessHangTest {

  private static final Call LINEAR = new Call("linear", "keras3", Map.of(), Dtype.FLOAT64, false, -1);

  @Test
  void aProgramThatNeverReads_failsTheCallWithinTheTimeOut_andCloses() {
    ProcessActivation p = new ProcessActivation("python3 -c 'import time; time.sleep(600)'", false,
        Duration.ofSeconds(1), line -> { });
    double[] x = new double[400_000]; // about 2 MB of request: far beyond a pipe's buffer
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.apply(LINEAR, x));
      assertTrue(e.getMessage().contains("read no request"), e.getMessage());
      p.close();
    });
  }

  @Test
  void aChildOfTheProgram_isKilledWithIt(@TempDir Path dir) throws Exception {
    Path pidFile = dir.resolve("child.pid");
    // the child keeps the program's stdout open; the program itself never answers
    ProcessActivation p = new ProcessActivation("sleep 600 & echo $! > " + pidFile + "; exec sleep 600",
        true, Duration.ofMillis(500), line -> { });
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      p.start(); // the describe exchange times out and the program is stopped
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      p.close();
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertTrue(!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          "the child " + pid + " outlived the program");
    });
  }
}
