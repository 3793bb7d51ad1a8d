package org.activationtck.runner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.activationtck.spi.API;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.gate.Gate;
import org.activationtck.runner.gate.GateResult;

/**
 * The scoreboard for machines: the same figures as the console, plus every failed check (input,
 * expected, actual, kind, ulps, reason). Report version 2: numbers stay numbers; an error that
 * is not an ulp count (a NaN where a number is due, a wrong sign of zero, ...) has {@code "ulps":
 * null} and says what it is in {@code "kind"}, and a row's {@code maxUlps} is null when nothing
 * was measured. {@code "result"} is {@code conforms}, {@code known_deviations}, {@code failed} or
 * {@code not_checked}. Version 3: one row per function, dtype, value/derivative and dialect;
 * {@code "flushed"} counts the passes that are flushes the tier forgave, which {@code maxUlps}
 * leaves out.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JsonReport {

  /** Failed checks listed per row, at most; the counts stay exact. */
  static final int MAX_FAILURES_PER_ROW = 50;

  /**
   * The report format's version; 2 added failure kinds and null for unmeasured ulps; 3 made rows
   * per dialect ({@code "dialect"}), added the gate, the implementation's version and declared
   * dialects, and each listed check's function, dtype, derivative, params and rules.
   */
  public static final int VERSION = 3;

  private JsonReport() {}

  /** A run on its own (no deviation list, nothing required). */
  public static byte[] bytes(RunResult r) {
    return bytes(Gate.none().apply(r));
  }

  /**
   * A run and its gate. With a deviation list or requirements, {@code "gate"} says what the list
   * admitted, what was fixed or not exercised, the failures not listed and the unmet requirements,
   * and {@code "result"} is the gate's outcome (also {@code known_deviations}).
   */
  public static byte[] bytes(GateResult g) {
    RunResult r = g.run();
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("reportVersion", VERSION);
    root.put("implementation", r.implementation());
    root.put("tier", r.config().tier().id());
    root.put("signedZero", r.config().signedZeroStrict() ? "strict" : "lenient");
    root.put("checks", r.checks().size());
    root.put("passed", r.passed());
    root.put("failed", r.failed());
    root.put("notImplemented", r.notImplemented());
    root.put("result", g.outcome().id());
    root.put("conforms", g.outcome() == RunResult.Outcome.CONFORMS);
    if (!r.version().isEmpty()) {
      root.put("version", r.version());
    }
    ArrayNode declared = root.putArray("declaredDialects");
    r.declaredDialects().forEach(declared::add);
    root.put("positions", r.config().positions() ? "all" : "one");
    ArrayNode unchecked = root.putArray("unchecked");
    r.unchecked().forEach(unchecked::add);
    ObjectNode kinds = root.putObject("failedByKind");
    r.failuresByKind().forEach((k, n) -> kinds.put(k.id(), n));
    root.put("elapsedSeconds", r.elapsed().toMillis() / 1000.0);
    if (g.gate().active()) {
      ObjectNode gate = root.putObject("gate");
      gate.put("deviations", g.gate().deviations().origin());
      gate.put("strict", g.gate().strict());
      gate.put("entries", g.gate().deviations().entries().size());
      gate.put("admittedChecks", g.admittedChecks());
      gate.put("unexpectedChecks", g.unexpected().size());
      ArrayNode occurring = gate.putArray("occurring");
      g.admitted().forEach((d, cs) -> {
        if (!cs.isEmpty()) {
          occurring.addObject().put("entry", d.label()).put("line", d.line()).put("checks", cs.size());
        }
      });
      ArrayNode fixed = gate.putArray("fixed");
      g.fixed().forEach(d -> fixed.addObject().put("entry", d.label()).put("line", d.line()));
      ArrayNode idle = gate.putArray("notExercised");
      g.notExercised().forEach(d -> idle.addObject().put("entry", d.label()).put("line", d.line()));
      ArrayNode unmet = gate.putArray("unmetRequirements");
      g.unmet().forEach(q -> unmet.add(q.text()));
      ArrayNode unexpected = gate.putArray("unexpected");
      g.unexpected().stream().limit(MAX_FAILURES_PER_ROW * 4L).forEach(c -> unexpected.add(check(m, c)));
    }
    ArrayNode rows = root.putArray("rows");
    for (RunResult.Row row : r.rows()) {
      ObjectNode o = rows.addObject();
      o.put("function", row.function());
      o.put("dtype", row.dtype().id());
      o.put("derivative", row.derivative());
      o.put("dialect", row.dialect());
      o.put("cases", row.cases());
      o.put("passed", row.passed());
      o.put("failed", row.failed());
      o.put("notImplemented", row.notImplemented());
      ObjectNode rowKinds = o.putObject("failedByKind");
      row.failuresByKind().forEach((k, n) -> rowKinds.put(k.id(), n));
      putUlps(o, "maxUlps", row.maxUlps());
      o.put("flushed", row.flushed());
      o.put("budgetUlps", row.budget());
      o.put("percentCorrectlyRounded", row.percentCorrectlyRounded());
      if (row.worst() != null) {
        o.set("worst", check(m, row.worst()));
      }
      ArrayNode failures = o.putArray("failures");
      int n = 0;
      for (Check c : row.checks()) {
        if (c.status() == Check.Status.FAILED && n++ < MAX_FAILURES_PER_ROW) {
          failures.add(check(m, c));
        }
      }
    }
    try {
      return m.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode check(ObjectMapper m, Check c) {
    ObjectNode o = m.createObjectNode();
    o.put("case", c.caseId());
    o.put("function", c.function());
    o.put("dtype", c.dtype().id());
    o.put("derivative", c.derivative());
    o.put("dialect", c.dialect());
    if (!c.params().isEmpty()) {
      ObjectNode p = o.putObject("params");
      c.params().forEach(p::put);
    }
    ArrayNode rules = o.putArray("rules");
    c.rules().forEach(rules::add);
    o.put("input", c.input());
    o.put("expected", c.expected());
    o.put("actual", c.actual());
    o.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
    if (c.kind() != null) {
      o.put("kind", c.kind().id());
    }
    if (c.verdict() != null) {
      putUlps(o, "ulps", c.verdict().ulps());
    }
    o.put("reason", c.reason());
    return o;
  }

  /** An ulp figure, or null when there is none (NaN: not measured, not an ulp count). */
  private static void putUlps(ObjectNode o, String field, double u) {
    if (Double.isFinite(u)) {
      o.put(field, u);
    } else {
      o.putNull(field);
    }
  }
}
