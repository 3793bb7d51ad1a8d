package org.activationtck.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;

/**
 * The audit as JSON: {@code tolerance}, {@code tests} (one object per test: name, origin,
 * operator, dtype, elements, correctlyRounded, maxUlp ({@code null} for a NaN against a number),
 * worst, toleranceUlps {min, median, max}, simulationFailures, or skipped with the reason) and
 * {@code total}. Values are shortest decimals of their format, as strings.
 */
public final class AuditJson {

  private AuditJson() {}

  public static String render(List<AuditResult> results, Audit audit) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    ObjectNode tol = root.putObject("tolerance");
    tol.put("rtol", audit.tolerance().rtol());
    tol.put("atol", audit.tolerance().atol());
    if (audit.simulate() != null) {
      root.put("simulate", audit.simulate().id());
      root.put("simulateInputs", audit.simulateInputs());
    }
    ArrayNode tests = root.putArray("tests");
    int n = 0;
    int elements = 0;
    int correct = 0;
    long maxUlp = 0;
    int simPass = 0;
    double[] all = new double[0];
    for (AuditResult r : results) {
      ObjectNode t = tests.addObject();
      t.put("name", r.test().name());
      t.put("origin", r.test().origin());
      t.put("operator", r.test().description());
      if (r.isSkipped()) {
        t.put("skipped", r.test().skipped());
        continue;
      }
      n++;
      elements += r.elements();
      correct += r.correctlyRounded();
      maxUlp = Math.max(maxUlp, r.maxUlp());
      t.put("dtype", r.dtype().id());
      t.put("elements", r.elements());
      t.put("correctlyRounded", r.correctlyRounded());
      putUlp(t, r.maxUlp());
      if (r.worst() != null) {
        AuditResult.Element w = r.worst();
        Dtype in = r.test().dataSets().get(w.set()).inputs().get(0).dtype();
        ObjectNode wj = t.putObject("worst");
        wj.put("dataSet", w.set());
        wj.put("index", w.index());
        wj.put("x", Rounding.shortest(w.x(), in));
        wj.put("expected", Rounding.shortest(w.expected(), r.dtype()));
        wj.put("correctlyRounded", Rounding.shortest(w.correct(), r.dtype()));
      }
      putTolerance(t, r.toleranceUlps());
      all = concat(all, r.toleranceUlps());
      if (r.simulated() != null) {
        t.put("simulationFailures", r.simulatedFailures());
        simPass += r.simulatedFailures() == 0 ? 1 : 0;
      }
    }
    ObjectNode total = root.putObject("total");
    total.put("tests", n);
    total.put("skipped", results.size() - n);
    total.put("elements", elements);
    total.put("correctlyRounded", correct);
    putUlp(total, maxUlp);
    putTolerance(total, all);
    if (audit.simulate() != null) {
      total.put("simulationPasses", simPass);
    }
    try {
      return m.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putUlp(ObjectNode o, long ulp) {
    if (ulp == Long.MAX_VALUE) {
      o.putNull("maxUlp");
    } else {
      o.put("maxUlp", ulp);
    }
  }

  private static void putTolerance(ObjectNode o, double[] u) {
    if (u.length == 0) {
      return;
    }
    ObjectNode t = o.putObject("toleranceUlps");
    t.put("min", Audit.min(u));
    t.put("median", Audit.median(u));
    t.put("max", Audit.max(u));
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
