package org.activationtck.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The positions and batch lengths every input is presented in, chosen from how vectorised CPU
 * kernels split a contiguous loop (the catalog's rule {@code tck.positions} gives the sources):
 * a body that takes {@code W} elements per iteration (a vector of 4, 8 or 16 lanes, often
 * unrolled twice) and a tail of the last {@code n mod W} elements, done by a scalar loop or a
 * masked vector; arrays shorter than {@code W} never reach the body. A kernel whose body and tail
 * disagree (the sign of a zero, a comparison with NaN) is right at some positions only, so a
 * single position per input is a blind spot.
 *
 * <p>Elementwise batches of {@code n} inputs are presented
 * <ol>
 *   <li>in fixture order (the primary call, which every other presentation is compared with);
 *   <li>reversed, so that the inputs at the primary call's tail stand in a body;
 *   <li>alone, each in a call of length 1;
 *   <li>for each width {@code W} in {@link #WIDTHS}, in calls of length {@code 2W - 1}: a full
 *       body of {@code W} then a tail of {@code W - 1}, every input standing once in a tail slot.
 * </ol>
 * That is about {@code 1.6 n + 2} calls per batch. Axis vectors (softmax, log_softmax, softmin,
 * sparsemax, glu, crelu) are rotated instead, every part of the vector by the same amount, which
 * permutes the outputs the same way: every rotation for vectors of up to {@value #ALL_ROTATIONS}
 * elements, a fixed set of positions for longer ones.
 */
final class Layouts {

  /** Elements per loop iteration of the kernels aimed at: 4 to 64 (8 lanes x 2, XNNPACK u64). */
  static final int[] WIDTHS = {4, 8, 16, 32, 64};

  /** Vectors up to this length are presented in every rotation. */
  static final int ALL_ROTATIONS = 64;

  private Layouts() {}

  /** The primary call: the batch in order. */
  static Arrangement primary(int inputs, int outputs) {
    return new Arrangement("in the batch of " + inputs, iota(inputs), iota(outputs), "primary");
  }

  /** The other presentations of an elementwise batch of {@code n} inputs. */
  static List<Arrangement> elementwise(int n) {
    List<Arrangement> out = new ArrayList<>();
    if (n > 1) {
      int[] rev = new int[n];
      for (int i = 0; i < n; i++) {
        rev[i] = n - 1 - i;
      }
      out.add(new Arrangement("reversed batch of " + n, rev, rev, "reversed"));
    }
    for (int i = 0; i < n; i++) {
      out.add(new Arrangement("alone", new int[] {i}, new int[] {i}, "alone"));
    }
    for (int w : WIDTHS) {
      int length = 2 * w - 1;
      String label = "in a batch of " + length;
      String group = "tail" + w;
      for (int start = 0; start < n; start += w - 1) {
        int[] idx = new int[length];
        for (int k = 0; k < length; k++) {
          // tail slots k >= w hold inputs start .. start + w - 2; the body holds the w before
          idx[k] = Math.floorMod(start - w + k, n);
        }
        out.add(new Arrangement(label, idx, idx, group));
      }
    }
    return out;
  }

  /**
   * The rotations of one axis vector of {@code function}. Every part of the vector is rotated by
   * the same amount: glu's input is two halves (value and gate) and its output one; crelu's input
   * is one part and its output two (relu(x), relu(-x)); the others are one part each.
   *
   * @param specials input indexes of the vector's NaN and infinite elements, moved to every
   *     position of a long vector's body and tail
   */
  static List<Arrangement> axis(String function, int inLength, int outLength,
      List<Integer> specials) {
    int inParts = function.equals("glu") ? 2 : 1;
    int outParts = function.equals("crelu") ? 2 : 1;
    int part = inLength / inParts;
    if (part <= 1 || part * inParts != inLength || outLength % outParts != 0
        || outLength / outParts != part) {
      return List.of();
    }
    TreeSet<Integer> shifts = new TreeSet<>();
    if (part <= ALL_ROTATIONS) {
      for (int r = 1; r < part; r++) {
        shifts.add(r);
      }
    } else {
      int[] positions = {0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, part / 2, part - 33,
          part - 17, part - 9, part - 5, part - 3, part - 2, part - 1};
      List<Integer> from = specials.isEmpty() ? List.of(0) : specials;
      for (int s : from) {
        for (int p : positions) {
          int r = Math.floorMod(p - s % part, part);
          if (r != 0) {
            shifts.add(r);
          }
        }
      }
    }
    List<Arrangement> out = new ArrayList<>();
    for (int r : shifts) {
      out.add(new Arrangement("rotated by " + r, rotate(inLength, inParts, r),
          rotate(outLength, outParts, r), "rotated"));
    }
    return out;
  }

  /** Index map of each of {@code parts} equal parts rotated right by {@code r}. */
  private static int[] rotate(int length, int parts, int r) {
    int part = length / parts;
    int[] idx = new int[length];
    for (int p = 0; p < parts; p++) {
      for (int k = 0; k < part; k++) {
        idx[p * part + k] = p * part + Math.floorMod(k - r, part);
      }
    }
    return idx;
  }

  private static int[] iota(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }
}
