package org.activationtck.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.activationtck.spec.format.Ulps;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;


/** The tolerance model's rules on hand-picked values. */
class VerdictTest {

  private static Verdict strict(double expected, double actual, Dtype t, double budget) {
    return Verdict.of(expected, actual, t, budget, Tier.STRICT, true);
  }

  @Test
  void ulps_areMeasuredInTheTargetFormat() {
    assertEquals(1, Ulps.distance(1.0, Math.nextUp(1.0), Dtype.FLOAT64));
    assertEquals(1, Ulps.distance(1.0, Math.nextUp(1.0f), Dtype.FLOAT32));
    // Below 1 the spacing halves: one float32 step below 1.0 is half an ulp of 1.0's binade? No:
    // the ulp is taken at the expected value, so nextDown(1f) is 2^-24 / 2^-23 = 0.5 ulp away.
    assertEquals(0.5, Ulps.distance(1.0, Math.nextDown(1.0f), Dtype.FLOAT32));
    // Subnormal range: the ulp is the smallest subnormal.
    assertEquals(3, Ulps.distance(Double.MIN_VALUE, 4 * Double.MIN_VALUE, Dtype.FLOAT64));
    assertEquals(1, Ulps.distance(0.0, 0x1p-24, Dtype.FLOAT16));
  }

  @Test
  void nanAndInfinities_mustBeExact() {
    assertTrue(strict(Double.NaN, Double.NaN, Dtype.FLOAT64, 0).pass());
    assertFalse(strict(Double.NaN, 0.0, Dtype.FLOAT64, 1e9).pass());
    assertFalse(strict(1.0, Double.NaN, Dtype.FLOAT64, 1e9).pass());
    assertFalse(strict(Double.POSITIVE_INFINITY, Double.MAX_VALUE, Dtype.FLOAT64, 1e300).pass());
    assertFalse(strict(Double.MAX_VALUE, Double.POSITIVE_INFINITY, Dtype.FLOAT64, 1e300).pass());
  }

  @Test
  void specialValueFailures_areOfTheirOwnKind_notAnUlpCount() {
    for (Verdict v : new Verdict[] {strict(Double.NaN, 0.0, Dtype.FLOAT64, 1e9),
        strict(1.0, Double.NaN, Dtype.FLOAT32, 1e9),
        strict(Double.POSITIVE_INFINITY, Double.MAX_VALUE, Dtype.FLOAT64, 1e300),
        strict(0.5, Double.NEGATIVE_INFINITY, Dtype.FLOAT16, 1e300)}) {
      assertEquals(FailureKind.SPECIAL_VALUE, v.kind(), v.reason());
      assertTrue(Double.isNaN(v.ulps()), "no ulp count for " + v.reason());
      assertFalse(v.measured());
    }
    assertEquals("NaN returned where a number is due", strict(1.0, Double.NaN, Dtype.FLOAT64, 0).reason());
  }

  @Test
  void signedZero_strictOrLenient() {
    Verdict v = strict(-0.0, 0.0, Dtype.FLOAT32, 0);
    assertFalse(v.pass());
    assertEquals(FailureKind.SIGNED_ZERO, v.kind());
    assertEquals("+0.0 returned for -0.0", v.reason());
    assertTrue(Double.isNaN(v.ulps()));
    assertTrue(Verdict.of(-0.0, 0.0, Dtype.FLOAT32, 0, Tier.STRICT, false).pass());
  }

  @Test
  void flushToZero_onlyInTheFrameworkTier() {
    double sub = 0x1p-140; // a float32 subnormal
    assertFalse(strict(sub, 0.0, Dtype.FLOAT32, 0).pass());
    assertFalse(Verdict.of(sub, 0.0, Dtype.FLOAT32, 10, Tier.LIBM, true).pass(), "512 ulp: flushes count in libm");
    assertTrue(Verdict.of(sub, 0.0, Dtype.FLOAT32, 0, Tier.FRAMEWORK, true).pass());
    // A normal result flushed to zero is a failure even in the framework tier.
    assertFalse(Verdict.of(0x1p-100, 0.0, Dtype.FLOAT32, 1, Tier.FRAMEWORK, true).pass());
  }

  @Test
  void resultMustBeAValueOfTheDtype() {
    Verdict v = strict(0.1f, 0.1, Dtype.FLOAT32, 1e9);
    assertFalse(v.pass());
    assertEquals(FailureKind.NOT_A_DTYPE_VALUE, v.kind());
    assertEquals("0.1 is not a float32 value", v.reason());
    // The double nearest a float32 value's decimal is still not a float32 value.
    assertEquals("0.7310585786300049 is not a float32 value",
        strict(0.7310586f, 0.7310585786300049, Dtype.FLOAT32, 1e9).reason());
    // A float32 value is not a float16 or bfloat16 value.
    assertEquals(FailureKind.NOT_A_DTYPE_VALUE, strict(0.5, 0.5000000596046448, Dtype.FLOAT16, 1e9).kind());
    assertEquals(FailureKind.NOT_A_DTYPE_VALUE, strict(0.5, 0.50006103515625, Dtype.BFLOAT16, 1e9).kind());
  }

  @Test
  void budget_boundaryIsInclusive() {
    assertTrue(strict(1.0, Math.nextUp(1.0), Dtype.FLOAT64, 1).pass());
    Verdict off = strict(1.0, Math.nextUp(Math.nextUp(1.0)), Dtype.FLOAT64, 1);
    assertFalse(off.pass());
    assertEquals(FailureKind.ULPS, off.kind());
    assertEquals(2, off.ulps());
    assertTrue(strict(1.0, 1.0, Dtype.FLOAT64, 0).correctlyRounded());
  }

  @Test
  void tolerances_specAndOverrides() {
    Tolerances t = Tolerances.standard();
    assertEquals(1, t.budget("exponential", Dtype.FLOAT64, Tier.STRICT));
    assertEquals(0, t.budget("exponential", Dtype.FLOAT32, Tier.STRICT));
    assertEquals(0, t.budget("linear", Dtype.FLOAT64, Tier.STRICT));
    Tolerances o = t.withOverride("exponential:float32=4").withOverride("linear:*=2");
    assertEquals(4, o.budget("exponential", Dtype.FLOAT32, Tier.STRICT));
    assertEquals(2, o.budget("linear", Dtype.FLOAT16, Tier.FRAMEWORK));
  }
}
