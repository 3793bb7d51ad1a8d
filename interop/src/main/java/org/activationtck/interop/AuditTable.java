package org.activationtck.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;

/**
 * The audit as a text table: one row per test (elements, % correctly rounded, max ulp error and
 * where, the suite's tolerance in ulps of the expected values as min / median / max, and the
 * simulation's verdict when there is one), a total line, then the skipped tests with the reason.
 */
public final class AuditTable {

  private AuditTable() {}

  public static String render(List<AuditResult> results, Audit audit) {
    StringBuilder b = new StringBuilder();
    Tolerance t = audit.tolerance();
    b.append(String.format(Locale.ROOT, "tolerance: rtol=%s atol=%s, in ulps of each expected value"
        + " (|actual - expected| <= atol + rtol*|expected|)%n", t.rtol(), t.atol()));
    String sim = audit.simulate() == null ? "" : "  " + audit.simulate().id() + " sim";
    String format = "%-32s %-38s %-8s %8s %8s %8s  %-44s %s%s%n";
    b.append(String.format(Locale.ROOT, format, "test", "operator", "dtype", "elements", "CR %",
        "max ulp", "worst: x -> expected (correctly rounded)", "tolerance ulps min/median/max", sim));
    int tests = 0;
    int elements = 0;
    int correct = 0;
    long maxUlp = 0;
    String maxAt = "";
    int simPass = 0;
    int simNa = 0;
    List<double[]> tolerances = new ArrayList<>();
    List<AuditResult> skipped = new ArrayList<>();
    for (AuditResult r : results) {
      if (r.isSkipped()) {
        skipped.add(r);
        continue;
      }
      tests++;
      elements += r.elements();
      correct += r.correctlyRounded();
      if (r.maxUlp() > maxUlp) {
        maxUlp = r.maxUlp();
        maxAt = r.test().name();
      }
      tolerances.add(r.toleranceUlps());
      String simCell = "";
      if (audit.simulate() != null && r.simulated() == null) {
        simCell = "  n/a";
        simNa++;
      }
      if (r.simulated() != null) {
        simCell = r.simulatedFailures() == 0 ? "  pass" : "  FAIL (" + r.simulatedFailures() + ")";
        simPass += r.simulatedFailures() == 0 ? 1 : 0;
      }
      b.append(String.format(Locale.ROOT, format, clip(r.test().name(), 32),
          clip(r.test().description(), 38), r.dtype().id(), r.elements(),
          String.format(Locale.ROOT, "%.1f", r.percentCorrectlyRounded()), ulps(r.maxUlp()),
          worst(r), tolerance(r.toleranceUlps()), simCell));
    }
    double[] all = tolerances.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    b.append(String.format(Locale.ROOT, format, "total", tests + " tests" + (skipped.isEmpty() ? ""
        : ", " + skipped.size() + " skipped"), "", elements,
        String.format(Locale.ROOT, "%.1f", elements == 0 ? 100 : 100.0 * correct / elements),
        ulps(maxUlp), maxUlp == 0 ? "" : "max in " + maxAt, tolerance(all),
        audit.simulate() == null ? "" : "  " + simPass + "/" + (tests - simNa) + " pass"));
    b.append(String.format(Locale.ROOT, "%d of %d expected values are correctly rounded (%.1f %%)%n",
        correct, elements, elements == 0 ? 100 : 100.0 * correct / elements));
    if (all.length > 0) {
      b.append(String.format(Locale.ROOT, "the tolerance admits %s to %s ulps (median %s) of the"
          + " expected values%n", num(Audit.min(all)), num(Audit.max(all)), num(Audit.median(all))));
    }
    if (audit.simulate() != null) {
      b.append(String.format(Locale.ROOT, "an implementation %s passes %d of %d tests%n",
          audit.simulateInputs() ? "computing entirely in " + audit.simulate().id()
              + " (inputs rounded to it, each result correctly rounded to it)"
              : "whose results are correctly rounded to " + audit.simulate().id()
              + " (inputs as given)", simPass, tests - simNa));
      if (simNa > 0) {
        b.append(String.format(Locale.ROOT, "(%d tests whose output format is not more precise than %s"
            + " not simulated)%n", simNa, audit.simulate().id()));
      }
    }
    for (AuditResult r : skipped) {
      b.append("skipped ").append(r.test().name()).append(": ").append(r.test().skipped()).append('\n');
    }
    return b.toString();
  }

  static String worst(AuditResult r) {
    AuditResult.Element w = r.worst();
    if (w == null) {
      return "";
    }
    Dtype in = r.test().dataSets().get(w.set()).inputs().get(0).dtype();
    return "x=" + Rounding.shortest(w.x(), in) + " -> " + Rounding.shortest(w.expected(), r.dtype())
        + " (" + Rounding.shortest(w.correct(), r.dtype()) + ")";
  }

  static String ulps(long u) {
    return u == Long.MAX_VALUE ? "NaN" : String.format(Locale.ROOT, "%,d", u);
  }

  static String tolerance(double[] u) {
    if (u.length == 0) {
      return "-";
    }
    return num(Audit.min(u)) + " / " + num(Audit.median(u)) + " / " + num(Audit.max(u));
  }

  static String num(double v) {
    if (v < 10) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return v < 1e7 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2g", v);
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }
}
