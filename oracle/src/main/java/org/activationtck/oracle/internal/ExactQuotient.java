package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.activationtck.oracle.Real;

/**
 * n / 6 for an exact decimal n: the one division of the hard_sigmoid/hard_silu family
 * ((x + 3) / 6, x (x + 3) / 6, (2x + 3) / 6) whose result a BigDecimal may not hold.
 *
 * <p>Method: n = U * 10^-k with integer U. Since 10^k is prime to 3, n / 6 terminates iff 3
 * divides U; then the quotient is returned exact (these are the only quotients that can be dyadic,
 * hence the only ones that can be rounding ties). Otherwise n / 6 = (U / 3) * 10^-k / 2 has an
 * infinite binary expansion, is never a tie, and is returned rounded half-even to digits + 1
 * significant digits: relative error at most 10^-digits / 2.
 */
public final class ExactQuotient {

  private static final BigInteger THREE = BigInteger.valueOf(3);
  private static final BigDecimal SIX = BigDecimal.valueOf(6);

  private ExactQuotient() {}

  /** n / 6, exact when it terminates, else within relative 10^-digits. */
  public static Real sixth(BigDecimal n, int digits) {
    if (n.signum() == 0) {
      return Real.POSITIVE_ZERO;
    }
    if (n.unscaledValue().mod(THREE).signum() == 0) {
      return Real.exact(n.divide(SIX));
    }
    return Real.approx(n.divide(SIX, new MathContext(digits + 1, RoundingMode.HALF_EVEN)), digits);
  }
}
