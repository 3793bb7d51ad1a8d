package org.activationtck.reference.function;

import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.RoundingAxisFunction;
import org.activationtck.spec.params.Params;

/** softmin: {@link Softmax} of -x (negation is exact); same accuracy and special cases at -x. */
public final class Softmin extends RoundingAxisFunction {

  @Override
  public double[] apply(double[] x, Params p, FinalRounding rounding) {
    return Softmax.shifted(x, -1, rounding);
  }
}
