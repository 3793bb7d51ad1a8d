package org.activationtck.runner;

import java.util.Locale;
import org.activationtck.spi.API;

/**
 * Tolerance tiers, from the strictest. Each has a budget in ulps per function and dtype
 * ({@code tolerances.json}, with its evidence in {@code docs/TIERS.md}); the budgets never shrink
 * from one tier to the next.
 *
 * <ul>
 *   <li>{@link #STRICT}: exact for piecewise-linear functions, within 1 ulp in float64 and correctly
 *       rounded in the narrow formats for the others; subnormal results must be delivered.</li>
 *   <li>{@link #LIBM}: what an evaluation in the target format with math-library primitives of
 *       published accuracy (glibc, CUDA) may lose, derived per function from its formula;
 *       subnormal results must be delivered.</li>
 *   <li>{@link #FRAMEWORK}: what the best framework kernels measured in the conformance matrix
 *       reach, never below {@link #LIBM}; a result whose exact value is below the dtype's smallest
 *       normal may be flushed to zero (flush-to-zero hardware and compiler modes).</li>
 * </ul>
 *
 * <p>The id {@code lenient} (the name of the framework tier before 0.2) is accepted by
 * {@link #fromId(String)} as a deprecated alias of {@code framework}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Tier {
  STRICT(false),
  @API(status = API.Status.STABLE, since = "0.2")
  LIBM(false),
  @API(status = API.Status.STABLE, since = "0.2")
  FRAMEWORK(true);

  /**
   * The framework tier under its former name.
   *
   * @deprecated since 0.2; use {@link #FRAMEWORK}.
   */
  @Deprecated(since = "0.2")
  public static final Tier LENIENT = FRAMEWORK;

  /** The deprecated id that {@link #fromId(String)} still accepts for {@link #FRAMEWORK}. */
  public static final String LENIENT_ALIAS = "lenient";

  private final boolean flushToZero;

  Tier(boolean flushToZero) {
    this.flushToZero = flushToZero;
  }

  /** {@code strict}, {@code libm} or {@code framework}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a result whose exact value is below the smallest normal may be flushed to zero. */
  public boolean allowsFlushToZero() {
    return flushToZero;
  }

  /**
   * The tier with this id; {@code lenient} gives {@link #FRAMEWORK}.
   *
   * @throws IllegalArgumentException naming the token
   */
  public static Tier fromId(String s) {
    if (LENIENT_ALIAS.equals(s)) {
      return FRAMEWORK;
    }
    for (Tier t : values()) {
      if (t.id().equals(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown tier '" + s + "' (expected strict, libm or framework)");
  }
}
