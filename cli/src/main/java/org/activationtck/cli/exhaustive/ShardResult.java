package org.activationtck.cli.exhaustive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.activationtck.fixtures.generator.HardCaseSet;
import org.activationtck.spi.API;

/**
 * The self-describing result of one shard of a float32 sweep (or of several merged): what was swept
 * ({@link Identity}), which bit patterns ({@link #range}, done up to {@link #done}), the counts,
 * the failures, and the hard-case search: its unproven candidates while the shard runs (so that
 * a checkpoint resumes the search), its proven distances once it is complete. Read and written as
 * JSON by {@link ShardFiles}. Not thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ShardResult {

  /**
   * What the shard swept, and with what; shards merge only when these are equal.
   *
   * @param function catalog id
   * @param dialect dialect id
   * @param params explicit parameters
   * @param derivative f' instead of f
   * @param implementation how the implementation was named
   * @param tier tier id
   * @param signedZero strict or lenient
   * @param hardCases nearest inputs the search keeps (0: no search)
   * @param versions the kit's, the catalog's and the fixture set's versions
   */
  public record Identity(String function, String dialect, Map<String, String> params,
      boolean derivative, String implementation, String tier, String signedZero, int hardCases,
      Map<String, String> versions) {

    public Identity {
      params = new TreeMap<>(params);
      versions = new TreeMap<>(versions);
    }
  }

  /**
   * One proven hard case: input bits, distance (full digits) and its error, side, double rounding,
   * and whether the distance is only bounded (then distance is 0 and error the bound).
   */
  public record ProvenCase(int bits, String distance, String error, String side, boolean doubleRounding,
      boolean bounded) {}

  final Identity identity;
  final BitRange range;
  long done;
  long checked;
  long passed;
  long failed;
  long notImplemented;
  long correctlyRounded;
  long referenceFallbacks;
  long oracleFallbacks;
  double maxUlps;
  SweepTally.Example worst;
  final Map<Integer, SweepResult.FailingClass> classes = new TreeMap<>();
  double elapsedSeconds;
  /** While incomplete: the search's candidates (null when it is off). */
  HardCaseCollector collector;
  /** Once complete: the proven distances (null when the search is off). */
  List<ProvenCase> proven;
  long overflowed;
  /**
   * The input bits of a candidate the prover could not separate from a midpoint
   * ({@link HardCaseSearch.BeyondPrecision}): the search is incomplete; null when none.
   */
  Integer beyondPrecision;
  /** Exact ties counted by the search ({@link HardCaseCollector#exactTies}); -1: not counted. */
  long exactTies;
  /**
   * Double-rounding inputs counted by the search ({@link HardCaseCollector#doubleRounding}); -1:
   * not counted (a result written before the search counted them).
   */
  long doubleRounding;
  /**
   * Inputs whose distance the oracle could only bound ({@link HardCaseCollector#bounded}); -1: not
   * counted (a result written before the search counted them).
   */
  long bounded;

  /** A fresh shard: nothing done yet. */
  public ShardResult(Identity identity, BitRange range) {
    this.identity = identity;
    this.range = range;
    this.done = range.from();
    if (identity.hardCases() > 0) {
      collector = new HardCaseCollector(identity.hardCases(), org.activationtck.spi.Dtype.FLOAT32);
    }
  }

  public Identity identity() {
    return identity;
  }

  public BitRange range() {
    return range;
  }

  /** The next bit pattern to sweep; {@link BitRange#to()} when complete. */
  public long done() {
    return done;
  }

  public boolean complete() {
    return done == range.to() && (identity.hardCases() == 0 || proven != null);
  }

  public long failed() {
    return failed;
  }

  public long checked() {
    return checked;
  }

  public List<ProvenCase> proven() {
    return proven == null ? List.of() : proven;
  }

  /** Folds a segment's result in; the segment must start at {@link #done()}. */
  void add(SweepResult r) {
    if (r.range().from() != done) {
      throw new IllegalStateException("segment " + r.range() + " does not start at 0x" + Long.toHexString(done));
    }
    done = r.range().to();
    checked += r.checked();
    passed += r.passed();
    failed += r.failed();
    notImplemented += r.notImplemented();
    correctlyRounded += r.correctlyRounded();
    referenceFallbacks += r.referenceFallbacks();
    oracleFallbacks += r.oracleFallbacks();
    noteWorst(r.worst(), r.maxUlps());
    for (SweepResult.FailingClass c : r.classes()) {
      addClass(c);
    }
    elapsedSeconds += r.elapsed().toNanos() / 1e9;
    if (r.hardCases() != null) {
      // the segment's own overflow, and what the merge into this shard's candidates drops
      long before = collector.overflowed();
      if (exactTies >= 0) {
        exactTies += r.hardCases().exactTies();
      }
      if (doubleRounding >= 0) {
        doubleRounding += r.hardCases().doubleRounding();
      }
      if (bounded >= 0) {
        bounded += r.hardCases().bounded();
      }
      collector.merge(r.hardCases());
      overflowed += collector.overflowed() - before;
    }
  }

  private void noteWorst(SweepTally.Example e, double ulps) {
    if (e != null && (worst == null || ulps > maxUlps
        || ulps == maxUlps && Integer.compareUnsigned(e.bits(), worst.bits()) < 0)) {
      worst = e;
      maxUlps = ulps;
    }
  }

  private void addClass(SweepResult.FailingClass c) {
    SweepResult.FailingClass old = classes.get(c.id());
    if (old == null) {
      classes.put(c.id(), c);
      return;
    }
    List<SweepTally.Example> ex = new ArrayList<>(old.examples());
    ex.addAll(c.examples());
    ex.sort((a, b) -> Integer.compareUnsigned(a.bits(), b.bits()));
    classes.put(c.id(), new SweepResult.FailingClass(c.id(), c.label(), old.failures() + c.failures(),
        Math.max(old.maxUlps(), c.maxUlps()),
        List.copyOf(ex.subList(0, Math.min(SweepTally.EXAMPLES_PER_CLASS, ex.size())))));
  }

  /**
   * Merges complete shards of one identity whose ranges are consecutive (sorted by the caller):
   * counts add, failures merge as the sweep merges its threads, proven hard cases are pooled (the
   * nearest of the whole range are among the nearest of its parts).
   */
  public static ShardResult merge(List<ShardResult> parts) {
    ShardResult first = parts.get(0);
    ShardResult m = new ShardResult(first.identity, new BitRange(first.range.from(),
        parts.get(parts.size() - 1).range.to()));
    m.collector = null;
    m.done = m.range.to();
    if (first.identity.hardCases() > 0) {
      m.proven = new ArrayList<>();
    }
    for (ShardResult p : parts) {
      m.checked += p.checked;
      m.passed += p.passed;
      m.failed += p.failed;
      m.notImplemented += p.notImplemented;
      m.correctlyRounded += p.correctlyRounded;
      m.referenceFallbacks += p.referenceFallbacks;
      m.oracleFallbacks += p.oracleFallbacks;
      m.noteWorst(p.worst, p.maxUlps);
      p.classes.values().forEach(m::addClass);
      m.elapsedSeconds += p.elapsedSeconds;
      m.overflowed += p.overflowed;
      if (m.beyondPrecision == null) {
        m.beyondPrecision = p.beyondPrecision;
      }
      m.exactTies = m.exactTies < 0 || p.exactTies < 0 ? -1 : m.exactTies + p.exactTies;
      m.doubleRounding = m.doubleRounding < 0 || p.doubleRounding < 0 ? -1
          : m.doubleRounding + p.doubleRounding;
      m.bounded = m.bounded < 0 || p.bounded < 0 ? -1 : m.bounded + p.bounded;
      if (m.proven != null) {
        m.proven.addAll(p.proven);
      }
    }
    return m;
  }

  /** As the sweep's result, for the console report ({@code threads} 0: times summed over shards). */
  public SweepResult toSweepResult(int threads) {
    return new SweepResult(range, checked, passed, failed, notImplemented, correctlyRounded,
        referenceFallbacks, oracleFallbacks, maxUlps, worst, List.copyOf(classes.values()),
        java.time.Duration.ofMillis(Math.round(elapsedSeconds * 1000)), threads, null);
  }

  /** Whether the merged sweep conforms: nothing failed and something was checked. */
  public boolean conforms() {
    return failed == 0 && checked > 0;
  }

  /**
   * The fixture selection of the proven cases with every exact tie, every double-rounding input and
   * every bounded input counted: the sweep counts those the oracle shows on the way and proves
   * only samples of them; a result without a count (-1, written by an earlier version) counts the
   * proven ones.
   *
   * @throws IllegalStateException when more were proven than counted (one that bypassed the
   *     count: a bug)
   */
  public HardCaseSet.Selection selection() {
    HardCaseSet.Selection s = HardCaseSet.select(provenForSelection());
    return new HardCaseSet.Selection(s.kept(), counted("ties", exactTies, s.ties()),
        counted("double-rounding inputs", doubleRounding, s.doubleRounding()),
        counted("bounded inputs", bounded, s.bounded()));
  }

  private static long counted(String what, long counted, long proven) {
    if (counted < 0) {
      return proven;
    }
    if (counted < proven) {
      throw new IllegalStateException(proven + " " + what + " proven but only " + counted + " counted");
    }
    return counted;
  }

  /** Candidates the search could not keep (beyond its cap): the search is incomplete when nonzero. */
  public long overflowed() {
    return overflowed;
  }

  /** The input bits of a candidate beyond the prover's digits (the search is incomplete), or null. */
  public Integer beyondPrecision() {
    return beyondPrecision;
  }

  /** Why the hard-case search is incomplete, or null when it is not. */
  public String incomplete() {
    if (overflowed > 0) {
      return String.format("%d candidates beyond the cap of %d", overflowed, HardCaseCollector.CAP);
    }
    if (beyondPrecision != null) {
      return String.format("the candidate x = %s (0x%08x) lies closer to a float32 midpoint than the"
          + " oracle's digits can separate", Float.intBitsToFloat(beyondPrecision), beyondPrecision);
    }
    return null;
  }

  /** The proven cases as the fixture selection takes them. */
  public List<HardCaseSet.Proven> provenForSelection() {
    List<HardCaseSet.Proven> out = new ArrayList<>();
    for (ProvenCase p : proven()) {
      out.add(new HardCaseSet.Proven(Float.intBitsToFloat(p.bits()),
          new org.activationtck.fixtures.generator.HardCaseProof.Distance(
              new java.math.BigDecimal(p.distance()), new java.math.BigDecimal(p.error()), p.side(),
              p.doubleRounding(), p.bounded())));
    }
    return out;
  }
}
