package org.activationtck.cli.exhaustive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/**
 * The collector's promise against brute force: whatever the order and the split between
 * threads, its candidates hold the K inputs with the smallest true distance, every input that
 * may lie within the double-rounding window and every possible tie.
 */
class HardCaseCollectorTest {

  private record Input(int bits, double truth, double estimate, double error) {}

  private static List<Input> inputs(long seed, int n) {
    Random r = new Random(seed);
    List<Input> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double truth = r.nextInt(50) == 0 ? 0 : Math.pow(r.nextDouble(), 3) * 0.5;
      double error = Math.scalb(1.0, -20 - r.nextInt(20));
      double estimate = truth + (2 * r.nextDouble() - 1) * error;
      out.add(new Input(i, truth, estimate, error));
    }
    return out;
  }

  @Test
  void required_candidates_holdNearestTiesAndDoubleRoundingWindow() {
    for (long seed = 1; seed <= 20; seed++) {
      List<Input> all = inputs(seed, 20_000);
      int k = 1 + (int) (seed * 7 % 64);
      HardCaseCollector[] parts = new HardCaseCollector[3];
      for (int p = 0; p < parts.length; p++) {
        parts[p] = new HardCaseCollector(k, Dtype.FLOAT32);
      }
      for (Input in : all) {
        parts[in.bits() % 3].offer(new HardCaseCollector.Candidate(in.bits(), in.estimate(), in.error()));
      }
      parts[0].merge(parts[1]);
      parts[0].merge(parts[2]);
      Set<Integer> kept = new HashSet<>();
      parts[0].candidates().forEach(c -> kept.add(c.bits()));
      List<Input> byTruth = new ArrayList<>(all);
      byTruth.removeIf(in -> in.truth() >= HardCaseCollector.HARD);
      byTruth.sort(Comparator.comparingDouble(Input::truth));
      for (int i = 0; i < Math.min(k, byTruth.size()); i++) {
        assertTrue(kept.contains(byTruth.get(i).bits()), "seed " + seed + ": nearest #" + i + " missing");
      }
      double window = HardCaseCollector.doubleRoundingWindow(Dtype.FLOAT32);
      for (Input in : all) {
        if (in.truth() <= window) {
          assertTrue(kept.contains(in.bits()), "seed " + seed + ": input within the window missing");
        }
      }
      assertTrue(kept.size() < all.size() / 10, "seed " + seed + ": kept " + kept.size());
      assertEquals(0, parts[0].overflowed());
    }
  }

  @Test
  void possibleTies_doNotCrowdOutTheNearestNonTies() {
    // 100 inputs that may be ties (their intervals contain 0) and one non-tie at 5e-4 ulp: the
    // nearest non-tie must stay a candidate however many possible ties come before it
    HardCaseCollector c = new HardCaseCollector(64, Dtype.FLOAT32);
    for (int i = 0; i < 100; i++) {
      c.offer(new HardCaseCollector.Candidate(i, 1e-12, 1e-9));
    }
    c.offer(new HardCaseCollector.Candidate(1000, 5e-4, 1e-9));
    assertTrue(c.candidates().stream().anyMatch(x -> x.bits() == 1000), "the non-tie was dropped");
  }

  @Test
  void exactTies_areCountedAll_andSampled() {
    HardCaseCollector a = new HardCaseCollector(64, Dtype.FLOAT32);
    HardCaseCollector b = new HardCaseCollector(64, Dtype.FLOAT32);
    for (int i = 0; i < 100_000; i++) {
      (i % 2 == 0 ? a : b).offerExactTie(i);
    }
    a.merge(b);
    assertEquals(100_000, a.exactTies());
    assertEquals(2 * HardCaseCollector.TIE_SAMPLES, a.candidates().size());
    assertEquals(0, a.overflowed());
  }

  @Test
  void boundedInputs_areCountedAll_sampled_andDoNotSetTheBar() {
    // tanh_shrink's float32 value: 2^24 inputs bounded e^(-2^25) ulp from a midpoint, half of
    // them double-rounding inputs. Counted, sampled, and the nearest measured inputs (here 64 at
    // 1e-20 ulp and up) still kept: a bounded input's tiny bound must not become U.
    HardCaseCollector a = new HardCaseCollector(64, Dtype.FLOAT32);
    HardCaseCollector b = new HardCaseCollector(64, Dtype.FLOAT32);
    for (int i = 0; i < 200_000; i++) {
      (i % 2 == 0 ? a : b).offerBounded(i, 0x1p-1074, i % 4 == 1);
    }
    for (int i = 0; i < 100; i++) {
      a.offerKnown(1_000_000 + i, 1e-20 * (i + 1), 1e-30);
    }
    a.merge(b);
    assertEquals(200_000, a.bounded());
    assertEquals(50_000, a.doubleRounding());
    assertEquals(0, a.overflowed());
    long measured = a.candidates().stream().filter(c -> c.bits() >= 1_000_000).count();
    assertEquals(64, measured, "the 64 nearest measured inputs");
    // two collectors' samples: 32 bounded each, plus the double-rounding ones up to 256 each
    long bounded = a.candidates().stream().filter(c -> c.bits() < 1_000_000).count();
    assertTrue(bounded >= 2 * HardCaseCollector.TIE_SAMPLES
        && bounded <= 2 * (HardCaseCollector.TIE_SAMPLES + HardCaseCollector.DOUBLE_ROUNDING_SAMPLES),
        bounded + " bounded samples");
  }

  @Test
  void doubleRoundingInputs_areCountedAll_andSampled_andKnownOnesKeepOnlyTheNearest() {
    // 200,000 oracle-decided inputs far inside the double-rounding window (1e-36 ulps and up),
    // every other one a double-rounding input: all counted, samples kept, and of the others only
    // those that may be among the 64 nearest (before the count they were all kept: over the cap)
    HardCaseCollector a = new HardCaseCollector(64, Dtype.FLOAT32);
    HardCaseCollector b = new HardCaseCollector(64, Dtype.FLOAT32);
    for (int i = 1; i <= 200_000; i++) {
      HardCaseCollector c = i % 4 < 2 ? a : b;
      double distance = 1e-36 * i;
      if (i % 2 == 0) {
        c.offerDoubleRounding(i, distance, distance * 1e-6);
      } else {
        c.offerKnown(i, distance, distance * 1e-6);
      }
    }
    a.merge(b);
    assertEquals(100_000, a.doubleRounding());
    assertEquals(0, a.overflowed());
    long samples = a.candidates().stream().filter(x -> x.bits() % 2 == 0).count();
    assertEquals(2 * HardCaseCollector.DOUBLE_ROUNDING_SAMPLES, samples);
    for (int i = 1; i <= 127; i += 2) {
      int bits = i;
      assertTrue(a.candidates().stream().anyMatch(x -> x.bits() == bits), "nearest " + i + " dropped");
    }
    assertTrue(a.candidates().size() < 2 * HardCaseCollector.DOUBLE_ROUNDING_SAMPLES + 200,
        "kept " + a.candidates().size());
  }

  @Test
  void required_estimate_measuresDistanceToMidpoint() {
    double mid = 1 + Math.scalb(1.0, -24);
    assertEquals(0.0, MidpointEstimate.distance(mid, Dtype.FLOAT32));
    assertEquals(0.5, MidpointEstimate.distance(1.0, Dtype.FLOAT32));
    assertEquals(0.25, MidpointEstimate.distance(1 + Math.scalb(1.0, -25), Dtype.FLOAT32));
    // just below 1 the ulp is 2^-24: 1 - 2^-25 is the midpoint
    assertEquals(0.0, MidpointEstimate.distance(1 - Math.scalb(1.0, -25), Dtype.FLOAT32));
    assertEquals(0.0, MidpointEstimate.distance(-(1 + Math.scalb(1.0, -11)), Dtype.FLOAT16));
    assertEquals(0.5, MidpointEstimate.distance(0.0, Dtype.FLOAT32));
    assertEquals(0.5, MidpointEstimate.distance(-0.0, Dtype.FLOAT16));
    // the float32 fast path and the general one agree
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 100_000; i++) {
      double y = Float.intBitsToFloat(r.nextInt()) * (1 + r.nextGaussian() * 0x1p-24);
      if (Double.isFinite(y) && y != 0 && Math.abs(y) < Float.MAX_VALUE) {
        double lo = MidpointEstimate.floor(Math.abs(y), Dtype.FLOAT32);
        double u = org.activationtck.spec.format.Rounding.next(lo, Dtype.FLOAT32, true) - lo;
        assertEquals(Math.abs(Math.abs(y) - (lo + u / 2)) / u, MidpointEstimate.distance(y, Dtype.FLOAT32), 0.0, "y = " + y);
      }
    }
    assertTrue(Double.isNaN(MidpointEstimate.distance(1e300, Dtype.FLOAT32)));
    assertEquals(Math.scalb(1.0, -29), MidpointEstimate.error(1.0, Math.scalb(1.0, -53), Dtype.FLOAT32),
        Math.scalb(1.0, -70));
  }
}
