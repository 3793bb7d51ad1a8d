package org.activationtck.runner;

import org.activationtck.spec.format.Rounding;
import org.activationtck.spec.format.Ulps;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * Whether one result conforms: the rules of the tolerance model, in order. The first rule that a
 * result breaks gives the failure its {@link FailureKind}.
 *
 * <ol>
 *   <li>NaN must be answered with NaN, and NaN only where NaN is due; ±Infinity must be exact
 *       ({@link FailureKind#SPECIAL_VALUE}).</li>
 *   <li>The result must be a value of the dtype: a float32 call cannot return a double, nor a
 *       float16 call a float32 ({@link FailureKind#NOT_A_DTYPE_VALUE}).</li>
 *   <li>Zeros: with {@code signedZeroStrict}, -0.0 and +0.0 differ
 *       ({@link FailureKind#SIGNED_ZERO}, rule {@code tck.signed_zero}).</li>
 *   <li>Underflow: in a tier that {@linkplain Tier#allowsFlushToZero() allows it} (the framework
 *       tier) a result whose exact value is below the dtype's smallest normal may be flushed to
 *       zero (FTZ/DAZ hardware); in the strict and libm tiers subnormals count like any other value,
 *       their ulp being the smallest subnormal.</li>
 *   <li>Otherwise the error in ulps of the dtype at the expected value (see {@link Ulps}) must be
 *       within the budget ({@link FailureKind#ULPS}).</li>
 * </ol>
 *
 * <p>Which failures are kink conventions or position-dependent is known only to the runner (it
 * knows the case's rules and the other positions); it re-labels a verdict with
 * {@link #as(FailureKind, String)}.
 *
 * @param pass whether it conforms
 * @param ulps the error in ulps of a passing result or of a {@link FailureKind#ULPS} failure; NaN
 *     for every other kind of failure (it is not an ulp count)
 * @param correctlyRounded whether the result is bit-identical to the correctly rounded value
 * @param kind what kind of failure, {@code null} when it passed
 * @param reason why it failed, {@code null} when it passed
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public record Verdict(boolean pass, double ulps, boolean correctlyRounded, FailureKind kind,
    String reason) {

  private static final Verdict IDENTICAL = new Verdict(true, 0, true, null, null);

  /** Judges {@code actual} against the correctly rounded {@code expected}. */
  public static Verdict of(double expected, double actual, Dtype t, double budget, Tier tier,
      boolean signedZeroStrict) {
    boolean identical = Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(actual)
        || (Double.isNaN(expected) && Double.isNaN(actual));
    if (identical) {
      return IDENTICAL;
    }
    if (Double.isNaN(expected) || Double.isNaN(actual)
        || Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return failure(FailureKind.SPECIAL_VALUE, Double.isNaN(expected) ? "NaN expected"
          : Double.isNaN(actual) ? "NaN returned where a number is due"
          : Double.isInfinite(expected) ? expected + " expected" : actual + " returned where a finite value is due");
    }
    if (!Rounding.isRepresentable(actual, t)) {
      return failure(FailureKind.NOT_A_DTYPE_VALUE, actual + " is not a " + t.id() + " value");
    }
    if (expected == 0 && actual == 0) {
      return signedZeroStrict
          ? failure(FailureKind.SIGNED_ZERO, (1 / actual > 0 ? "+0.0" : "-0.0") + " returned for "
              + (1 / expected > 0 ? "+0.0" : "-0.0"))
          : new Verdict(true, 0, false, null, null);
    }
    double ulps = Ulps.distance(expected, actual, t);
    if (tier.allowsFlushToZero() && actual == 0 && Math.abs(expected) < Math.scalb(1.0, t.minExponent())) {
      return new Verdict(true, ulps, false, null, null);
    }
    if (ulps <= budget) {
      return new Verdict(true, ulps, false, null, null);
    }
    return new Verdict(false, ulps, false, FailureKind.ULPS,
        String.format("%.3g ulp > budget %s", ulps, fmt(budget)));
  }

  /** A failure of a kind other than {@link FailureKind#ULPS}, so with no ulp count. */
  public static Verdict failure(FailureKind kind, String reason) {
    return new Verdict(false, Double.NaN, false, kind, reason);
  }

  /** This failure as another kind, with another reason; the ulp count goes unless it is ULPS. */
  public Verdict as(FailureKind newKind, String newReason) {
    return new Verdict(false, newKind == FailureKind.ULPS ? ulps : Double.NaN, false, newKind, newReason);
  }

  /** Whether this is an ulp measurement (a pass, or a failure of kind ULPS). */
  public boolean measured() {
    return pass || kind == FailureKind.ULPS;
  }

  private static String fmt(double b) {
    return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
  }
}
