package org.activationtck.oracle;

import org.activationtck.spec.params.Params;

import org.activationtck.spi.API;

/**
 * Implemented by elementwise functions with a trainable parameter whose derivative the oracle
 * also gives (soft_exponential: d/d alpha). Same contract as {@link ElementwiseFunction}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ParameterDerivative {

  /**
   * d f / d parameter at x.
   *
   * @throws IllegalArgumentException naming the parameter when it has no derivative here
   */
  Real derivative(String parameter, double x, Params p, int digits);
}
