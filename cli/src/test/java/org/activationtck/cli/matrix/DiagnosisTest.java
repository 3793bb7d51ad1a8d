package org.activationtck.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activationtck.cli.matrix.Diagnosis.Cause;
import org.junit.jupiter.api.Test;

/** Each pattern of failing values gets its cause; mixed rows list causes by frequency. */
class DiagnosisTest {

  private static TierReport.Failure f(String input, String expected, String actual, double ulps, String reason) {
    return new TierReport.Failure("sigmoid/keras3/default/float64/x/0", "keras3", input, expected, actual,
        "failed", ulps, "ulps", reason);
  }

  private static TierReport.Failure signedZero(String input, String expected, String actual) {
    return new TierReport.Failure("sigmoid/keras3/default/float64/x/0", "keras3", input, expected, actual,
        "failed", Double.POSITIVE_INFINITY, "signed_zero", actual + " returned for " + expected);
  }

  private static Cause only(String dtype, TierReport.Failure... fs) {
    Diagnosis d = Diagnosis.of(List.of(fs), dtype);
    assertEquals(1, d.causes().size(), d.summary());
    return d.primary();
  }

  @Test
  void signedZero() {
    assertEquals(Cause.SIGNED_ZERO, only("float64", signedZero("-0.0 (-0x0.0p0)", "-0.0", "0.0")));
  }

  @Test
  void nanBothWays() {
    assertEquals(Cause.NAN, only("float64", f("NaN (NaN)", "NaN", "1.0", Double.POSITIVE_INFINITY, "NaN expected"),
        f("1.0 (0x1.0p0)", "0.5", "NaN", Double.POSITIVE_INFINITY, "unexpected NaN")));
  }

  @Test
  void overflowAndInfinity() {
    assertEquals(Cause.OVERFLOW, only("float64",
        f("1.7976931348623157E308 (0x1.fffffffffffffp1023)", "1.7976931348623157E308", "Infinity",
            Double.POSITIVE_INFINITY, "infinity mismatch")));
    assertEquals(Cause.INFINITY, only("float64",
        f("Infinity (Infinity)", "Infinity", "1.0E20", Double.POSITIVE_INFINITY, "infinity mismatch")));
  }

  @Test
  void zeroIsAFlushBelowTheSmallestNormalOfTheDtypeAndATailAboveIt() {
    // 1e-40 is subnormal in float32 but normal in float64
    assertEquals(Cause.FLUSH_TO_ZERO, only("float32", f("-92.0 (-0x1.7p6)", "1.0E-40", "0.0", 7e4, "7e4 ulp > budget 0")));
    assertEquals(Cause.ZERO_IN_TAIL, only("float64", f("-92.0 (-0x1.7p6)", "1.0E-40", "0.0", 7e4, "7e4 ulp > budget 1")));
    // a zero for an O(1) value is no tail effect
    assertEquals(Cause.WRONG_VALUE, only("float64", f("0.25 (0x1.0p-2)", "1.0", "0.0", 4.5e15, "x")));
  }

  @Test
  void oneAnswerForManyExpectedValuesIsSaturation() {
    assertEquals(Cause.SATURATION, only("float64",
        f("-40.0 (-0x1.4p5)", "4.248354255291589E-18", "2.319522830243569E-16", 1e5, "x"),
        f("-50.0 (-0x1.9p5)", "1.928749847963918E-22", "2.319522830243569E-16", 1e9, "x"),
        f("-60.0 (-0x1.ep5)", "8.75651076269652E-27", "2.319522830243569E-16", 1e13, "x")));
    // two sharing an answer are not enough
    assertTrue(Diagnosis.of(List.of(
        f("-40.0 (-0x1.4p5)", "4.248354255291589E-18", "2.319522830243569E-16", 1e5, "x"),
        f("-50.0 (-0x1.9p5)", "1.928749847963918E-22", "2.319522830243569E-16", 1e9, "x")), "float64")
        .causes().get(Cause.SATURATION) == null);
  }

  @Test
  void smallUlpsCancellationAndModerate() {
    assertEquals(Cause.SMALL_ULPS, only("float32", f("-8.5 (-0x1.1p3)", "-0.99999994", "-0.9999999", 1, "1.00 ulp > budget 0")));
    // tanh_shrink(1e-8) ~ 3.3e-25 computed as x - tanh x: tiny result from terms of size 1e-8
    assertEquals(Cause.CANCELLATION, only("float64",
        f("1.0E-8 (0x1.5798ee2308c3ap-27)", "3.333333333333334E-25", "3.308722450212111E-24", 4e15, "x")));
    // Smile's tanh' = (1 - y)^2 instead of 1 - y^2: tiny expected value, but an error far above
    // the rounding of the terms: a wrong formula, not a cancellation
    assertEquals(Cause.WRONG_VALUE, only("float64",
        f("5.0 (0x1.4p2)", "1.8158323094407235E-4", "8.24303578285e-9", 1e12, "x")));
    assertEquals(Cause.MODERATE_ULPS, only("float64", f("3.0 (0x1.8p1)", "0.9525741268224334", "0.9525741268224354", 9, "x")));
  }

  @Test
  void wrongValuesAllOnOneSideAreCalledOneSided() {
    List<TierReport.Failure> fs = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      double x = -i;
      // leaky relu with slope 0.3 where 0.2 is due: every negative input wrong by 50%
      fs.add(f(x + " (hex)", Double.toString(0.2 * x), Double.toString(0.3 * x), 1e15, "x"));
    }
    Diagnosis d = Diagnosis.of(fs, "float64");
    assertEquals(Map.of(Cause.WRONG_VALUE, 6), d.causes());
    assertEquals("x < 0", d.oneSide());
    assertTrue(d.summary().contains("all at x < 0"), d.summary());
    fs.add(f("2.0 (0x1.0p1)", "2.0", "3.0", 1e15, "x"));
    assertNull(Diagnosis.of(fs, "float64").oneSide());
  }

  @Test
  void causesAreOrderedByFrequencyAndCounted() {
    Diagnosis d = Diagnosis.of(List.of(
        signedZero("-0.0 (-0x0.0p0)", "-0.0", "0.0"),
        f("NaN (NaN)", "NaN", "1.0", Double.POSITIVE_INFINITY, "NaN expected"),
        f("NaN (NaN)", "NaN", "2.0", Double.POSITIVE_INFINITY, "NaN expected")), "float64");
    assertEquals(List.of(Cause.NAN, Cause.SIGNED_ZERO), List.copyOf(d.causes().keySet()));
    assertTrue(d.summary().startsWith("2/3 NaN handling"), d.summary());
  }

  @Test
  void vectorInputsHaveNoSide() {
    assertTrue(Double.isNaN(Diagnosis.inputValue("[1.0, 2.0]")));
    assertEquals(-710.0, Diagnosis.inputValue("-710.0 (-0x1.63p9)"));
  }
}
