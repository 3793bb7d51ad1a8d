package org.activationtck.cli.exhaustive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

class ShardResultTest {

  private static SweepResult segment(long from, long to, HardCaseCollector c) {
    return new SweepResult(new BitRange(from, to), to - from, to - from, 0, 0, to - from, 0, 0, 0,
        null, List.of(), Duration.ZERO, 1, c);
  }

  /** Possible ties (estimates within their error of a midpoint) from inputs first to first + n. */
  private static HardCaseCollector possibleTies(int first, int n) {
    HardCaseCollector c = new HardCaseCollector(64, Dtype.FLOAT32);
    for (int i = first; i < first + n; i++) {
      c.offer(new HardCaseCollector.Candidate(i, 0, 1e-12));
    }
    return c;
  }

  @Test
  void required_overflowAcrossSegments_isCounted() {
    // each segment stays under the cap, their union does not: what the shard's collector drops
    // when it takes the second segment's candidates is counted, and the search is incomplete
    ShardResult.Identity id = new ShardResult.Identity("tanh_shrink", "keras3", Map.of(), false,
        "reference", "strict", "strict", 64, Map.of("kit", "dev"));
    ShardResult shard = new ShardResult(id, new BitRange(0, 80_000));
    shard.add(segment(0, 40_000, possibleTies(0, 40_000)));
    assertEquals(0, shard.overflowed());
    shard.add(segment(40_000, 80_000, possibleTies(40_000, 40_000)));
    assertEquals(80_000 - HardCaseCollector.CAP, shard.overflowed());
    assertTrue(shard.incomplete().startsWith((80_000 - HardCaseCollector.CAP) + " candidates beyond the cap"),
        shard.incomplete());
  }

  @Test
  void boundedAndDoubleRoundingCounts_addOverSegments() {
    ShardResult.Identity id = new ShardResult.Identity("tanh_shrink", "keras3", Map.of(), false,
        "reference", "strict", "strict", 64, Map.of("kit", "dev"));
    ShardResult shard = new ShardResult(id, new BitRange(0, 200));
    for (int s = 0; s < 2; s++) {
      HardCaseCollector c = new HardCaseCollector(64, Dtype.FLOAT32);
      for (int i = 100 * s; i < 100 * s + 100; i++) {
        c.offerBounded(i, 1e-300, i % 2 == 1);
      }
      shard.add(segment(100 * s, 100 * s + 100, c));
    }
    assertEquals(200, shard.bounded);
    assertEquals(100, shard.doubleRounding);
    assertEquals(null, shard.incomplete());
  }
}
