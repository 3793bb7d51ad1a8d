package org.activationtck.cli.exhaustive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BitRangeTest {

  /** Shards 1..n are consecutive, disjoint, cover the range, and differ in size by at most one. */
  private static void assertPartition(BitRange whole, int n) {
    long expectedFrom = whole.from();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long total = 0;
    for (int i = 1; i <= n; i++) {
      BitRange s = whole.shard(i, n);
      assertEquals(expectedFrom, s.from(), "shard " + i + "/" + n + " starts where the previous ended");
      expectedFrom = s.to();
      total += s.size();
      min = Math.min(min, s.size());
      max = Math.max(max, s.size());
    }
    assertEquals(whole.to(), expectedFrom, "the last shard ends at the range's end");
    assertEquals(whole.size(), total);
    assertTrue(max - min <= 1, "shard sizes " + min + ".." + max);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 1000, 65537, 1 << 20})
  void shards_partitionAllInputsExactly(int n) {
    assertPartition(BitRange.all(), n);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 13, 77})
  void shards_partitionARestrictedRange(int n) {
    assertPartition(new BitRange(0x3f800000L, 0x3f800000L + 77), n);
  }

  @Test
  void moreShardsThanInputs_isBadInput_neverAnEmptyShard() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BitRange(0x3f800000L, 0x3f800000L + 77).shard(78, 78));
    assertTrue(e.getMessage().contains("78 shards of 77 inputs"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BitRange(5, 5).shard(1, 1));
  }

  @Test
  void shard_parsesOneBasedSpec() {
    assertEquals(new BitRange(0, 1L << 31), BitRange.all().shard("1/2"));
    assertEquals(new BitRange(1L << 31, 1L << 32), BitRange.all().shard("2/2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0/3", "4/3", "1/0", "a/b", "3", "1/2/3", "-1/2", ""})
  void shard_rejectsMalformedSpecs(String spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BitRange.all().shard(spec));
    assertTrue(e.getMessage().contains("shard"), e.getMessage());
  }

  @Test
  void parse_readsHexAndDecimalHalfOpenRanges() {
    assertEquals(new BitRange(0x3f800000L, 0x40000000L), BitRange.parse("0x3f800000:0x40000000"));
    assertEquals(new BitRange(0, 1L << 32), BitRange.parse("0:0x100000000"));
    assertEquals(new BitRange(10, 20), BitRange.parse("10:20"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x20:0x10", "0:0x100000001", "x:y", "0x10", "-1:5", "0x3f800000:0x3f800000"})
  void parse_rejectsMalformedRanges(String spec) {
    assertThrows(IllegalArgumentException.class, () -> BitRange.parse(spec));
  }
}
