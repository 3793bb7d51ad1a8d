package org.activationtck.runner;

import org.activationtck.spi.Dtype;

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
  private final Arrangement primaryCall;
  private final int[] primaryIndex;
  private final Verdict[] verdict;
  private final boolean[] decided;
  // The presentation that differs from the primary call, kept to name both positions in a
  // failure's reason; where a result stood is only spelled out when a reason needs it.
  private final double[] otherValue;
  private final Arrangement[] otherCall;
  private final int[] otherIndex;
  private final boolean[] otherIsWorse;

  /**
   * @param want the expected value per output element
   * @param ulpsAs per element, the kind its ulp failures really are ({@code null}: ulps): a
   *     derivative at a kink is a {@link FailureKind#KINK_CONVENTION}, a wrong result for a NaN
   *     or infinite input a {@link FailureKind#SPECIAL_VALUE}, whatever the ulp distance
   * @param primaryResult the primary call's result, one per output position of the primary call
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
    this.primaryCall = primaryCall;
    int n = want.length;
    this.primary = new double[n];
    this.primaryIndex = new int[n];
    this.primaryVerdict = new Verdict[n];
    this.verdict = new Verdict[n];
    this.decided = new boolean[n];
    this.otherValue = new double[n];
    this.otherCall = new Arrangement[n];
    this.otherIndex = new int[n];
    this.otherIsWorse = new boolean[n];
    for (int k = 0; k < n; k++) {
      int e = primaryCall.out()[k];
      primary[e] = primaryResult[k];
      primaryIndex[e] = k;
      primaryVerdict[e] = judge(e, primary[e]);
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

  /**
   * Folds in the value another presentation gave for output element {@code e}: output position
   * {@code k} of the call {@code a}.
   */
  void add(int e, double value, Arrangement a, int k) {
    if (decided[e] || sameBits(value, primary[e])) {
      return;
    }
    Verdict v = judge(e, value);
    Verdict p = primaryVerdict[e];
    if (v.measured() && p.measured()) {
      // Accuracy that varies with the position (another polynomial in the tail, a sum in another
      // order) is judged as accuracy: the larger error counts, wherever it was seen.
      Verdict current = verdict[e];
      boolean worse = v.ulps() > current.ulps();
      if (worse) {
        verdict[e] = v.pass() ? new Verdict(true, v.ulps(), false, null, null) : v;
      } else if (current.correctlyRounded()) {
        verdict[e] = new Verdict(true, current.ulps(), false, null, null);
      }
      if (worse || otherCall[e] == null) {
        otherValue[e] = value;
        otherCall[e] = a;
        otherIndex[e] = k;
        otherIsWorse[e] = worse;
      }
      return;
    }
    decided[e] = true;
    otherCall[e] = null;
    verdict[e] = Verdict.failure(FailureKind.POSITION_DEPENDENT, show(primary[e]) + " "
        + primaryWhere(e) + ", " + show(value) + " " + a.where(k) + " (expected " + show(want[e])
        + ")");
  }

  /** Records that output position {@code k} of the call {@code a} gave no result for element {@code e}. */
  void noResult(int e, Arrangement a, int k, String reason) {
    if (!decided[e]) {
      decided[e] = true;
      otherCall[e] = null;
      verdict[e] = Verdict.failure(FailureKind.NO_RESULT, a.where(k) + ": " + reason);
    }
  }

  /**
   * The folded verdict of element {@code e}; an ulp failure seen at two positions names both, the
   * worse first.
   */
  Verdict verdict(int e) {
    Verdict v = verdict[e];
    if (otherCall[e] == null || v.pass()) {
      return v;
    }
    String other = show(otherValue[e]) + " " + otherCall[e].where(otherIndex[e]);
    String first = show(primary[e]) + " " + primaryWhere(e);
    String note = otherIsWorse[e] ? other + ", " + first : first + ", " + other;
    return new Verdict(false, v.ulps(), false, v.kind(), v.reason() + " (" + note + ")");
  }

  /** The primary call's result for element {@code e}. */
  double primary(int e) {
    return primary[e];
  }

  private String primaryWhere(int e) {
    return primaryCall.where(primaryIndex[e]);
  }

  private String show(double v) {
    return Values.show(v, dtype);
  }

  private static boolean sameBits(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b)
        || (Double.isNaN(a) && Double.isNaN(b));
  }
}
