package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * e^x with relative error at most 10^-digits, in binary fixed point.
 *
 * <p>Method.
 * <ol>
 *   <li>Reduction: x = j ln 10 + r with j = floor(x / ln 10) from doubles (|j| < 2^31 - 1.9 * 10^7 for |x| <=
 *       {@link #MAX_ARGUMENT}; x within relative 10^-10 by {@link FixedPoint#approximate}, so j
 *       is off by at most one, and r is stepped back into [0, ln 10) by one ln 10 when it is
 *       not), then r = k ln 2 + s with k
 *       = round(r / ln 2) in {0, 1, 2, 3} and |s| < 0.35, both in fixed point with F fraction
 *       bits and the cached constants of {@link LogConstants}. e^x = 10^j 2^k e^s: the power of
 *       ten is a decimal exponent, so e^x for x = -10^6 (about 10^-434294) costs what e^0.5 does.
 *   <li>Approximation: e^s = (e^(s/2^M))^(2^M). The Taylor series of e^t, t = s/2^M, is summed
 *       in fixed point (each term a_n = a_(n-1) t / n) until a term truncates to 0; then M
 *       squarings. M = round(sqrt(P)) balances the N ~ P / M series terms against the M
 *       squarings (P the target bits below).
 *   <li>Reconstruction: e^s 2^k lies in [0.99, 10.1]; its decimal digits are read off with one
 *       multiplication by a cached 10^(d+3) and a shift, and 10^j becomes the scale.
 * </ol>
 *
 * <p>Error bound, in units u = 2^-F. Reduction: x to fixed point within 1 unit, j ln 10 within
 * 2(|j| + 1) <= 2^20 units (F carries bitLength|j| - 19 more bits when |j| >= 2^19, which keeps
 * this count in the units of the smaller F), k ln 2 within 6: s is within 2^20 + 7 units, a relative error of e^s at most
 * that. Series: t carries 1 more unit; each term is within 4 units (error e_n <= e_(n-1)|t|/n + 2
 * with |t| < 1/2), the N <= F computed terms within 4N, and once a term truncates to 0 the
 * omitted tail is below 8 units (true term below 4, ratio below 1/2): e^t within (4N + 10) units
 * of a value >= 0.7, relative 1.43 (4N + 10) u. Each squaring doubles the relative error and adds
 * one truncation (relative 1.43 u): after M squarings at most 2^M (6N + 17) u, as
 * (1 + 2^-41)^M <= 1.000001 covers the squared terms. With F < 2^16 (digits <= 10^4),
 * 6N + 17 < 2^19, so the total is below (2^(M+19) + 2^20 + 7) u <= 2^(M+21) u. Taking
 * F = P + M + {@link #REDUCTION_BITS} with P = ceil((d + 2) log2 10) bounds it by 10^-(d+2).
 * The decimal truncation at d + 3 digits after the point of a value >= 0.99 adds below
 * 1.02 * 10^-(d+3). Total below 10^-(d+1).
 *
 * <p>Domain: callers keep |x| below {@link #MAX_ARGUMENT}, beyond which every activation here has
 * long since underflowed or overflowed every binary format (e^(4.9 * 10^9) =
 * 10^2128042961.3...), and past 99 % of BigDecimal's exponent range.
 */
public final class Exp {

  /**
   * Largest |x| callers may pass: 4.9 * 10^9, e^(4.9 * 10^9) = 10^2128042961.3...: BigDecimal's
   * int scale reaches 2^31 - 1 = 2147483647, so this covers 99.1 % of its exponent range and
   * leaves 1.9 * 10^7 of headroom for the guard digits (at most a few 10^4), products with the
   * input and quotients of the callers (x e^x, e^x / (1 + e^x)^2; never a product of two such
   * values).
   * Anything larger is TINY or HUGE (beyond 2^1100 ~ 10^331 for every format) and printed as an
   * interval; see {@code OracleValue#decimal}.
   */
  public static final BigDecimal MAX_ARGUMENT = BigDecimal.valueOf(4_900_000_000L);

  /** Bits for the reduction's error: 2^(M+21) units, see the error bound. */
  static final int REDUCTION_BITS = 21;

  /** Decimal digits kept beyond the request: the result is truncated at d + 3 after the point. */
  static final int OUTPUT_GUARD = 3;

  private static final double LN10 = Math.log(10);

  private Exp() {}

  /** e^x within relative 10^-digits. @throws ArithmeticException when |x| > MAX_ARGUMENT */
  public static BigDecimal exp(BigDecimal x, int digits) {
    if (x.abs().compareTo(MAX_ARGUMENT) > 0) {
      throw new ArithmeticException("exp argument out of range: " + x);
    }
    if (x.signum() == 0) {
      return BigDecimal.ONE;
    }
    int p = FixedPoint.bitsFor(digits + 2);
    int m = (int) Math.max(1, Math.round(Math.sqrt(p)));
    int f = p + m + REDUCTION_BITS;
    long j = (long) Math.floor(FixedPoint.approximate(x) / LN10);
    // |j| beyond 2^19 multiplies ln 10's unit error by more than the 2^20 budgeted: more bits.
    f += Math.max(0, 64 - Long.numberOfLeadingZeros(Math.abs(j)) - 19);
    BigInteger ln10 = LogConstants.ln10(f);
    BigInteger r = FixedPoint.of(x, f).subtract(ln10.multiply(BigInteger.valueOf(j)));
    // j from a double can be off by one for |x| near 4.9 * 10^9 (x within relative 10^-10 is 0.49
    // off): step r back into [0, ln 10) so that k below keeps |s| < 0.35.
    if (r.signum() < 0) {
      j--;
      r = r.add(ln10);
    } else if (r.compareTo(ln10) >= 0) {
      j++;
      r = r.subtract(ln10);
    }
    BigInteger ln2 = LogConstants.ln2(f);
    // k = round(r / ln 2) from the leading bits; any k in {0..3} keeps |s| < 0.35.
    double rApprox = r.shiftRight(f - 60).doubleValue() / 0x1p60;
    int k = (int) Math.max(0, Math.min(3, Math.round(rApprox / Math.log(2))));
    BigInteger s = r.subtract(ln2.multiply(BigInteger.valueOf(k)));
    BigInteger e = expSmall(s.shiftRight(m), f);
    for (int i = 0; i < m; i++) {
      e = e.multiply(e).shiftRight(f);
    }
    return FixedPoint.toDecimal(e.shiftLeft(k), f, digits + OUTPUT_GUARD, j);
  }

  /**
   * e^(S 2^-f) for a fixed-point S <= 0, in fixed point with f fraction bits and an
   * <em>absolute</em> error below 2 units 2^-f, for f <= 80,000 (6N + 17 < 2^19 below); the argument
   * S is taken as exact.
   * For kernels that stay in fixed point (tanh, softplus): no decimal conversion on either side.
   *
   * <p>Method: k = round(-s / ln 2) >= 0 from a double estimate and r = s + k ln 2 (|r| < 0.35),
   * at W = f + M + {@link #REDUCTION_BITS} + bitLength(k) + 1 bits; e^r by the series and M
   * squarings of {@link #exp}; e^s = e^r 2^-k is a shift.
   *
   * <p>Error bound, in units 2^-W before the final shift: r within 2k + 1 (ln 2 within 2 units,
   * times k, plus none from S, which is shifted exactly), the series and the squarings within
   * 2^M (6N + 17) (1.000001) < 2^(M+19) relative (see the class bound; N <= W/M < 87,000): a relative error
   * of e^r below (2^(M+19) + 2k + 1) 2^-W, an absolute one below 1.42 times that (e^r < 1.42).
   * The shift by k + W - f divides it by 2^(k + M + 21 + bitLength(k) + 1) and truncates (one
   * unit): in units 2^-f at most 1.42 (2^-3 + 2^-21) + 1 < 1.2, below 2.
   */
  static BigInteger expNonPositive(BigInteger s, int f) {
    if (s.signum() > 0) {
      throw new IllegalArgumentException("expNonPositive of a positive argument");
    }
    if (s.signum() == 0) {
      return BigInteger.ONE.shiftLeft(f);
    }
    // -s / ln 2 within relative 2^-50; any k with |s + k ln 2| < 0.35 works (ln 2 / 2 = 0.3466).
    long k = Math.round(-FixedPoint.toDouble(s, f) / LN2);
    int m = (int) Math.max(1, Math.round(Math.sqrt(f)));
    int w = f + m + REDUCTION_BITS + (64 - Long.numberOfLeadingZeros(k)) + 1;
    BigInteger r = s.shiftLeft(w - f).add(LogConstants.ln2(w).multiply(BigInteger.valueOf(k)));
    BigInteger e = expSmall(r.shiftRight(m), w);
    for (int i = 0; i < m; i++) {
      e = e.multiply(e).shiftRight(w);
    }
    long shift = k + (w - f);
    return shift >= Integer.MAX_VALUE ? BigInteger.ZERO : e.shiftRight((int) shift);
  }

  private static final double LN2 = Math.log(2);

  /** e^t for fixed-point |t| < 1/2: the Taylor series until a term truncates to 0. */
  private static BigInteger expSmall(BigInteger t, int f) {
    BigInteger one = BigInteger.ONE.shiftLeft(f);
    BigInteger sum = one.add(t);
    BigInteger term = t;
    for (int n = 2; ; n++) {
      term = term.multiply(t).shiftRight(f).divide(BigInteger.valueOf(n));
      if (term.signum() == 0) {
        return sum;
      }
      sum = sum.add(term);
    }
  }
}
