package org.activationtck.tck.reference.function;

/**
 * Rounds a double-double hi + lo (|lo| <= ulp(hi)/2, hi the nearest double) to odd: hi itself when
 * it is exact (lo = 0) or already has an odd last bit, else the neighbour of hi towards lo.
 *
 * <p>Why: the float32 contract rounds the float64 result once more. A float64 that lands exactly on
 * a float32 midpoint while the true value does not (sigma(1.5 * 2^-22) = 0.5 + 1.5 * 2^-24 -
 * 1e-21) then rounds the wrong way under ties-to-even. A result rounded to odd in a format with at
 * least two more bits than the target never lies on a target midpoint unless the true value does,
 * so (float) of it is correctly rounded (Boldo and Melquiond, 2008). The cost: float64 results off
 * the exact value are at most 1 ulp from it instead of 1/2.
 */
final class RoundToOdd {

  private RoundToOdd() {}

  static double of(double hi, double lo) {
    if (lo == 0 || lo != lo || Double.isInfinite(hi) || hi == 0) {
      return hi;
    }
    if ((Double.doubleToRawLongBits(hi) & 1L) != 0) {
      return hi;
    }
    return lo > 0 ? Math.nextUp(hi) : Math.nextDown(hi);
  }
}
