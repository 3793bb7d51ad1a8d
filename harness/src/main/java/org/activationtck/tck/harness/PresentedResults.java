package org.activationtck.tck.harness;

import org.activationtck.spec.Dtype;

/**
 * One batch's results over every {@link Arrangement} its inputs were presented in, folded into
 * one verdict per output element. The primary call's result is judged against the expected
 * value; every other presentation's result is judged too and compared with it:
 *
 * <ul>
 *   <li>bit-identical (any NaN equals any NaN): nothing new;</li>
 *   <li>both measured in ulps (each passes or fails by ulps): accuracy, judged as accuracy: the
 *       larger error counts, a failure by ulps if it exceeds the budget, with both positions;</li>
 *   <li>otherwise (at least one is a failure of a kind that is no ulp count, and the values
 *       differ: NaN at one position and a number at another, +0.0 and -0.0, 0 and 1 for a NaN):
 *       a {@link FailureKind#POSITION_DEPENDENT} failure naming both positions and both
 *       values.</li>
 * </ul>
 *
 * Accuracy that varies with the position (a vector body and a scalar tail with different
 * polynomials, a sum in another order) is therefore an ulp matter; a special value, a sign of
 * zero or a kink convention that changes with the position is a defect of its own kind. A presentation that gives no result makes the
 * element a {@link FailureKind#NO_RESULT} failure naming the presentation. Not thread-safe.
 */
final class PresentedResults {

  private final double[] want;
  private final FailureKind[] ulpsAs;
  private final Dtype dtype;
  private final double budget;
  private final Tier tier;
  private final boolean signedZeroStrict;
  private final double[] primary;
  private final Verdict[] primaryVerdict;
  private final String[] primaryWhere;
  private final Verdict[] verdict;
  private final String[] note;
  private final boolean[] decided;

  /**
   * @param want the expected value per output element
   * @param ulpsAs per element, the kind its ulp failures really are ({@code null}: ulps): a
   *     derivative at a kink is a {@link FailureKind#KINK_CONVENTION}, a wrong result for a NaN
   *     or infinite input a {@link FailureKind#SPECIAL_VALUE}, whatever the ulp distance
   * @param primaryResult the primary call's result, one per output element
   * @param primaryCall the primary call, for where its elements stood
   */
  PresentedResults(double[] want, FailureKind[] ulpsAs, Dtype dtype, double budget, Tier tier,
      boolean signedZeroStrict, double[] primaryResult, Arrangement primaryCall) {
    this.want = want;
    this.ulpsAs = ulpsAs;
    this.dtype = dtype;
    this.budget = budget;
    this.tier = tier;
    this.signedZeroStrict = signedZeroStrict;
    int n = want.length;
    this.primary = primaryResult;
    this.primaryVerdict = new Verdict[n];
    this.primaryWhere = new String[n];
    this.verdict = new Verdict[n];
    this.note = new String[n];
    this.decided = new boolean[n];
    for (int k = 0; k < n; k++) {
      int e = primaryCall.out()[k];
      primaryWhere[e] = primaryCall.where(k);
      primaryVerdict[e] = judge(e, primaryResult[e]);
      verdict[e] = primaryVerdict[e];
    }
  }

  private Verdict judge(int e, double value) {
    Verdict v = Verdict.of(want[e], value, dtype, budget, tier, signedZeroStrict);
    if (ulpsAs[e] != null && v.kind() == FailureKind.ULPS) {
      return v.as(ulpsAs[e], show(value) + " returned, " + show(want[e]) + " expected "
          + (ulpsAs[e] == FailureKind.KINK_CONVENTION ? "at the kink (the dialect's convention)"
          : "for this special input"));
    }
    return v;
  }

  /** Folds in the value another presentation gave for output element {@code e}. */
  void add(int e, double value, String where) {
    if (decided[e] || sameBits(value, primary[e])) {
      return;
    }
    Verdict v = judge(e, value);
    Verdict p = primaryVerdict[e];
    if (v.measured() && p.measured()) {
      // Accuracy that varies with the position (another polynomial in the tail, a sum in another
      // order) is judged as accuracy: the larger error counts, wherever it was seen.
      Verdict current = verdict[e];
      if (v.ulps() > current.ulps()) {
        verdict[e] = v.pass() ? new Verdict(true, v.ulps(), false, null, null) : v;
        note[e] = show(value) + " " + where + ", " + show(primary[e]) + " " + primaryWhere[e];
      } else {
        if (current.correctlyRounded()) {
          verdict[e] = new Verdict(true, current.ulps(), false, null, null);
        }
        if (note[e] == null) {
          note[e] = show(primary[e]) + " " + primaryWhere[e] + ", " + show(value) + " " + where;
        }
      }
      return;
    }
    decided[e] = true;
    verdict[e] = Verdict.failure(FailureKind.POSITION_DEPENDENT, show(primary[e]) + " "
        + primaryWhere[e] + ", " + show(value) + " " + where + " (expected " + show(want[e]) + ")");
    note[e] = null;
  }

  /** Records that the presentation {@code where} gave no result for element {@code e}. */
  void noResult(int e, String where, String reason) {
    if (!decided[e]) {
      decided[e] = true;
      verdict[e] = Verdict.failure(FailureKind.NO_RESULT, where + ": " + reason);
      note[e] = null;
    }
  }

  /** The folded verdict of element {@code e}. */
  Verdict verdict(int e) {
    Verdict v = verdict[e];
    if (note[e] != null && !v.pass()) {
      return new Verdict(false, v.ulps(), false, v.kind(), v.reason() + " (" + note[e] + ")");
    }
    return v;
  }

  /** The primary call's result for element {@code e}. */
  double primary(int e) {
    return primary[e];
  }

  private String show(double v) {
    return Values.show(v, dtype);
  }

  private static boolean sameBits(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b)
        || (Double.isNaN(a) && Double.isNaN(b));
  }
}
