package org.activationtck.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.activationtck.oracle.Oracle;
import org.activationtck.spi.Dtype;

/**
 * Measures golden data against the correctly rounded values: per test, how many expected values
 * are correctly rounded, the largest error in ulps and where, and how many ulps the suite's
 * tolerance admits at each expected value. Optionally simulates an implementation that computes
 * entirely in a narrower format (inputs rounded to it, each result correctly rounded to it) and
 * counts where the suite's tolerance still accepts it.
 */
public final class Audit {

  private final Oracle oracle;
  private final Tolerance tolerance;
  private final Dtype simulate;
  private final boolean simulateInputs;

  /**
   * @param tolerance the suite's tolerance ({@link Tolerance#ONNX} for ONNX's node tests)
   * @param simulate the format to simulate, or {@code null}
   * @param simulateInputs whether the simulation rounds the inputs to that format too (computing
   *     entirely in it) or only the results ({@link Reference#compute})
   */
  public Audit(Oracle oracle, Tolerance tolerance, Dtype simulate, boolean simulateInputs) {
    this.oracle = oracle;
    this.tolerance = tolerance;
    this.simulate = simulate;
    this.simulateInputs = simulateInputs;
  }

  /** Whether the simulation rounds the inputs too. */
  public boolean simulateInputs() {
    return simulateInputs;
  }

  public Tolerance tolerance() {
    return tolerance;
  }

  public Dtype simulate() {
    return simulate;
  }

  /** Audits every test. */
  public List<AuditResult> run(List<GoldenTest> tests) {
    List<AuditResult> out = new ArrayList<>();
    for (GoldenTest t : tests) {
      out.add(t.skipped() != null ? AuditResult.skipped(t) : audit(t));
    }
    return out;
  }

  /**
   * Audits one test.
   *
   * @throws IllegalArgumentException naming the test's origin when an output's size does not match
   *     its input's, or the inputs do not fit the operator
   */
  public AuditResult audit(GoldenTest t) {
    Dtype dtype = null;
    int elements = 0;
    int correct = 0;
    long maxUlp = 0;
    AuditResult.Element worst = null;
    double[] tol = new double[0];
    int tolCount = 0;
    int simFailures = 0;
    for (int s = 0; s < t.dataSets().size(); s++) {
      NodeTestFolder.DataSet set = t.dataSets().get(s);
      Tensor expected = set.outputs().get(0);
      Tensor x = set.inputs().get(0);
      if (expected.size() != x.size()) {
        throw new IllegalArgumentException(where(t, set) + ": the expected output has "
            + expected.size() + " elements " + Arrays.toString(expected.dims()) + ", the input "
            + x.size() + " " + Arrays.toString(x.dims()));
      }
      dtype = expected.dtype();
      // simulating a format at least as precise as the output's would say nothing
      Dtype simHere = simulate != null && simulate.precision() < dtype.precision() ? simulate : null;
      double[] cr;
      double[] sim = null;
      try {
        cr = t.reference().compute(oracle, set.inputs(), dtype, null, false);
        if (simHere != null) {
          sim = t.reference().compute(oracle, set.inputs(), dtype, simulate, simulateInputs);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where(t, set) + ": " + e.getMessage(), e);
      }
      tol = Arrays.copyOf(tol, tolCount + expected.size());
      for (int i = 0; i < expected.size(); i++) {
        double e = expected.at(i);
        long d = FormatGrid.distance(e, cr[i], dtype);
        elements++;
        if (d == 0) {
          correct++;
        } else if (d > maxUlp || worst == null) {
          maxUlp = d;
          worst = new AuditResult.Element(s, i, x.at(i), e, cr[i]);
        }
        double u = tolerance.inUlps(e, dtype);
        if (!Double.isNaN(u)) {
          tol[tolCount++] = u;
        }
        if (sim != null && !tolerance.accepts(sim[i], e)) {
          simFailures++;
        }
      }
    }
    Dtype simulated = simulate != null && dtype != null && simulate.precision() < dtype.precision()
        ? simulate : null;
    return new AuditResult(t, dtype, elements, correct, maxUlp, worst, Arrays.copyOf(tol, tolCount),
        simulated, simFailures);
  }

  private static String where(GoldenTest t, NodeTestFolder.DataSet set) {
    return set.dir() != null ? set.dir().toString() : t.origin();
  }

  /** The median of some values (the mean of the middle two for an even count); NaN for none. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}
