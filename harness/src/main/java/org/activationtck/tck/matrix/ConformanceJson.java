package org.activationtck.tck.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.activationtck.spi.API;

/**
 * {@code docs/conformance.json}, the machine twin of {@code CONFORMANCE.md}: every row, not
 * implemented ones included, with both tiers' figures, the diagnosis and the reproducer.
 * Infinite ulps are the string {@code "Infinity"}, as in the run reports.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConformanceJson {

  /** Bumped on incompatible changes of this format. */
  public static final int VERSION = 1;

  private ConformanceJson() {}

  public static byte[] bytes(Matrix m) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("matrixVersion", VERSION);
    ObjectNode tiers = root.putObject("tiers");
    tiers.put("strict", "--tier strict --signed-zero strict");
    tiers.put("lenient", "--tier lenient --signed-zero lenient");
    ArrayNode adapters = root.putArray("adapters");
    for (Matrix.AdapterResult a : m.adapters()) {
      ObjectNode o = adapters.addObject();
      AdapterSpec s = a.spec();
      o.put("adapter", s.dir());
      o.put("name", s.name());
      o.put("library", s.library());
      o.put("coordinates", s.coordinates());
      o.put("version", s.version());
      if (s.isProcess()) {
        o.put("implCommand", s.implCommand());
      } else {
        o.put("implClass", s.implClass());
      }
      o.put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
      if (a.message() != null) {
        o.put("message", a.message());
      }
      o.put("seconds", Math.round(a.seconds() * 10) / 10.0);
      ObjectNode counts = o.putObject("rows");
      for (Map.Entry<Conformance, Integer> e : a.counts().entrySet()) {
        counts.put(e.getKey().label(), e.getValue());
      }
      ArrayNode rows = o.putArray("matrix");
      for (Matrix.Row r : a.rows()) {
        ObjectNode j = rows.addObject();
        j.put("function", r.function());
        j.put("dtype", r.dtype());
        j.put("derivative", r.derivative());
        j.put("conformant", r.conformance().label());
        j.set("strict", tier(om, r.strict()));
        if (r.lenient() != null) {
          j.set("lenient", tier(om, r.lenient()));
        }
        if (r.diagnosis() != null) {
          ObjectNode d = j.putObject("diagnosis");
          d.put("heuristic", true);
          d.put("primary", r.diagnosis().primary() == null ? null : r.diagnosis().primary().name().toLowerCase(java.util.Locale.ROOT));
          d.put("summary", r.diagnosis().summary());
          ObjectNode c = d.putObject("causes");
          r.diagnosis().causes().forEach((k, v) -> c.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
          d.put("sampled", r.diagnosis().sampled());
        }
        if (r.reproducer() != null) {
          Reproducer p = r.reproducer();
          ObjectNode q = j.putObject("reproducer");
          q.put("case", p.caseId());
          q.put("dialect", p.dialect());
          ObjectNode params = q.putObject("params");
          new TreeMap<>(p.params()).forEach(params::put);
          q.put("input", p.input());
          q.put("expected", p.expected());
          q.put("actual", p.actual());
          putUlps(q, "ulps", p.ulps());
          q.put("reason", p.reason());
          q.put("oracle", p.oracleCommand());
        }
      }
      if (a.findings() != null) {
        o.put("findings", a.findings());
      }
    }
    try {
      return om.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode tier(ObjectMapper om, TierReport.Row r) {
    ObjectNode t = om.createObjectNode();
    t.put("cases", r.cases());
    t.put("passed", r.passed());
    t.put("failed", r.failed());
    t.put("notImplemented", r.notImplemented());
    putUlps(t, "maxUlps", r.maxUlps());
    t.put("budgetUlps", r.budget());
    t.put("percentCorrectlyRounded", r.percentCorrectlyRounded());
    if (r.worst() != null) {
      t.put("worstInput", r.worst().input());
    }
    return t;
  }

  private static void putUlps(ObjectNode o, String field, double u) {
    if (Double.isNaN(u)) {
      o.putNull(field);
    } else if (Double.isInfinite(u)) {
      o.put(field, "Infinity");
    } else {
      o.put(field, u);
    }
  }
}
