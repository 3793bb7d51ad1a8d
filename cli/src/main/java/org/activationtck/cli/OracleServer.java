package org.activationtck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activationtck.oracle.Oracle;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.catalog.Dialect;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.spec.catalog.ParameterSpec;

/**
 * {@code ./tck oracle --serve}: the oracle as a JSON-lines server (docs/ORACLE-SERVER.md). One
 * request object per line of stdin, one reply line per request on stdout, flushed, in order;
 * every request, however malformed or over a limit, is answered (an {@code error} reply naming
 * the field and, past a limit, the limit), and the server goes on until stdin ends (exit 0).
 * Nothing is kept between requests, so memory does not grow with their number; a line is read
 * at most {@link #MAX_LINE_CHARS} characters into memory (the rest of a longer one is skipped).
 */
final class OracleServer {

  /** Version of the request/reply format, in {@code describe}. */
  static final int PROTOCOL = 1;

  /** The longest request line (characters, the newline excluded). */
  static final int MAX_LINE_CHARS = 1 << 20;

  /** Deepest nesting of a request; a valid one has depth 2 ({"params": {...}}). */
  static final int MAX_DEPTH = 8;

  private static final Set<String> FIELDS = Set.of("id", "op", "function", "dialect", "params",
      "input_dtype", "x", "formats", "digits", "derivative", "wrt");

  private static final Oracle ORACLE = Oracle.standard();

  private final Reader in;
  private final PrintWriter out;
  private final JsonFactory json = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
          .maxDocumentLength(MAX_LINE_CHARS).maxStringLength(MAX_LINE_CHARS)
          .maxNumberLength(OracleQuery.MAX_TOKEN_CHARS).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final long maxNanos;

  OracleServer(InputStream in, PrintWriter out) {
    this(in, out, java.time.Duration.ofSeconds(OracleQuery.MAX_SECONDS));
  }

  /** A server whose requests are abandoned after {@code timeLimit} (tests use a short one). */
  OracleServer(InputStream in, PrintWriter out, java.time.Duration timeLimit) {
    this.maxNanos = timeLimit.toNanos();
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    this.out = out;
  }

  /** Serves until stdin ends; 0. */
  int serve() throws IOException {
    StringBuilder line = new StringBuilder();
    for (;;) {
      line.setLength(0);
      int end = readLine(line);
      if (end == EOF && line.length() == 0) {
        return 0;
      }
      String reply;
      if (end == TOO_LONG) {
        reply = error(null, new OracleQuery.LimitExceeded("line_chars", "a request line longer than "
            + MAX_LINE_CHARS + " characters (limit line_chars)"));
      } else if (line.toString().isBlank()) {
        continue;
      } else {
        reply = answer(line.toString());
      }
      out.println(reply);
      out.flush();
      if (out.checkError()) {
        throw new IOException("cannot write a reply: stdout is closed");
      }
      if (end == EOF) {
        return 0;
      }
    }
  }

  private static final int EOF = -1;
  private static final int NEWLINE = 0;
  private static final int TOO_LONG = 1;

  /** Reads one line into {@code line}, at most MAX_LINE_CHARS; skips the rest of a longer one. */
  private int readLine(StringBuilder line) throws IOException {
    for (int c; (c = in.read()) != -1; ) {
      if (c == '\n') {
        return NEWLINE;
      }
      if (line.length() == MAX_LINE_CHARS) {
        for (int d = c; d != -1 && d != '\n'; d = in.read()) {
          // skipped, in constant memory
        }
        line.setLength(0);
        return TOO_LONG;
      }
      line.append((char) c);
    }
    return EOF;
  }

  /** A JSON number as written, so that {@code -0.0} and 1000-digit decimals stay as they are. */
  private record Num(String text) {}

  /** The reply line to one request line. */
  String answer(String line) {
    Object id = null;
    try {
      Object parsed = parse(line);
      if (!(parsed instanceof Map)) {
        throw new IllegalArgumentException("a request is one JSON object per line");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> r = (Map<String, Object>) parsed;
      Object rawId = r.get("id");
      if (rawId instanceof Num || rawId instanceof String) {
        id = rawId;
      } else if (rawId != null) {
        throw new IllegalArgumentException("field id: a number or a string");
      }
      for (String f : r.keySet()) {
        if (!FIELDS.contains(f)) {
          throw new IllegalArgumentException("field " + f + ": unknown field (expected "
              + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
        }
      }
      String op = string(r, "op", "evaluate");
      if (op.equals("describe")) {
        if (r.size() > (r.containsKey("id") ? 2 : 1)) {
          throw new IllegalArgumentException("op describe takes only the fields id and op");
        }
        return describe(id);
      }
      if (!op.equals("evaluate")) {
        throw new IllegalArgumentException("field op: unknown op '" + op
            + "' (expected evaluate, the default, or describe)");
      }
      return evaluate(id, r);
    } catch (IllegalArgumentException e) {
      return error(id, e);
    } catch (RuntimeException | StackOverflowError e) {
      return error(id, new IllegalStateException("internal error: " + e
          + " (a bug in the TCK; please report the request)"));
    }
  }

  private String evaluate(Object id, Map<String, Object> r) {
    if (!r.containsKey("function")) {
      throw new IllegalArgumentException("field function: missing (a catalog id or alias, e.g. gelu)");
    }
    if (!r.containsKey("x")) {
      throw new IllegalArgumentException("field x: missing (an array of inputs)");
    }
    Map<String, String> params = new LinkedHashMap<>();
    Object p = r.get("params");
    if (p != null) {
      if (!(p instanceof Map)) {
        throw new IllegalArgumentException("field params: an object of parameters by name");
      }
      for (Map.Entry<?, ?> e : ((Map<?, ?>) p).entrySet()) {
        Object v = e.getValue();
        String text;
        if (v instanceof Num) {
          text = ((Num) v).text();
        } else if (v instanceof String || v instanceof Boolean) {
          text = v.toString();
        } else {
          throw new IllegalArgumentException("field params/" + e.getKey()
              + ": a number, string or boolean");
        }
        params.put((String) e.getKey(), text);
      }
    }
    List<String> formats = new ArrayList<>();
    Object f = r.get("formats");
    if (f == null) {
      formats.add("exact");
    } else if (f instanceof String) {
      formats.add((String) f);
    } else if (f instanceof List) {
      List<?> l = (List<?>) f;
      for (int i = 0; i < l.size(); i++) {
        if (!(l.get(i) instanceof String) || formats.contains(l.get(i))) {
          throw new IllegalArgumentException("field formats/" + i + ": a format name, each once");
        }
        formats.add((String) l.get(i));
      }
    } else {
      throw new IllegalArgumentException("field formats: an array of format names");
    }
    OracleQuery q = new OracleQuery(string(r, "function", null), string(r, "dialect", "keras3"),
        params, string(r, "input_dtype", "float64"), bool(r, "derivative"), string(r, "wrt", "x"),
        formats, digits(r), field -> "field " + field);
    Object x = r.get("x");
    if (!(x instanceof List)) {
      throw new IllegalArgumentException("field x: an array of inputs (numbers, or strings such as "
          + "\"NaN\", \"-Infinity\", \"0x1.8p-3\")");
    }
    List<?> xs = (List<?>) x;
    q.checkCount(xs.size(), true, "field x");
    List<String> tokens = new ArrayList<>(xs.size());
    for (int i = 0; i < xs.size(); i++) {
      Object v = xs.get(i);
      if (v instanceof Num) {
        tokens.add(((Num) v).text());
      } else if (v instanceof String) {
        tokens.add((String) v);
      } else {
        throw new IllegalArgumentException("field x/" + i + ": a number or a string");
      }
    }
    long start = System.nanoTime();
    List<OracleValue> values = q.evaluate(tokens, i -> "field x/" + i);
    // every value is formatted before a byte is written: an error in the last one is an error
    // reply, not half a reply
    List<String[]> texts = new ArrayList<>(values.size());
    for (OracleValue v : values) {
      if (System.nanoTime() - start > maxNanos) {
        throw new OracleQuery.LimitExceeded("seconds", "field x: evaluation took more than "
            + maxNanos / 1_000_000_000.0 + " s (limit seconds) after " + texts.size() + " of "
            + values.size() + " values; ask for fewer inputs or digits per request");
      }
      String[] t = new String[formats.size()];
      for (int j = 0; j < t.length; j++) {
        t[j] = q.format(v, formats.get(j));
      }
      texts.add(t);
    }
    return write(g -> {
      writeId(g, id);
      g.writeArrayFieldStart("values");
      for (String[] t : texts) {
        g.writeStartObject();
        for (int j = 0; j < t.length; j++) {
          g.writeStringField(formats.get(j), t[j]);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private String describe(Object id) {
    return write(g -> {
      writeId(g, id);
      g.writeNumberField("protocol", PROTOCOL);
      g.writeArrayFieldStart("functions");
      for (FunctionSpec s : ORACLE.catalog().functions()) {
        if (!ORACLE.implemented(s.id())) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("kind", s.kind() == Kind.AXIS ? "axis" : "elementwise");
        g.writeArrayFieldStart("dialects");
        for (Dialect d : Dialect.values()) {
          if (s.inDialect(d.id())) {
            g.writeString(d.id());
          }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("params");
        for (ParameterSpec ps : s.parameters()) {
          g.writeString(ps.name());
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("dialects");
      for (Dialect d : Dialect.values()) {
        g.writeString(d.id());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("input_dtypes");
      for (String t : List.of("float64", "float32", "float16", "bfloat16")) {
        g.writeString(t);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("formats");
      for (String t : OracleQuery.FORMATS) {
        g.writeString(t);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("limits");
      g.writeNumberField("line_chars", MAX_LINE_CHARS);
      g.writeNumberField("token_chars", OracleQuery.MAX_TOKEN_CHARS);
      g.writeNumberField("elements", OracleQuery.MAX_ELEMENTS);
      g.writeNumberField("axis_length", OracleQuery.MAX_AXIS_LENGTH);
      g.writeNumberField("digits", OracleQuery.MAX_DIGITS);
      g.writeNumberField("seconds", maxNanos / 1_000_000_000.0);
      g.writeNumberField("decimal_exponent", 999_999);
      g.writeNumberField("binary_exponent", NumberLiteral.MAX_BINARY_EXPONENT);
      g.writeEndObject();
    });
  }

  private String error(Object id, RuntimeException e) {
    return write(g -> {
      writeId(g, id);
      g.writeStringField("error", TckCommand.visible(e.getMessage()));
      if (e instanceof OracleQuery.LimitExceeded) {
        g.writeStringField("limit", ((OracleQuery.LimitExceeded) e).limit());
      }
    });
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private String write(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = json.createGenerator(w)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  private static void writeId(JsonGenerator g, Object id) throws IOException {
    g.writeFieldName("id");
    if (id instanceof Num) {
      g.writeNumber(((Num) id).text());
    } else if (id instanceof String) {
      g.writeString((String) id);
    } else {
      g.writeNull();
    }
  }

  private static String string(Map<String, Object> r, String name, String otherwise) {
    Object v = r.get(name);
    if (v == null) {
      return otherwise;
    }
    if (!(v instanceof String)) {
      throw new IllegalArgumentException("field " + name + ": a string");
    }
    return (String) v;
  }

  private static boolean bool(Map<String, Object> r, String name) {
    Object v = r.get(name);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Boolean)) {
      throw new IllegalArgumentException("field " + name + ": true or false");
    }
    return (Boolean) v;
  }

  /** {@code digits}, default 40; a number that is no integer in 1..MAX_DIGITS is refused. */
  private static int digits(Map<String, Object> r) {
    Object v = r.get("digits");
    if (v == null) {
      return 40;
    }
    if (!(v instanceof Num)) {
      throw new IllegalArgumentException("field digits: an integer");
    }
    BigDecimal d = new BigDecimal(((Num) v).text());
    if (d.compareTo(BigDecimal.ONE) < 0 || d.compareTo(BigDecimal.valueOf(OracleQuery.MAX_DIGITS)) > 0) {
      throw new OracleQuery.LimitExceeded("digits", "field digits: must be in 1.."
          + OracleQuery.MAX_DIGITS + " (limit digits), got " + abbreviate(((Num) v).text()));
    }
    if (d.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("field digits: an integer, got " + ((Num) v).text());
    }
    return d.intValueExact();
  }

  private static String abbreviate(String t) {
    return t.length() > 60 ? t.substring(0, 60) + "..." : t;
  }

  private static final Object NULL = new Object();

  /**
   * The line as maps (field order kept), lists, strings, booleans, {@link Num}s and null (as
   * absent, in an object).
   *
   * @throws IllegalArgumentException for anything but one JSON value, a duplicate field, or a
   *     value beyond the parser's constraints
   */
  private Object parse(String line) {
    try (JsonParser p = json.createParser(line)) {
      JsonToken t = p.nextToken();
      Object v = value(p, t);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("malformed JSON: something after the request object");
      }
      return v == NULL ? null : v;
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unreadable";
    }
    int nl = m.indexOf('\n');
    return abbreviate(nl < 0 ? m : m.substring(0, nl)).trim();
  }

  private Object value(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw new IllegalArgumentException("malformed JSON: empty");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          Object v = value(p, p.nextToken());
          if (v != NULL) {
            m.put(name, v);
          }
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          l.add(value(p, e));
        }
        return l;
      }
      case VALUE_STRING: return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return new Num(p.getText());
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NULL: return NULL;
      default: throw new IllegalArgumentException("malformed JSON: unexpected " + t);
    }
  }
}
