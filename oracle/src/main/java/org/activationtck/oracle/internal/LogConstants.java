package org.activationtck.oracle.internal;

import java.math.BigInteger;

/**
 * ln 2 and ln 10 in binary fixed point, computed once to the widest precision asked so far and
 * extended on demand (doubling), then truncated for each request.
 *
 * <p>Method: Machin-like arctanh formulas, every series with terms of a single sign:
 * <pre>
 *   ln 2  = 18 atanh(1/26) - 2 atanh(1/4801) + 8 atanh(1/8749)
 *   ln 10 = 3 ln 2 + ln(5/4) = 3 ln 2 + 2 atanh(1/9)
 * </pre>
 * with atanh(1/q) = sum_{k>=0} 1 / ((2k+1) q^(2k+1)). The first is the classical formula for
 * ln 2 (each atanh(1/q) is a log of a ratio of smooth numbers: 27/25, 4802/4800, 8750/8748).
 *
 * <p>Error bound: each atanh(1/q) is summed at f + {@link #GUARD} bits with powers formed by
 * truncating division (one unit each) and terms by one more truncating division: the n-th term
 * is within 2 units of its true value; the series stops when the power is 0, after which the
 * tail is below 2 units (the powers shrink by q^2 >= 81 per step). With n <= f terms for f <=
 * 2^24 the sum is within 2f + 2 < 2^26 units. ln 2 combines 28 such sums with integer weights
 * (error below 28 * 2^26 < 2^31 units), ln 10 three of ln 2 and one more: below 2^33 units of
 * 2^-(f + GUARD), i.e. below 2^-(f + 2). The cached value V then satisfies |V - c 2^f| < 1 after
 * the final shift by GUARD bits (truncation adds less than one unit and the error before it is
 * below a quarter).
 */
public final class LogConstants {

  /** Extra bits of every series: 2^33 units of 2^-(bits + 36) are 2^-(bits + 3). */
  static final int GUARD = 36;

  private static volatile Cached ln2 = new Cached(0, BigInteger.ZERO);
  private static volatile Cached ln10 = new Cached(0, BigInteger.ZERO);

  private record Cached(int bits, BigInteger value) {}

  private LogConstants() {}

  /** ln 2 with {@code f} fraction bits: V with |V - 2^f ln 2| < 2. */
  public static BigInteger ln2(int f) {
    Cached c = ln2;
    if (c.bits < f) {
      c = extendLn2(f);
    }
    return c.value.shiftRight(c.bits - f);
  }

  /** ln 10 with {@code f} fraction bits: V with |V - 2^f ln 10| < 2. */
  public static BigInteger ln10(int f) {
    Cached c = ln10;
    if (c.bits < f) {
      c = extendLn10(f);
    }
    return c.value.shiftRight(c.bits - f);
  }

  private static synchronized Cached extendLn2(int f) {
    Cached c = ln2;
    if (c.bits >= f) {
      return c;
    }
    int bits = Math.max(f, 2 * c.bits);
    int w = bits + GUARD;
    BigInteger v = atanhInverse(26, w).multiply(BigInteger.valueOf(18))
        .subtract(atanhInverse(4801, w).shiftLeft(1))
        .add(atanhInverse(8749, w).shiftLeft(3));
    c = new Cached(bits, v.shiftRight(GUARD));
    ln2 = c;
    return c;
  }

  private static synchronized Cached extendLn10(int f) {
    Cached c = ln10;
    if (c.bits >= f) {
      return c;
    }
    int bits = Math.max(f, 2 * c.bits);
    int w = bits + GUARD;
    BigInteger v2 = atanhInverse(26, w).multiply(BigInteger.valueOf(18))
        .subtract(atanhInverse(4801, w).shiftLeft(1))
        .add(atanhInverse(8749, w).shiftLeft(3));
    BigInteger v = v2.multiply(BigInteger.valueOf(3)).add(atanhInverse(9, w).shiftLeft(1));
    c = new Cached(bits, v.shiftRight(GUARD));
    ln10 = c;
    return c;
  }

  /** atanh(1/q) with w fraction bits, q >= 3, within 2w + 2 units (see the class bound). */
  static BigInteger atanhInverse(int q, int w) {
    BigInteger bq = BigInteger.valueOf(q);
    BigInteger q2 = BigInteger.valueOf((long) q * q);
    BigInteger power = BigInteger.ONE.shiftLeft(w).divide(bq);
    BigInteger sum = power;
    for (long k = 1; ; k++) {
      power = power.divide(q2);
      if (power.signum() == 0) {
        return sum;
      }
      sum = sum.add(power.divide(BigInteger.valueOf(2 * k + 1)));
    }
  }
}
