package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.IdentityKernel;
import org.activationtck.spec.params.Params;

/**
 * linear: x unchanged; derivative 1 everywhere, NaN included (rule linear.derivative):
 * {@link IdentityKernel#ONE_AT_NAN}.
 */
public final class Linear implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    return IdentityKernel.ONE_AT_NAN;
  }
}
