package org.activationtck.runner.junit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationtck.spi.Activation;
import org.activationtck.runner.DecliningActivation;
import org.activationtck.reference.ReferenceActivation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit integration's own verdict on the run as a whole: {@code tck.checked}. The
 * verifications under test are private, so that JUnit does not discover and run them itself.
 */
class ActivationVerificationTest {

  /** Declines every call; relu asked for by name. */
  private static final class Declining extends ActivationVerification {
    @Override
    protected Activation createActivation() {
      return new DecliningActivation();
    }

    @Override
    protected List<String> functions() {
      return List.of("relu");
    }
  }

  /** The reference, relu only. */
  private static final class Conforming extends ActivationVerification {
    @Override
    protected Activation createActivation() {
      return new ReferenceActivation();
    }

    @Override
    protected List<String> functions() {
      return List.of("relu");
    }
  }

  private static DynamicTest checkedTest(ActivationVerification v) {
    return v.conformance().filter(n -> n instanceof DynamicTest)
        .map(DynamicTest.class::cast).filter(t -> t.getDisplayName().equals("tck.checked"))
        .findFirst().orElseThrow();
  }

  @Test
  void required_checked_failsWhenNothingWasChecked() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> checkedTest(new Declining()).getExecutable().execute());
    assertTrue(e.getMessage().contains("nothing was checked"), e.getMessage());
  }

  @Test
  void required_checked_passesWhenSomethingWasChecked() throws Throwable {
    checkedTest(new Conforming()).getExecutable().execute();
  }
}
