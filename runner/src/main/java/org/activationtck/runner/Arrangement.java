package org.activationtck.runner;

/**
 * One call that presents some of a batch's inputs to the implementation in a given order: the
 * call's input element {@code k} is the batch input {@code in[k]}, and its output element
 * {@code k} answers the batch output {@code out[k]}. The first arrangement of every batch is the
 * batch itself, in fixture order; the others move the same inputs to other positions and into
 * calls of other lengths (see {@link Layouts}).
 *
 * @param label where the inputs stand, for reasons: {@code "alone"}, {@code "in a batch of 15"}
 * @param in batch input index per call input position
 * @param out batch output index per call output position
 * @param group the layout this call belongs to; after a time-out the rest of the group is skipped
 */
record Arrangement(String label, int[] in, int[] out, String group) {

  /** Where output position {@code k} stood in this call, e.g. {@code "at index 14 of 15"}. */
  String where(int k) {
    return out.length == 1 ? label : "at index " + k + " of " + out.length + " (" + label + ")";
  }
}
