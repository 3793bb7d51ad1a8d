package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.activationtck.oracle.Oracle;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tck oracle} evaluates long inputs in chunks on all cores: what it prints is what one
 * thread evaluating the inputs one by one prints, line for line, in input order; a bad input
 * stops it after every earlier chunk's lines and before any of its own chunk's.
 */
class OracleStreamingTest {

  /** Several chunks and a partial one, every value distinct. */
  private static final int COUNT = 3 * OracleCommand.CHUNK + 1234;

  private static double input(int i) {
    return (i - COUNT / 2) / 512.0;
  }

  private static CliRun withStdin(String stdin, String... args) {
    InputStream old = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      return CliRun.exec(args);
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void longStdin_printsWhatOneThreadEvaluatingInOrderPrints() {
    StringBuilder in = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    Oracle oracle = Oracle.standard();
    for (int i = 0; i < COUNT; i++) {
      double x = input(i);
      in.append(x).append(i % 3 == 0 ? " " : "\n");
      OracleValue v = oracle.evaluate("tanh", "keras3", Map.of(), Dtype.FLOAT64, false,
          new double[] {x}).get(0);
      expected.append(v.decimal(30)).append(System.lineSeparator());
    }
    CliRun r = withStdin(in.toString(), "oracle", "tanh", "--digits", "30");
    assertEquals(0, r.code(), r.err());
    assertEquals(expected.toString(), r.out());
  }

  @Test
  void aTokenOverTheLimitInALateChunk_comesAfterEveryEarlierChunksLines() {
    StringBuilder in = new StringBuilder();
    int bad = 3 * OracleCommand.CHUNK + 17;
    for (int i = 0; i < COUNT; i++) {
      in.append(i == bad ? "1".repeat(OracleCommand.MAX_TOKEN_CHARS + 1) : Double.toString(input(i)))
          .append('\n');
    }
    CliRun r = withStdin(in.toString(), "oracle", "elu", "--format", "bfloat16");
    assertEquals(2, r.code());
    assertEquals(3 * OracleCommand.CHUNK, r.out().lines().count());
    List<String> err = r.err().lines().toList();
    assertEquals(1, err.size(), r.err());
    assertTrue(err.get(0).contains("limit token_chars"), err.get(0));
  }

  @Test
  void aBadInputInALateChunk_comesAfterEveryEarlierChunksLines() {
    StringBuilder in = new StringBuilder();
    int bad = 3 * OracleCommand.CHUNK + 17;
    for (int i = 0; i < COUNT; i++) {
      in.append(i == bad ? "0x1.zp0" : Double.toString(input(i))).append('\n');
    }
    CliRun r = withStdin(in.toString(), "oracle", "sigmoid", "--format", "float32");
    assertEquals(2, r.code());
    assertEquals(3 * OracleCommand.CHUNK, r.out().lines().count());
    List<String> err = r.err().lines().toList();
    assertEquals(1, err.size(), r.err());
    assertTrue(err.get(0).startsWith("tck oracle: ") && err.get(0).contains("'0x1.zp0'"), err.get(0));
  }
}
