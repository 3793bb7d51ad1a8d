package org.activationtck.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spi.Dtype;

/**
 * Reads golden data in two simple text forms.
 *
 * <p>CSV, elementwise functions only: a header naming the columns {@code x} and {@code expected}
 * (other columns are ignored), then one row per element. JSON:
 *
 * <pre>
 * {"function": "elu", "dialect": "onnx", "dtype": "float32", "params": {"alpha": "2"},
 *  "tests": [{"name": "t1", "x": [-1, 0.5, "NaN"], "expected": [-1.2642411, 0.5, "NaN"]}]}
 * </pre>
 *
 * ({@code dialect} defaults to onnx, {@code params} to none; for an axis function each test's
 * {@code x} is one vector). Numbers may be JSON numbers or strings (decimal, hex float such as
 * {@code 0x1.8p-3}, {@code NaN}, {@code Infinity}, {@code -Infinity}); each is rounded to the
 * nearest value of the dtype, the value a decimal printed from that dtype stands for.
 */
public final class TextGoldenReader {

  private TextGoldenReader() {}

  /**
   * Reads a CSV file as one test.
   *
   * @throws IllegalArgumentException naming file, line and column when malformed
   */
  public static GoldenTest csv(Path file, Reference reference, Dtype dtype) {
    String function = reference.function();
    String dialect = reference.dialect();
    Map<String, String> params = reference.params();
    if (reference.axis() != null) {
      throw new IllegalArgumentException(file + ": CSV holds elementwise data; " + function
          + " is an axis function (use the JSON form, one vector per test)");
    }
    String origin = file.toString();
    String text = new String(NodeTestFolder.bytes(file), StandardCharsets.UTF_8);
    String[] lines = text.split("\r?\n");
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new IllegalArgumentException(origin + ":1: field header: empty file, expected x,expected");
    }
    List<String> header = List.of(lines[0].strip().split("\\s*,\\s*"));
    int xi = header.indexOf("x");
    int yi = header.indexOf("expected");
    if (xi < 0 || yi < 0) {
      throw new IllegalArgumentException(origin + ":1: field header: needs columns x and expected,"
          + " got " + header);
    }
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int l = 1; l < lines.length; l++) {
      if (lines[l].isBlank()) {
        continue;
      }
      String[] cells = lines[l].strip().split("\\s*,\\s*", -1);
      String where = origin + ":" + (l + 1);
      if (cells.length <= Math.max(xi, yi)) {
        throw new IllegalArgumentException(where + ": field expected: missing (" + cells.length
            + " columns)");
      }
      xs.add(number(cells[xi], dtype, where + ": field x"));
      ys.add(number(cells[yi], dtype, where + ": field expected"));
    }
    if (xs.isEmpty()) {
      throw new IllegalArgumentException(origin + ": no data rows");
    }
    return new GoldenTest(file.getFileName().toString(), origin, describe(function, params, dialect),
        reference, List.of(set(xs, ys, dtype)), null);
  }

  /**
   * Reads a JSON file, one test per entry of {@code tests}.
   *
   * @throws IllegalArgumentException naming the file and JSON field when malformed
   */
  public static List<GoldenTest> json(Path file, Catalog catalog) {
    String origin = file.toString();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(NodeTestFolder.bytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(origin + ": not JSON (" + e.getMessage().lines().findFirst()
          .orElse("") + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(origin + ": field /: expected an object");
    }
    String function = text(root, "function", null, origin);
    String dialect = text(root, "dialect", OnnxOperators.DIALECT, origin);
    Dtype dtype;
    try {
      dtype = Dtype.fromId(text(root, "dtype", "float32", origin));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": field /dtype: " + e.getMessage(), e);
    }
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode p = root.path("params");
    if (!p.isMissingNode()) {
      if (!p.isObject()) {
        throw new IllegalArgumentException(origin + ": field /params: expected an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().asText());
      }
    }
    Reference reference;
    try {
      reference = Reference.forFunction(catalog, function, dialect, params);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": field /function: " + e.getMessage(), e);
    }
    JsonNode tests = root.path("tests");
    if (!tests.isArray() || tests.isEmpty()) {
      throw new IllegalArgumentException(origin + ": field /tests: expected a non-empty array");
    }
    List<GoldenTest> out = new ArrayList<>();
    for (int t = 0; t < tests.size(); t++) {
      JsonNode test = tests.get(t);
      String at = origin + ": field /tests/" + t;
      List<Double> xs = numbers(test.path("x"), dtype, at + "/x");
      List<Double> ys = numbers(test.path("expected"), dtype, at + "/expected");
      if (xs.size() != ys.size()) {
        throw new IllegalArgumentException(at + "/expected: " + ys.size() + " values for "
            + xs.size() + " inputs");
      }
      String name = test.path("name").asText("test_" + t);
      out.add(new GoldenTest(name, origin, describe(function, params, dialect), reference,
          List.of(set(xs, ys, dtype)), null));
    }
    return out;
  }

  private static String text(JsonNode root, String field, String dflt, String origin) {
    JsonNode n = root.get(field);
    if (n == null) {
      if (dflt == null) {
        throw new IllegalArgumentException(origin + ": field /" + field + ": missing");
      }
      return dflt;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException(origin + ": field /" + field + ": expected a string");
    }
    return n.asText();
  }

  private static List<Double> numbers(JsonNode array, Dtype dtype, String where) {
    if (!array.isArray() || array.isEmpty()) {
      throw new IllegalArgumentException(where + ": expected a non-empty array");
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode n = array.get(i);
      if (!n.isNumber() && !n.isTextual()) {
        throw new IllegalArgumentException(where + "/" + i + ": expected a number or a string");
      }
      out.add(number(n.isNumber() ? n.decimalValue().toString() : n.asText(), dtype, where + "/" + i));
    }
    return out;
  }

  /** A decimal, hex float, NaN or infinity, rounded to the nearest value of {@code dtype}. */
  static double number(String s, Dtype dtype, String where) {
    String t = s.strip();
    switch (t) {
      case "NaN", "nan" -> { return Double.NaN; }
      case "Infinity", "inf", "+Infinity", "+inf" -> { return Double.POSITIVE_INFINITY; }
      case "-Infinity", "-inf" -> { return Double.NEGATIVE_INFINITY; }
      default -> { }
    }
    try {
      if (t.toLowerCase(java.util.Locale.ROOT).contains("0x")) {
        double d = Double.parseDouble(t);
        return Rounding.round(d, dtype);
      }
      boolean negative = t.startsWith("-");
      double r = Rounding.round(new BigDecimal(t), dtype);
      return r == 0 && negative ? -0.0 : r;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": not a number: '" + s + "'");
    }
  }

  private static NodeTestFolder.DataSet set(List<Double> xs, List<Double> ys, Dtype dtype) {
    return new NodeTestFolder.DataSet(null,
        List.of(Tensor.vector("x", dtype, xs.stream().mapToDouble(Double::doubleValue).toArray())),
        List.of(Tensor.vector("expected", dtype, ys.stream().mapToDouble(Double::doubleValue).toArray())));
  }

  static String describe(String function, Map<String, String> params, String dialect) {
    StringBuilder b = new StringBuilder(function);
    params.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
    return b.append(" (").append(dialect).append(')').toString();
  }
}
