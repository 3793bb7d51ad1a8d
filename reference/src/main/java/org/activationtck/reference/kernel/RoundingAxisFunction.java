package org.activationtck.reference.kernel;

import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.reference.ReferenceAxisFunction;
import org.activationtck.reference.internal.DoubleRounding;

/**
 * Base of the axis references that round each double-double result once, differently per dtype
 * ({@link DoubleRounding#finish}): to nearest for float64, to odd for the narrower dtypes.
 * {@link #apply(double[], Params)} without a dtype rounds to odd, which meets both halves of the
 * contract.
 */
public abstract class RoundingAxisFunction implements ReferenceAxisFunction {

  @Override
  public final double[] apply(double[] x, Params p) {
    return apply(x, p, true);
  }

  @Override
  public final double[] apply(double[] x, Params p, Dtype dtype) {
    return apply(x, p, DoubleRounding.roundsToOdd(dtype));
  }

  /**
   * The output vector, each element rounded to odd when {@code toOdd}, else to nearest.
   *
   * @throws IllegalArgumentException for inputs the function rejects
   */
  public abstract double[] apply(double[] x, Params p, boolean toOdd);
}
