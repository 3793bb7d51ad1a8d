package org.activationtck.runner.process;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;

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

  // one JSON object per line: anything after it (garbage, a second object) is a bad reply
  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

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
   * The values of a reply to request {@code id}, as the doubles they denote. A float64 reply's
   * numbers are read to the nearest double. A narrower dtype's reply must consist of values of
   * that dtype, written either exactly (as the double they are, {@code 0.7310585975646973}, or
   * their full decimal expansion) or with at most as many significant digits as the dtype needs
   * to single out a value ({@link #significantDigits}: 9 for float32, 5 for float16, 4 for
   * bfloat16; such a decimal is read in the dtype, as the program's own printing of its values
   * would be). Any other number is passed on as the nearest double: a program that computes a
   * float32 request in double and prints the double has not answered in float32, and the verdict
   * says so ("0.7310585786300049 is not a float32 value"), element by element.
   *
   * @throws UnsupportedOperationException when the program answered {@code unsupported}
   * @throws BadReply for anything that is not a valid reply to {@code id}
   */
  double[] parse(String line, long id, Dtype dtype) {
    JsonNode reply = object(line, id);
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
    List<String> texts = numberTexts(line);
    for (int i = 0; i < out.length; i++) {
      out[i] = number(y.get(i), i < texts.size() ? texts.get(i) : null, dtype, i);
    }
    return out;
  }

  /**
   * The reply line as a JSON object that answers request {@code id}, whatever else it holds.
   *
   * @return an object node with that id; never {@code null}
   * @throws BadReply (asking for a restart) when the line is not JSON, not an object, has no
   *     numeric id or another one than {@code id}
   */
  JsonNode object(String line, long id) {
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
    return reply;
  }

  /**
   * The digits each number of the top-level {@code y} array was written with (null for
   * elements that are not numbers): the tree keeps only the double, which loses both the sign
   * of {@code -0} and how many digits the program printed. The line has parsed as a tree
   * already, so this second pass over it cannot fail on syntax.
   */
  private List<String> numberTexts(String line) {
    List<String> texts = new ArrayList<>();
    try (JsonParser p = mapper.getFactory().createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return texts;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("y") && v == JsonToken.START_ARRAY) {
          texts.clear();
          for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            texts.add(e.isNumeric() ? p.getText() : null);
            p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      return texts;
    }
    return texts;
  }

  /**
   * Significant digits of a JSON number's text, from its first to its last non-zero digit
   * ({@code 0.7310586} has 7, {@code 1.50e3} has 2).
   */
  static int significantDigits(String text) {
    int first = -1;
    int last = -1;
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          if (first < 0) {
            first = count;
          }
          last = count;
        }
        if (first >= 0 || c != '0') {
          count++;
        }
      }
    }
    return first < 0 ? 1 : last - first + 1;
  }

  /**
   * Decimal digits that single out every value of a format of precision p: ceil(1 + p log10 2)
   * (9 for float32, 5 for float16, 4 for bfloat16).
   */
  static int digitsToSingleOut(Dtype t) {
    return (int) Math.ceil(1 + t.precision() * Math.log10(2));
  }

  private static double number(JsonNode n, String text, Dtype t, int i) {
    double d;
    if (n.isNumber()) {
      d = text != null ? Double.parseDouble(text) : n.doubleValue();
      if (Double.isInfinite(d)) {
        // 1e999 is no infinity: the protocol writes those as strings
        throw new BadReply("y[" + i + "] = " + abbreviate(text != null ? text : n.toString())
            + " is beyond the double range (infinities are the strings \"Infinity\" and"
            + " \"-Infinity\")", false);
      }
      if (t == Dtype.FLOAT64 || Rounding.isRepresentable(d, t)) {
        return d;
      }
      if (text != null && significantDigits(text) <= digitsToSingleOut(t)) {
        // A decimal that singles out a value of t, read as the nearest double, rounds back to
        // it exactly (double has more than 2p + 2 bits for every p here: double rounding is
        // innocuous).
        return Rounding.round(d, t);
      }
      return d;
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
  }

  static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
