package org.activationtck.cli.exhaustive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.spi.API;

/**
 * The JSON form of a {@link ShardResult} ({@code "kind": "activation-tck-shard"}), read back
 * strictly: a truncated, malformed or foreign file fails with one message naming the file (and
 * the field), never half-read. Bit patterns are hex strings, distances full decimal strings.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ShardFiles {

  /** The {@code kind} of every shard file. */
  public static final String KIND = "activation-tck-shard";

  /** The version of the shard format this code reads and writes. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private ShardFiles() {}

  /** The file's bytes. */
  public static byte[] bytes(ShardResult r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", KIND);
    root.put("version", VERSION);
    ShardResult.Identity id = r.identity();
    root.put("function", id.function());
    root.put("dialect", id.dialect());
    ObjectNode params = root.putObject("params");
    id.params().forEach(params::put);
    root.put("derivative", id.derivative());
    root.put("dtype", "float32");
    root.put("implementation", id.implementation());
    root.put("tier", id.tier());
    root.put("signedZero", id.signedZero());
    root.put("hardCases", id.hardCases());
    ObjectNode versions = root.putObject("versions");
    id.versions().forEach(versions::put);
    ObjectNode range = root.putObject("range");
    range.put("from", hex(r.range().from()));
    range.put("to", hex(r.range().to()));
    root.put("done", hex(r.done));
    root.put("complete", r.complete());
    ObjectNode counts = root.putObject("counts");
    counts.put("checked", r.checked);
    counts.put("passed", r.passed);
    counts.put("failed", r.failed);
    counts.put("notImplemented", r.notImplemented);
    counts.put("correctlyRounded", r.correctlyRounded);
    counts.put("referenceFallbacks", r.referenceFallbacks);
    counts.put("oracleFallbacks", r.oracleFallbacks);
    putUlps(root, "maxUlps", r.maxUlps);
    if (r.worst != null) {
      root.set("worst", example(r.worst));
    }
    ArrayNode classes = root.putArray("failingClasses");
    for (SweepResult.FailingClass c : r.classes.values()) {
      ObjectNode o = classes.addObject();
      o.put("id", c.id());
      o.put("class", c.label());
      o.put("failures", c.failures());
      putUlps(o, "maxUlps", c.maxUlps());
      ArrayNode ex = o.putArray("examples");
      c.examples().forEach(e -> ex.add(example(e)));
    }
    root.put("elapsedSeconds", Math.round(r.elapsedSeconds * 1000) / 1000.0);
    root.put("candidatesOverCap", r.overflowed);
    if (r.beyondPrecision != null) {
      root.put("candidateBeyondPrecision", String.format("0x%08x", r.beyondPrecision));
    }
    if (r.exactTies >= 0) {
      root.put("exactTies", r.exactTies);
    }
    if (r.doubleRounding >= 0) {
      root.put("doubleRoundingInputs", r.doubleRounding);
    }
    if (r.bounded >= 0) {
      root.put("boundedInputs", r.bounded);
    }
    if (r.collector != null) {
      ArrayNode cs = root.putArray("candidates");
      for (HardCaseCollector.Candidate c : r.collector.candidates()) {
        ObjectNode o = cs.addObject();
        o.put("bits", String.format("0x%08x", c.bits()));
        o.put("estimate", Double.toString(c.estimate()));
        o.put("error", Double.toString(c.error()));
      }
    }
    if (r.proven != null) {
      ArrayNode ps = root.putArray("proven");
      for (ShardResult.ProvenCase p : r.proven) {
        ObjectNode o = ps.addObject();
        o.put("bits", String.format("0x%08x", p.bits()));
        o.put("x", Float.toString(Float.intBitsToFloat(p.bits())));
        o.put("distance", p.distance());
        o.put("error", p.error());
        o.put("side", p.side());
        o.put("doubleRounding", p.doubleRounding());
        if (p.bounded()) {
          o.put("bounded", true);
        }
      }
    }
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a shard file.
   *
   * @throws IllegalArgumentException {@code FILE: problem}, naming the field, for a file that is
   *     missing, truncated, malformed or of another kind or version
   */
  public static ShardResult read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ":" + (e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":")
          + " not a complete JSON document (truncated?): " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
    try {
      return parse(root);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  private static ShardResult parse(JsonNode root) {
    if (root == null || !root.isObject() || !KIND.equals(text(root, "kind"))) {
      throw new IllegalArgumentException("field /kind: not an activation-tck shard file");
    }
    if (integer(root, "version") != VERSION) {
      throw new IllegalArgumentException("field /version: " + root.get("version") + " is not supported (this TCK reads " + VERSION + ")");
    }
    Map<String, String> params = strings(root, "params");
    Map<String, String> versions = strings(root, "versions");
    ShardResult.Identity id = new ShardResult.Identity(text(root, "function"), text(root, "dialect"),
        params, bool(root, "derivative"), text(root, "implementation"), text(root, "tier"),
        text(root, "signedZero"), (int) integer(root, "hardCases"), versions);
    JsonNode range = object(root, "range");
    BitRange r;
    try {
      r = new BitRange(bits(range, "from", "/range/from"), bits(range, "to", "/range/to"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field /range: " + e.getMessage());
    }
    ShardResult s = new ShardResult(id, r);
    s.done = bits(root, "done", "/done");
    if (s.done < r.from() || s.done > r.to()) {
      throw new IllegalArgumentException("field /done: outside the range " + r);
    }
    JsonNode counts = object(root, "counts");
    s.checked = integer(counts, "checked");
    s.passed = integer(counts, "passed");
    s.failed = integer(counts, "failed");
    s.notImplemented = integer(counts, "notImplemented");
    s.correctlyRounded = integer(counts, "correctlyRounded");
    s.referenceFallbacks = integer(counts, "referenceFallbacks");
    s.oracleFallbacks = integer(counts, "oracleFallbacks");
    s.maxUlps = ulps(root.get("maxUlps"), "/maxUlps");
    if (root.has("worst")) {
      s.worst = example(root.get("worst"), "/worst");
    }
    JsonNode classes = root.get("failingClasses");
    if (classes == null || !classes.isArray()) {
      throw new IllegalArgumentException("field /failingClasses: missing");
    }
    for (JsonNode c : classes) {
      List<SweepTally.Example> ex = new ArrayList<>();
      for (JsonNode e : c.path("examples")) {
        ex.add(example(e, "/failingClasses/examples"));
      }
      int cid = (int) integer(c, "id");
      s.classes.put(cid, new SweepResult.FailingClass(cid, text(c, "class"), integer(c, "failures"),
          ulps(c.get("maxUlps"), "/failingClasses/maxUlps"), List.copyOf(ex)));
    }
    s.elapsedSeconds = root.path("elapsedSeconds").asDouble();
    s.overflowed = integer(root, "candidatesOverCap");
    if (root.has("candidateBeyondPrecision")) {
      s.beyondPrecision = Integer.parseUnsignedInt(text(root, "candidateBeyondPrecision").substring(2), 16);
    }
    s.exactTies = root.has("exactTies") ? integer(root, "exactTies") : -1;
    s.doubleRounding = root.has("doubleRoundingInputs") ? integer(root, "doubleRoundingInputs") : -1;
    s.bounded = root.has("boundedInputs") ? integer(root, "boundedInputs") : -1;
    boolean complete = bool(root, "complete");
    if (root.has("candidates")) {
      s.collector = new HardCaseCollector(Math.max(1, id.hardCases()), org.activationtck.spi.Dtype.FLOAT32);
      for (JsonNode c : root.get("candidates")) {
        s.collector.offer(new HardCaseCollector.Candidate((int) bits(c, "bits", "/candidates/bits"),
            Double.parseDouble(text(c, "estimate")), Double.parseDouble(text(c, "error"))));
      }
    } else {
      s.collector = null;
    }
    if (root.has("proven")) {
      s.proven = new ArrayList<>();
      for (JsonNode p : root.get("proven")) {
        String d = text(p, "distance");
        String e = text(p, "error");
        new java.math.BigDecimal(d);
        new java.math.BigDecimal(e);
        s.proven.add(new ShardResult.ProvenCase((int) bits(p, "bits", "/proven/bits"), d, e,
            text(p, "side"), bool(p, "doubleRounding"), p.has("bounded") && bool(p, "bounded")));
      }
    }
    if (complete != s.complete()) {
      throw new IllegalArgumentException("field /complete: " + complete + " contradicts /done and /proven");
    }
    return s;
  }

  private static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  private static void putUlps(ObjectNode o, String field, double u) {
    if (Double.isFinite(u)) {
      o.put(field, u);
    } else {
      o.put(field, "Infinity");
    }
  }

  private static double ulps(JsonNode n, String at) {
    if (n == null) {
      throw new IllegalArgumentException("field " + at + ": missing");
    }
    return n.isTextual() && n.asText().equals("Infinity") ? Double.POSITIVE_INFINITY : n.asDouble();
  }

  private static ObjectNode example(SweepTally.Example e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("bits", String.format("0x%08x", e.bits()));
    o.put("expected", Float.toString(e.expected()));
    o.put("actual", Float.toString(e.actual()));
    o.put("ulps", Double.isFinite(e.ulps()) ? Double.toString(e.ulps()) : "Infinity");
    if (e.reason() != null) {
      o.put("reason", e.reason());
    }
    return o;
  }

  private static SweepTally.Example example(JsonNode n, String at) {
    String u = text(n, "ulps");
    return new SweepTally.Example((int) bits(n, "bits", at + "/bits"), Float.parseFloat(text(n, "expected")),
        Float.parseFloat(text(n, "actual")), u.equals("Infinity") ? Double.POSITIVE_INFINITY : Double.parseDouble(u),
        n.has("reason") ? n.get("reason").asText() : null);
  }

  private static JsonNode object(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException("field /" + field + ": missing or not an object");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field " + field + ": missing or not a string");
    }
    return v.asText();
  }

  private static long integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("field " + field + ": missing or not an integer");
    }
    return v.asLong();
  }

  private static boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isBoolean()) {
      throw new IllegalArgumentException("field " + field + ": missing or not true/false");
    }
    return v.asBoolean();
  }

  private static long bits(JsonNode n, String field, String at) {
    String s = text(n, field);
    try {
      if (s.startsWith("0x")) {
        return Long.parseLong(s.substring(2), 16);
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("field " + at + ": not a hex bit pattern: " + s);
  }

  private static Map<String, String> strings(JsonNode root, String field) {
    JsonNode o = object(root, field);
    Map<String, String> out = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException("field /" + field + "/" + e.getKey() + ": not a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }
}
