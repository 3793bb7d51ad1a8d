package org.activationtck.cli.exhaustive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.activationtck.spi.API;

/**
 * What a sweep found.
 *
 * @param range the bit patterns swept
 * @param checked inputs the implementation answered
 * @param notImplemented inputs it declined (not declared, or UnsupportedOperationException)
 * @param referenceFallbacks inputs whose truth the fast estimate left to the reference's
 *     double-double (see {@link Float32Truth}; 0 when the function has no fast estimate)
 * @param oracleFallbacks inputs whose truth came from the oracle (see {@link Float32Truth})
 * @param worst the input with the largest error, or {@code null} when every answer was exact
 * @param classes the failing input classes, in class order
 * @param hardCases the hard-case search's candidates (unproven), or null when it was off
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SweepResult(BitRange range, long checked, long passed, long failed,
    long notImplemented, long correctlyRounded, long referenceFallbacks, long oracleFallbacks, double maxUlps,
    SweepTally.Example worst, List<FailingClass> classes, Duration elapsed, int threads,
    HardCaseCollector hardCases) {

  /** One failing input class: how many failures, their largest error, the first examples. */
  public record FailingClass(int id, String label, long failures, double maxUlps,
      List<SweepTally.Example> examples) {}

  static SweepResult of(BitRange range, SweepTally t, Duration elapsed, int threads) {
    List<FailingClass> classes = new ArrayList<>();
    for (int c = 0; c < InputClass.COUNT; c++) {
      if (t.classFailures[c] > 0) {
        classes.add(new FailingClass(c, InputClass.label(c), t.classFailures[c], t.classMaxUlps[c],
            List.copyOf(t.classExamples[c])));
      }
    }
    return new SweepResult(range, t.checked, t.passed, t.failed, t.notImplemented,
        t.correctlyRounded, t.referenceFallbacks, t.oracleFallbacks, t.maxUlps, t.worst, classes, elapsed, threads,
        t.hardCases);
  }
}
