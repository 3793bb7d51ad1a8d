package org.activationtck.spec.format;

import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Powers of ten as integers, cached: decimal-to-binary conversions (here and in the oracle's
 * fixed-point kernels) need the same few powers over and over.
 */
public final class PowersOfTen {

  /** Powers above this are computed each time rather than cached (rare, and large). */
  private static final int CACHED = 4096;

  private static final ConcurrentHashMap<Integer, BigInteger> CACHE = new ConcurrentHashMap<>();

  private PowersOfTen() {}

  /**
   * 10^n.
   *
   * @throws IllegalArgumentException for n < 0
   */
  public static BigInteger of(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative power of ten " + n);
    }
    if (n > CACHED) {
      return BigInteger.TEN.pow(n);
    }
    return CACHE.computeIfAbsent(n, BigInteger.TEN::pow);
  }
}
