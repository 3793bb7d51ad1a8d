package org.activationtck.interop;

import java.util.Arrays;

/** NumPy-style (right-aligned) broadcasting of one shape to another, as ONNX's PRelu uses it. */
final class Broadcast {

  private Broadcast() {}

  /**
   * For each element of a tensor of shape {@code to} (row-major), the index of the element of a
   * tensor of shape {@code from} broadcast to it.
   *
   * @throws IllegalArgumentException when {@code from} does not broadcast to {@code to}
   */
  static int[] indexMap(long[] from, long[] to) {
    if (from.length > to.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(from) + " does not broadcast to "
          + Arrays.toString(to));
    }
    int offset = to.length - from.length;
    for (int d = 0; d < from.length; d++) {
      if (from[d] != 1 && from[d] != to[d + offset]) {
        throw new IllegalArgumentException("shape " + Arrays.toString(from)
            + " does not broadcast to " + Arrays.toString(to));
      }
    }
    int n = (int) Tensor.elementCount(to);
    int[] map = new int[n];
    int[] coord = new int[to.length];
    for (int i = 0; i < n; i++) {
      int index = 0;
      for (int d = 0; d < from.length; d++) {
        index = (int) (index * from[d] + (from[d] == 1 ? 0 : coord[d + offset]));
      }
      map[i] = index;
      for (int d = to.length - 1; d >= 0; d--) {
        if (++coord[d] < to[d]) {
          break;
        }
        coord[d] = 0;
      }
    }
    return map;
  }
}
