package org.activationtck.tck.exhaustive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.Params;
import org.activationtck.spec.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.tck.reference.ReferenceFunction;
import org.activationtck.tck.reference.ReferenceRegistry;
import org.junit.jupiter.api.Test;

/** The bound argument of {@link Float32Truth}: decided where provable, the oracle elsewhere. */
class Float32TruthTest {

  static Float32Truth truth(String function, String dialect, boolean derivative) {
    Params p = Params.resolve(Catalog.standard().require(function), dialect, Map.of(), Dtype.FLOAT32);
    return new Float32Truth((ReferenceFunction) ReferenceRegistry.lookup(function).orElseThrow(),
        (ElementwiseFunction) FunctionRegistry.lookup(function).orElseThrow(), p, derivative);
  }

  @Test
  void decided_isUndecidedOnAndNearAFloat32Midpoint() {
    double midpoint = 1 + 0x1p-24; // between 1 and 1 + 2^-23
    assertTrue(Float.isNaN(Float32Truth.decided(midpoint)));
    assertTrue(Float.isNaN(Float32Truth.decided(Math.nextUp(midpoint))));
    assertTrue(Float.isNaN(Float32Truth.decided(midpoint + 2 * Math.ulp(midpoint))));
  }

  @Test
  void decided_roundsOnceAwayFromMidpoints() {
    assertEquals(1f, Float32Truth.decided(1 + 0x1p-26));
    assertEquals(1 + 0x1p-23f, Float32Truth.decided(1 + 0x1.8p-24));
    assertEquals(1f, Float32Truth.decided(1.0)); // a float32 value is no boundary
  }

  @Test
  void decided_keepsTheSignOfZeroAndInfinity() {
    assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(Float32Truth.decided(0.0)));
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Float32Truth.decided(-0.0)));
    assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(Float32Truth.decided(Double.MIN_VALUE)));
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Float32Truth.decided(-1e-300)));
    assertEquals(Float.POSITIVE_INFINITY, Float32Truth.decided(Double.POSITIVE_INFINITY));
    assertEquals(Float.POSITIVE_INFINITY, Float32Truth.decided(1e300));
    assertEquals(Float.MIN_VALUE, Float32Truth.decided(0x1.4p-149)); // subnormal float32
  }

  /**
   * sigma(1.5 * 2^-22) = 1/2 + 1.5 * 2^-24 - 7e-22: the nearest double is the float32 midpoint
   * 1/2 + 1.5 * 2^-24 itself, which ties to even (up, to 1/2 + 2^-23); the true value lies below
   * it, so the right float32 is 1/2 + 2^-24. Only the oracle fallback gets this right.
   */
  @Test
  void at_fallsBackToTheOracleNearAMidpoint() {
    Float32Truth t = truth("sigmoid", "keras3", false);
    float x = 0x1.8p-22f;
    double r = t.reference(x);
    assertEquals(0.5 + 0x1.8p-24, r, "the reference double lands on the midpoint");
    assertEquals(0.5f + 0x1p-23f, (float) r, "rounding it once would tie to even, wrongly");
    SweepTally tally = new SweepTally();
    assertEquals(0.5f + 0x1p-24f, t.at(x, tally));
    assertEquals(1, tally.oracleFallbacks);
  }

  /**
   * keras3 sparse_sigmoid(x) = (x + 1) / 2 on (-1, 1), exact in double: at x = k 2^-24 it is
   * 1/2 + k 2^-25, a float32 midpoint for odd k, which the oracle must tie to even; even k give
   * float32 values, decided without it.
   */
  @Test
  void at_exactMidpointsTieToEvenThroughTheOracle() {
    Float32Truth t = truth("sparse_sigmoid", "keras3", false);
    SweepTally tally = new SweepTally();
    for (int k = 1; k <= 64; k++) {
      float x = k * 0x1p-24f;
      double exact = 0.5 + k * 0x1p-25; // exact in double
      assertEquals((float) exact, t.at(x, tally), "k = " + k); // Java rounds ties to even
    }
    assertEquals(32, tally.oracleFallbacks, "one fallback per odd k");
  }
}
