package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The natural logarithm, by one Newton step on {@link Exp} from a double estimate.
 *
 * <p>Method. y0 = ln z in double precision from z's 17 leading digits and decimal exponent
 * (|ln z - y0| < 10^-9 for every z a BigDecimal holds here: Math.log is within one ulp, the 17
 * digits within 10^-16, and the exponent's e10 ln 10 within 10^-10 for |e10| <= 10^6). Then
 * w = z e^(-y0) - 1 is below 2 * 10^-9 and ln z = y0 + ln(1 + w) with the alternating series
 * ln(1 + w) = w - w^2/2 + w^3/3 - ..., summed in binary fixed point until a term truncates to 0
 * (the tail is below the first omitted term since the terms decrease for |w| < 1/2).
 *
 * <p>Error bound of {@link #ln(BigDecimal, int)} at q digits, absolute: e^(-y0) within relative
 * 10^-(q+2) puts w within 1.1 * 10^-(q+2) (|z e^(-y0)| < 1.01); ln(1 + w) has slope below 1.01
 * there; the series' fixed-point truncations, its tail and its conversion to q + 6 digits add
 * below 5 * 10^-(q+5); in all
 * below 10^-(q+1). The final rounding to q + 4 significant digits adds |ln z| 10^-(q+3). So the
 * result is within 10^-q max(1, |ln z|) / 9.
 */
public final class Log {

  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final double LN10 = Math.log(10);

  /** Digits of the double estimate's input: 17 single out every double. */
  private static final MathContext LEADING = new MathContext(17);

  private Log() {}

  /** ln x for x > 0, within relative 10^-digits; ln 1 = 0 exactly. */
  public static BigDecimal log(BigDecimal x, int digits) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("log of non-positive " + x);
    }
    BigDecimal xm1 = x.subtract(BigDecimal.ONE);
    if (xm1.abs().compareTo(HALF) < 0) {
      return Log1p.log1p(xm1, digits);
    }
    // |ln x| >= ln 1.5 > 0.4: the absolute bound 10^-(d+1) max(1, |ln x|) / 9 is relative 10^-d.
    return ln(x, digits + 1).round(Precision.working(digits));
  }

  /**
   * ln z for z > 0 within absolute 10^-q max(1, |ln z|) / 9 (see the class bound); callers turn
   * that into a relative bound with their own extra digits.
   */
  static BigDecimal ln(BigDecimal z, int q) {
    if (z.compareTo(BigDecimal.ONE) == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal lead = z.round(LEADING);
    double y0d = Math.log(lead.unscaledValue().doubleValue()) - lead.scale() * LN10;
    BigDecimal y0 = new BigDecimal(y0d);
    MathContext mc = Precision.of(q + 6);
    BigDecimal w = z.multiply(Exp.exp(y0.negate(), q + 2), mc).subtract(BigDecimal.ONE, mc);
    if (w.abs().compareTo(new BigDecimal("0.001")) > 0) {
      throw new ArithmeticException("ln: estimate too far off at " + z + " (w = " + w + ")");
    }
    // The series in binary fixed point with F = ceil((q + 5) log2 10) + 16 fraction bits: w
    // within one unit, each of the N terms within two (|w| < 10^-3 < 2^-9 shrinks inherited
    // errors, and N <= F/9), stopped once a term truncates to 0 (the tail is then below 3
    // units): (2N + 4) 2^-F < 2^16 2^-F <= 10^-(q+5) in all for F < 2^16.
    int f = FixedPoint.bitsFor(q + 5) + 16;
    BigInteger wf = FixedPoint.of(w, f);
    BigInteger sum = wf;
    BigInteger power = wf;
    for (int n = 2; ; n++) {
      power = power.multiply(wf).shiftRight(f);
      BigInteger term = power.divide(BigInteger.valueOf(n));
      if (term.signum() == 0) {
        break;
      }
      sum = (n % 2 == 0) ? sum.subtract(term) : sum.add(term);
    }
    BigDecimal series = new BigDecimal(sum).divide(new BigDecimal(BigInteger.ONE.shiftLeft(f)), mc);
    return y0.add(series).round(Precision.working(q));
  }
}
