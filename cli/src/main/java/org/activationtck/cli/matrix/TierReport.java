package org.activationtck.cli.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.activationtck.spi.API;

/**
 * One {@code ./tck run --report-json} report read back (the format of
 * {@code org.activationtck.runner.report.JsonReport}, version 1): the scoreboard rows with their
 * listed failures.
 *
 * @param implementation the implementation's name
 * @param tier {@code strict}, {@code libm} or {@code framework} ({@code lenient} in reports before 0.2)
 * @param signedZero {@code strict} or {@code lenient}
 * @param elapsedSeconds the run's duration as the run measured it
 * @param rows one per function, dtype and value/derivative
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TierReport(String implementation, String tier, String signedZero, double elapsedSeconds,
    List<Row> rows) {

  public TierReport {
    rows = List.copyOf(rows);
  }

  /**
   * One scoreboard row.
   *
   * @param maxUlps the largest error in ulps ({@code Infinity} for a NaN/infinity/sign mismatch)
   * @param worst the check with the largest error, failed or not; {@code null} when none answered
   * @param failures the failed checks the report lists (at most 50 per row; {@code failed} is exact)
   */
  public record Row(String function, String dtype, boolean derivative, int cases, int passed,
      int failed, int notImplemented, double maxUlps, double budget, double percentCorrectlyRounded,
      Failure worst, List<Failure> failures, int flushed) {

    public Row {
      failures = List.copyOf(failures);
    }

    /** {@code gelu} or {@code gelu'}. */
    public String label() {
      return derivative ? function + "'" : function;
    }

    /** Checks that were answered (passed or failed). */
    public int answered() {
      return passed + failed;
    }
  }

  /**
   * One checked element as the report lists it.
   *
   * @param input printable input: {@code "dec (hex)"} for elementwise functions, {@code [..]} for vectors
   * @param expected the correctly rounded value, as a decimal
   * @param actual what the implementation returned, or {@code null} when it did not answer
   * @param ulps the error in ulps, {@code Infinity} when not measurable, NaN when not judged
   */
  public record Failure(String caseId, String dialect, String input, String expected, String actual,
      String status, double ulps, String kind, String reason) {}

  /**
   * Parses a report.
   *
   * @param origin how the report is named in error messages
   * @throws IllegalArgumentException naming {@code origin} when the bytes are not a version-1 report
   */
  public static TierReport parse(byte[] json, String origin) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(origin + ": not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(origin + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(origin + ": not a JSON object");
    }
    int version = root.path("reportVersion").asInt(-1);
    if (version < 1 || version > 3) {
      throw new IllegalArgumentException(origin + ": reportVersion must be 1, 2 or 3, got " + root.get("reportVersion"));
    }
    List<Row> rows = new ArrayList<>();
    JsonNode rs = root.get("rows");
    if (rs == null || !rs.isArray()) {
      throw new IllegalArgumentException(origin + ": /rows must be an array");
    }
    for (int i = 0; i < rs.size(); i++) {
      JsonNode r = rs.get(i);
      String at = origin + ": /rows/" + i;
      List<Failure> failures = new ArrayList<>();
      JsonNode fs = r.path("failures");
      for (JsonNode f : fs) {
        failures.add(failure(f));
      }
      rows.add(new Row(text(r, "function", at), text(r, "dtype", at), r.path("derivative").asBoolean(),
          count(r, "cases", at), count(r, "passed", at), count(r, "failed", at),
          count(r, "notImplemented", at), maxUlps(r), r.path("budgetUlps").asDouble(),
          r.path("percentCorrectlyRounded").asDouble(), r.hasNonNull("worst") ? failure(r.get("worst")) : null,
          failures, r.path("flushed").asInt(0)));
    }
    return new TierReport(root.path("implementation").asText(""), root.path("tier").asText(""),
        root.path("signedZero").asText(""), root.path("elapsedSeconds").asDouble(),
        version >= 3 ? acrossDialects(rows) : rows);
  }

  /** Failures a row keeps when rows are combined (the JSON report lists at most 50 per row). */
  private static final int MAX_FAILURES = 50;

  /**
   * Version 3 reports have a row per dialect; the matrix judges a library per function, dtype and
   * value/derivative, so rows of one behaviour are combined: counts summed, the largest error,
   * the worst of the worst checks, failures listed up to {@value #MAX_FAILURES}.
   */
  static List<Row> acrossDialects(List<Row> perDialect) {
    java.util.Map<String, List<Row>> groups = new java.util.LinkedHashMap<>();
    for (Row r : perDialect) {
      groups.computeIfAbsent(r.function() + "|" + r.dtype() + "|" + r.derivative(),
          k -> new ArrayList<>()).add(r);
    }
    List<Row> out = new ArrayList<>();
    for (List<Row> g : groups.values()) {
      Row first = g.get(0);
      int cases = 0;
      int passed = 0;
      int failed = 0;
      int ni = 0;
      int flushed = 0;
      double max = Double.NaN;
      double correct = 0;
      Failure worst = null;
      List<Failure> failures = new ArrayList<>();
      for (Row r : g) {
        cases += r.cases();
        passed += r.passed();
        failed += r.failed();
        ni += r.notImplemented();
        flushed += r.flushed();
        if (!Double.isNaN(r.maxUlps()) && !(r.maxUlps() <= max)) {
          max = r.maxUlps();
        }
        correct += r.percentCorrectlyRounded() * r.answered() / 100.0;
        if (r.worst() != null && (worst == null || worse(r.worst(), worst))) {
          worst = r.worst();
        }
        for (Failure f : r.failures()) {
          if (failures.size() < MAX_FAILURES) {
            failures.add(f);
          }
        }
      }
      int answered = passed + failed;
      out.add(new Row(first.function(), first.dtype(), first.derivative(), cases, passed, failed, ni,
          max, first.budget(), answered == 0 ? 0 : 100.0 * correct / answered, worst, failures, flushed));
    }
    return out;
  }

  /** A failure before a pass, then the larger error. */
  private static boolean worse(Failure a, Failure than) {
    boolean af = a.status().equals("failed");
    boolean tf = than.status().equals("failed");
    if (af != tf) {
      return af;
    }
    return a.ulps() > than.ulps() || (Double.isNaN(than.ulps()) && !Double.isNaN(a.ulps()));
  }

  /**
   * A failure; in version 2 a failure of a kind that is no ulp count has null ulps, which this
   * model keeps as {@code Infinity} ("not measurable"), as version 1 wrote it.
   */
  private static Failure failure(JsonNode f) {
    double ulps = ulps(f.get("ulps"));
    if (Double.isNaN(ulps) && f.hasNonNull("kind") && !f.get("kind").asText().equals("ulps")) {
      ulps = Double.POSITIVE_INFINITY;
    }
    return new Failure(f.path("case").asText(""), f.path("dialect").asText(""), f.path("input").asText(""),
        f.path("expected").asText(""), f.hasNonNull("actual") ? f.get("actual").asText() : null,
        f.path("status").asText(""), ulps, f.hasNonNull("kind") ? f.get("kind").asText() : null,
        f.hasNonNull("reason") ? f.get("reason").asText() : null);
  }

  /** A row's largest error; a row whose failures include kinds that are no ulp count: Infinity. */
  private static double maxUlps(JsonNode r) {
    double u = ulps(r.get("maxUlps"));
    JsonNode kinds = r.get("failedByKind");
    if (kinds != null && kinds.isObject()) {
      for (java.util.Iterator<String> it = kinds.fieldNames(); it.hasNext(); ) {
        if (!it.next().equals("ulps")) {
          return Double.POSITIVE_INFINITY;
        }
      }
    }
    return u;
  }

  /** An ulp figure as the reports write it: a number, null (NaN) or the version-1 string "Infinity". */
  static double ulps(JsonNode n) {
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    if (n.isTextual()) {
      return n.asText().equals("Infinity") ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return n.asDouble();
  }

  /** A required string field; {@code at} names the object in the message. */
  static String text(JsonNode r, String field, String at) {
    JsonNode n = r.get(field);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(at + "/" + field + " must be a string");
    }
    return n.asText();
  }

  /** A required non-negative integer field; {@code at} names the object in the message. */
  static int count(JsonNode r, String field, String at) {
    JsonNode n = r.get(field);
    if (n == null || !n.isIntegralNumber() || n.asInt() < 0) {
      throw new IllegalArgumentException(at + "/" + field + " must be a count");
    }
    return n.asInt();
  }
}
