package org.activationtck.cli.matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Tolerances;
import org.activationtck.runner.report.Reproducer;

/**
 * The merged result: per adapter, one row per function, dtype and value/derivative, with the
 * strictest tier it meets, the figures of both runs, and for a failing row a reproducer and a
 * diagnosis.
 *
 * @param adapters in discovery order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Matrix(List<AdapterResult> adapters) {

  public Matrix {
    adapters = List.copyOf(adapters);
  }

  /** How far an adapter got. */
  public enum Status {
    /** Both runs reported. */
    OK,
    /**
     * Not run: its {@code requires} probe failed (a system package is missing); the message is
     * {@code skipped: <requires-hint>}.
     */
    SKIPPED,
    /** Not run: its {@code setup} command (e.g. {@code npm ci}) failed; the message says how. */
    SETUP_FAILED,
    /** {@code mvn package} failed. */
    BUILD_FAILED,
    /** The child exited with a usage error (class not found, command that cannot start, ...). */
    START_FAILED,
    /** The child crashed, timed out or wrote no readable report. */
    RUN_FAILED
  }

  /**
   * One adapter's outcome.
   *
   * @param message why it did not run ({@code null} when OK)
   * @param seconds wall time of its runs (strict and framework), build excluded
   * @param findings the adapter's hand-written FINDINGS.md, or {@code null}
   */
  public record AdapterResult(AdapterSpec spec, Status status, String message, double seconds,
      List<Row> rows, String findings) {

    public AdapterResult {
      rows = List.copyOf(rows);
    }

    /** Rows per conformance. */
    public Map<Conformance, Integer> counts() {
      Map<Conformance, Integer> m = new LinkedHashMap<>();
      for (Conformance c : Conformance.values()) {
        m.put(c, 0);
      }
      for (Row r : rows) {
        m.merge(r.conformance(), 1, Integer::sum);
      }
      return m;
    }
  }

  /**
   * One library × function × dtype × value/derivative.
   *
   * @param budgets the row's budget per tier, as its conformance was decided
   * @param strict the strict run's row
   * @param framework the framework run's row, or {@code null} when the framework tier was not run
   *     for it (nothing failed strictly) or did not report it
   * @param diagnosis for a row that failed strictly: the causes of the failures of the deciding run
   *     (the framework run when it has failures, else the strict run), else {@code null}
   * @param reproducer the worst failure of the deciding run, else {@code null}
   */
  public record Row(String function, String dtype, boolean derivative, Conformance conformance,
      Map<Tier, Double> budgets, TierReport.Row strict, TierReport.Row framework, Diagnosis diagnosis,
      Reproducer reproducer) {

    public Row {
      budgets = Collections.unmodifiableMap(new EnumMap<>(budgets));
    }

    public String label() {
      return derivative ? function + "'" : function;
    }
  }

  /**
   * Merges the two runs of one adapter and decides each row's tier ({@link RowTier}).
   *
   * @param framework may be {@code null} (not run: nothing failed strictly)
   * @param paramsOfCase the explicit parameters of a fixture case id (empty when unknown)
   * @param budgets the budgets the rows are judged by: the runs' own, {@link Tolerances#standard()}
   */
  public static List<Row> merge(TierReport strict, TierReport framework,
      Function<String, Map<String, String>> paramsOfCase, Tolerances budgets) {
    Map<String, TierReport.Row> frameworkRows = new LinkedHashMap<>();
    if (framework != null) {
      for (TierReport.Row r : framework.rows()) {
        frameworkRows.put(key(r), r);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (TierReport.Row s : strict.rows()) {
      TierReport.Row l = frameworkRows.get(key(s));
      Map<Tier, Double> b = budgets(budgets, s.function(), s.dtype());
      Conformance c = RowTier.of(s, l, b.get(Tier.LIBM), b.get(Tier.FRAMEWORK), RowTier.Hints.NONE);
      TierReport.Row deciding = deciding(s, l);
      Diagnosis d = null;
      Reproducer rep = null;
      if (deciding != null) {
        d = Diagnosis.of(deciding.failures(), s.dtype());
        TierReport.Failure worst = worstFailure(deciding);
        if (worst != null) {
          rep = reproducer(s.function(), s.dtype(), s.derivative(), worst, paramsOfCase.apply(worst.caseId()));
        }
      }
      rows.add(new Row(s.function(), s.dtype(), s.derivative(), c, b, s, l, d, rep));
    }
    return rows;
  }

  /** The run whose failures explain a row that failed strictly, else {@code null}. */
  static TierReport.Row deciding(TierReport.Row strict, TierReport.Row framework) {
    if (strict.answered() == 0 || strict.failed() == 0) {
      return null;
    }
    return framework != null && framework.failed() > 0 ? framework : strict;
  }

  /** A function's budget in every tier for a dtype id. */
  static Map<Tier, Double> budgets(Tolerances t, String function, String dtype) {
    Map<Tier, Double> m = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      m.put(tier, t.budget(function, Dtype.fromId(dtype), tier));
    }
    return m;
  }

  /** The report's worst check when it failed, else the listed failure with the most ulps. */
  static TierReport.Failure worstFailure(TierReport.Row r) {
    if (r.worst() != null && "failed".equals(r.worst().status())) {
      return r.worst();
    }
    TierReport.Failure best = null;
    for (TierReport.Failure f : r.failures()) {
      if (best == null || f.ulps() > best.ulps() || (Double.isNaN(best.ulps()) && !Double.isNaN(f.ulps()))) {
        best = f;
      }
    }
    return best;
  }

  private static String key(TierReport.Row r) {
    return r.function() + "|" + r.dtype() + "|" + r.derivative();
  }

  private static Reproducer reproducer(String function, String dtype, boolean derivative,
      TierReport.Failure f, Map<String, String> params) {
    return new Reproducer(function, f.dialect(), params, dtype, derivative, f.input(), f.expected(),
        f.actual(), f.ulps(), f.reason(), f.caseId());
  }
}
