package org.activationtck.cli.exhaustive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.activationtck.spi.API;

/** A sweep's result for people (console) and machines (JSON). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SweepReport {

  private SweepReport() {}

  /** Whether the sweep conforms: nothing failed and something was checked. */
  public static boolean conforms(SweepResult r) {
    return r.failed() == 0 && r.checked() > 0;
  }

  /** The console summary; {@code title} names function, dialect, implementation and tier. */
  public static void print(String title, SweepResult r, PrintStream out) {
    out.println(title);
    out.printf("inputs: %s (%,d float32 bit patterns)%n", r.range(), r.range().size());
    out.printf("checked %,d: %,d passed, %,d failed, %,d not implemented; max ulp %s; correctly rounded %.6f%%%n",
        r.checked(), r.passed(), r.failed(), r.notImplemented(), ulps(r.maxUlps()),
        r.checked() == 0 ? 0.0 : 100.0 * r.correctlyRounded() / r.checked());
    if (r.worst() != null) {
      out.println("worst: " + example(r.worst()));
    }
    out.printf("reference fallbacks: %,d (fast double estimate, where the function has one, undecided)%n",
        r.referenceFallbacks());
    out.printf("oracle fallbacks: %,d (reference double within its error bound of a float32 rounding boundary)%n",
        r.oracleFallbacks());
    if (r.classes().isEmpty()) {
      out.println("failing input classes: none");
    } else {
      out.println("failing input classes (" + r.classes().size() + "):");
      for (SweepResult.FailingClass c : r.classes()) {
        out.printf("  %-22s %,14d failed, max ulp %s%n", c.label(), c.failures(), ulps(c.maxUlps()));
        for (SweepTally.Example e : c.examples()) {
          out.println("      " + example(e));
        }
      }
    }
    double s = r.elapsed().toNanos() / 1e9;
    if (r.threads() > 0) {
      out.printf("time: %.1f s on %d threads (%s)%n", s, r.threads(),
          Durations.rate(r.range().size() / Math.max(s, 1e-9)));
    } else {
      out.printf("time: %.1f s, summed over the shards%n", s);
    }
    out.println(r.failed() > 0 ? "RESULT: FAILED"
        : r.checked() == 0 ? "RESULT: NOT IMPLEMENTED (nothing was checked)"
        : "RESULT: CONFORMS (nothing failed)");
  }

  static String example(SweepTally.Example e) {
    float x = Float.intBitsToFloat(e.bits());
    return String.format("x = %s (0x%08x): expected %s, got %s, %s ulp%s", x, e.bits(), e.expected(),
        e.actual(), ulps(e.ulps()), e.reason() == null ? "" : " (" + plain(e.reason()) + ")");
  }

  private static String ulps(double u) {
    return Double.isInfinite(u) ? "inf" : u == Math.rint(u) && u < 1e15 ? Long.toString((long) u)
        : String.format("%.3g", u);
  }

  /** An implementation's text without control characters (no escape sequence reaches a terminal). */
  private static String plain(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.length() > 200 ? b.substring(0, 200) + "..." : b.toString();
  }

  /** The JSON report: the console's figures, every failing class with its examples. */
  public static byte[] json(SweepResult r, String function, String dialect, boolean derivative,
      String implementation, String tier) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("reportVersion", 1);
    root.put("kind", "exhaustive-float32");
    root.put("function", function);
    root.put("dialect", dialect);
    root.put("derivative", derivative);
    root.put("implementation", implementation);
    root.put("tier", tier);
    root.put("rangeFrom", r.range().from());
    root.put("rangeTo", r.range().to());
    root.put("inputs", r.range().size());
    root.put("checked", r.checked());
    root.put("passed", r.passed());
    root.put("failed", r.failed());
    root.put("notImplemented", r.notImplemented());
    root.put("correctlyRounded", r.correctlyRounded());
    root.put("referenceFallbacks", r.referenceFallbacks());
    root.put("oracleFallbacks", r.oracleFallbacks());
    putUlps(root, "maxUlps", r.maxUlps());
    root.put("conforms", conforms(r));
    root.put("elapsedSeconds", r.elapsed().toMillis() / 1000.0);
    root.put("threads", r.threads());
    if (r.worst() != null) {
      root.set("worst", example(m, r.worst()));
    }
    ArrayNode classes = root.putArray("failingClasses");
    for (SweepResult.FailingClass c : r.classes()) {
      ObjectNode o = classes.addObject();
      o.put("class", c.label());
      o.put("failures", c.failures());
      putUlps(o, "maxUlps", c.maxUlps());
      ArrayNode ex = o.putArray("examples");
      for (SweepTally.Example e : c.examples()) {
        ex.add(example(m, e));
      }
    }
    try {
      return m.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode example(ObjectMapper m, SweepTally.Example e) {
    ObjectNode o = m.createObjectNode();
    o.put("bits", String.format("0x%08x", e.bits()));
    o.put("x", Float.toString(Float.intBitsToFloat(e.bits())));
    o.put("expected", Float.toString(e.expected()));
    o.put("actual", Float.toString(e.actual()));
    putUlps(o, "ulps", e.ulps());
    if (e.reason() != null) {
      o.put("reason", e.reason());
    }
    return o;
  }

  private static void putUlps(ObjectNode o, String field, double u) {
    if (Double.isFinite(u)) {
      o.put(field, u);
    } else {
      o.put(field, "Infinity");
    }
  }
}
