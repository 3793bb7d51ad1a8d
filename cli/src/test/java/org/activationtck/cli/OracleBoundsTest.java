package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tck oracle} ends in bounded time and memory (issue 20, item 3): it answers each line
 * of stdin as it comes instead of after stdin closes, streams long inputs in constant memory, and
 * refuses, naming the limit, vectors and tokens whose cost grows faster than linearly.
 */
class OracleBoundsTest {

  private static Process oracle(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
        System.getProperty("java.class.path"), "org.activationtck.cli.TckCommand", "oracle"));
    Collections.addAll(cmd, args);
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  @Test
  void aLineOfStdin_isAnsweredBeforeStdinCloses() throws Exception {
    Process p = oracle("sigmoid", "--format", "float32");
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        OutputStream in = p.getOutputStream();
        in.write("0 1\n".getBytes(StandardCharsets.UTF_8));
        in.flush(); // stdin stays open
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("0.5", out.readLine());
        assertEquals("0.7310586", out.readLine());
        in.write("-1\n".getBytes(StandardCharsets.UTF_8));
        in.close();
        assertEquals("0.26894143", out.readLine());
        assertEquals(0, p.waitFor());
      });
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void longInputs_streamInA64MbHeap() throws Exception {
    Process p = oracle("sigmoid", "--format", "float32");
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        Thread feeder = new Thread(() -> {
          try (OutputStream in = p.getOutputStream()) {
            byte[] line = "-3.5 0.25 7\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100_000; i++) {
              in.write(line);
            }
          } catch (java.io.IOException e) {
            // the test fails on the count below
          }
        });
        feeder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long lines = out.lines().count();
        assertEquals(0, p.waitFor());
        assertEquals(300_000, lines);
      });
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void anAxisVectorBeyondTheLimit_isBadInput() {
    String[] args = new String[OracleCommand.MAX_AXIS_LENGTH + 3];
    args[0] = "oracle";
    args[1] = "softmax";
    for (int i = 2; i < args.length; i++) {
      args[i] = Integer.toString(i % 7);
    }
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.exec(args));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("at most " + OracleCommand.MAX_AXIS_LENGTH + " elements"), r.err());
  }

  @Test
  void aMillionDigitInput_isBadInput_quickly() {
    String huge = "1." + "3".repeat(1_000_000);
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> CliRun.exec("oracle", "sigmoid", huge));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("an input longer than " + OracleCommand.MAX_TOKEN_CHARS + " characters"), r.err());
  }
}
