package org.activationtck.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Tolerances;
import org.activationtck.runner.report.Reproducer;
import org.junit.jupiter.api.Test;

/** Merging synthetic strict and framework reports into rows, and rendering them. */
class MatrixTest {

  private static String failure(String caseId, String input, String expected, String actual, String ulps, String reason) {
    return "{\"case\":\"" + caseId + "\",\"dialect\":\"keras3\",\"input\":\"" + input + "\",\"expected\":\""
        + expected + "\",\"actual\":" + (actual == null ? "null" : "\"" + actual + "\"")
        + ",\"status\":\"failed\",\"ulps\":" + ulps + ",\"reason\":\"" + reason + "\"}";
  }

  private static String row(String function, String dtype, boolean derivative, int passed, int failed, int ni,
      String maxUlps, String worst, String... failures) {
    return "{\"function\":\"" + function + "\",\"dtype\":\"" + dtype + "\",\"derivative\":" + derivative
        + ",\"cases\":" + (passed + failed + ni) + ",\"passed\":" + passed + ",\"failed\":" + failed
        + ",\"notImplemented\":" + ni + ",\"maxUlps\":" + maxUlps + ",\"budgetUlps\":1,"
        + "\"percentCorrectlyRounded\":90.0" + (worst == null ? "" : ",\"worst\":" + worst)
        + ",\"failures\":[" + String.join(",", failures) + "]}";
  }

  private static TierReport report(String tier, String... rows) {
    String json = "{\"reportVersion\":1,\"implementation\":\"lib\",\"tier\":\"" + tier + "\",\"signedZero\":\"" + tier
        + "\",\"checks\":1,\"passed\":1,\"failed\":0,\"notImplemented\":0,\"conforms\":true,\"elapsedSeconds\":1.5,"
        + "\"rows\":[" + String.join(",", rows) + "]}";
    return TierReport.parse(json.getBytes(StandardCharsets.UTF_8), tier + ".json");
  }

  private static final String FLUSH = failure("sigmoid/keras3/default/float64/tail/00003", "-710.0 (-0x1.63p9)",
      "4.47628622567513E-309", "0.0", "9.06e14", "9.06e+14 ulp > budget 1");
  private static final String WRONG = failure("elu/keras3/alpha=0.5/float64/grid/00001", "-1.0 (-0x1.0p0)",
      "-0.31606027941427883", "-0.6321205588285577", "1e15", "1e+15 ulp > budget 1");
  private static final String WRONG2 = failure("elu/keras3/alpha=0.5/float64/grid/00002", "-2.0 (-0x1.0p1)",
      "-0.43233235838169365", "-0.8646647167633873", "2e15", "2e+15 ulp > budget 1");

  private static final String THREE_ULPS = failure("tanh/keras3/default/float64/grid/00007", "0.5 (0x1.0p-1)",
      "0.46211715726000974", "0.4621171572600104", "3", "3.00 ulp > budget 1");

  private final TierReport strict = report("strict",
      row("relu", "float64", false, 100, 0, 0, "0", null),
      row("sigmoid", "float64", false, 95, 5, 0, "9.06e14", FLUSH, FLUSH),
      row("elu", "float64", false, 90, 10, 3, "2e15", WRONG2, WRONG, WRONG2),
      row("gelu", "float32", true, 0, 0, 40, "0", null),
      row("tanh", "float64", false, 98, 2, 0, "3", THREE_ULPS, THREE_ULPS));
  private final TierReport framework = report("framework",
      row("sigmoid", "float64", false, 100, 0, 0, "0", null),
      row("elu", "float64", false, 91, 9, 3, "2e15", WRONG2, WRONG, WRONG2),
      row("tanh", "float64", false, 100, 0, 0, "3", null));

  /** The synthetic reports ran with budgets of 1 ulp; tanh keeps the standard ones (libm 5). */
  private static final Tolerances BUDGETS = Tolerances.standard().withOverride("sigmoid:*=1").withOverride("elu:*=1");

  private List<Matrix.Row> merged() {
    return Matrix.merge(strict, framework, id -> id.startsWith("elu/") ? Map.of("alpha", "0.5") : Map.of(), BUDGETS);
  }

  @Test
  void eachRowGetsTheStrictestTierItMeets() {
    List<Matrix.Row> rows = merged();
    assertEquals(List.of(Conformance.STRICT, Conformance.FRAMEWORK, Conformance.NO, Conformance.NOT_IMPLEMENTED,
        Conformance.LIBM), rows.stream().map(Matrix.Row::conformance).toList());
    assertNull(rows.get(0).diagnosis());
    assertNull(rows.get(0).reproducer());
    assertNull(rows.get(3).reproducer());
    assertEquals(Map.of(Tier.STRICT, 1.0, Tier.LIBM, 1.0, Tier.FRAMEWORK, 1.0), rows.get(1).budgets());
    assertEquals(5.0, rows.get(4).budgets().get(Tier.LIBM));
  }

  @Test
  void aFrameworkRowIsExplainedByItsStrictFailures() {
    Matrix.Row sigmoid = merged().get(1);
    assertEquals(Diagnosis.Cause.FLUSH_TO_ZERO, sigmoid.diagnosis().primary());
    Reproducer r = sigmoid.reproducer();
    assertEquals("-710.0 (-0x1.63p9)", r.input());
    assertEquals("0.0", r.actual());
    assertEquals("./tck oracle sigmoid -710.0 --dialect keras3 --format float64", r.oracleCommand());
  }

  @Test
  void aFailingRowIsExplainedByItsFrameworkFailuresWithTheCaseParameters() {
    Matrix.Row elu = merged().get(2);
    assertEquals(9, elu.framework().failed());
    assertEquals(Diagnosis.Cause.WRONG_VALUE, elu.diagnosis().primary());
    assertEquals("x < 0", elu.diagnosis().oneSide());
    Reproducer r = elu.reproducer();
    assertEquals("-2.0 (-0x1.0p1)", r.input(), "the worst failure");
    assertEquals(Map.of("alpha", "0.5"), r.params());
    assertEquals("./tck oracle elu -2.0 --dialect keras3 --param alpha=0.5 --format float64", r.oracleCommand());
  }

  @Test
  void withoutAFrameworkRunStrictFailuresBeyondLibmMeanNo() {
    List<Matrix.Row> rows = Matrix.merge(strict, null, id -> Map.of(), BUDGETS);
    assertEquals(Conformance.NO, rows.get(1).conformance());
    assertEquals(Diagnosis.Cause.FLUSH_TO_ZERO, rows.get(1).diagnosis().primary());
  }

  @Test
  void theWorstListedFailureStandsInWhenTheReportsWorstPassed() {
    String passedWorst = "{\"case\":\"c\",\"dialect\":\"keras3\",\"input\":\"0.0 (0x0.0p0)\",\"expected\":\"0.5\","
        + "\"actual\":\"0.5\",\"status\":\"passed\",\"ulps\":0.0,\"reason\":null}";
    TierReport s = report("strict", row("sigmoid", "float64", false, 95, 2, 0, "3", passedWorst,
        failure("a", "1.0 (0x1.0p0)", "0.7", "0.70001", "2", "r"),
        failure("b", "2.0 (0x1.0p1)", "0.8", "0.80001", "3", "r")));
    assertEquals("b", Matrix.merge(s, null, id -> Map.of(), BUDGETS).get(0).reproducer().caseId());
  }

  @Test
  void markdownAndJsonCarryRowsReproducersDiagnosesAndFindings() throws Exception {
    AdapterSpec spec = AdapterSpec.parse(props(), Path.of("/repo/adapters/lib"), "x");
    Matrix m = new Matrix(List.of(
        new Matrix.AdapterResult(spec, Matrix.Status.OK, null, 3.0, merged(), "# Bug 1\n\nsigmoid | flushes `x`\n"),
        new Matrix.AdapterResult(spec, Matrix.Status.BUILD_FAILED, "build failed: [ERROR] cannot find symbol", 0, List.of(), null)));
    String md = new String(ConformanceMarkdown.bytes(m), StandardCharsets.UTF_8);
    assertTrue(md.contains("| `sigmoid` | float64 | framework | 9.06e+14 | 1 / 1 / 1 |"), md);
    assertTrue(md.contains("| `tanh` | float64 | libm | 3 | 1 / 5 / 5 |"), md);
    assertTrue(md.contains("| `relu` | float64 | **strict** |"), md);
    assertFalse(md.contains("| `gelu'`"), "not implemented rows are listed, not tabled");
    assertTrue(md.contains("Not implemented: float32: 1 rows (gelu')"), md);
    assertTrue(md.contains("parameters `{alpha=0.5}`"), md);
    assertTrue(md.contains("all at x < 0"), md);
    assertTrue(md.contains("#### Bug 1"), "findings headings demoted below the document's");
    assertTrue(md.contains("**build failed**: `build failed: [ERROR] cannot find symbol`"), md);
    JsonNode j = new ObjectMapper().readTree(ConformanceJson.bytes(m));
    JsonNode rows = j.at("/adapters/0/matrix");
    assertEquals(5, rows.size(), "the JSON keeps every row");
    assertEquals("framework", rows.get(1).get("conformant").asText());
    assertEquals("libm", rows.get(4).get("conformant").asText());
    assertEquals(5.0, rows.get(4).at("/budgets/libm").asDouble());
    assertEquals("flush_to_zero", rows.get(1).at("/diagnosis/primary").asText());
    assertTrue(rows.get(1).at("/diagnosis/heuristic").asBoolean());
    assertEquals("0.5", rows.get(2).at("/reproducer/params/alpha").asText());
    assertEquals(9, rows.get(2).at("/framework/failed").asInt());
    assertEquals("build_failed", j.at("/adapters/1/status").asText());
    assertNotNull(j.at("/adapters/0/findings").asText());
  }

  @Test
  void implementationTextCannotBreakTheMarkdown() {
    String hostile = failure("c", "1.0 (0x1.0p0)", "0.5", "`| evil\\n# heading", "\"Infinity\"", "bad");
    TierReport s = report("strict", row("sigmoid", "float64", false, 1, 1, 0, "\"Infinity\"", null, hostile));
    AdapterSpec spec = AdapterSpec.parse(props(), Path.of("/repo/adapters/lib"), "x");
    String md = new String(ConformanceMarkdown.bytes(new Matrix(List.of(new Matrix.AdapterResult(
        spec, Matrix.Status.OK, null, 1, Matrix.merge(s, null, id -> Map.of(), BUDGETS), null)))), StandardCharsets.UTF_8);
    assertTrue(md.contains("got `'\\| evil # heading`"), md);
    assertFalse(md.contains("\n# heading"));
  }

  @Test
  void malformedReportsNameTheirOrigin() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TierReport.parse("{\"reportVersion\":4}".getBytes(StandardCharsets.UTF_8), "target/matrix/x/strict.json"));
    assertEquals("target/matrix/x/strict.json: reportVersion must be 1, 2 or 3, got 4", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TierReport.parse("{\"reportVersion\":1,\"rows\":[{\"function\":\"relu\"}]}".getBytes(StandardCharsets.UTF_8), "r.json"));
    assertEquals("r.json: /rows/0/dtype must be a string", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TierReport.parse("{\"reportVer".getBytes(StandardCharsets.UTF_8), "r.json"));
    assertTrue(e.getMessage().startsWith("r.json: not JSON"), e.getMessage());
  }

  private static java.util.Properties props() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("name", "lib");
    p.setProperty("library", "Lib");
    p.setProperty("coordinates", "g:a:1");
    p.setProperty("version", "1");
    p.setProperty("impl-class", "org.example.Lib");
    return p;
  }
}
