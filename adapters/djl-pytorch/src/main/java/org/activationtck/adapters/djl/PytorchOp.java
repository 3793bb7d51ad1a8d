package org.activationtck.adapters.djl;

import ai.djl.ndarray.NDArray;
import org.activationtck.adapters.support.CallParameters;

/** One catalog function as a DJL call on a PyTorch-engine array. */
@FunctionalInterface
interface PytorchOp {

  /**
   * Applies the function to {@code x} (a 1-D array; for axis functions the vector along the axis).
   *
   * @throws UnsupportedOperationException for parameter values DJL cannot express
   */
  NDArray apply(NDArray x, CallParameters p);
}
