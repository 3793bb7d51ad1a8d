package org.activationtck.tck.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.spec.API;
import org.activationtck.spec.Dtype;

/**
 * Everything a run found: every check, and the scoreboard rows aggregated per function, dtype and
 * value/derivative.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunResult(String implementation, TckConfig config, List<Check> checks, Duration elapsed) {

  /** One scoreboard row. */
  public record Row(String function, Dtype dtype, boolean derivative, int cases, int passed,
      int failed, int notImplemented, double maxUlps, Check worst, int correctlyRounded,
      double budget, List<Check> checks) {

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

  /** Rows in fixture order. */
  public List<Row> rows() {
    Map<String, List<Check>> groups = new LinkedHashMap<>();
    for (Check c : checks) {
      groups.computeIfAbsent(c.function() + "|" + c.dtype() + "|" + c.derivative(),
          k -> new ArrayList<>()).add(c);
    }
    List<Row> rows = new ArrayList<>();
    for (List<Check> g : groups.values()) {
      int passed = 0;
      int failed = 0;
      int ni = 0;
      int cr = 0;
      double max = 0;
      Check worst = null;
      for (Check c : g) {
        switch (c.status()) {
          case PASSED: passed++; break;
          case FAILED: failed++; break;
          default: ni++;
        }
        if (c.verdict() != null && c.verdict().correctlyRounded()) {
          cr++;
        }
        double u = c.status() == Check.Status.FAILED && c.verdict() == null ? Double.POSITIVE_INFINITY
            : c.verdict() == null ? -1 : c.verdict().ulps();
        boolean worse = worst == null || u > max
            || (u == max && c.status() == Check.Status.FAILED && worst.status() != Check.Status.FAILED);
        if (u >= 0 && worse) {
          max = u;
          worst = c;
        }
      }
      Check first = g.get(0);
      double budget = config.tolerances().budget(first.function(), first.dtype(), config.tier());
      rows.add(new Row(first.function(), first.dtype(), first.derivative(), g.size(), passed, failed,
          ni, max, worst, cr, budget, g));
    }
    return rows;
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
