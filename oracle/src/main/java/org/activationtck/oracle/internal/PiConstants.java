package org.activationtck.oracle.internal;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The square-root constants of the Gaussian kernels (sqrt(pi), sqrt(2 pi), sqrt(1/2),
 * sqrt(8/pi)), each computed once per precision with big-math (whose pi and Newton square root
 * are within one ulp of the MathContext) and cached. A kernel asks for the same few precisions
 * over and over (Ziv's loop doubles from 24 digits), so the cache stays small; recomputing the
 * square root per evaluation cost more than the series it scales.
 */
public final class PiConstants {

  private static final Map<Integer, BigDecimal> SQRT_PI = new ConcurrentHashMap<>();
  private static final Map<Integer, BigDecimal> SQRT_TWO_PI = new ConcurrentHashMap<>();
  private static final Map<Integer, BigDecimal> SQRT_HALF = new ConcurrentHashMap<>();
  private static final Map<Integer, BigDecimal> SQRT_EIGHT_OVER_PI = new ConcurrentHashMap<>();

  private PiConstants() {}

  /** sqrt(pi) to {@code q} significant digits, within one ulp. */
  public static BigDecimal sqrtPi(int q) {
    return cached(SQRT_PI, q, mc -> BigDecimalMath.sqrt(BigDecimalMath.pi(mc), mc));
  }

  /** sqrt(2 pi) to {@code q} significant digits, within one ulp. */
  public static BigDecimal sqrtTwoPi(int q) {
    return cached(SQRT_TWO_PI, q,
        mc -> BigDecimalMath.sqrt(BigDecimalMath.pi(mc).multiply(BigDecimal.valueOf(2)), mc));
  }

  /** sqrt(1/2) to {@code q} significant digits, within one ulp. */
  public static BigDecimal sqrtHalf(int q) {
    return cached(SQRT_HALF, q, mc -> BigDecimalMath.sqrt(new BigDecimal("0.5"), mc));
  }

  /** sqrt(8/pi) to {@code q} significant digits, within one ulp. */
  public static BigDecimal sqrtEightOverPi(int q) {
    return cached(SQRT_EIGHT_OVER_PI, q,
        mc -> BigDecimalMath.sqrt(BigDecimal.valueOf(8).divide(BigDecimalMath.pi(mc), mc), mc));
  }

  private static BigDecimal cached(Map<Integer, BigDecimal> cache, int q,
      Function<MathContext, BigDecimal> compute) {
    if (q > 2048) {
      return compute.apply(Precision.of(q));
    }
    return cache.computeIfAbsent(q, k -> compute.apply(Precision.of(k)));
  }
}
