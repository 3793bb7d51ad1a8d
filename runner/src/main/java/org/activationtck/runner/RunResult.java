package org.activationtck.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * Everything a run found: every check, the scoreboard rows aggregated per function, dtype and
 * value/derivative, and the {@link Outcome} that a gate acts on.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunResult(String implementation, String version, List<String> declaredDialects,
    TckConfig config, List<Check> checks, Duration elapsed) {

  /**
   * What the run as a whole says. A run conforms only when it checked something, everything it
   * checked passed, and every function asked for by name was checked at least once: an
   * implementation that declines everything has not shown that it conforms.
   */
  public enum Outcome {
    /** Something was checked, nothing failed, every function asked for was checked. Exit 0. */
    CONFORMS(0),
    /**
     * Checks failed, but every failure is one the implementation lists as a known deviation (a
     * {@code gate.Gate} judged the run; a run on its own never says this). Exit 0.
     */
    KNOWN_DEVIATIONS(0),
    /** At least one check failed (and, with a deviation list, is not listed). Exit 1. */
    FAILED(1),
    /** Nothing failed, but nothing was checked, or nothing of a function asked for. Exit 4. */
    NOT_CHECKED(4);

    private final int exitCode;

    Outcome(int exitCode) {
      this.exitCode = exitCode;
    }

    /** The exit status of {@code ./tck run} for this outcome. */
    public int exitCode() {
      return exitCode;
    }

    /** The id in machine-readable reports, e.g. {@code not_checked}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One scoreboard row: one behaviour, i.e. a function's value or derivative in one dtype and one
   * dialect (so that a reader sees which dialect failed).
   *
   * @param maxUlps the largest error in ulps among the measured checks (passes and
   *     {@link FailureKind#ULPS} failures), flushes the tier forgave not included (their error is
   *     not held against the budget, so it would only hide the error of everything else); NaN
   *     when none was measured
   * @param worst the check to show for the row: the failure of the most severe kind (the largest
   *     error among ULPS failures), else the pass with the largest error (forgiven flushes last);
   *     {@code null} when nothing was answered
   * @param failuresByKind failed checks per kind, in order of severity
   * @param flushed passes that are forgiven flushes: zero for an exact value below the dtype's
   *     smallest normal, in a tier that {@linkplain Tier#allowsFlushToZero() allows it}
   */
  public record Row(String function, Dtype dtype, boolean derivative, String dialect, int cases, int passed,
      int failed, int notImplemented, double maxUlps, Check worst, int correctlyRounded,
      double budget, Map<FailureKind, Integer> failuresByKind, List<Check> checks, int flushed) {

    /** Percentage of answered checks that were bit-identical to the correctly rounded value. */
    public double percentCorrectlyRounded() {
      int answered = passed + failed;
      return answered == 0 ? 0 : 100.0 * correctlyRounded / answered;
    }

    /** {@code gelu} or {@code gelu'} for the derivative. */
    public String label() {
      return derivative ? function + "'" : function;
    }
  }

  /**
   * Rows in fixture order, one per function, dtype, value/derivative and dialect; the rows of one
   * function, dtype and value/derivative are adjacent, in catalog dialect order.
   */
  public List<Row> rows() {
    Map<String, Map<String, List<Check>>> byBehaviour = new LinkedHashMap<>();
    for (Check c : checks) {
      byBehaviour.computeIfAbsent(c.function() + "|" + c.dtype() + "|" + c.derivative(),
          k -> new java.util.TreeMap<>(DIALECT_ORDER)).computeIfAbsent(c.dialect(),
          k -> new ArrayList<>()).add(c);
    }
    List<List<Check>> groups = new ArrayList<>();
    byBehaviour.values().forEach(m -> groups.addAll(m.values()));
    List<Row> rows = new ArrayList<>();
    for (List<Check> g : groups) {
      Check first = g.get(0);
      double budget = config.tolerances().budget(first.function(), first.dtype(), config.tier());
      int passed = 0;
      int failed = 0;
      int ni = 0;
      int cr = 0;
      int flushed = 0;
      double max = Double.NaN;
      Check worst = null;
      Check worstFlush = null;
      Map<FailureKind, Integer> kinds = new EnumMap<>(FailureKind.class);
      for (Check c : g) {
        switch (c.status()) {
          case PASSED: passed++; break;
          case FAILED: failed++; kinds.merge(c.kind(), 1, Integer::sum); break;
          default: ni++;
        }
        if (c.verdict() != null && c.verdict().correctlyRounded()) {
          cr++;
        }
        if (c.status() == Check.Status.PASSED && c.verdict().ulps() > budget) {
          // the only pass beyond the budget: a flush the tier forgives (Verdict's rule 4)
          flushed++;
          if (worse(c, worstFlush)) {
            worstFlush = c;
          }
          continue;
        }
        if (c.measured() && !(c.verdict().ulps() <= max)) {
          max = c.verdict().ulps();
        }
        if (c.status() != Check.Status.NOT_IMPLEMENTED && worse(c, worst)) {
          worst = c;
        }
      }
      rows.add(new Row(first.function(), first.dtype(), first.derivative(), first.dialect(), g.size(), passed, failed,
          ni, max, worst != null ? worst : worstFlush, cr, budget, Collections.unmodifiableMap(kinds), g,
          flushed));
    }
    return rows;
  }

  /** Dialects in the catalog's order (keras3, tf_keras2, pytorch, jax, onnx), unknown ones last. */
  private static final List<String> DIALECTS = org.activationtck.spec.catalog.Catalog.standard()
      .dialects().stream().map(x -> x.id()).toList();
  private static final java.util.Comparator<String> DIALECT_ORDER = java.util.Comparator
      .comparingInt((String d) -> DIALECTS.contains(d) ? DIALECTS.indexOf(d) : DIALECTS.size())
      .thenComparing(java.util.Comparator.naturalOrder());

  /** Failures before passes; among failures the more severe kind; then the larger error. */
  private static boolean worse(Check c, Check than) {
    if (than == null) {
      return true;
    }
    boolean cf = c.status() == Check.Status.FAILED;
    boolean tf = than.status() == Check.Status.FAILED;
    if (cf != tf) {
      return cf;
    }
    if (cf && c.kind() != than.kind()) {
      return c.kind().ordinal() < than.kind().ordinal();
    }
    return c.measured() && than.measured() && c.verdict().ulps() > than.verdict().ulps();
  }

  /** Failed checks per kind over the whole run, in order of severity. */
  public Map<FailureKind, Long> failuresByKind() {
    Map<FailureKind, Long> m = new EnumMap<>(FailureKind.class);
    for (Check c : checks) {
      if (c.status() == Check.Status.FAILED) {
        m.merge(c.kind(), 1L, Long::sum);
      }
    }
    return m;
  }

  /**
   * The functions asked for by name ({@link TckConfig#functions()}) of which no check was
   * answered (passed or failed), in the order asked; when none were named, every function of
   * the run, but only if the run answered no check at all.
   */
  public List<String> unchecked() {
    Set<String> answered = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Check c : checks) {
      seen.add(c.function());
      if (c.status() != Check.Status.NOT_IMPLEMENTED) {
        answered.add(c.function());
      }
    }
    List<String> out = new ArrayList<>();
    if (config.functions().isEmpty()) {
      if (answered.isEmpty()) {
        out.addAll(seen);
      }
      return out;
    }
    for (String f : config.functions()) {
      if (!answered.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** What the run says as a whole: failures first, then whether anything asked for went unchecked. */
  public Outcome outcome() {
    if (failed() > 0) {
      return Outcome.FAILED;
    }
    return passed() == 0 || !unchecked().isEmpty() ? Outcome.NOT_CHECKED : Outcome.CONFORMS;
  }

  public long failed() {
    return checks.stream().filter(c -> c.status() == Check.Status.FAILED).count();
  }

  public long passed() {
    return checks.stream().filter(c -> c.status() == Check.Status.PASSED).count();
  }

  public long notImplemented() {
    return checks.stream().filter(c -> c.status() == Check.Status.NOT_IMPLEMENTED).count();
  }
}
