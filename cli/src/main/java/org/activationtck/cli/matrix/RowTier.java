package org.activationtck.cli.matrix;

import org.activationtck.spi.API;

/**
 * The strictest tier one row of the matrix meets, from its two runs: the strict run, and the
 * framework run ({@code --tier framework --signed-zero lenient}) that the matrix makes of every
 * function that failed strictly.
 *
 * <ul>
 *   <li>{@link Conformance#STRICT}: nothing failed in the strict run;</li>
 *   <li>{@link Conformance#LIBM}: every failure of the strict run is an ulp count within the libm
 *       budget (the libm tier is the strict tier with larger budgets: no flush, signed zero
 *       strict);</li>
 *   <li>{@link Conformance#FRAMEWORK}: nothing failed in the framework run;</li>
 *   <li>{@link Conformance#NO}: otherwise.</li>
 * </ul>
 *
 * <p>The framework run's verdict counts as it is when the run used today's framework budget. A
 * row read back from figures measured with another budget (a matrix older than the tiers) is
 * decided only by what those figures prove: its largest measured error within today's budget, a
 * failure beyond it, or one of the {@link Hints}; otherwise it is {@link Conformance#UNSETTLED}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class RowTier {

  /**
   * What else is known about a row read back from stored figures (NaN: nothing).
   *
   * @param frameworkFailureUlps the error in ulps of a check that failed in the framework run
   *     (Infinity for a failure that is no ulp count)
   * @param strictFailureBound a bound on the error in ulps of every failure of the strict run that
   *     the framework tier does not forgive (flushes of subnormal results are forgiven)
   */
  public record Hints(double frameworkFailureUlps, double strictFailureBound) {
    /** Nothing known beyond the figures. */
    public static final Hints NONE = new Hints(Double.NaN, Double.NaN);
  }

  private RowTier() {}

  /**
   * Decides one row.
   *
   * @param strict the strict run's row, never {@code null}
   * @param framework the framework run's row, {@code null} when it was not run (nothing failed
   *     strictly) or did not report
   * @param libmBudget the libm budget of the row's function and dtype
   * @param frameworkBudget the framework budget of the row's function and dtype
   * @param hints facts from stored figures, or {@link Hints#NONE}
   */
  public static Conformance of(TierReport.Row strict, TierReport.Row framework, double libmBudget,
      double frameworkBudget, Hints hints) {
    if (strict.answered() == 0) {
      return Conformance.NOT_IMPLEMENTED;
    }
    if (strict.failed() == 0) {
      return Conformance.STRICT;
    }
    // TierReport makes maxUlps infinite when a failure is of a kind that is no ulp count
    if (strict.maxUlps() <= libmBudget) {
      return Conformance.LIBM;
    }
    if (framework == null || framework.answered() == 0 || !(framework.maxUlps() < Double.POSITIVE_INFINITY)
        && !Double.isNaN(framework.maxUlps())) {
      return Conformance.NO;
    }
    if (framework.budget() == frameworkBudget) {
      return framework.failed() == 0 ? Conformance.FRAMEWORK : Conformance.NO;
    }
    // figures measured with another budget: only what they prove
    if (framework.maxUlps() <= frameworkBudget || strict.maxUlps() <= frameworkBudget
        || Math.max(strict.budget(), hints.strictFailureBound()) <= frameworkBudget) {
      return Conformance.FRAMEWORK;
    }
    if (framework.failed() > 0 && frameworkBudget <= framework.budget()
        || hints.frameworkFailureUlps() > frameworkBudget) {
      return Conformance.NO;
    }
    return Conformance.UNSETTLED;
  }
}
