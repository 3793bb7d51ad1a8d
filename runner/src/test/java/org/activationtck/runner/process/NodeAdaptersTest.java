package org.activationtck.runner.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * Smoke tests of the Node.js process adapters (adapters/tfjs, adapters/onnxruntime-node) through
 * TckRunner: a few functions each, their known passes and their known failures (FINDINGS.md).
 * Skipped, with the reason, when node is not on the PATH or the adapter's npm packages are not
 * installed (a fresh clone: {@code (cd adapters/tfjs && npm ci --ignore-scripts)}; {@code ./tck
 * matrix} does it through the adapter's {@code setup=}).
 */
class NodeAdaptersTest {

  private static final Path ADAPTERS = Path.of("../adapters").toAbsolutePath().normalize();
  private static final Path TFJS = ADAPTERS.resolve("tfjs/tfjs_activation.mjs");
  private static final Path ORT = ADAPTERS.resolve("onnxruntime-node/ort_activation.mjs");

  private static void assumeInstalled(Path script) {
    boolean node;
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      node = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      node = false;
    }
    Assumptions.assumeTrue(node, "node is not on the PATH");
    Path dir = script.getParent();
    Assumptions.assumeTrue(Files.isDirectory(dir.resolve("node_modules")), "npm packages not installed: run (cd "
        + ADAPTERS.getParent().relativize(dir) + " && npm ci --ignore-scripts)");
  }

  private static List<Check> run(Path script, String function, Dtype dtype) {
    TckConfig c = TckConfig.builder().functions(List.of(function)).dtypes(List.of(dtype))
        .callTimeout(Duration.ofSeconds(60)).build();
    try (ProcessActivation a = new ProcessActivation("node " + script, false, Duration.ofSeconds(60))) {
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

  private static boolean failed(Check c) {
    return c.status() == Check.Status.FAILED;
  }

  @Test
  void tfjs_sigmoidValuesPass_andItsGradientIsZeroInTheTail() {
    assumeInstalled(TFJS);
    List<Check> checks = run(TFJS, "sigmoid", Dtype.FLOAT32);
    assertTrue(checks.stream().allMatch(c -> c.dialect().equals("keras3") || c.dialect().equals("tf_keras2")));
    // Values: 1 / (1 + exp(-x)) in double, then narrowed to float32: rounded twice. Among the
    // regular fixtures the one failure is the documented tie at 0x1.8p-22; the hard cases hold
    // the inputs where rounding twice differs from rounding once, and catch it there, 1 ulp each.
    List<Check> values = checks.stream().filter(c -> !c.derivative()).toList();
    assertTrue(count(values, c -> c.status() == Check.Status.PASSED) > 400);
    assertTrue(values.stream().filter(c -> failed(c) && !c.caseId().contains("/hardcase/"))
        .allMatch(c -> c.x() == 0x1.8p-22), "only the tie among the regular fixtures");
    List<Check> hard = values.stream().filter(c -> failed(c) && c.caseId().contains("/hardcase/")).toList();
    assertFalse(hard.isEmpty(), "the hard cases catch the double rounding");
    assertTrue(hard.stream().allMatch(c -> c.kind() == FailureKind.ULPS && c.verdict().ulps() == 1), hard.toString());
    // FINDINGS.md: tf.grad(tf.sigmoid) is y * (1 - y), 0 once y rounds to 1 (x > 17.3).
    assertTrue(checks.stream().anyMatch(c -> c.derivative() && failed(c) && c.x() > 17 && c.actual().equals("0.0")),
        "no zero gradient in the tail");
  }

  @Test
  void tfjs_leakyReluTakesItsSlopeAsADouble_andReluGradientIsNaNAtNaN() {
    assumeInstalled(TFJS);
    List<Check> leaky = run(TFJS, "leaky_relu", Dtype.FLOAT32);
    // FINDINGS.md: 0.2 * x in double instead of float32(0.2) * x: 1 ulp at x = -9.
    assertTrue(leaky.stream().anyMatch(c -> !c.derivative() && c.x() == -9.0 && failed(c)
        && c.kind() == FailureKind.ULPS && c.actual().contains("-1.8")), "x = -9 not 1 ulp off");
    assertEquals(0, count(leaky, c -> c.derivative() && failed(c)));
    List<Check> relu = run(TFJS, "relu", Dtype.FLOAT32);
    // FINDINGS.md: relu'(NaN) is NaN (step(NaN) = NaN), 0 in TensorFlow.
    assertTrue(relu.stream().anyMatch(c -> c.derivative() && Double.isNaN(c.x()) && failed(c)
        && c.kind() == FailureKind.SPECIAL_VALUE), "relu'(NaN)");
  }

  @Test
  void onnxruntimeNode_preluPassesEverything_andSigmoidFloat32FlushesBelowMinus18() {
    assumeInstalled(ORT);
    List<Check> prelu = run(ORT, "prelu", Dtype.FLOAT32);
    assertTrue(prelu.stream().allMatch(c -> c.dialect().equals("onnx")), "declared onnx");
    // FINDINGS.md: the PRelu(+-Infinity) = NaN of onnxruntime 1.22 is gone in 1.30.
    assertEquals(0, count(prelu, NodeAdaptersTest::failed));
    assertTrue(count(prelu, c -> c.status() == Check.Status.PASSED) > 400);
    assertTrue(prelu.stream().filter(Check::derivative).allMatch(c -> c.status() == Check.Status.NOT_IMPLEMENTED));
    // FINDINGS.md: MLAS logistic, still in 1.30: 0 for x <= -18.
    List<Check> sigmoid = run(ORT, "sigmoid", Dtype.FLOAT32);
    assertTrue(sigmoid.stream().anyMatch(c -> !c.derivative() && c.x() == -20.0 && failed(c)
        && c.actual().equals("0.0")), "sigmoid(-20) not 0");
  }

  @Test
  void onnxruntimeNode_declinesMissingDoubleKernels_andLogSoftmaxFloat64StillDropsNaN() {
    assumeInstalled(ORT);
    List<Check> elu = run(ORT, "elu", Dtype.FLOAT64);
    assertTrue(elu.stream().allMatch(c -> c.status() == Check.Status.NOT_IMPLEMENTED), "no double Elu kernel");
    List<Check> ls = run(ORT, "log_softmax", Dtype.FLOAT64);
    // FINDINGS.md: a NaN after the first element gives finite values elsewhere (log(fmax(NaN, 1e-20f))):
    // [NaN, 1, 2, 3] is all NaN, rotated by 1 it is [46.05..., NaN, 44.05..., 45.05...].
    assertTrue(ls.stream().anyMatch(c -> failed(c) && c.kind() == FailureKind.POSITION_DEPENDENT
        && c.input().startsWith("[NaN, 1.0, 2.0, 3.0]") && c.reason().contains("46.051701891615394")),
        "LogSoftmax float64 NaN");
  }
}
