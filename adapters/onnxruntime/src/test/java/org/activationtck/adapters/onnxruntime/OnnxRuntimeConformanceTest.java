package org.activationtck.adapters.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A short TCK run against ONNX Runtime: what must pass, what must be reported not implemented. */
class OnnxRuntimeConformanceTest {

  private static OnnxRuntimeActivation ort;
  private static RunResult result;

  @BeforeAll
  static void run() {
    ort = new OnnxRuntimeActivation();
    result = new TckRunner(ort, TckConfig.builder()
        .functions(List.of("relu", "linear", "leaky_relu"))
        .build()).run();
  }

  @AfterAll
  static void close() {
    ort.close();
  }

  @Test
  void reluAndLinearPassStrictInTheOnnxDialect() {
    for (RunResult.Row r : result.rows()) {
      if (!r.derivative() && (r.function().equals("relu") || r.function().equals("linear"))) {
        long onnxChecks = r.checks().stream().filter(c -> c.dialect().equals("onnx")).count();
        long onnxPassed = r.checks().stream()
            .filter(c -> c.dialect().equals("onnx") && c.status() == Check.Status.PASSED).count();
        assertTrue(onnxChecks > 100, r.label() + " " + r.dtype() + ": " + onnxChecks);
        assertEquals(onnxChecks, onnxPassed, r.label() + " " + r.dtype());
      }
    }
  }

  @Test
  void otherDialectsDerivativesAndFloat64LeakyReluAreNotImplemented() {
    for (Check c : result.checks()) {
      // (the 16-bit hard cases: the adapter declares float64 and float32 only)
      boolean declared = c.dialect().equals("onnx") && !c.derivative()
          && (c.dtype() == Dtype.FLOAT32 || c.dtype() == Dtype.FLOAT64)
          && !(c.function().equals("leaky_relu") && c.dtype() == Dtype.FLOAT64);
      if (!declared) {
        assertEquals(Check.Status.NOT_IMPLEMENTED, c.status(), c.caseId() + " " + c.dialect());
      } else {
        assertTrue(c.status() != Check.Status.NOT_IMPLEMENTED, c.caseId());
      }
    }
  }

  @Test
  void leakyReluFloat32UsesTheCatalogDefaultSlope() {
    // onnx's default alpha is 0.01; a wrong default (TF's 0.2, say) fails every negative input.
    long failed = result.checks().stream()
        .filter(c -> c.function().equals("leaky_relu") && c.dialect().equals("onnx")
            && c.dtype() == Dtype.FLOAT32 && c.status() == Check.Status.FAILED)
        .count();
    assertEquals(0, failed);
  }
}
