package org.activationtck.reference.kernel;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;

/**
 * Base of the elementwise references whose kernels compute more than a double and round it once
 * at the end, differently per dtype ({@link DoubleRounding#finish}): to nearest for float64, to
 * odd for the narrower dtypes. {@link #bind(Params)} without a dtype gives the to-odd kernel,
 * which meets both halves of the {@link ReferenceFunction} contract.
 */
public abstract class RoundingFunction implements ReferenceFunction {

  @Override
  public final Kernel bind(Params p) {
    return bind(p, FinalRounding.TO_ODD);
  }

  @Override
  public final Kernel bind(Params p, Dtype dtype) {
    return bind(p, FinalRounding.forDtype(dtype));
  }

  /**
   * The kernel for resolved parameters p whose final rounding is {@code rounding}.
   *
   * @throws IllegalArgumentException for parameter values outside the function's domain
   */
  public abstract Kernel bind(Params p, FinalRounding rounding);
}
