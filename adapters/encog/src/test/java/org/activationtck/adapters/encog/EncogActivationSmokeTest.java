package org.activationtck.adapters.encog;

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
class EncogActivationSmokeTest {

  private static RunResult run(String... functions) {
    TckConfig config = TckConfig.builder().functions(List.of(functions)).tier(Tier.STRICT).build();
    return new TckRunner(new EncogActivation(), config).run();
  }

  @Test
  void thresholdIsAnsweredInPytorchOnlyAndEncogsParameterBugIsCaught() {
    RunResult r = run("threshold");
    for (Check c : r.checks()) {
      if (!c.dialect().equals("pytorch") || c.dtype() != Dtype.FLOAT64) {
        assertEquals(Check.Status.NOT_IMPLEMENTED, c.status(), c.caseId());
      }
    }
    // ActivationReLU(threshold, low) stores both arguments in params[0] (FINDINGS.md): with
    // PyTorch's catalog default (0.1, 20) it computes x <= 20 ? 20 : x, so threshold(0.25) = 20.
    assertTrue(r.checks().stream().anyMatch(c -> c.dialect().equals("pytorch") && !c.derivative()
        && c.x() == 0.25 && c.status() == Check.Status.FAILED && "20.0".equals(c.actual())));
    // below both the threshold and the value the answer is right
    assertTrue(r.checks().stream().anyMatch(c -> c.dialect().equals("pytorch") && !c.derivative()
        && c.x() == -1 && c.caseId().contains("/default/") && c.status() == Check.Status.PASSED));
  }

  @Test
  void softsignValueIsCorrectlyRounded() {
    RunResult r = run("softsign");
    assertTrue(r.rows().stream().filter(row -> row.dtype() == Dtype.FLOAT64 && !row.derivative())
        .allMatch(row -> row.failed() == 0 && row.passed() > 100));
  }

  @Test
  void linearIsTheIdentity() {
    RunResult r = run("linear");
    assertTrue(r.rows().stream().filter(row -> row.dtype() == Dtype.FLOAT64)
        .allMatch(row -> row.failed() == 0 && row.passed() > 100));
  }
}
