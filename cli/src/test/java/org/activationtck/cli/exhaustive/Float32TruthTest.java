package org.activationtck.cli.exhaustive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.junit.jupiter.api.Test;

/** The bound argument of {@link Float32Truth}: decided where provable, the oracle elsewhere. */
class Float32TruthTest {

  static Float32Truth truth(String function, String dialect, boolean derivative) {
    Params p = Params.resolve(Catalog.standard().require(function), dialect, Map.of(), Dtype.FLOAT32);
    return truth(FastEstimate.lookup(function, derivative).orElse(null), function, dialect, derivative);
  }

  static Float32Truth truth(FastEstimate fast, String function, String dialect, boolean derivative) {
    Params p = Params.resolve(Catalog.standard().require(function), dialect, Map.of(), Dtype.FLOAT32);
    return new Float32Truth(fast, (ReferenceFunction) ReferenceRegistry.lookup(function).orElseThrow(),
        (ElementwiseFunction) FunctionRegistry.lookup(function).orElseThrow(), p, derivative);
  }

  @Test
  void decidedWithBound_isUndecidedWhereTheIntervalReachesAMidpoint() {
    double midpoint = 1 + 0x1p-24;
    assertTrue(Float.isNaN(Float32Truth.decided(midpoint, 0x1p-50)));
    // 2^-50 relative plus the 2^-52 margin reaches 1.25 * 2^-50 on either side.
    assertTrue(Float.isNaN(Float32Truth.decided(midpoint + 0x1.2p-50, 0x1p-50)));
    assertEquals(1f, Float32Truth.decided(midpoint - 0x1.6p-50, 0x1p-50));
    assertEquals(1 + 0x1p-23f, Float32Truth.decided(midpoint + 0x1.6p-50, 0x1p-50));
    assertEquals(1f, Float32Truth.decided(1.0, 0x1p-50)); // a float32 value is no boundary
    assertTrue(Float.isNaN(Float32Truth.decided(Double.NaN, 0x1p-50)));
    assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(Float32Truth.decided(0.0, 0x1p-50)));
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Float32Truth.decided(-0.0, 0x1p-50)));
    assertTrue(Float.isNaN(Float32Truth.decided(Double.MIN_VALUE, 0x1p-50))); // no relative bound
    assertEquals(Float.MIN_VALUE, Float32Truth.decided(0x1.4p-149, 0x1p-50)); // subnormal float32
  }

  /**
   * The three tiers on sigmoid near 1/2: at x = k 2^-23 with k odd, sigma(x) = 1/2 + x/4 -
   * x^3/48 + ..., and 1/2 + x/4 = 1/2 + k 2^-25 is a float32 midpoint; the true value lies x^3/48
   * below it. For small k that is within the reference's 2^-52 (tier 3, the oracle); for k in about
   * (222, 250) it is beyond the reference's interval but within the fast
   * estimate's 1.25 * 2^-50 relative of 1/2 (tier 2: at k = 237, x^3/48 = 4.7e-16 against the
   * reference's reach of 2^-52 plus a rounding and a nextUp, 3.9e-16, and the estimate's 5.6e-16); for large k tier 1 decides. Every answer
   * must be the oracle's.
   */
  @Test
  void at_usesEachTierNearSigmoidMidpoints_andAgreesWithTheOracle() {
    Float32Truth t = truth("sigmoid", "keras3", false);
    SweepTally tiny = new SweepTally();
    SweepTally middle = new SweepTally();
    SweepTally large = new SweepTally();
    SweepTally below = new SweepTally(); // sigma(-x) lies near a float32 value, not a midpoint
    for (int k = 1; k < 4096; k += 2) {
      float x = k * 0x1p-23f;
      SweepTally tally = k < 64 ? tiny : k < 300 ? middle : large;
      long reference = tally.referenceFallbacks;
      long oracle = tally.oracleFallbacks;
      assertEquals(t.oracle(x), t.at(x, tally), "k = " + k);
      assertEquals(t.oracle(-x), t.at(-x, below), "k = -" + k);
      if (k == 237) {
        assertEquals(reference + 1, tally.referenceFallbacks, "k = 237 is left to the reference");
        assertEquals(oracle, tally.oracleFallbacks, "which decides it");
      }
    }
    assertEquals(32, tiny.referenceFallbacks, "every small k leaves tier 1");
    assertEquals(32, tiny.oracleFallbacks, "and tier 2");
    assertTrue(middle.referenceFallbacks > middle.oracleFallbacks,
        "tier 2 decides some: " + middle.referenceFallbacks + " vs " + middle.oracleFallbacks);
    assertEquals(0, large.referenceFallbacks, "tier 1 decides the large k");
    assertEquals(0, below.referenceFallbacks, "and every -x");
  }

  /** Tier 1 is what decides: an estimate that lies about its bound changes the answers. */
  @Test
  void at_trustsTheFastEstimate_soAWrongBoundWouldShow() {
    SigmoidEstimate honest = new SigmoidEstimate();
    FastEstimate lying = new FastEstimate() {
      @Override
      public double estimate(double x) {
        return honest.estimate(x) * (1 + 0x1p-22); // several float32 ulps off
      }

      @Override
      public double relativeBound() {
        return SigmoidEstimate.BOUND;
      }
    };
    Float32Truth t = truth(lying, "sigmoid", "keras3", false);
    SweepTally tally = new SweepTally();
    int wrong = 0;
    for (int i = 0; i < 256; i++) {
      float x = 1 + i * 0x1p-8f;
      if (t.at(x, tally) != t.oracle(x)) {
        wrong++;
      }
    }
    assertTrue(wrong > 100, "wrong answers: " + wrong);
  }

  /** Without a first tier (functions with no estimate) the reference and oracle decide alone. */
  @Test
  void at_withoutAnEstimate_countsNoReferenceFallbacks() {
    Float32Truth t = truth(null, "sigmoid", "keras3", false);
    SweepTally tally = new SweepTally();
    assertEquals(0.5f + 0x1p-24f, t.at(0x1.8p-22f, tally));
    assertEquals(0, tally.referenceFallbacks);
    assertEquals(1, tally.oracleFallbacks);
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
    assertTrue(Float.isNaN(Float32Truth.decided(new SigmoidEstimate().estimate(x), SigmoidEstimate.BOUND)),
        "the fast estimate's interval straddles the midpoint too");
    assertEquals(1, tally.referenceFallbacks);
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
