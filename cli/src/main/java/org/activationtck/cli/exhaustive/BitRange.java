package org.activationtck.cli.exhaustive;

import org.activationtck.spi.API;

/**
 * A half-open range [from, to) of float32 bit patterns, read as unsigned 32-bit integers, so the
 * whole input space is [0, 2^32): +0.0 ... +NaN, then -0.0 ... -NaN.
 *
 * @param from first bit pattern, 0 <= from <= to
 * @param to one past the last, at most 2^32
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BitRange(long from, long to) {

  /** The number of float32 bit patterns, 2^32. */
  public static final long ALL = 1L << 32;

  public BitRange {
    if (from < 0 || to > ALL || from > to) {
      throw new IllegalArgumentException("bit range [" + from + ", " + to + ") is not within [0, 2^32)");
    }
  }

  /** Every float32 input. */
  public static BitRange all() {
    return new BitRange(0, ALL);
  }

  public long size() {
    return to - from;
  }

  /**
   * Shard {@code index} of {@code count} (1-based): [from + (i-1) size / n, from + i size / n).
   * The shards of one count partition the range exactly: consecutive, disjoint, covering it, and
   * differing in size by at most one.
   *
   * @throws IllegalArgumentException unless 1 <= index <= count <= size() (no shard is empty)
   */
  public BitRange shard(int index, int count) {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + "/" + count
          + ": expected i/n with 1 <= i <= n");
    }
    long n = size();
    if (count > n) {
      throw new IllegalArgumentException("shard " + index + "/" + count + ": " + count
          + " shards of " + n + " inputs would leave some empty");
    }
    // n < 2^33 and count < 2^31: the products stay below 2^64.
    return new BitRange(from + Math.multiplyExact(index - 1L, n) / count,
        from + Math.multiplyExact((long) index, n) / count);
  }

  /**
   * Parses {@code i/n} (1-based shard of this range).
   *
   * @throws IllegalArgumentException naming the text when it is not i/n with 1 <= i <= n
   */
  public BitRange shard(String spec) {
    String[] parts = spec.split("/", -1);
    try {
      if (parts.length == 2) {
        return shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--shard '" + spec + "': expected i/n with 1 <= i <= n, e.g. 2/8");
  }

  /**
   * Parses {@code LO:HI}, two bit patterns in hex (0x3f800000) or decimal, as [LO, HI): a user's
   * restriction of the sweep, for instance to the positive inputs {@code 0x0:0x80000000}.
   *
   * @throws IllegalArgumentException naming the text when malformed, out of order or empty
   */
  public static BitRange parse(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length == 2) {
      try {
        long lo = number(parts[0]);
        long hi = number(parts[1]);
        if (lo >= 0 && hi <= ALL && lo < hi) {
          return new BitRange(lo, hi);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("--range '" + spec
        + "': expected LO:HI, bit patterns with 0 <= LO < HI <= 0x100000000 (HI excluded, so LO:LO"
        + " is empty), e.g. 0x3f800000:0x40000000");
  }

  private static long number(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
  }

  @Override
  public String toString() {
    return String.format("0x%08x..0x%08x", from, to - 1);
  }
}
