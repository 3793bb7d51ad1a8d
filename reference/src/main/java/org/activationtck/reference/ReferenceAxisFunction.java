package org.activationtck.reference;

import org.activationtck.spec.params.Params;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The fast reference of an axis function (softmax, glu, ...): one vector in, one vector out.
 * Same naming convention and accuracy contract as {@link ReferenceFunction}, per element: for
 * dtype float64 within 1 ulp of the exact value (correctly rounded wherever practical); for a
 * narrower dtype, a double whose single rounding to that dtype is correctly rounded.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ReferenceAxisFunction {

  /**
   * The output vector; the input is not modified.
   *
   * @throws IllegalArgumentException for inputs the function rejects (glu on an odd length)
   */
  double[] apply(double[] x, Params p);

  /**
   * The output vector for results that will be rounded to dtype t; the input is not modified.
   * The default ignores t (then {@link #apply(double[], Params)} must meet both contracts).
   *
   * @param t the dtype the caller rounds the results to; never {@code null}
   * @throws IllegalArgumentException for inputs the function rejects (glu on an odd length)
   */
  default double[] apply(double[] x, Params p, Dtype t) {
    return apply(x, p);
  }
}
