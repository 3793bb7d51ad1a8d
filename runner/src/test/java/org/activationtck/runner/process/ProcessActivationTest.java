package org.activationtck.runner.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON-lines adapter against real programs: the README's NumPy example, and Python scripts
 * that crash, print garbage, answer out of order, hang, or decline.
 */
class ProcessActivationTest {

  @TempDir Path dir;

  private static final String LOOP_HEAD = String.join("\n",
      "import json, sys, time",
      "for line in sys.stdin:",
      "    req = json.loads(line)",
      "");

  private String script(String body) throws IOException {
    Path p = dir.resolve("impl" + System.nanoTime() + ".py");
    Files.writeString(p, LOOP_HEAD + body + "\n");
    return "python3 " + p;
  }

  private static RunResult run(String command, String function, Dtype dtype) {
    TckConfig c = TckConfig.builder().functions(List.of(function)).dtypes(List.of(dtype))
        .callTimeout(Duration.ofSeconds(30)).build();
    try (ProcessActivation a = new ProcessActivation(command, false, Duration.ofSeconds(30))) {
      return new TckRunner(a, c).run();
    }
  }

  private static void assertAll(RunResult r, Check.Status status, String reason) {
    assertTrue(r.checks().size() > 0);
    for (Check c : r.checks()) {
      assertEquals(status, c.status(), c.toString());
      if (reason != null) {
        assertTrue(c.reason().contains(reason), c.reason());
      }
    }
  }

  @Test
  void numpyExample_passesLinear_inBothDtypes() {
    Path example = Path.of("../adapters/numpy/numpy_activation.py").toAbsolutePath().normalize();
    assertAll(run("python3 " + example, "linear", Dtype.FLOAT32), Check.Status.PASSED, null);
    assertAll(run("python3 " + example, "linear", Dtype.FLOAT64), Check.Status.PASSED, null);
  }

  @Test
  void protocol_numbersSpecialsAndNegativeZero_roundTrip() throws IOException {
    // Echo the x array back as the reply, exactly as received (values only).
    String cmd = script(String.join("\n",
        "    if req['derivative']:",
        "        print(json.dumps({'id': req['id'], 'unsupported': True}), flush=True)",
        "    else:",
        "        print(json.dumps({'id': req['id'], 'y': req['x']}), flush=True)"));
    RunResult r = run(cmd, "linear", Dtype.FLOAT32);
    for (Check c : r.checks()) {
      assertEquals(c.derivative() ? Check.Status.NOT_IMPLEMENTED : Check.Status.PASSED, c.status(),
          c.toString());
    }
  }

  @Test
  void crash_failsEachRequest_andIsRestarted() throws IOException {
    assertAll(run(script("    sys.exit(3)"), "linear", Dtype.FLOAT64), Check.Status.FAILED,
        "closed its stdout");
  }

  @Test
  void garbage_isReported() throws IOException {
    assertAll(run(script("    print('hello', flush=True)"), "linear", Dtype.FLOAT64),
        Check.Status.FAILED, "reply is not JSON: hello");
  }

  @Test
  void outOfOrder_isReported() throws IOException {
    String cmd = script("    print(json.dumps({'id': req['id'] + 1, 'y': req['x']}), flush=True)");
    assertAll(run(cmd, "linear", Dtype.FLOAT64), Check.Status.FAILED, "out of order");
  }

  @Test
  void wrongLength_isReported() throws IOException {
    String cmd = script("    print(json.dumps({'id': req['id'], 'y': req['x'] + [1.0]}), flush=True)");
    assertAll(run(cmd, "linear", Dtype.FLOAT64), Check.Status.FAILED, "values for");
  }

  @Test
  void hang_timesOut() throws IOException {
    TckConfig c = TckConfig.builder().functions(List.of("linear")).dtypes(List.of(Dtype.FLOAT64))
        .dialects(List.of("keras3")).callTimeout(Duration.ofSeconds(5)).build();
    String cmd = script("    time.sleep(60)");
    try (ProcessActivation a = new ProcessActivation(cmd, false, Duration.ofMillis(300))) {
      assertAll(new TckRunner(a, c).run(), Check.Status.FAILED, "no reply within 300 ms");
    }
  }

  @Test
  void unsupported_isNotImplemented() throws IOException {
    String cmd = script("    print(json.dumps({'id': req['id'], 'unsupported': True}), flush=True)");
    assertAll(run(cmd, "linear", Dtype.FLOAT64), Check.Status.NOT_IMPLEMENTED, null);
  }

  @Test
  void errorReply_isReportedWithItsText() throws IOException {
    String cmd = script("    print(json.dumps({'id': req['id'], 'error': 'no <idea>'}), flush=True)");
    assertAll(run(cmd, "linear", Dtype.FLOAT64), Check.Status.FAILED, "no <idea>");
  }

  @Test
  void commandSplitting_withoutAShell() {
    assertEquals(List.of("python3", "my impl.py", "--flag=a b", "c"),
        CommandLineSplitter.split("python3 'my impl.py' --flag=\"a b\" c"));
  }
}
