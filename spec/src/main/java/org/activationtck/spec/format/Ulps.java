package org.activationtck.spec.format;

import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * Errors measured in units in the last place of the target format.
 *
 * <p>The ulp of a value v of a format with precision p and minimum exponent emin is
 * 2^(max(floor(log2|v|), emin) - p + 1): the spacing of the format's values in v's binade,
 * constant through the subnormal range. For an expected value of 0 the ulp is the smallest
 * subnormal. The distance of an actual value a from an expected e is |a - e| / ulp(e), computed
 * exactly in double (both are doubles; their difference is exact by Sterbenz or fits double's
 * wider exponent range for the narrow formats).
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class Ulps {

  private Ulps() {}

  /** The ulp of v in the format (v finite). */
  public static double ulp(double v, Dtype t) {
    double a = Math.abs(v);
    int e = a == 0 ? t.minExponent() : Math.max(Math.getExponent(a), t.minExponent());
    return Math.scalb(1.0, e - t.precision() + 1);
  }

  /**
   * The error of {@code actual} against the correctly rounded {@code expected}, in ulps of the
   * format at {@code expected}. Zero when both are NaN or equal (signed zeros are equal here; the
   * sign of zero is judged separately); +Infinity when exactly one is NaN or infinite, or they
   * are infinities of different sign.
   */
  public static double distance(double expected, double actual, Dtype t) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return expected == actual ? 0 : Double.POSITIVE_INFINITY;
    }
    if (expected == actual) {
      return 0;
    }
    return Math.abs(actual - expected) / ulp(expected, t);
  }
}
