package org.activationtck.reference.kernel;

import static org.activationtck.reference.internal.DoubleDouble.add;
import static org.activationtck.reference.internal.DoubleDouble.mul;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.FinalRounding;


/**
 * A derivative near its simple root r (silu and gelu have a minimum): f'(x) = sum_{k=1..5}
 * c_k h^k with h = x - r, for |h| < {@link #RADIUS}. The direct formulas cancel there (at the
 * doubles next to r, f' is about 1e-17 while its terms are about 0.2, leaving 106 - 57 = 49 bits
 * of the double-double); the series has no cancellation.
 *
 * <p>h = (x - r_hi) - r_lo with x - r_hi exact (Sterbenz), so h carries 106 bits. Truncation:
 * the omitted c_6 h^6 is below |c_1 h| * 2^-100 for |h| < 2^-20 (|c_6| < 1 for all three roots).
 * c_1 is a double-double, c_2..c_5 doubles (their terms are at most 2^-20 of the first).
 * Coefficients: mpmath at 60 digits (findroot, taylor), rounded as written.
 */
public final class RootTaylor {

  /** Radius of use, 2^-20. */
  public static final double RADIUS = 0x1p-20;

  private RootTaylor() {}

  /** Whether x is within RADIUS of root. */
  public static boolean near(double x, DoubleDouble root) {
    return Math.abs(x - root.hi) < RADIUS;
  }

  /** c1 h + c[0] h^2 + c[1] h^3 + ... rounded once for the dtype (nearest, or to odd). */
  public static double value(FinalRounding rounding, double x, DoubleDouble root, DoubleDouble c1, double... higher) {
    double d = x - root.hi;
    DoubleDouble h = add(DoubleDouble.of(d), DoubleDouble.of(-root.lo));
    DoubleDouble p = DoubleDouble.of(higher[higher.length - 1]);
    for (int i = higher.length - 2; i >= 0; i--) {
      p = add(mul(p, h), DoubleDouble.of(higher[i]));
    }
    p = add(mul(p, h), c1);
    return DoubleDouble.round(mul(p, h), rounding);
  }
}
