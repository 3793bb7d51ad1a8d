package org.activationtck.adapters.nd4j;

import java.util.Set;
import org.activationtck.adapters.support.CallParameters;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One catalog function as an ND4J activation class: the dialects whose values it computes, the
 * dialects whose derivative its backprop computes (the gradient at every kink included, which is
 * where the dialects part), and how to build it from the call's parameters and dialect.
 *
 * @param valueDialects dialects whose definition {@code getActivation} implements
 * @param derivativeDialects dialects whose derivative {@code backprop(x, 1)} implements
 *     elementwise; empty for axis functions and activations without a usable backprop
 * @param factory builds the activation for one call
 */
record Nd4jMapping(Set<String> valueDialects, Set<String> derivativeDialects, Factory factory) {

  /** Builds the activation for one call. */
  @FunctionalInterface
  interface Factory {

    /**
     * @param p the call's parameters, resolved against the catalog
     * @param dialect the call's dialect
     * @param x the input array (for activations with per-element parameters, such as PReLU's)
     * @throws UnsupportedOperationException for parameter values the class cannot take
     */
    IActivation create(CallParameters p, String dialect, INDArray x);
  }

  /** Whether the mapping answers this dialect, for the value or for the derivative. */
  boolean covers(String dialect, boolean derivative) {
    return (derivative ? derivativeDialects : valueDialects).contains(dialect);
  }
}
