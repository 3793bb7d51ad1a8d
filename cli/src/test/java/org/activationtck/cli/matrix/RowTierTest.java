package org.activationtck.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The strictest tier of a row, on synthetic rows; libm budget 5 and framework budget 8 throughout. */
class RowTierTest {

  private static final double LIBM = 5;
  private static final double FRAMEWORK = 8;
  private static final double INF = Double.POSITIVE_INFINITY;

  /** A row of a run with {@code budget}: {@code failed} failures of 100 answered checks. */
  private static TierReport.Row row(int passed, int failed, double maxUlps, double budget) {
    return new TierReport.Row("sigmoid", "float32", false, passed + failed + 3, passed, failed, 3, maxUlps, budget,
        90, null, List.of(), 0);
  }

  private static Conformance tier(TierReport.Row strict, TierReport.Row framework) {
    return RowTier.of(strict, framework, LIBM, FRAMEWORK, RowTier.Hints.NONE);
  }

  @Test
  void nothingAnsweredIsNotImplemented() {
    assertEquals(Conformance.NOT_IMPLEMENTED, tier(row(0, 0, Double.NaN, 0), null));
  }

  @Test
  void nothingFailedStrictlyIsStrict() {
    assertEquals(Conformance.STRICT, tier(row(100, 0, 0, 0), null));
  }

  @Test
  void strictFailuresWithinTheLibmBudgetAreLibm() {
    assertEquals(Conformance.LIBM, tier(row(90, 10, 5, 0), null));
    assertEquals(Conformance.LIBM, tier(row(90, 10, 3, 0), row(100, 0, 3, FRAMEWORK)));
  }

  @Test
  void aFailureThatIsNoUlpCountIsNeverLibm() {
    // a NaN, an infinity or a sign of zero makes the strict row's max infinite
    assertEquals(Conformance.FRAMEWORK, tier(row(99, 1, INF, 0), row(100, 0, 0, FRAMEWORK)),
        "a sign of zero, forgiven by the framework run");
    assertEquals(Conformance.NO, tier(row(99, 1, INF, 0), row(99, 1, INF, FRAMEWORK)));
  }

  @Test
  void beyondLibmTheFrameworkRunDecides() {
    // a flushed subnormal: millions of ulps strictly, forgiven by the framework run
    assertEquals(Conformance.FRAMEWORK, tier(row(95, 5, 4.3e6, 0), row(100, 0, 4.3e6, FRAMEWORK)));
    assertEquals(Conformance.NO, tier(row(95, 5, 12, 0), row(95, 5, 12, FRAMEWORK)));
    assertEquals(Conformance.NO, tier(row(95, 5, 12, 0), null), "no framework run, no framework tier");
    assertEquals(Conformance.NO, tier(row(95, 5, 12, 0), row(0, 0, Double.NaN, FRAMEWORK)));
  }

  @Test
  void figuresMeasuredWithAnotherBudgetDecideOnlyWhatTheyProve() {
    double old = 32;
    // the largest measured error within today's budget
    assertEquals(Conformance.FRAMEWORK, tier(row(95, 5, 7, 0), row(100, 0, 7, old)));
    // a failure beyond a budget at least as large as today's
    assertEquals(Conformance.NO, tier(row(90, 10, 40, 0), row(98, 2, 40, old)));
    // passed with 32: the largest error, 4.3e6, may be a forgiven flush or a real error above 8
    assertEquals(Conformance.UNSETTLED, tier(row(95, 5, 4.3e6, 0), row(100, 0, 4.3e6, old)));
    // failed with a smaller budget, today's larger one may or may not cover the failures
    assertEquals(Conformance.UNSETTLED, tier(row(95, 5, 4.3e6, 0), row(99, 1, 4.3e6, 1)));
  }

  @Test
  void hintsFromStoredFiguresSettleWhatTheyCan() {
    TierReport.Row strict = row(95, 5, 4.3e6, 0);
    TierReport.Row framework = row(100, 0, 4.3e6, 32);
    // every strict failure a forgiven flush or at most 4 ulp
    assertEquals(Conformance.FRAMEWORK, RowTier.of(strict, framework, LIBM, FRAMEWORK, new RowTier.Hints(Double.NaN, 4)));
    assertEquals(Conformance.UNSETTLED, RowTier.of(strict, framework, LIBM, 3, new RowTier.Hints(Double.NaN, 4)));
    // a failure of the framework run beyond today's budget
    assertEquals(Conformance.NO, RowTier.of(strict, row(99, 1, 4.3e6, 1), LIBM, FRAMEWORK, new RowTier.Hints(200, Double.NaN)));
    assertEquals(Conformance.UNSETTLED, RowTier.of(strict, row(99, 1, 4.3e6, 1), LIBM, FRAMEWORK, new RowTier.Hints(6, Double.NaN)));
  }
}
