package org.activationtck.tck.harness;

import org.activationtck.oracle.Rounding;
import org.activationtck.spec.API;
import org.activationtck.spec.Dtype;

/**
 * Whether one result conforms: the rules of the tolerance model, in order.
 *
 * <ol>
 *   <li>NaN must be answered with NaN, and NaN only where NaN is due.</li>
 *   <li>±Infinity must be exact.</li>
 *   <li>The result must be a value of the dtype (a float32 call cannot return a double).</li>
 *   <li>Zeros: with {@code signedZeroStrict}, -0.0 and +0.0 differ (rule {@code tck.signed_zero}).</li>
 *   <li>Underflow: in the lenient tier a result whose exact value is below the dtype's smallest
 *       normal may be flushed to zero (FTZ/DAZ hardware); in the strict tier subnormals count like
 *       any other value, their ulp being the smallest subnormal.</li>
 *   <li>Otherwise the error in ulps of the dtype at the expected value (see {@link Ulps}) must be
 *       within the budget.</li>
 * </ol>
 *
 * @param pass whether it conforms
 * @param ulps the error in ulps (0 when identical; +Infinity for NaN/Inf mismatches)
 * @param correctlyRounded whether the result is bit-identical to the correctly rounded value
 * @param reason why it failed, or {@code null}
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public record Verdict(boolean pass, double ulps, boolean correctlyRounded, String reason) {

  /** Judges {@code actual} against the correctly rounded {@code expected}. */
  public static Verdict of(double expected, double actual, Dtype t, double budget, Tier tier,
      boolean signedZeroStrict) {
    boolean identical = Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(actual)
        || (Double.isNaN(expected) && Double.isNaN(actual));
    if (identical) {
      return new Verdict(true, 0, true, null);
    }
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return new Verdict(false, Double.POSITIVE_INFINITY, false,
          Double.isNaN(expected) ? "NaN expected" : "NaN returned for a non-NaN result");
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return new Verdict(false, Double.POSITIVE_INFINITY, false, "infinity mismatch");
    }
    if (!Rounding.isRepresentable(actual, t)) {
      return new Verdict(false, Double.POSITIVE_INFINITY, false, "result is not a " + t.id() + " value");
    }
    if (expected == 0 && actual == 0) {
      return signedZeroStrict
          ? new Verdict(false, 0, false, "sign of zero")
          : new Verdict(true, 0, false, null);
    }
    double ulps = Ulps.distance(expected, actual, t);
    if (tier == Tier.LENIENT && actual == 0 && Math.abs(expected) < Math.scalb(1.0, t.minExponent())) {
      return new Verdict(true, ulps, false, null);
    }
    if (ulps <= budget) {
      return new Verdict(true, ulps, false, null);
    }
    return new Verdict(false, ulps, false, String.format("%.3g ulp > budget %s", ulps, fmt(budget)));
  }

  private static String fmt(double b) {
    return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
  }
}
