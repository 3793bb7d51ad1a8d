package org.activationtck.reference.internal;

import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The last rounding of a reference kernel that computes more than a double, chosen by where its
 * double result goes ({@link DoubleRounding} says why there are two).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum FinalRounding {

  /** The double is the float64 result: to nearest, ties to even. */
  NEAREST,

  /** The double will be narrowed to float32, float16 or bfloat16: to odd. */
  TO_ODD;

  /** The rounding for results of dtype t: to odd for every dtype narrower than float64. */
  public static FinalRounding forDtype(Dtype t) {
    return t == Dtype.FLOAT64 ? NEAREST : TO_ODD;
  }

  /** Whether this is {@link #TO_ODD}. */
  public boolean toOdd() {
    return this == TO_ODD;
  }
}
