package org.activationtck.cli.exhaustive;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.activationtck.fixtures.generator.HardCaseSet;
import org.activationtck.oracle.Oracle;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * Runs a shard of a float32 sweep in segments of {@link #SEGMENT} inputs, handing the result to a
 * checkpoint writer after each one, so that a shard killed at any moment resumes from its last
 * checkpoint ({@link ShardResult#done()}) and loses at most one segment. At the end the hard-case
 * candidates go to the oracle ({@link HardCaseSearch#prove}), and the shard is complete.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ShardRunner {

  /** Inputs per segment, between checkpoints: 2^26, a second or two of a sweep on 2 cores. */
  public static final long SEGMENT = 1L << 26;

  private ShardRunner() {}

  /**
   * Sweeps what is left of {@code shard} (from {@link ShardResult#done()}) and proves its hard
   * cases, calling {@code checkpoint} after every segment and once at the end.
   */
  public static void run(Float32Sweep sweep, ShardResult shard, int threads, Oracle oracle,
      PrintStream progress, Duration progressEvery, Consumer<ShardResult> checkpoint) {
    run(sweep, shard, threads, oracle, progress, progressEvery, SEGMENT, checkpoint);
  }

  /** As the other, with {@code segment} inputs between checkpoints (at least 1). */
  public static void run(Float32Sweep sweep, ShardResult shard, int threads, Oracle oracle,
      PrintStream progress, Duration progressEvery, long segment, Consumer<ShardResult> checkpoint) {
    if (segment < 1) {
      throw new IllegalArgumentException("--checkpoint-every must be at least 1, got " + segment);
    }
    while (shard.done < shard.range.to()) {
      long to = Math.min(shard.range.to(), shard.done + segment);
      SweepResult r = sweep.run(new BitRange(shard.done, to), threads, progress, progressEvery);
      shard.add(r);
      checkpoint.accept(shard);
    }
    if (shard.identity.hardCases() > 0 && shard.proven == null) {
      shard.proven = shard.overflowed() > 0 ? List.of() : prove(shard, oracle);
      shard.collector = null;
    }
    checkpoint.accept(shard);
  }

  /**
   * The shard's candidates proven by the oracle. Not called over the cap: there the nearest
   * inputs are not known and merge writes no fixture, so proving would only cost time, and may
   * meet distances beyond the prover's digits (tanh_shrink, docs/HARD-CASES.md, Limits); the
   * summary says INCOMPLETE. A candidate beyond the prover's digits makes the search incomplete
   * too (no cases, {@link ShardResult#beyondPrecision}).
   */
  private static List<ShardResult.ProvenCase> prove(ShardResult shard, Oracle oracle) {
    ShardResult.Identity id = shard.identity;
    HardCaseSet.Behaviour b = new HardCaseSet.Behaviour(id.function(), List.of(id.dialect()), id.params());
    List<ShardResult.ProvenCase> proven = new ArrayList<>();
    List<HardCaseSet.Proven> all;
    try {
      all = HardCaseSearch.prove(oracle, b, Dtype.FLOAT32, id.derivative(), shard.collector.candidates());
    } catch (HardCaseSearch.BeyondPrecision e) {
      shard.beyondPrecision = e.bits();
      return List.of();
    }
    for (HardCaseSet.Proven p : all) {
      BigDecimal d = p.distance().distance();
      proven.add(new ShardResult.ProvenCase(Float.floatToRawIntBits((float) p.x()),
          d.toString(), p.distance().error().toString(), p.distance().side(),
          p.distance().doubleRounding(), p.distance().bounded()));
    }
    return proven;
  }
}
