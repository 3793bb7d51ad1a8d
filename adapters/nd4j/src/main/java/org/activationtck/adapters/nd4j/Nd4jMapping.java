package org.activationtck.adapters.nd4j;

import java.util.Set;
import java.util.function.BiFunction;
import org.nd4j.linalg.activations.IActivation;

/**
 * One catalog function as an ND4J activation: the dialects whose semantics (values and the
 * gradient at every kink) the ND4J class implements, how to build it from the call's parameters
 * (for the call's dialect), and whether its backprop is the function's derivative.
 *
 * @param dialects the catalog dialects the class follows
 * @param factory builds the activation; throws UnsupportedOperationException for parameter
 *     values the class cannot take
 * @param backprop whether {@code backprop(x, 1)} gives f'(x) elementwise (not for axis functions)
 */
record Nd4jMapping(Set<String> dialects,
    BiFunction<CallParameters, String, IActivation> factory, boolean backprop) {
}
