package org.activationtck.adapters.smile;

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
class SmileActivationSmokeTest {

  private static RunResult run(String... functions) {
    TckConfig config = TckConfig.builder().functions(List.of(functions)).tier(Tier.STRICT).build();
    return new TckRunner(new SmileActivation(), config).run();
  }

  @Test
  void leakyReluValueIsExactWithEachDialectsDefaultSlope() {
    RunResult r = run("leaky_relu");
    long answered = 0;
    for (Check c : r.checks()) {
      if (c.dtype() == Dtype.FLOAT64 && !c.derivative()) {
        assertEquals(Check.Status.PASSED, c.status(), () -> c.caseId() + " " + c.dialect() + ": " + c.reason());
        answered++;
      }
      if (c.dtype() == Dtype.FLOAT32 || (c.derivative() && c.dialect().equals("jax"))) {
        assertEquals(Check.Status.NOT_IMPLEMENTED, c.status(), c.caseId());
      }
    }
    assertTrue(answered > 1000, "answered " + answered);
  }

  @Test
  void reluWithKerasParametersIsNotImplementedButDefaultsAreAnswered() {
    RunResult r = run("relu");
    assertTrue(r.checks().stream().anyMatch(c -> c.caseId().contains("threshold=5")
        && c.status() == Check.Status.NOT_IMPLEMENTED));
    assertTrue(r.checks().stream().anyMatch(c -> c.caseId().contains("/default/")
        && c.dtype() == Dtype.FLOAT64 && c.status() == Check.Status.PASSED));
  }
}
