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
import org.activationtck.runner.FailureKind;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects of {@code runner.PlantedDefectsTest}, planted in Python programs that speak the
 * protocol: a float64 reply to a float32 request, NaN and -0.0 wrong only in the scalar tail of
 * an 8-wide loop, a softmax that misses a NaN or +Infinity after index 0, a program that declines
 * everything. Each is rejected with the right kind.
 */
class PlantedDefectsProcessTest {

  @TempDir Path dir;

  /** The protocol loop around {@code answer(req)}, which returns the list y. */
  private static final String LOOP = String.join("\n",
      "import json, math, struct, sys",
      "from decimal import Decimal, getcontext",
      "getcontext().prec = 60",
      "def out(v):",
      "    return ('NaN' if math.isnan(v) else ('Infinity' if v > 0 else '-Infinity')) if not math.isfinite(v) else v",
      "def read(v):",
      "    return float(v)",
      "def tail(i, n):",
      "    return i >= n - n % 8",
      "for line in sys.stdin:",
      "    req = json.loads(line)",
      "    x = [read(v) for v in req['x']]",
      "    try:",
      "        y = answer(req, x)",
      "    except NotImplementedError:",
      "        print(json.dumps({'id': req['id'], 'unsupported': True}), flush=True)",
      "        continue",
      "    print(json.dumps({'id': req['id'], 'y': [out(v) for v in y]}), flush=True)",
      "");

  private String program(String answer) throws IOException {
    Path p = dir.resolve("planted" + System.nanoTime() + ".py");
    Files.writeString(p, answer + "\n" + LOOP);
    return "python3 " + p;
  }

  private static RunResult run(String command, Dtype dtype, String... functions) {
    TckConfig c = TckConfig.builder().functions(List.of(functions)).dtypes(List.of(dtype))
        .dialects(List.of("pytorch")).callTimeout(Duration.ofSeconds(30)).build();
    try (ProcessActivation a = new ProcessActivation(command, false, Duration.ofSeconds(30))) {
      return new TckRunner(a, c).run();
    }
  }

  /** sigmoid in double: exact enough, but not rounded to float32 unless {@code narrow}. */
  private static String sigmoid(boolean narrow) {
    return String.join("\n",
        "def sigmoid(v):",
        "    if math.isnan(v): return v",
        "    if v >= 0: return 1 / (1 + math.exp(-v))",
        "    e = math.exp(v)",
        "    return e / (1 + e)",
        "def answer(req, x):",
        "    if req['function'] != 'sigmoid' or req['derivative']: raise NotImplementedError",
        "    y = [sigmoid(v) for v in x]",
        narrow ? "    return [struct.unpack('f', struct.pack('f', v))[0] for v in y]" : "    return y");
  }

  @Test
  void float64RepliesToFloat32Requests_failAsNotAValueOfTheDtype() throws IOException {
    RunResult r = run(program(sigmoid(false)), Dtype.FLOAT32, "sigmoid");
    long answered = r.passed() + r.failed();
    assertTrue(r.failed() > 0.6 * answered, r.failed() + " of " + answered);
    for (Check c : r.checks()) {
      if (c.status() == Check.Status.FAILED) {
        assertEquals(FailureKind.NOT_A_DTYPE_VALUE, c.kind(), c.toString());
      }
    }
    Check one = r.checks().stream().filter(c -> c.input().startsWith("1.0 ")).findFirst().orElseThrow();
    assertEquals("0.7310585786300049 is not a float32 value", one.reason());
  }

  @Test
  void float32ValuesWrittenAsDoubles_areValuesOfTheDtype() throws IOException {
    // The same sigmoid rounded to float32 and printed as the double it is (0.7310585975646973):
    // a value of the dtype, judged by ulps like any other.
    RunResult r = run(program(sigmoid(true)), Dtype.FLOAT32, "sigmoid");
    for (Check c : r.checks()) {
      assertTrue(c.kind() == null || c.kind() == FailureKind.ULPS, c.toString());
    }
    // (the hard cases, built to catch a sigmoid computed in double and rounded, left out)
    long passed = r.checks().stream().filter(c -> !c.caseId().contains("/hardcase/")
        && c.status() == Check.Status.PASSED).count();
    long answered = passed + r.checks().stream().filter(c -> !c.caseId().contains("/hardcase/")
        && c.status() == Check.Status.FAILED).count();
    assertTrue(passed > 0.9 * answered, passed + " of " + answered);
  }

  @Test
  void nanAndNegativeZeroWrongOnlyInTheScalarTail_arePositionDependent() throws IOException {
    String relu = String.join("\n",
        "def answer(req, x):",
        "    if req['function'] != 'relu' or req['derivative'] or req['params']: raise NotImplementedError",
        "    n = len(x)",
        "    y = [v if math.isnan(v) or v > 0 else (v if v == 0 else 0.0) for v in x]",
        "    for i in range(n):",
        "        if tail(i, n) and math.isnan(x[i]): y[i] = 0.0",
        "        if tail(i, n) and y[i] == 0: y[i] = -y[i]",
        "    return y");
    RunResult r = run(program(relu), Dtype.FLOAT32, "relu");
    for (Check c : r.checks()) {
      if (c.status() == Check.Status.NOT_IMPLEMENTED) {
        continue;
      }
      boolean planted = c.input().startsWith("NaN") || c.expected().equals("0.0") || c.expected().equals("-0.0");
      assertEquals(planted ? Check.Status.FAILED : Check.Status.PASSED, c.status(), c.toString());
      if (planted) {
        assertEquals(FailureKind.POSITION_DEPENDENT, c.kind(), c.toString());
      }
    }
    assertTrue(r.failed() > 0);
  }

  @Test
  void softmaxThatMissesASpecialAfterIndex0_isPositionDependent() throws IOException {
    String softmax = String.join("\n",
        "def answer(req, x):",
        "    if req['function'] != 'softmax' or req['dtype'] != 'float64': raise NotImplementedError",
        "    n = len(x)",
        "    if math.isnan(x[0]) or x[0] == math.inf: return [math.nan] * n",
        // the defect: NaN or +Infinity after index 0 is taken for 0
        "    x = [0.0 if i > 0 and (math.isnan(v) or v == math.inf) else v for i, v in enumerate(x)]",
        "    finite = [Decimal(v) for v in x if v != -math.inf]",
        "    if not finite: return [math.nan] * n",
        "    m = max(finite)",
        "    s = sum((d - m).exp() for d in finite)",
        "    return [0.0 if v == -math.inf else float((Decimal(v) - m).exp() / s) for v in x]");
    RunResult r = run(program(softmax), Dtype.FLOAT64, "softmax");
    int planted = 0;
    for (Check c : r.checks()) {
      if (org.activationtck.runner.PlantedDefectsTest.oneNanOrPositiveInfinityAmongNumbers(c)) {
        planted++;
        assertEquals(FailureKind.POSITION_DEPENDENT, c.kind(), c.toString());
      } else {
        assertEquals(Check.Status.PASSED, c.status(), c.toString());
      }
    }
    assertTrue(planted > 0);
  }

  @Test
  void aProgramThatDeclinesEverything_isNotChecked() throws IOException {
    RunResult r = run(program("def answer(req, x):\n    raise NotImplementedError"), Dtype.FLOAT64,
        "relu", "sigmoid");
    assertEquals(0, r.passed() + r.failed());
    assertEquals(RunResult.Outcome.NOT_CHECKED, r.outcome());
    assertEquals(List.of("relu", "sigmoid"), r.unchecked());
  }
}
