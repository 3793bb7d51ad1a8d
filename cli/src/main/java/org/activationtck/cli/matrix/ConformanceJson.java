package org.activationtck.cli.matrix;

import static org.activationtck.cli.matrix.TierReport.count;
import static org.activationtck.cli.matrix.TierReport.text;
import static org.activationtck.cli.matrix.TierReport.ulps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.activationtck.spi.API;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Tolerances;
import org.activationtck.runner.report.Reproducer;

/**
 * {@code docs/conformance.json}, the machine twin of {@code CONFORMANCE.md}: every row, not
 * implemented ones included, with its tier, its budgets, the figures of both runs, the diagnosis
 * and the reproducer. Infinite ulps are the string {@code "Infinity"}, as in the run reports.
 *
 * <p>{@link #read} parses it back (version 2, and version 1 from before the tiers, whose
 * {@code lenient} figures are the framework run's) and decides every row's tier again with the
 * budgets given, so that the matrix can be rendered again without running the adapters.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConformanceJson {

  /** Bumped on incompatible changes of this format (2: the tiers strict, libm and framework). */
  public static final int VERSION = 2;

  private static final Set<String> FORGIVEN_CAUSES = Set.of("flush_to_zero", "signed_zero");

  private ConformanceJson() {}

  public static byte[] bytes(Matrix m) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("matrixVersion", VERSION);
    ObjectNode tiers = root.putObject("tiers");
    tiers.put("strict", "--tier strict --signed-zero strict");
    tiers.put("libm", "the strict run judged with the libm budgets (--tier libm --signed-zero strict)");
    tiers.put("framework", "--tier framework --signed-zero lenient");
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
      o.put("status", a.status().name().toLowerCase(Locale.ROOT));
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
        ObjectNode b = j.putObject("budgets");
        r.budgets().forEach((t, u) -> b.put(t.id(), u));
        j.set("strict", tier(om, r.strict()));
        if (r.framework() != null) {
          j.set("framework", tier(om, r.framework()));
        }
        if (r.diagnosis() != null) {
          ObjectNode d = j.putObject("diagnosis");
          d.put("heuristic", true);
          d.put("primary", r.diagnosis().primary() == null ? null : r.diagnosis().primary().name().toLowerCase(Locale.ROOT));
          d.put("summary", r.diagnosis().summary());
          ObjectNode c = d.putObject("causes");
          r.diagnosis().causes().forEach((k, v) -> c.put(k.name().toLowerCase(Locale.ROOT), v));
          d.put("sampled", r.diagnosis().sampled());
          if (r.diagnosis().oneSide() != null) {
            d.put("oneSide", r.diagnosis().oneSide());
          }
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
    t.put("flushed", r.flushed());
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

  /**
   * Reads a matrix back and decides every row's tier with {@code budgets} ({@link RowTier}); the
   * figures, diagnoses, reproducers and findings stay as stored.
   *
   * @param origin how the document is named in error messages
   * @param root the repository root (the adapters' directories are {@code root/adapters/<dir>})
   * @throws IllegalArgumentException naming {@code origin} and the path of the first problem
   */
  public static Matrix read(byte[] json, String origin, Path root, Tolerances budgets) {
    JsonNode doc;
    try {
      doc = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(origin + ": not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(origin + ": " + e.getMessage());
    }
    if (doc == null || !doc.isObject()) {
      throw new IllegalArgumentException(origin + ": not a JSON object");
    }
    int version = doc.path("matrixVersion").asInt(-1);
    if (version != 1 && version != VERSION) {
      throw new IllegalArgumentException(origin + ": matrixVersion must be 1 or " + VERSION + ", got " + doc.get("matrixVersion"));
    }
    String frameworkKey = version == 1 ? "lenient" : "framework";
    List<Matrix.AdapterResult> adapters = new ArrayList<>();
    JsonNode as = array(doc, "adapters", origin);
    for (int i = 0; i < as.size(); i++) {
      JsonNode a = as.get(i);
      String at = origin + ": /adapters/" + i;
      String dir = text(a, "adapter", at);
      AdapterSpec spec = new AdapterSpec(dir, root.resolve("adapters").resolve(dir), text(a, "name", at),
          text(a, "library", at), text(a, "coordinates", at), text(a, "version", at),
          a.hasNonNull("implClass") ? a.get("implClass").asText() : null,
          a.hasNonNull("implCommand") ? a.get("implCommand").asText() : null, false, List.of(), Map.of(), 0);
      Matrix.Status status;
      try {
        status = Matrix.Status.valueOf(text(a, "status", at).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "/status: unknown status '" + a.get("status").asText() + "'");
      }
      List<Matrix.Row> rows = new ArrayList<>();
      JsonNode ms = array(a, "matrix", at);
      for (int k = 0; k < ms.size(); k++) {
        rows.add(row(ms.get(k), at + "/matrix/" + k, frameworkKey, budgets));
      }
      adapters.add(new Matrix.AdapterResult(spec, status, a.hasNonNull("message") ? a.get("message").asText() : null,
          a.path("seconds").asDouble(), rows, a.hasNonNull("findings") ? a.get("findings").asText() : null));
    }
    return new Matrix(adapters);
  }

  private static Matrix.Row row(JsonNode r, String at, String frameworkKey, Tolerances budgets) {
    String function = text(r, "function", at);
    String dtype = text(r, "dtype", at);
    boolean derivative = r.path("derivative").asBoolean();
    TierReport.Row strict = tierRow(r.get("strict"), at + "/strict", function, dtype, derivative);
    if (strict == null) {
      throw new IllegalArgumentException(at + "/strict must be an object");
    }
    TierReport.Row framework = tierRow(r.get(frameworkKey), at + "/" + frameworkKey, function, dtype, derivative);
    Diagnosis diagnosis = diagnosis(r.get("diagnosis"));
    Reproducer reproducer = reproducer(r.get("reproducer"), function, dtype, derivative);
    Map<Tier, Double> b;
    try {
      b = Matrix.budgets(budgets, function, dtype);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage());
    }
    Conformance c = RowTier.of(strict, framework, b.get(Tier.LIBM), b.get(Tier.FRAMEWORK),
        hints(strict, framework, diagnosis, reproducer));
    return new Matrix.Row(function, dtype, derivative, c, b, strict, framework, diagnosis, reproducer);
  }

  /**
   * What the stored diagnosis and reproducer prove (they describe the deciding run,
   * {@link Matrix#deciding}): the reproducer of a framework run with failures is a failure of the
   * framework tier; a diagnosis that classified every failure of the strict run as a flush to zero,
   * a sign of zero or a small error (at most {@link Diagnosis#SMALL_ULPS}) bounds the errors that
   * the framework tier does not forgive.
   */
  static RowTier.Hints hints(TierReport.Row strict, TierReport.Row framework, Diagnosis d, Reproducer p) {
    TierReport.Row deciding = Matrix.deciding(strict, framework);
    double frameworkFailure = Double.NaN;
    double strictBound = Double.NaN;
    if (deciding != null && deciding == framework && p != null) {
      frameworkFailure = p.ulps();
    }
    if (deciding != null && deciding == strict && d != null && d.sampled() == strict.failed()) {
      Set<String> causes = new HashSet<>();
      d.causes().keySet().forEach(c -> causes.add(c.name().toLowerCase(Locale.ROOT)));
      if (FORGIVEN_CAUSES.containsAll(causes)) {
        strictBound = 0;
      } else {
        causes.removeAll(FORGIVEN_CAUSES);
        if (causes.equals(Set.of("small_ulps"))) {
          strictBound = Diagnosis.SMALL_ULPS;
        }
      }
    }
    return new RowTier.Hints(frameworkFailure, strictBound);
  }

  private static TierReport.Row tierRow(JsonNode t, String at, String function, String dtype, boolean derivative) {
    if (t == null || t.isNull()) {
      return null;
    }
    if (!t.isObject()) {
      throw new IllegalArgumentException(at + " must be an object");
    }
    TierReport.Failure worst = t.hasNonNull("worstInput")
        ? new TierReport.Failure("", "", t.get("worstInput").asText(), "", null, "", Double.NaN, null, null) : null;
    return new TierReport.Row(function, dtype, derivative, count(t, "cases", at), count(t, "passed", at),
        count(t, "failed", at), count(t, "notImplemented", at), ulps(t.get("maxUlps")),
        t.path("budgetUlps").asDouble(), t.path("percentCorrectlyRounded").asDouble(), worst, List.of(),
        t.path("flushed").asInt(0));
  }

  private static Diagnosis diagnosis(JsonNode d) {
    if (d == null || !d.isObject()) {
      return null;
    }
    Map<Diagnosis.Cause, Integer> causes = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = d.path("causes").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      causes.put(Diagnosis.Cause.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue().asInt());
    }
    String side = d.hasNonNull("oneSide") ? d.get("oneSide").asText() : null;
    if (side == null) {
      // version 1 kept it only in the summary
      String summary = d.path("summary").asText("");
      side = summary.contains("all at x < 0") ? "x < 0" : summary.contains("all at x > 0") ? "x > 0" : null;
    }
    return new Diagnosis(causes, d.path("sampled").asInt(), side);
  }

  private static Reproducer reproducer(JsonNode q, String function, String dtype, boolean derivative) {
    if (q == null || !q.isObject()) {
      return null;
    }
    Map<String, String> params = new TreeMap<>();
    q.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    return new Reproducer(function, q.path("dialect").asText(""), params, dtype, derivative,
        q.path("input").asText(""), q.path("expected").asText(""),
        q.hasNonNull("actual") ? q.get("actual").asText() : null, ulps(q.get("ulps")),
        q.hasNonNull("reason") ? q.get("reason").asText() : null, q.path("case").asText(""));
  }

  private static JsonNode array(JsonNode o, String field, String at) {
    JsonNode n = o.get(field);
    if (n == null || !n.isArray()) {
      throw new IllegalArgumentException(at + "/" + field + " must be an array");
    }
    return n;
  }

}
