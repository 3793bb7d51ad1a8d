package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * Branch-free choice between two doubles by the sign bit of a third. A kernel that picks a
 * formula by the sign of x with an {@code if} or a ternary pays a mispredicted branch (15-20
 * cycles, more than a whole exp) on half of all random inputs; selecting with a mask costs
 * three integer operations and keeps the loop free of data-dependent branches.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SignSelect {

  private SignSelect() {}

  /**
   * {@code ifSet} when x's sign bit is set (x < 0, -0.0, NaNs with the bit set), else
   * {@code ifClear}, bit for bit (NaN payloads and signed zeros included).
   */
  public static double bySignBit(double x, double ifSet, double ifClear) {
    long m = Double.doubleToRawLongBits(x) >> 63;
    return Double.longBitsToDouble(
        (Double.doubleToRawLongBits(ifSet) & m) | (Double.doubleToRawLongBits(ifClear) & ~m));
  }
}
