package org.activationtck.runner;

import java.util.Locale;
import org.activationtck.spi.API;

/**
 * What kind of wrong a failed check is. Only {@link #ULPS} failures are measured in ulps: a NaN
 * where a number is due, a wrong sign of zero or a kink convention are not small errors of a
 * right formula, and an ulp count would hide what they are. The constants are in order of
 * severity, most severe first; a check has one kind, the first that applies.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum FailureKind {

  /** The call gave no judgeable result: it threw, timed out, returned null, the wrong length,
   *  or mutated its input. */
  NO_RESULT("no result"),

  /** NaN or ±Infinity where another value is due, or a value where NaN or ±Infinity is due. */
  SPECIAL_VALUE("wrong special value"),

  /** The result is not a value of the call's dtype (a double returned for a float32 call). */
  NOT_A_DTYPE_VALUE("not a value of the dtype"),

  /** The same input gave different results at different positions or in batches of different
   *  lengths (a SIMD body and a scalar tail that disagree). */
  POSITION_DEPENDENT("position-dependent"),

  /** A derivative at a kink (a point where the function is not differentiable) that follows
   *  another convention than the dialect's. */
  KINK_CONVENTION("kink convention"),

  /** +0.0 for -0.0 or the reverse, with signed zeros strict. */
  SIGNED_ZERO("wrong sign of zero"),

  /** A finite result off by more ulps than the budget allows. */
  ULPS("ulps");

  private final String description;

  FailureKind(String description) {
    this.description = description;
  }

  /** What a person reads, e.g. {@code wrong sign of zero}. */
  public String description() {
    return description;
  }

  /** The id in machine-readable reports, e.g. {@code signed_zero}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
