package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import org.activationtck.oracle.Real;

/**
 * The exact product of a real parameter and a binary input with IEEE 754's sign rules, for the
 * piecewise-linear activations whose negative branch is {@code slope * x} (leaky_relu, prelu,
 * rrelu, relu's leaky path).
 *
 * <p>Method: the product of two exact decimals is exact ({@link BigDecimal#multiply}); only the
 * cases a BigDecimal cannot carry are special: a zero product takes the sign
 * {@code sign(s) XOR sign(x)} (a zero parameter counts as +0, as frameworks store 0.0), an
 * infinite x gives a signed infinity, or NaN when s is zero (0 * Inf).
 */
public final class SignedProduct {

  private SignedProduct() {}

  /**
   * s * x exactly.
   *
   * @param s a finite parameter (never negative zero: BigDecimal has none)
   * @param x any double except NaN
   */
  public static Real of(BigDecimal s, double x) {
    boolean negative = (s.signum() < 0) != (Double.doubleToRawLongBits(x) < 0);
    if (Double.isInfinite(x)) {
      return s.signum() == 0 ? Real.NAN : Real.infinity(negative);
    }
    if (x == 0 || s.signum() == 0) {
      return Real.zero(negative);
    }
    return Real.exact(s.multiply(new BigDecimal(x)));
  }
}
