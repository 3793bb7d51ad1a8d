package org.activationtck.reference.kernel;

import org.activationtck.reference.ReferenceAxisFunction;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;

/**
 * Base of the axis references that round each double-double result once, differently per dtype
 * ({@link DoubleRounding#finish}): to nearest for float64, to odd for the narrower dtypes.
 * {@link #apply(double[], Params)} without a dtype rounds to odd, which meets both halves of the
 * contract.
 */
public abstract class RoundingAxisFunction implements ReferenceAxisFunction {

  @Override
  public final double[] apply(double[] x, Params p) {
    return apply(x, p, FinalRounding.TO_ODD);
  }

  @Override
  public final double[] apply(double[] x, Params p, Dtype dtype) {
    return apply(x, p, FinalRounding.forDtype(dtype));
  }

  /**
   * The output vector, each element rounded as {@code rounding} says (to odd or to nearest).
   *
   * @throws IllegalArgumentException for inputs the function rejects
   */
  public abstract double[] apply(double[] x, Params p, FinalRounding rounding);
}
