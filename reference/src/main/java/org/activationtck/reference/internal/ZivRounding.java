package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * Ziv's rounding test for float64 fast paths: given an approximation h + l of a value v with
 * |h + l - v| <= bound |h|, the nearest double to v, or NaN when the bound cannot decide it (the
 * caller then takes its accurate path).
 *
 * <p>Argument: rounding to nearest is monotone, so if the two ends h + (l - b) and h + (l + b)
 * of an interval containing v round to the same double, so does v. The ends are computed with
 * one rounding each of l -+ b (|l| + b below 2^-51 |h| for the callers' normalized or nearly
 * normalized pairs, so that rounding is below 2^-104 |h|) and the final one of the sum: b is
 * widened by 2^-100 |h| to cover the former. Below the normal range the callers' own roundings
 * are absolute (up to a few 2^-1075), not relative, so b never drops below {@link #ABSOLUTE_FLOOR}
 * = 2^-1068: a result that small is never decided here. Infinite or NaN inputs give NaN.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ZivRounding {

  /** The least half-width of the test interval: 64 times the smallest subnormal. */
  static final double ABSOLUTE_FLOOR = 0x1p-1068;

  private ZivRounding() {}

  /**
   * The double nearest to v when the interval h + l -+ (relativeBound + 2^-100) |h| decides it,
   * else NaN (see the class comment). The usual outcome is a predictable branch: callers keep
   * their slow path behind {@code r != r}.
   */
  public static double nearest(double h, double l, double relativeBound) {
    double b = halfWidth(widened(relativeBound), h);
    double lower = h + (l - b);
    double upper = h + (l + b);
    return lower == upper ? lower : Double.NaN;
  }

  /**
   * relativeBound + 2^-100, the relative half-width of {@link #nearest}'s interval. With {@link
   * #halfWidth}, the arithmetic of nearest split for block loops that compute the ends
   * h + (l -+ b) in a vector pass and compare them in a scalar one: the same operations, so the
   * same bits.
   */
  public static double widened(double relativeBound) {
    return relativeBound + 0x1p-100;
  }

  /** b = widened |h| + 2^-1068 (one fma), the half-width of {@link #nearest}'s interval. */
  public static double halfWidth(double widened, double h) {
    return Math.fma(widened, Math.abs(h), ABSOLUTE_FLOOR);
  }

  /**
   * The fast result for a kernel bound for one final rounding: {@link #nearest} for float64
   * ({@link FinalRounding#NEAREST}); for the narrow dtypes h + l rounded to a double, when {@link
   * NarrowShortcut#decides} proves it rounds like v in each of them, else NaN.
   */
  public static double forDtype(double h, double l, double relativeBound, FinalRounding rounding) {
    if (rounding.toOdd()) {
      double y = h + l;
      return NarrowShortcut.decides(y, relativeBound) ? y : Double.NaN;
    }
    return nearest(h, l, relativeBound);
  }

  /**
   * Whether every value within err of r + rl rounds to r (to nearest), and, for {@link
   * FinalRounding#TO_ODD}, also lies strictly on rl's side of r (|rl| > err), so that r and the sign of rl give the
   * rounding to odd ({@link #toOdd}). r is the nearest double to r + rl; err is an absolute bound
   * that carries a margin of at least 2^-100 |r| for the rounding of rl -+ err. Floating addition
   * rounds to nearest, so r + t == r says t lies in r's rounding interval, binade edges
   * included. Branch-free and small enough to inline into per-element loops; NaN and infinite r
   * or err fail.
   */
  public static boolean decides(double r, double rl, double err, FinalRounding rounding) {
    return (r + (rl + err) == r) & (r + (rl - err) == r) & (!rounding.toOdd() | Math.abs(rl) > err);
  }

  /**
   * r rounded to odd towards rl, once {@link #decides} passed with {@link FinalRounding#TO_ODD} (r
   * finite and nonzero, r + rl strictly between r and its neighbour towards rl): r when its last significand
   * bit is 1, else that neighbour. The inlinable special case of {@link DoubleRounding#toOdd}.
   */
  public static double toOdd(double r, double rl) {
    long bits = Double.doubleToRawLongBits(r);
    long step = (rl > 0) == (r > 0) ? 1 : -1; // away from zero when rl has r's sign
    return Double.longBitsToDouble(bits + ((bits & 1) == 0 ? step : 0));
  }
}
