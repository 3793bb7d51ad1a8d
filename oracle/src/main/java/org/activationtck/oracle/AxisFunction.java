package org.activationtck.oracle;

import org.activationtck.spec.params.Params;

import org.activationtck.spi.API;

/**
 * The oracle's evaluation of a function of a whole vector (softmax, glu, sparsemax, ...).
 *
 * <p>{@code x} is one vector along the axis, each element an exact binary value (NaN, ±Infinity
 * and ±0.0 allowed). Returns the output vector (its length may differ: half for glu, twice for
 * crelu), each element exact or approximate within relative {@code 10^-digits}. Stateless and
 * thread-safe; bounded time.
 *
 * @throws IllegalArgumentException for inputs the function rejects (glu on an odd length) or
 *     parameters outside the domain
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public interface AxisFunction {

  /** The output vector. */
  Real[] value(double[] x, Params p, int digits);
}
