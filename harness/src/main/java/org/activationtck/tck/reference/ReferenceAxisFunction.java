package org.activationtck.tck.reference;

import org.activationtck.oracle.Params;
import org.activationtck.spec.API;

/**
 * The fast reference of an axis function (softmax, glu, ...): one vector in, one vector out, in
 * float64, within 1 ulp of the exact value per element (float32: the float64 result rounded once).
 * Same naming convention as {@link ReferenceFunction}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ReferenceAxisFunction {

  /**
   * The output vector; the input is not modified.
   *
   * @throws IllegalArgumentException for inputs the function rejects (glu on an odd length)
   */
  double[] apply(double[] x, Params p);
}
