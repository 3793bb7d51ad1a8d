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
 * {@code ./tck oracle} ends in bounded time and memory (issue 20, item 3; issue 19, part 4): it
 * answers each line of stdin as it comes instead of after stdin closes, streams long inputs (and
 * long lines) in constant memory, and refuses, naming the limit, digits, exponents, vectors and
 * tokens whose cost grows faster than linearly. The server's bounds are in OracleServerTest.
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

  @Test
  void aMillionDigitParameter_isBadInput_quickly() {
    // read exactly like an input: a million digits took half a minute
    String huge = "negative_slope=0." + "3".repeat(1_000_000);
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> CliRun.exec("oracle", "leaky_relu", "-1", "--param", huge));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--param negative_slope: a value longer than "
        + OracleCommand.MAX_TOKEN_CHARS + " characters (limit token_chars)"), r.err());
  }

  @Test
  void hugeDigits_isBadInput_namingTheLimit() {
    for (String d : new String[] {"1000000000", "1001", "0"}) {
      CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> CliRun.exec("oracle", "sigmoid", "1", "--digits", d));
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("--digits must be in 1..1000 (limit digits)"), r.err());
    }
    CliRun r = CliRun.exec("oracle", "sigmoid", "1", "--digits", "99999999999");
    assertEquals(2, r.code(), r.err()); // not an int: picocli's message
  }

  @Test
  void hugeExponents_endAtOnce_orAreBadInput() {
    // 2^-99999 as an exact decimal has 99,999 digits: it took seconds an input before
    String[] args = new String[2 + 60];
    args[0] = "oracle";
    args[1] = "sigmoid";
    for (int i = 2; i < args.length; i++) {
      args[i] = i % 2 == 0 ? "0x1.8p-99990" : "-0x1p+99999";
    }
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.exec(args));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("0.5\n0.0\n0.5\n"), r.out());
    r = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> CliRun.exec("oracle", "sigmoid", "1e999999", "-1e999999", "1e-999999", "--format", "float16"));
    assertEquals("1.0\n0.0\n0.5\n", r.out().replace("\r", ""), r.err());
    r = CliRun.exec("oracle", "sigmoid", "1e1000000");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("exponent beyond 999999, limit decimal_exponent"), r.err());
    r = CliRun.exec("oracle", "sigmoid", "0x1p100001");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("binary exponent beyond 100000, limit binary_exponent"), r.err());
  }

  @Test
  void anAxisVectorAtTheLimits_endsInSeconds() {
    // each element evaluated the whole vector again: 1000 elements at 1000 digits took ~20 min
    String[] args = new String[2 + OracleCommand.MAX_AXIS_LENGTH + 2];
    args[0] = "oracle";
    args[1] = "softmax";
    for (int i = 2; i < args.length - 2; i++) {
      args[i] = Integer.toString(i % 61 - 30);
    }
    args[args.length - 2] = "--digits";
    args[args.length - 1] = "1000";
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.exec(args));
    assertEquals(0, r.code(), r.err());
    assertEquals(OracleCommand.MAX_AXIS_LENGTH, r.out().split("\n").length);
  }

  @Test
  void tanhOfATinyInput_at1000Digits_isAValue() {
    // the oracle's tanh overflowed its fixed-point width below 1e-300 (BigInteger divide by zero)
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> CliRun.exec("oracle", "tanh", "1e-300", "-4.9e-324", "--digits", "1000"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("1.000000000000000025059091835208759685696146807703705249925"), r.out());
    assertTrue(r.out().contains("\n-4.940656458412465441765687928682213723650598026143247644255"), r.out());
  }

  @Test
  void oneVeryLongLine_streamsInA64MbHeap() throws Exception {
    // 400,000 inputs on one line, no newline: read token by token, evaluated 4,096 at a time
    Process p = oracle("relu", "--format", "float64");
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        Thread feeder = new Thread(() -> {
          try (OutputStream in = p.getOutputStream()) {
            byte[] chunk = "1.5 -2 0.25 3e-5 ".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100_000; i++) {
              in.write(chunk);
            }
          } catch (java.io.IOException e) {
            // the test fails on the count below
          }
        });
        feeder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long lines = out.lines().count();
        assertEquals(0, p.waitFor());
        assertEquals(400_000, lines);
      });
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void theServer_answersEachLineAsItComes_inA64MbHeap_andEndsAtEof() throws Exception {
    // flushed per line, memory constant in the number of requests: 20,000 requests in 64 MB
    Process p = oracle("--serve");
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        OutputStream in = p.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        in.write("{\"id\": 1, \"function\": \"sigmoid\", \"x\": [0]}\n".getBytes(StandardCharsets.UTF_8));
        in.flush(); // stdin stays open
        assertEquals("{\"id\":1,\"values\":[{\"exact\":\"0.5\"}]}", out.readLine());
        Thread feeder = new Thread(() -> {
          try (in) {
            for (int i = 2; i <= 20_001; i++) {
              // every other one bad: errors must not pile up either
              in.write(("{\"id\": " + i + ", \"function\": \"sigmoid\", \"x\": [" + (i % 50)
                  + (i % 2 == 0 ? "" : ", \"x\"") + "], \"formats\": [\"float32\"]}\n")
                  .getBytes(StandardCharsets.UTF_8));
            }
          } catch (java.io.IOException e) {
            // the test fails on the count below
          }
        });
        feeder.start();
        long[] counts = new long[2];
        out.lines().forEach(l -> counts[l.contains("\"error\":\"field x/1: not a number") ? 1 : 0]++);
        assertEquals(0, p.waitFor());
        assertEquals(10_000, counts[0]);
        assertEquals(10_000, counts[1]);
      });
    } finally {
      p.destroyForcibly();
    }
  }
}
