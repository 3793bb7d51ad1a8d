package org.activationtck.runner.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.FailureKind;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Smoke tests of the SciPy, textbook and PyTorch process adapters (adapters/scipy,
 * adapters/textbook, adapters/pytorch) through TckRunner: a few functions each, their known passes
 * and their known failures (FINDINGS.md). Skipped only when the Python with the module the adapter
 * needs is missing (PyTorch: Debian's python3-torch, installed for /usr/bin/python3 only).
 */
class PythonAdaptersTest {

  private static final Path SCIPY = Path.of("../adapters/scipy/scipy_activation.py")
      .toAbsolutePath().normalize();
  private static final Path TEXTBOOK = Path.of("../adapters/textbook/textbook_activation.py")
      .toAbsolutePath().normalize();

  private static final Path TORCH = Path.of("../adapters/pytorch/torch_activation.py")
      .toAbsolutePath().normalize();
  /** Debian's python3-torch installs for the system Python, not for a python3 earlier on PATH. */
  private static final String SYSTEM_PYTHON = "/usr/bin/python3";

  private static void assumePython(String module) {
    assumePython("python3", module, "python3 with " + module + " is not installed");
  }

  private static void assumePython(String python, String module, String reason) {
    boolean ok;
    try {
      Process p = new ProcessBuilder(python, "-c", "import " + module)
          .redirectErrorStream(true).start();
      ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      ok = false;
    }
    Assumptions.assumeTrue(ok, reason);
  }

  private static List<Check> run(Path script, String function, Dtype dtype) {
    return run("python3", script, function, dtype);
  }

  private static List<Check> run(String python, Path script, String function, Dtype dtype) {
    TckConfig c = TckConfig.builder().functions(List.of(function)).dtypes(List.of(dtype))
        .callTimeout(Duration.ofSeconds(60)).build();
    try (ProcessActivation a = new ProcessActivation(python + " " + script, false,
        Duration.ofSeconds(60))) {
      RunResult r = new TckRunner(a, c).run();
      assertFalse(r.checks().isEmpty());
      for (Check k : r.checks()) {
        assertTrue(k.kind() != FailureKind.NO_RESULT, k.toString()); // no error replies
      }
      return r.checks();
    }
  }

  private static long count(List<Check> checks, Predicate<Check> p) {
    return checks.stream().filter(p).count();
  }

  private static boolean value(Check c, Check.Status s) {
    return !c.derivative() && c.status() == s;
  }

  @Test
  void scipy_sigmoid_passesExceptTheSubnormalTail_andDeclinesDerivatives() {
    assumePython("scipy");
    List<Check> checks = run(SCIPY, "sigmoid", Dtype.FLOAT64);
    assertTrue(count(checks, c -> value(c, Check.Status.PASSED)) > 1000);
    // FINDINGS.md 1: expit is 0 where the logistic is subnormal (x <= -709).
    List<Check> failed = checks.stream().filter(c -> c.status() == Check.Status.FAILED).toList();
    assertFalse(failed.isEmpty());
    for (Check c : failed) {
      assertTrue(c.x() < -708 && c.kind() == FailureKind.ULPS, c.toString());
    }
    assertTrue(checks.stream().filter(Check::derivative)
        .allMatch(c -> c.status() == Check.Status.NOT_IMPLEMENTED));
  }

  @Test
  void scipy_logSoftmax_givesMinusInfinity_whereNaNIsDue() {
    assumePython("scipy");
    List<Check> checks = run(SCIPY, "log_softmax", Dtype.FLOAT32);
    assertTrue(count(checks, c -> value(c, Check.Status.PASSED)) > 1000);
    // FINDINGS.md 2: log_softmax([inf, 1, 2, 3]) is [nan, -inf, -inf, -inf], not all NaN.
    assertTrue(checks.stream().anyMatch(c -> c.kind() == FailureKind.SPECIAL_VALUE
        && c.input().contains("Infinity") && c.actual().contains("-Infinity")), "no -Infinity");
  }

  @Test
  void textbook_relu_passes_andTanhIsNaNForLargeX() {
    assumePython("numpy");
    List<Check> relu = run(TEXTBOOK, "relu", Dtype.FLOAT64);
    assertTrue(relu.stream().allMatch(c -> "pytorch".equals(c.dialect())), "declared pytorch");
    assertEquals(0, count(relu, c -> value(c, Check.Status.FAILED)));
    assertTrue(count(relu, c -> value(c, Check.Status.PASSED)) > 200);
    // relu'(0) = 0, as in PyTorch; relu'(NaN) = 0 where PyTorch gives 1.
    List<Check> reluFailed = relu.stream().filter(c -> c.status() == Check.Status.FAILED).toList();
    assertEquals(1, reluFailed.size(), reluFailed.toString());
    assertTrue(Double.isNaN(reluFailed.get(0).x()) && reluFailed.get(0).derivative());

    // FINDINGS.md 4: (e^x - e^-x) / (e^x + e^-x) is inf/inf = NaN for |x| > 89 in float32.
    List<Check> tanh = run(TEXTBOOK, "tanh", Dtype.FLOAT32);
    assertTrue(tanh.stream().anyMatch(c -> !c.derivative() && Math.abs(c.x()) > 89
        && c.kind() == FailureKind.SPECIAL_VALUE && c.actual().contains("NaN")), "no NaN");
    assertTrue(count(tanh, c -> value(c, Check.Status.PASSED)) > 50);
  }

  @Test
  void textbook_leakyReluDerivative_isOneAtZero() {
    assumePython("numpy");
    List<Check> checks = run(TEXTBOOK, "leaky_relu", Dtype.FLOAT32);
    assertEquals(0, count(checks, c -> value(c, Check.Status.FAILED)));
    List<Check> failed = checks.stream().filter(c -> c.status() == Check.Status.FAILED).toList();
    assertFalse(failed.isEmpty());
    for (Check c : failed) {
      assertTrue(c.derivative() && c.x() == 0 && c.kind() == FailureKind.KINK_CONVENTION,
          c.toString());
    }
  }

  @Test
  void pytorch_softShrink_isZeroAtNaN_andHardswishDerivativeFollows113() {
    assumePython(SYSTEM_PYTHON, "torch", SYSTEM_PYTHON + " cannot import torch"
        + " (Debian: apt-get install python3-torch); the PyTorch adapter is not tested");
    List<Check> shrink = run(SYSTEM_PYTHON, TORCH, "soft_shrink", Dtype.FLOAT32);
    assertTrue(shrink.stream().allMatch(c -> "pytorch".equals(c.dialect())), "declared pytorch");
    assertTrue(count(shrink, c -> value(c, Check.Status.PASSED)) > 400);
    // FINDINGS.md 1: softshrink(NaN) = 0 in torch 1.13 (both parameter sets); nothing else fails.
    List<Check> failed = shrink.stream()
        .filter(c -> !c.derivative() && c.status() == Check.Status.FAILED).toList();
    assertEquals(2, failed.size(), failed.toString());
    for (Check c : failed) {
      assertTrue(Double.isNaN(c.x()) && c.kind() == FailureKind.SPECIAL_VALUE, c.toString());
    }
    // FINDINGS.md 2: hardswish'(-3) = -1/2 in 1.13, where 2.7 and the catalog have 0.
    List<Check> silu = run(SYSTEM_PYTHON, TORCH, "hard_silu", Dtype.FLOAT64);
    assertTrue(silu.stream().anyMatch(c -> c.derivative() && c.x() == -3
        && c.kind() == FailureKind.KINK_CONVENTION && c.actual().contains("-0.5")), "no -0.5 at -3");
    assertTrue(count(silu, c -> c.derivative() && c.status() == Check.Status.PASSED) > 150);
  }
}
