package org.activationtck.tck.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.activationtck.spi.API;

/**
 * The merged result: per adapter, one row per function, dtype and value/derivative, with the tier it
 * conforms in, the figures of both tiers, and for a failing row a reproducer and a diagnosis.
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
    /** Both tiers ran and reported. */
    OK,
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
   * @param seconds wall time of its runs (both tiers), build excluded
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
   * @param strict the strict tier's row
   * @param lenient the lenient tier's row, or {@code null} when the lenient tier was not run for it
   *     (nothing failed strictly) or did not report it
   * @param diagnosis for a failing row: the causes of the failures of the deciding tier (strict for
   *     {@link Conformance#LENIENT}, lenient for {@link Conformance#NO}), else {@code null}
   * @param reproducer the worst failure of the deciding tier, else {@code null}
   */
  public record Row(String function, String dtype, boolean derivative, Conformance conformance,
      TierReport.Row strict, TierReport.Row lenient, Diagnosis diagnosis, Reproducer reproducer) {

    public String label() {
      return derivative ? function + "'" : function;
    }
  }

  /**
   * Merges the two tiers of one adapter.
   *
   * @param lenient may be {@code null} (not run: nothing failed strictly)
   * @param paramsOfCase the explicit parameters of a fixture case id (empty when unknown)
   */
  public static List<Row> merge(TierReport strict, TierReport lenient,
      Function<String, Map<String, String>> paramsOfCase) {
    Map<String, TierReport.Row> lenientRows = new LinkedHashMap<>();
    if (lenient != null) {
      for (TierReport.Row r : lenient.rows()) {
        lenientRows.put(key(r), r);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (TierReport.Row s : strict.rows()) {
      TierReport.Row l = lenientRows.get(key(s));
      Conformance c;
      TierReport.Row deciding = null;
      if (s.answered() == 0) {
        c = Conformance.NOT_IMPLEMENTED;
      } else if (s.failed() == 0) {
        c = Conformance.STRICT;
      } else if (l != null && l.failed() == 0 && l.answered() > 0) {
        c = Conformance.LENIENT;
        deciding = s;
      } else {
        c = Conformance.NO;
        deciding = l != null && l.failed() > 0 ? l : s;
      }
      Diagnosis d = null;
      Reproducer rep = null;
      if (deciding != null) {
        d = Diagnosis.of(deciding.failures(), s.dtype());
        TierReport.Failure worst = worstFailure(deciding);
        if (worst != null) {
          rep = Reproducer.of(s.function(), s.dtype(), s.derivative(), worst, paramsOfCase.apply(worst.caseId()));
        }
      }
      rows.add(new Row(s.function(), s.dtype(), s.derivative(), c, s, l, d, rep));
    }
    return rows;
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
}
