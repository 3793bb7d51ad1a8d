package org.activationtck.runner.junit;

import org.activationtck.spi.Activation;
import org.activationtck.reference.ReferenceActivation;

/** The built-in reference run through the JUnit integration: it must pass the strict tier. */
class ReferenceVerificationTest extends ActivationVerification {
  @Override
  protected Activation createActivation() {
    return new ReferenceActivation();
  }
}
