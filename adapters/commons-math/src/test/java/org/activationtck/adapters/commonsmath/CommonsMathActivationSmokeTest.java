package org.activationtck.adapters.commonsmath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.activationtck.runner.Tier;
import org.junit.jupiter.api.Test;

/** Runs the TCK on a few functions; the full picture is {@code ./tck matrix}. */
class CommonsMathActivationSmokeTest {

  private static RunResult run(String... functions) {
    TckConfig config = TckConfig.builder().functions(List.of(functions)).tier(Tier.STRICT).build();
    return new TckRunner(new CommonsMathActivation(), config).run();
  }

  @Test
  void identityIsExactInFloat64AndFloat32IsNotImplemented() {
    RunResult r = run("linear");
    for (RunResult.Row row : r.rows()) {
      if (row.dtype() == Dtype.FLOAT64) {
        assertEquals(0, row.failed(), row.label() + " float64 failed");
        assertTrue(row.passed() > 100, row.label() + " float64 passed only " + row.passed());
      } else {
        assertEquals(row.cases(), row.notImplemented(), row.label() + " " + row.dtype() + " must be not implemented");
      }
    }
  }

  @Test
  void sigmoidIsAnsweredAndAFunctionWithoutAClassIsNotImplemented() {
    RunResult r = run("sigmoid", "relu");
    for (Check c : r.checks()) {
      if (c.function().equals("relu") || c.dtype() != Dtype.FLOAT64) {
        assertEquals(Check.Status.NOT_IMPLEMENTED, c.status(), c.caseId());
      } else {
        assertTrue(c.status() != Check.Status.NOT_IMPLEMENTED, c.caseId());
      }
    }
    // sigmoid(0) = 1/2 exactly: FastMath.exp(-0) = 1, 1 / 2 is exact.
    assertTrue(r.checks().stream().anyMatch(c -> c.function().equals("sigmoid") && !c.derivative()
        && c.x() == 0 && c.status() == Check.Status.PASSED));
  }
}
