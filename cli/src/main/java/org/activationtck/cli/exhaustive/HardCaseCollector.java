package org.activationtck.cli.exhaustive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The candidates of a hard-case search, kept while a sweep streams by: every input that may be
 * among the {@link #nearest} nearest to a rounding boundary, or may round differently through the
 * wider format, or may be an exact tie. Only candidates go to the oracle, which proves their
 * distances ({@code HardCaseProof}).
 *
 * <p>The argument. Each input i comes with an estimated distance e_i and an error bound ε_i
 * ({@link MidpointEstimate}), so its true distance d_i lies in [e_i - ε_i, e_i + ε_i]. The
 * nearest are the nearest <em>non-tie</em> inputs (ties are counted apart), so only inputs known
 * not to be ties, e_i - ε_i > 0, set the bar: let U be the {@code nearest}-th smallest upper bound
 * e_i + ε_i among them; at least {@code nearest} non-tie inputs have d_i <= U, so an input with
 * e_i - ε_i > U is not among the nearest; U only falls as inputs come, so one dropped earlier
 * stays dropped at the end. An input is kept when its lower
 * bound is at most U, at most {@link #doubleRoundingWindow} (double rounding through a format with
 * w more bits needs d <= 2^-(w+1) ulps; the window is 2^-w, twice that), or at most 0 (a possible
 * tie). Hence: <em>the nearest inputs, every double-rounding input and every tie of the swept
 * range are among the candidates</em>, provided the estimate's bound holds (the prover checks each
 * candidate's proven distance against [e_i - ε_i, e_i + ε_i] and fails the search when it does
 * not). Only distances below {@link #HARD} (10^-3 ulp, the fixtures' {@code hard} threshold) are
 * considered: piecewise-linear functions with exactly representable results have none.
 *
 * <p>Exact ties proven on the way ({@link #offerExactTie}: the float32 sweep asks the oracle at
 * every input whose estimate cannot decide the rounding, which every tie is) are counted, and
 * only the first {@link #TIE_SAMPLES} are kept: a piecewise-linear function with a dyadic slope
 * has millions (relu with negative_slope 0.5: 2^23 in float32), which would otherwise fill the
 * list.
 *
 * <p>Double-rounding inputs, likewise ({@link #offerDoubleRounding}): every one ends at the
 * oracle too (rounding the value to float64 lands on the float32 midpoint, which no estimate
 * within 2 ulps of float64 can decide), and the oracle tells them apart; they are counted and the
 * first {@link #DOUBLE_ROUNDING_SAMPLES} kept. The other inputs the oracle decides come with the
 * distance its evaluation shows ({@link #offerKnown}): not ties, not double-rounding inputs, so
 * only the nearest rule keeps them. Without this, gelu, silu and hard_silu, whose 2^24 inputs
 * with |x| < 2^-125 and an odd significand have x/2 within 10^-30 ulps of a float32 midpoint
 * (half of them double-rounding inputs), overflowed the cap.
 *
 * <p>Bounded inputs, likewise ({@link #offerBounded}): the oracle shows the exact value strictly on
 * one side of a midpoint but cannot measure how far (an asymptote such as tanh_shrink's x - 1 +
 * 2e^(-2|x|), e^(-2^25) ulp from a float32 midpoint for 2^24 inputs); they are nearer than every
 * measured input, yet cannot be ordered among themselves, so they are counted apart from the
 * nearest (as ties are: they do not set U), and the first {@link #TIE_SAMPLES} kept, with every
 * double-rounding one among them up to {@link #DOUBLE_ROUNDING_SAMPLES}.
 *
 * <p>Memory: the kept list is pruned to the current U whenever it doubles; candidates beyond
 * {@link #CAP} are counted ({@link #overflowed()}), not kept, and make the search incomplete. Not
 * thread-safe: one per sweep thread, {@link #merge}d at the end.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class HardCaseCollector {

  /** Distances at or above this many ulps are not hard (the fixtures' {@code hard} threshold). */
  public static final double HARD = 1e-3;

  /** Candidates kept at most; beyond it they are counted. */
  public static final int CAP = 1 << 16;

  /** Exact ties kept per collector as samples (a fixture keeps 32); all are counted. */
  public static final int TIE_SAMPLES = 32;

  /** Double-rounding inputs kept per collector as samples (a fixture keeps 256); all are counted. */
  public static final int DOUBLE_ROUNDING_SAMPLES = 256;

  /** One candidate: the input's bits in its format, the estimate and its error (ulps). */
  public record Candidate(int bits, double estimate, double error) {
    double lower() {
      return estimate - error;
    }

    double upper() {
      return estimate + error;
    }
  }

  private final int nearest;
  private final double doubleRoundingWindow;
  private final PriorityQueue<Double> uppers; // the nearest smallest upper bounds, largest first
  private final List<Candidate> kept = new ArrayList<>();
  private int pruneAt = 1024;
  private long overflowed;
  private long exactTies;
  private long doubleRounding;
  private long bounded;

  /**
   * @param nearest how many nearest inputs the search must contain (at least 1)
   * @param format the format the results round to
   */
  public HardCaseCollector(int nearest, Dtype format) {
    if (nearest < 1) {
      throw new IllegalArgumentException("nearest must be at least 1, got " + nearest);
    }
    this.nearest = nearest;
    this.doubleRoundingWindow = doubleRoundingWindow(format);
    this.uppers = new PriorityQueue<>(nearest + 1, (a, b) -> Double.compare(b, a));
  }

  /**
   * The window of possible double rounding, in ulps of the format: 2^-w with w the bits the wider
   * format has more (float64 over float32: 29; float32 over float16: 13, over bfloat16: 16).
   */
  static double doubleRoundingWindow(Dtype t) {
    int wider = t == Dtype.FLOAT32 ? Dtype.FLOAT64.precision() : Dtype.FLOAT32.precision();
    return Math.scalb(1.0, -(wider - t.precision()));
  }

  /** The current U, never above {@link #HARD} (HARD until {@code nearest} upper bounds are below it). */
  double threshold() {
    return uppers.size() < nearest ? HARD : Math.min(HARD, uppers.peek());
  }

  /**
   * Offers an input whose result y (an estimate within {@code bound} of the exact value) rounds to
   * {@code format}.
   */
  public void offer(int bits, double y, double bound, Dtype format) {
    double e = MidpointEstimate.distance(y, format);
    if (!(e < 2 * HARD)) {
      return; // NaN (no distance) or far from every midpoint: most inputs stop here
    }
    double error = MidpointEstimate.error(y, bound, format);
    if (!(error < HARD)) {
      throw new IllegalStateException("the estimate's error bound, " + error + " ulps of "
          + format.id() + " at input bits 0x" + Integer.toHexString(bits)
          + ", is too loose for a hard-case search");
    }
    offer(new Candidate(bits, e, error));
  }

  void offer(Candidate c) {
    keep(noted(c));
  }

  /** c, after its upper bound was noted if it is known not to be a tie (see the class comment). */
  private Candidate noted(Candidate c) {
    if (c.lower() > 0) {
      noteUpper(c.upper());
    }
    return c;
  }

  /**
   * Counts an input whose exact result the oracle showed to be a rounding boundary (a tie), and
   * keeps it as a candidate while fewer than {@link #TIE_SAMPLES} are.
   */
  public void offerExactTie(int bits) {
    if (exactTies++ < TIE_SAMPLES) {
      keep(new Candidate(bits, 0, 0));
    }
  }

  /**
   * Counts an input the oracle showed to round differently through float64, and keeps it as a
   * candidate (with the distance the oracle showed, within {@code error} ulps) while fewer than
   * {@link #DOUBLE_ROUNDING_SAMPLES} are.
   */
  public void offerDoubleRounding(int bits, double distance, double error) {
    Candidate c = noted(new Candidate(bits, distance, error));
    if (doubleRounding++ < DOUBLE_ROUNDING_SAMPLES) {
      keep(c);
    }
  }

  /**
   * Counts an input whose distance the oracle could only bound (in (0, {@code bound}] ulps, the
   * side known), and keeps it as a candidate while fewer than {@link #TIE_SAMPLES} are, or, if it
   * rounds differently through float64 (counted there too), while fewer than {@link
   * #DOUBLE_ROUNDING_SAMPLES} double-rounding inputs are. It never sets U (see the class comment).
   */
  public void offerBounded(int bits, double bound, boolean doubleRounds) {
    boolean sample = bounded++ < TIE_SAMPLES;
    if (doubleRounds) {
      sample |= doubleRounding++ < DOUBLE_ROUNDING_SAMPLES;
    }
    if (sample) {
      keep(new Candidate(bits, 0, bound));
    }
  }

  /**
   * Offers an input the oracle decided, at the distance it showed (within {@code error} ulps): not
   * a tie and not a double-rounding input, so it is kept only while it may be among the nearest.
   */
  public void offerKnown(int bits, double distance, double error) {
    Candidate c = noted(new Candidate(bits, distance, error));
    if (c.lower() <= threshold()) {
      keep(c);
    }
  }

  private void noteUpper(double up) {
    if (up < HARD && (uppers.size() < nearest || up < uppers.peek())) {
      uppers.add(up);
      if (uppers.size() > nearest) {
        uppers.poll();
      }
    }
  }

  private void keep(Candidate c) {
    double low = c.lower();
    if (low <= threshold() || low <= doubleRoundingWindow) {
      if (kept.size() >= CAP) {
        prune();
        if (kept.size() >= CAP) {
          overflowed++;
          return;
        }
      }
      kept.add(c);
      if (kept.size() >= pruneAt) {
        prune();
        pruneAt = Math.max(1024, 2 * kept.size());
      }
    }
  }

  private void prune() {
    double u = threshold();
    kept.removeIf(c -> c.lower() > u && c.lower() > doubleRoundingWindow);
  }

  /** Adds another collector's candidates (of the same search) into this one. */
  public void merge(HardCaseCollector o) {
    for (double u : o.uppers) {
      noteUpper(u);
    }
    overflowed += o.overflowed;
    exactTies += o.exactTies;
    doubleRounding += o.doubleRounding;
    bounded += o.bounded;
    for (Candidate c : o.kept) {
      keep(c);
    }
  }

  /** The candidates, pruned to the final U, by bits. */
  public List<Candidate> candidates() {
    prune();
    Candidate[] a = kept.toArray(new Candidate[0]);
    Arrays.sort(a, (x, y) -> Integer.compareUnsigned(x.bits(), y.bits()));
    return List.of(a);
  }

  /** Candidates counted but not kept (beyond {@link #CAP}): the search is incomplete when nonzero. */
  public long overflowed() {
    return overflowed;
  }

  /** The double-rounding inputs counted by {@link #offerDoubleRounding} (merged collectors included). */
  public long doubleRounding() {
    return doubleRounding;
  }

  /** The bounded inputs counted by {@link #offerBounded} (merged collectors included). */
  public long bounded() {
    return bounded;
  }

  /** The exact ties counted by {@link #offerExactTie} (merged collectors included). */
  public long exactTies() {
    return exactTies;
  }
}
