package org.activationtck.adapters.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A short TCK run against TensorFlow's kernels (needs the native runtime: mvn -Pnative).
 * Asserts what TensorFlow 2.18 gets right and what the adapter must report not implemented.
 */
class TensorFlowConformanceTest {

  private static RunResult result;

  @BeforeAll
  static void run() {
    result = new TckRunner(new TensorFlowActivation(), TckConfig.builder()
        .functions(List.of("tanh", "arctan", "relu6", "gelu", "exponential"))
        .dialects(List.of("keras3", "tf_keras2", "jax"))
        .build()).run();
  }

  @Test
  void tanhAndArctanValuesPassStrictInFloat64() {
    for (RunResult.Row r : result.rows()) {
      if ((r.function().equals("tanh") || r.function().equals("arctan")) && !r.derivative()
          && r.dtype() == Dtype.FLOAT64) {
        assertTrue(r.passed() > 200, r.label() + " [" + r.dialect() + "]: " + r.passed());
        assertEquals(0, r.failed(), r.label());
      }
    }
  }

  @Test
  void relu6GradientIsOneStrictlyInsideAndZeroAtTheKinks() {
    // Relu6Grad tests 0 < x < 6; the catalog's relu6.derivative agrees, apart from subnormal
    // inputs (TensorFlow flushes them to zero) and NaN (the kernel's mask gives 0).
    for (Check c : result.checks()) {
      if (c.function().equals("relu6") && c.derivative() && c.dialect().equals("tf_keras2")
          && c.status() == Check.Status.FAILED) {
        boolean subnormal = c.x() != 0 && Math.abs(c.x()) < Double.MIN_NORMAL
            || c.dtype() == Dtype.FLOAT32 && c.x() != 0 && Math.abs(c.x()) < Float.MIN_NORMAL;
        assertTrue(subnormal || Double.isNaN(c.x()), c.caseId() + " " + c.reason());
      }
    }
  }

  @Test
  void composedFunctionsGradientsWithoutKernelsAndOtherDialectsAreNotImplemented() {
    for (Check c : result.checks()) {
      boolean undeclared = c.function().equals("gelu")
          || c.dialect().equals("jax")
          || c.derivative() && (c.function().equals("arctan") || c.function().equals("exponential"));
      if (undeclared) {
        assertEquals(Check.Status.NOT_IMPLEMENTED, c.status(), c.caseId() + " " + c.dialect());
      } else {
        assertTrue(c.status() != Check.Status.NOT_IMPLEMENTED, c.caseId() + " " + c.dialect());
      }
    }
  }
}
