package org.activationtck.runner.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The describe exchange (docs/PROTOCOL.md) against Python programs that answer it, decline it,
 * crash on it, print garbage, ignore it or hang; and the hint a program that writes nothing at
 * start-up gets (it probably does not flush stdout).
 */
class DescribeExchangeTest {

  private static final Call LINEAR = new Call("linear", "keras3", Map.of(), Dtype.FLOAT64, false, -1);

  @TempDir Path dir;

  private final List<String> warnings = new CopyOnWriteArrayList<>();

  /**
   * A program whose describe reply is {@code describe} (Python code run with {@code req} bound,
   * that prints or not) and that echoes x back for every other request (linear's values),
   * declining derivatives.
   */
  private String program(String describe) throws IOException {
    Path p = dir.resolve("describe" + System.nanoTime() + ".py");
    Files.writeString(p, String.join("\n",
        "import json, sys, time",
        "for line in sys.stdin:",
        "    req = json.loads(line)",
        "    if req.get('describe'):",
        "        " + describe,
        "        continue",
        "    y = {'unsupported': True} if req['derivative'] else {'y': req['x']}",
        "    print(json.dumps(dict(id=req['id'], **y)), flush=True)",
        ""));
    return "python3 " + p;
  }

  private ProcessActivation activation(String command, Duration timeout) {
    return new ProcessActivation(command, false, timeout, warnings::add);
  }

  @Test
  void required_declaration_givesNameVersionAndDialects() throws IOException {
    String cmd = program("print(json.dumps({'id': 0, 'name': 'mylib', 'version': '1.2.3',"
        + " 'dialects': ['pytorch', 'jax']}), flush=True)");
    try (ProcessActivation a = activation(cmd, Duration.ofSeconds(30))) {
      assertEquals("mylib", a.name());
      assertEquals("1.2.3", a.version());
      assertEquals(Set.of("pytorch", "jax"), a.dialects());
      assertArrayEquals(new double[] {2}, a.apply(LINEAR, new double[] {2}));
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void required_partialDeclaration_keepsTheCommandAsName() throws IOException {
    String cmd = program("print(json.dumps({'id': 0, 'version': '7'}), flush=True)");
    try (ProcessActivation a = activation(cmd, Duration.ofSeconds(30))) {
      a.start();
      assertEquals(cmd, a.name());
      assertEquals("7", a.version());
      assertEquals(Set.of(), a.dialects());
    }
  }

  @Test
  void required_unsupportedOrError_declaresNothing_withoutWarning() throws IOException {
    for (String reply : List.of("{'id': 0, 'unsupported': True}", "{'id': 0, 'error': 'what?'}")) {
      String cmd = program("print(json.dumps(" + reply + "), flush=True)");
      try (ProcessActivation a = activation(cmd, Duration.ofSeconds(30))) {
        a.start();
        assertEquals(cmd, a.name());
        assertEquals("", a.version());
        assertEquals(Set.of(), a.dialects());
        assertArrayEquals(new double[] {3}, a.apply(LINEAR, new double[] {3}));
      }
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void required_crashOrGarbage_declaresNothing_withOneWarning_andTheProgramRestarts()
      throws IOException {
    for (String describe : List.of("sys.exit(4)", "print('hello', flush=True)",
        "print(json.dumps({'id': 5}), flush=True)")) {
      warnings.clear();
      try (ProcessActivation a = activation(program(describe), Duration.ofSeconds(30))) {
        assertEquals(Set.of(), a.dialects());
        assertArrayEquals(new double[] {4}, a.apply(LINEAR, new double[] {4}));
        assertArrayEquals(new double[] {5}, a.apply(LINEAR, new double[] {5}));
      }
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("undeclared"), warnings.get(0));
    }
  }

  @Test
  void required_unknownDialect_isBadInput() throws IOException {
    String cmd = program("print(json.dumps({'id': 0, 'name': 'x', 'dialects': ['torch']}), flush=True)");
    try (ProcessActivation a = activation(cmd, Duration.ofSeconds(30))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, a::start);
      assertTrue(e.getMessage().contains("unknown dialect \"torch\""), e.getMessage());
      assertTrue(e.getMessage().contains("keras3, tf_keras2, pytorch, jax, onnx"), e.getMessage());
      assertThrows(IllegalArgumentException.class, a::dialects);
      assertEquals(cmd, a.name());
    }
    String wrongType = program("print(json.dumps({'id': 0, 'dialects': 'pytorch'}), flush=True)");
    try (ProcessActivation a = activation(wrongType, Duration.ofSeconds(30))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, a::dialects);
      assertTrue(e.getMessage().contains("\"dialects\" must be an array"), e.getMessage());
    }
  }

  @Test
  void required_ignoredDescribe_costsOneTimeOutAtStart_thenTheProgramRuns() throws IOException {
    // A program that skips what it does not know: one time-out, one warning, then it works.
    Duration timeout = Duration.ofMillis(1500);
    TckConfig c = TckConfig.builder().functions(List.of("linear")).dtypes(List.of(Dtype.FLOAT64))
        .dialects(List.of("keras3")).callTimeout(Duration.ofSeconds(30)).build();
    long start = System.nanoTime();
    RunResult r;
    try (ProcessActivation a = activation(program("pass"), timeout)) {
      a.start();
      r = new TckRunner(a, c).run();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(r.checks().size() > 0);
    assertEquals(r.checks().size(), r.passed() + r.notImplemented(),
        "every linear check passes after the restart");
    assertTrue(r.passed() > 0);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("no reply to the describe request within 1500 ms"),
        warnings.get(0));
    assertTrue(seconds < 2 * 1.5 + 10, "one time-out at start, not one per call: " + seconds + " s");
  }

  @Test
  void required_hangingProgram_addsOneTimeOutAtStart_andItsCallsGetTheHint() throws IOException {
    Path hang = dir.resolve("hang.py");
    Files.writeString(hang, "import sys, time\nfor line in sys.stdin:\n    time.sleep(60)\n");
    try (ProcessActivation a = activation("python3 " + hang, Duration.ofMillis(600))) {
      long start = System.nanoTime();
      a.start();
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(seconds < 1.2, "start took " + seconds + " s: more than one time-out");
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("does not flush stdout"), warnings.get(0));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> a.apply(LINEAR, new double[] {1}));
      assertTrue(e.getMessage().startsWith("no reply within 600 ms; it is running but has written"
          + " nothing since it started: it probably does not flush stdout"), e.getMessage());
    }
  }

  @Test
  void required_unflushedProgram_getsTheHint_evenUnderTheRunnersWatchdogOfTheSameTimeOut()
      throws IOException {
    // Replies written to a block-buffered stdout and never flushed (what print() does on a pipe
    // unless PYTHONUNBUFFERED is set): nothing reaches the TCK. The runner's watchdog has the
    // same time-out as the adapter, as in `./tck run --timeout`.
    Path unflushed = dir.resolve("unflushed.py");
    Files.writeString(unflushed, String.join("\n", "import json, sys",
        "out = open(sys.stdout.fileno(), 'w', buffering=1 << 16, closefd=False)",
        "for line in sys.stdin:",
        "    req = json.loads(line)",
        "    out.write(json.dumps({'id': req['id'], 'y': req.get('x', [])}) + '\\n')", ""));
    Duration timeout = Duration.ofMillis(700);
    TckConfig c = TckConfig.builder().functions(List.of("linear")).dtypes(List.of(Dtype.FLOAT64))
        .dialects(List.of("keras3")).callTimeout(timeout).positions(false).build();
    RunResult r;
    try (ProcessActivation a = activation("python3 " + unflushed, timeout)) {
      a.start(); // as the CLI does: the describe exchange is not a call of the run
      r = new TckRunner(a, c).run();
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals(0, r.passed());
    int hinted = 0;
    for (Check check : r.checks()) {
      if (check.reason() != null && check.reason().startsWith("skipped")) {
        continue;
      }
      hinted++;
      assertTrue(check.reason().contains("no reply within 700 ms; it is running but has written "
          + "nothing since it started: it probably does not flush stdout"), check.toString());
    }
    assertTrue(hinted > 0);
  }
}
