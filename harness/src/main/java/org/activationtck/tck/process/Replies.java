package org.activationtck.tck.process;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.activationtck.oracle.Rounding;
import org.activationtck.spec.Dtype;

/**
 * Parses one reply line of the JSON-lines protocol. The only outcomes are an array of values,
 * {@link UnsupportedOperationException} (the program declined) and {@link BadReply} (anything
 * else, with a reason); the property test {@code RepliesPropertyTest} holds it to that for
 * arbitrary lines. The mapper is plain tree parsing (no data binding, so no polymorphic typing)
 * with bounded nesting, string and number lengths.
 */
final class Replies {

  /** Deepest nesting accepted in a reply; a valid one has depth 2 ({"y": [...]}). */
  static final int MAX_DEPTH = 16;

  private final ObjectMapper mapper = JsonMapper.builder().build();

  Replies(int maxLine) {
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH).maxStringLength(maxLine).maxDocumentLength(maxLine)
        .maxNumberLength(1000).build());
  }

  /** A reply the protocol does not allow. */
  static final class BadReply extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final boolean restart;

    BadReply(String message, boolean restart) {
      super(message);
      this.restart = restart;
    }

    /** Whether the program is out of step (garbage, wrong id) and must be restarted. */
    boolean restart() {
      return restart;
    }
  }

  /**
   * The values of a reply to request {@code id}, each rounded to {@code dtype}.
   *
   * @throws UnsupportedOperationException when the program answered {@code unsupported}
   * @throws BadReply for anything that is not a valid reply to {@code id}
   */
  double[] parse(String line, long id, Dtype dtype) {
    JsonNode reply;
    try {
      reply = mapper.readTree(line);
    } catch (IOException | RuntimeException e) {
      throw new BadReply("reply is not JSON: " + abbreviate(line), true);
    }
    if (reply == null || !reply.isObject() || !reply.path("id").canConvertToLong()) {
      throw new BadReply("reply has no numeric id: " + abbreviate(String.valueOf(reply)), true);
    }
    long got = reply.get("id").asLong();
    if (got != id) {
      throw new BadReply("reply out of order: id " + got + " for request " + id, true);
    }
    if (reply.path("unsupported").asBoolean(false)) {
      throw new UnsupportedOperationException("the program answered unsupported");
    }
    if (reply.has("error")) {
      JsonNode e = reply.get("error");
      throw new BadReply("the program reported an error: "
          + abbreviate(e.isTextual() ? e.asText() : e.toString()), false);
    }
    JsonNode y = reply.get("y");
    if (y == null || !y.isArray()) {
      throw new BadReply("reply has no array y", false);
    }
    double[] out = new double[y.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(y.get(i), dtype, i);
    }
    return out;
  }

  private static double number(JsonNode n, Dtype t, int i) {
    double d;
    if (n.isNumber()) {
      d = n.doubleValue();
    } else if (n.isTextual()) {
      switch (n.asText()) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default: throw new BadReply("y[" + i + "] is not a number: " + abbreviate(n.asText()), false);
      }
    } else {
      throw new BadReply("y[" + i + "] is not a number: " + abbreviate(n.toString()), false);
    }
    // A decimal that round-trips in t, read as the nearest double, rounds back to t exactly
    // (double has more than 2p + 2 bits for every p here, so double rounding is innocuous).
    return Rounding.round(d, t);
  }

  static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
