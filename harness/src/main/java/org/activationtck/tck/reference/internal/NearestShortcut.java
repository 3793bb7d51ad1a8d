package org.activationtck.tck.reference.internal;

import org.activationtck.spec.API;

/**
 * Ziv's rounding test for float64: whether a fast double-double approximation with a proved
 * relative error bound already determines the nearest double, so that only the rest need the
 * slower accurate path (the float64 counterpart of {@link NarrowShortcut}).
 *
 * <p>Argument. Let h + l be normalized (h the nearest double to h + l, so |l| <= ulp(h)/2) and
 * |v - (h + l)| <= b |h| for the exact value v. Then v lies in [h - T, h + T] with T = |l| + b |h|.
 * Rounding to nearest is monotone, so if h - T and h + T both round to h, every point between
 * them does, v included, whatever v's position relative to the midpoints (ties included). The
 * test evaluates fl(h + fl(T)) and fl(h - fl(T)); fl(T) may fall short of T by 2^-53 T, which a
 * caller's bound absorbs when it carries a factor 2 spare (T <= 2^-52 |h| makes the shortfall at
 * most 2^-105 |h|, below any bound used). About 2 b / 2^-53 of random inputs fail the test.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NearestShortcut {

  private NearestShortcut() {}

  /**
   * Whether h is the nearest double to every value within {@code relativeBound * |h|} of h + l,
   * for a normalized pair (|l| <= ulp(h)/2) with normal h and a bound that carries a factor 2
   * spare (see the class comment). Branch-free; false for NaN and infinite h.
   */
  public static boolean decides(double h, double l, double relativeBound) {
    double t = Math.abs(l) + relativeBound * Math.abs(h);
    return (h + t == h) & (h - t == h);
  }
}
