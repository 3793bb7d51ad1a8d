package org.activationtck.cli.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.activationtck.reference.ReferenceActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The TCK catches real bugs: every zoo entry is rejected, while the reference passes the same checks. */
class ZooTest {

  private static TckConfig config(Zoo z) {
    return TckConfig.builder().functions(List.of(z.function)).dialects(List.of(z.dialect))
        .dtypes(List.of(z.dtype)).build();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Zoo.class)
  void brokenImplementation_isRejected_referencePasses(Zoo z) {
    RunResult broken = new TckRunner(z.activation(), config(z)).run();
    long answered = broken.checks().stream().filter(c -> c.status() != Check.Status.NOT_IMPLEMENTED).count();
    assertTrue(answered > 0, z + ": no checks ran");
    assertTrue(broken.failed() > 0, z + " (" + z.bug + ") was not caught");
    RunResult reference = new TckRunner(new ReferenceActivation(), config(z)).run();
    assertEquals(0, reference.failed(), "the reference must pass what " + z + " fails");
  }

  @Test
  void zoo_hasAtLeastFifteenEntries() {
    assertTrue(Zoo.values().length >= 15, "zoo size " + Zoo.values().length);
  }
}
