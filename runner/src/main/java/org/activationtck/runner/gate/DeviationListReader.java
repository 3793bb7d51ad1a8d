package org.activationtck.runner.gate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.runner.FailureKind;

/**
 * Reads a deviation list strictly: every field known, every name checked against the catalog, and
 * every error one line naming file, line and field ({@code deviations.json:12: field
 * /deviations/2/dialect: 'pytorh' is not a dialect of relu (keras3, ...)}).
 */
final class DeviationListReader {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Set<String> TOP = Set.of("$schema", "format", "implementation", "comment",
      "deviations");
  private static final Set<String> ENTRY = Set.of("function", "dialect", "dtype", "of", "kind",
      "rule", "params", "x", "max_ulps", "reason", "link", "observed");

  /** Rule ids the fixture generator adds to cases besides the catalog's. */
  private static final Set<String> TCK_RULES = Set.of("tck.kink");

  private final String origin;
  private final Catalog catalog = Catalog.standard();
  private JsonLineIndex lines;

  DeviationListReader(String origin) {
    this.origin = origin;
  }

  DeviationList read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
      lines = new JsonLineIndex(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(origin + (e.getLocation() == null ? ""
          : ":" + e.getLocation().getLineNr()) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(origin + ":1: a deviation list is a JSON object with"
          + " \"format\": \"" + DeviationList.FORMAT + "\" and \"deviations\": [...]");
    }
    knownFields(root, "", TOP);
    String format = text(root, "", "format", true);
    if (!format.equals(DeviationList.FORMAT)) {
      throw error("/format", "'" + format + "' is not a format this TCK reads (expected '"
          + DeviationList.FORMAT + "')");
    }
    String implementation = text(root, "", "implementation", false);
    JsonNode entries = root.get("deviations");
    if (entries == null || !entries.isArray()) {
      throw error("/deviations", "required: an array of entries (it may be empty)");
    }
    List<Deviation> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      out.add(entry(entries.get(i), "/deviations/" + i));
    }
    return new DeviationList(origin, implementation == null ? "" : implementation, out);
  }

  private Deviation entry(JsonNode e, String at) {
    if (!e.isObject()) {
      throw error(at, "an entry is a JSON object");
    }
    knownFields(e, at, ENTRY);
    String fid = text(e, at, "function", true);
    FunctionSpec f = catalog.find(fid).filter(s -> s.id().equals(fid)).orElseThrow(() ->
        error(at + "/function", "'" + fid + "' is not a catalog function id" + alias(fid)));
    List<String> dialects = dialects(e, at, f);
    String dt = text(e, at, "dtype", true);
    Dtype dtype = null;
    if (!dt.equals("*")) {
      dtype = attempt(at + "/dtype", () -> Dtype.fromId(dt));
    }
    String of = text(e, at, "of", true);
    if (!of.equals("value") && !of.equals("derivative")) {
      throw error(at + "/of", "'" + of + "' must be value or derivative");
    }
    boolean derivative = of.equals("derivative");
    if (derivative && f.kind() == Kind.AXIS) {
      throw error(at + "/of", f.id() + " is an axis function: the catalog defines no derivative");
    }
    FailureKind kind = null;
    String k = text(e, at, "kind", false);
    if (k != null) {
      kind = attempt(at + "/kind", () -> failureKind(k));
    }
    String rule = text(e, at, "rule", false);
    if (rule != null && f.rule(rule).isEmpty() && !TCK_RULES.contains(rule)) {
      throw error(at + "/rule", "'" + rule + "' is not a rule of " + f.id() + " ("
          + String.join(", ", f.rules().stream().map(r -> r.id()).toList()) + ")");
    }
    Map<String, String> params = params(e, at, f);
    InputSet inputs = inputs(e, at, f);
    double maxUlps = Double.NaN;
    JsonNode mu = e.get("max_ulps");
    if (mu != null) {
      if (!mu.isNumber() || !(mu.asDouble() >= 0) || Double.isInfinite(mu.asDouble())) {
        throw error(at + "/max_ulps", "a finite number of ulps, at least 0, expected, got " + mu);
      }
      if (kind != null && kind != FailureKind.ULPS) {
        throw error(at + "/max_ulps", "a ceiling in ulps admits only failures of kind ulps, but"
            + " the entry's kind is " + kind.id());
      }
      maxUlps = mu.asDouble();
    }
    String reason = text(e, at, "reason", true);
    if (reason.isBlank()) {
      throw error(at + "/reason", "required: why the implementation deviates (TODO is a start)");
    }
    String link = text(e, at, "link", false);
    text(e, at, "observed", false);
    return new Deviation(f.id(), dialects, dtype, derivative, kind, rule, params, inputs, maxUlps,
        reason, link, lines.line(at));
  }

  private List<String> dialects(JsonNode e, String at, FunctionSpec f) {
    JsonNode d = e.get("dialect");
    if (d == null) {
      throw error(at + "/dialect", "required: a dialect id, a list of them, or \"*\" for all");
    }
    List<String> ids = new ArrayList<>();
    if (d.isTextual()) {
      if (d.asText().equals("*")) {
        return List.of();
      }
      ids.add(d.asText());
    } else if (d.isArray() && d.size() > 0) {
      for (JsonNode x : d) {
        if (!x.isTextual()) {
          throw error(at + "/dialect", "dialect ids are strings, got " + x);
        }
        ids.add(x.asText());
      }
    } else {
      throw error(at + "/dialect", "a dialect id, a non-empty list of them, or \"*\" expected, got " + d);
    }
    for (String id : ids) {
      if (!f.inDialect(id)) {
        throw error(at + "/dialect", "'" + id + "' is not a dialect of " + f.id() + " ("
            + String.join(", ", catalog.dialects().stream().map(x -> x.id()).filter(f::inDialect)
                .toList()) + ")");
      }
    }
    return ids;
  }

  private Map<String, String> params(JsonNode e, String at, FunctionSpec f) {
    JsonNode p = e.get("params");
    if (p == null) {
      return null;
    }
    if (!p.isObject()) {
      throw error(at + "/params", "an object of parameters by catalog name expected, got " + p);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> kv = it.next();
      String name = kv.getKey();
      if (f.parameter(name).isEmpty()) {
        throw error(at + "/params/" + name, "'" + name + "' is not a parameter of " + f.id()
            + (f.parameters().isEmpty() ? " (it has none)" : " (" + String.join(", ",
                f.parameters().stream().map(x -> x.name()).toList()) + ")"));
      }
      JsonNode v = kv.getValue();
      if (v.isNumber()) {
        out.put(name, v.decimalValue().toPlainString());
      } else if (v.isTextual() || v.isBoolean()) {
        out.put(name, v.asText());
      } else {
        throw error(at + "/params/" + name, "a number, string or boolean expected, got " + v);
      }
    }
    return out;
  }

  private InputSet inputs(JsonNode e, String at, FunctionSpec f) {
    JsonNode x = e.get("x");
    if (x == null) {
      return null;
    }
    if (f.kind() == Kind.AXIS) {
      throw error(at + "/x", f.id() + " is an axis function: its checks are about whole vectors,"
          + " so an entry cannot select inputs");
    }
    if (x.isTextual()) {
      return attempt(at + "/x", () -> InputSet.of(x.asText()));
    }
    if (!x.isObject()) {
      throw error(at + "/x", "an input class (nan, infinity, ...) or {\"min\": a, \"max\": b} expected, got " + x);
    }
    knownFields(x, at + "/x", Set.of("min", "max"));
    if (!x.has("min") && !x.has("max")) {
      throw error(at + "/x", "a range needs \"min\", \"max\" or both");
    }
    double min = bound(x, at, "min", Double.NEGATIVE_INFINITY);
    double max = bound(x, at, "max", Double.POSITIVE_INFINITY);
    return attempt(at + "/x", () -> InputSet.range(min, max));
  }

  private double bound(JsonNode x, String at, String name, double absent) {
    JsonNode b = x.get(name);
    if (b == null) {
      return absent;
    }
    if (!b.isNumber() || !Double.isFinite(b.asDouble())) {
      throw error(at + "/x/" + name, "a finite number expected, got " + b);
    }
    return b.asDouble();
  }

  private static FailureKind failureKind(String id) {
    for (FailureKind k : FailureKind.values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + id + "' is not a failure kind ("
        + String.join(", ", java.util.Arrays.stream(FailureKind.values()).map(FailureKind::id).toList()) + ")");
  }

  private String alias(String name) {
    return catalog.find(name).map(s -> " (did you mean '" + s.id() + "'?)").orElse("");
  }

  private void knownFields(JsonNode o, String at, Set<String> known) {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw error(at + "/" + name, "unknown field (known: " + String.join(", ",
            known.stream().sorted().toList()) + ")");
      }
    }
  }

  private String text(JsonNode o, String at, String name, boolean required) {
    JsonNode v = o.get(name);
    if (v == null) {
      if (required) {
        throw error(at + "/" + name, "required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw error(at + "/" + name, "a string expected, got " + v);
    }
    return v.asText();
  }

  private <T> T attempt(String at, java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException ex) {
      throw error(at, ex.getMessage());
    }
  }

  private IllegalArgumentException error(String pointer, String message) {
    return new IllegalArgumentException(origin + ":" + lines.line(pointer) + ": field " + pointer
        + ": " + message);
  }
}
