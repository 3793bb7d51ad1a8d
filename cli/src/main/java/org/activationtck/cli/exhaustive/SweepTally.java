package org.activationtck.cli.exhaustive;

import java.util.ArrayList;
import java.util.List;
import org.activationtck.spi.API;

/**
 * Counts of one part of a sweep; each worker thread owns one, and they are merged at the end. Not
 * thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SweepTally {

  /** Examples kept per failing input class. */
  public static final int EXAMPLES_PER_CLASS = 3;

  /** One failing input, as reported. */
  public record Example(int bits, float expected, float actual, double ulps, String reason) {}

  long checked;
  long passed;
  long failed;
  long notImplemented;
  long correctlyRounded;
  long referenceFallbacks;
  long oracleFallbacks;
  double maxUlps;
  Example worst;
  /** The hard-case search's candidates, or null when the sweep searches none. */
  HardCaseCollector hardCases;
  final long[] classFailures = new long[InputClass.COUNT];
  final double[] classMaxUlps = new double[InputClass.COUNT];
  @SuppressWarnings("unchecked")
  final List<Example>[] classExamples = new List[InputClass.COUNT];

  void pass(boolean identical) {
    checked++;
    passed++;
    if (identical) {
      correctlyRounded++;
    }
  }

  void passWithin(double ulps, int bits, float expected, float actual) {
    checked++;
    passed++;
    noteUlps(ulps, new Example(bits, expected, actual, ulps, null));
  }

  void fail(int bits, float expected, float actual, double ulps, String reason) {
    checked++;
    failed++;
    Example e = new Example(bits, expected, actual, ulps, reason);
    noteUlps(ulps, e);
    int c = InputClass.of(bits);
    classFailures[c]++;
    classMaxUlps[c] = Math.max(classMaxUlps[c], ulps);
    if (classExamples[c] == null) {
      classExamples[c] = new ArrayList<>();
    }
    if (classExamples[c].size() < EXAMPLES_PER_CLASS) {
      classExamples[c].add(e);
    }
  }

  void notImplemented(long n) {
    notImplemented += n;
  }

  private void noteUlps(double ulps, Example e) {
    if (worse(e, ulps)) {
      maxUlps = ulps;
      worst = e;
    }
  }

  /**
   * Whether e (of ulps) replaces the worst so far: a larger error, or an equal one at a smaller
   * bit pattern (unsigned), so the worst of a sweep does not depend on thread timing or shards.
   */
  private boolean worse(Example e, double ulps) {
    return worst == null || ulps > maxUlps
        || ulps == maxUlps && Integer.compareUnsigned(e.bits(), worst.bits()) < 0;
  }

  /** Adds another tally into this one. */
  void merge(SweepTally o) {
    checked += o.checked;
    passed += o.passed;
    failed += o.failed;
    notImplemented += o.notImplemented;
    correctlyRounded += o.correctlyRounded;
    referenceFallbacks += o.referenceFallbacks;
    oracleFallbacks += o.oracleFallbacks;
    if (o.hardCases != null) {
      if (hardCases == null) {
        hardCases = o.hardCases;
      } else {
        hardCases.merge(o.hardCases);
      }
    }
    if (o.worst != null && worse(o.worst, o.maxUlps)) {
      maxUlps = o.maxUlps;
      worst = o.worst;
    }
    for (int c = 0; c < InputClass.COUNT; c++) {
      classFailures[c] += o.classFailures[c];
      classMaxUlps[c] = Math.max(classMaxUlps[c], o.classMaxUlps[c]);
      if (o.classExamples[c] != null) {
        // Keep the smallest bit patterns, so the report does not depend on thread timing.
        List<Example> all = new ArrayList<>(o.classExamples[c]);
        if (classExamples[c] != null) {
          all.addAll(classExamples[c]);
        }
        all.sort((a, b) -> Integer.compareUnsigned(a.bits(), b.bits()));
        classExamples[c] = new ArrayList<>(all.subList(0, Math.min(EXAMPLES_PER_CLASS, all.size())));
      }
    }
  }
}
