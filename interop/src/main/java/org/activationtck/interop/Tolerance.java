package org.activationtck.interop;

import org.activationtck.spec.format.Ulps;
import org.activationtck.spi.Dtype;

/**
 * A suite's acceptance test in NumPy's {@code assert_allclose} form, {@code |actual - expected|
 * <= atol + rtol * |expected|} (NaN equal to NaN, infinities equal to themselves), the form ONNX's
 * backend test runner uses with {@code rtol = 1e-3, atol = 1e-7} unless a test says otherwise
 * ({@code onnx/backend/test/runner/__init__.py}, {@code assert_similar_outputs}, and {@code
 * onnx/backend/test/loader/__init__.py} at onnx commit 6be0677fc22e).
 *
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 */
public record Tolerance(double rtol, double atol) {

  /** ONNX's node-test default. */
  public static final Tolerance ONNX = new Tolerance(1e-3, 1e-7);

  /** Whether {@code actual} passes against {@code expected}. */
  public boolean accepts(double actual, double expected) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual);
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return actual == expected;
    }
    return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
  }

  /**
   * How many ulps of {@code t} at {@code expected} the tolerance admits: {@code (atol + rtol *
   * |expected|) / ulp(expected)}; NaN for a non-finite expected value (only itself passes).
   */
  public double inUlps(double expected, Dtype t) {
    if (!FormatGrid.finite(expected)) {
      return Double.NaN;
    }
    return (atol + rtol * Math.abs(expected)) / Ulps.ulp(expected, t);
  }
}
