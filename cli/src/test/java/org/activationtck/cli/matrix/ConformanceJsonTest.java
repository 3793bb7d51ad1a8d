package org.activationtck.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Tolerances;
import org.junit.jupiter.api.Test;

/** conformance.json read back: the re-render path of {@code ./tck matrix --render-only}. */
class ConformanceJsonTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path COMMITTED = ROOT.resolve("docs/conformance.json");

  private static Matrix read(String json, Tolerances t) {
    return ConformanceJson.read(json.getBytes(StandardCharsets.UTF_8), "m.json", ROOT, t);
  }

  /** A version-1 matrix (before the tiers) with one adapter and the given rows. */
  private static String v1(String... rows) {
    return "{\"matrixVersion\":1,\"adapters\":[{\"adapter\":\"lib\",\"name\":\"lib\",\"library\":\"Lib\","
        + "\"coordinates\":\"g:a:1\",\"version\":\"1\",\"implClass\":\"x.Lib\",\"status\":\"ok\",\"seconds\":2.5,"
        + "\"matrix\":[" + String.join(",", rows) + "],\"findings\":\"# F\"}]}";
  }

  private static String tier(int passed, int failed, String maxUlps, double budget) {
    return "{\"cases\":" + (passed + failed) + ",\"passed\":" + passed + ",\"failed\":" + failed
        + ",\"notImplemented\":0,\"maxUlps\":" + maxUlps + ",\"budgetUlps\":" + budget
        + ",\"percentCorrectlyRounded\":80.0,\"worstInput\":\"-88.0 (-0x1.6p6)\"}";
  }

  private static String row(String function, String conformant, String strict, String lenient, String extra) {
    return "{\"function\":\"" + function + "\",\"dtype\":\"float32\",\"derivative\":false,\"conformant\":\""
        + conformant + "\",\"strict\":" + strict + (lenient == null ? "" : ",\"lenient\":" + lenient) + extra + "}";
  }

  private static final String FLUSHES_ONLY = ",\"diagnosis\":{\"heuristic\":true,\"primary\":\"flush_to_zero\","
      + "\"summary\":\"2/2 flush\",\"causes\":{\"flush_to_zero\":2},\"sampled\":2}";

  @Test
  void aVersion1MatrixIsJudgedAgainWithTodaysBudgets() {
    Matrix m = read(v1(
        row("exponential", "strict", tier(100, 0, "1.0", 0), null, ""),
        row("exponential", "lenient", tier(98, 2, "2.0", 0), tier(100, 0, "2.0", 32), ""),
        row("sigmoid", "lenient", tier(98, 2, "4320708.0", 0), tier(100, 0, "4320708.0", 32), FLUSHES_ONLY),
        row("tanh", "lenient", tier(60, 40, "4320708.0", 0), tier(100, 0, "4320708.0", 32), ""),
        row("relu6", "no", tier(96, 4, "3.0", 0), tier(98, 2, "3.0", 1), "")),
        Tolerances.standard());
    Matrix.AdapterResult a = m.adapters().get(0);
    assertEquals(List.of(Conformance.STRICT, Conformance.LIBM, Conformance.FRAMEWORK, Conformance.UNSETTLED,
        Conformance.NO), a.rows().stream().map(Matrix.Row::conformance).toList());
    assertEquals(32.0, a.rows().get(1).framework().budget(), "the stored figures keep the budget they ran with");
    assertEquals(2.0, a.rows().get(1).budgets().get(Tier.LIBM), "exponential float32: expf's 2 ulp");
    assertEquals("# F", a.findings());
    assertEquals("lib", a.spec().dir());
    assertEquals(ROOT.resolve("adapters/lib"), a.spec().module());
  }

  @Test
  void writtenAndReadBackARowKeepsItsTierFiguresDiagnosisAndReproducer() {
    Matrix first = read(v1(row("sigmoid", "lenient", tier(98, 2, "4320708.0", 0), tier(100, 0, "4320708.0", 32),
        FLUSHES_ONLY + ",\"reproducer\":{\"case\":\"sigmoid/keras3/default/float32/tail/00182\",\"dialect\":\"keras3\","
            + "\"params\":{},\"input\":\"-88.0 (-0x1.6p6)\",\"expected\":\"6.054601E-39\",\"actual\":\"0.0\","
            + "\"ulps\":4320708.0,\"reason\":\"4.32e+06 ulp > budget 0\"}")), Tolerances.standard());
    Matrix again = ConformanceJson.read(ConformanceJson.bytes(first), "m2.json", ROOT, Tolerances.standard());
    Matrix.Row a = first.adapters().get(0).rows().get(0);
    Matrix.Row b = again.adapters().get(0).rows().get(0);
    assertEquals(Conformance.FRAMEWORK, b.conformance());
    assertEquals(a.budgets(), b.budgets());
    assertEquals(a.strict(), b.strict());
    assertEquals(a.framework(), b.framework());
    assertEquals(a.diagnosis(), b.diagnosis());
    assertEquals(a.reproducer(), b.reproducer());
    assertEquals(Map.of(), b.reproducer().params());
  }

  @Test
  void malformedMatricesNameTheirOrigin() {
    assertEquals("m.json: matrixVersion must be 1 or 2, got 7",
        assertThrows(IllegalArgumentException.class, () -> read("{\"matrixVersion\":7}", Tolerances.standard())).getMessage());
    assertEquals("m.json: /adapters/0/matrix/0/strict must be an object",
        assertThrows(IllegalArgumentException.class, () -> read(v1(row("tanh", "strict", "3", null, "")),
            Tolerances.standard())).getMessage());
    assertEquals("m.json: /adapters/0/matrix/0: no budgets for 'swish': not a catalog function",
        assertThrows(IllegalArgumentException.class, () -> read(v1(row("swish", "strict", tier(1, 0, "0", 0), null, "")),
            Tolerances.standard())).getMessage());
  }

  @Test
  void theCommittedMatrixShowsTheTiersOfTodaysBudgets() throws IOException {
    // fails when tolerances.json changed and docs/ was not rendered again: ./tck matrix --render-only
    byte[] bytes = Files.readAllBytes(COMMITTED);
    JsonNode stored = new ObjectMapper().readTree(bytes);
    assertEquals(ConformanceJson.VERSION, stored.get("matrixVersion").asInt());
    Matrix m = ConformanceJson.read(bytes, "docs/conformance.json", ROOT, Tolerances.standard());
    for (int i = 0; i < m.adapters().size(); i++) {
      List<Matrix.Row> rows = m.adapters().get(i).rows();
      for (int k = 0; k < rows.size(); k++) {
        JsonNode r = stored.at("/adapters/" + i + "/matrix/" + k);
        String where = m.adapters().get(i).spec().dir() + " " + rows.get(k).label() + " " + rows.get(k).dtype();
        assertEquals(r.get("conformant").asText(), rows.get(k).conformance().label(), where);
        for (Tier t : Tier.values()) {
          assertEquals(r.at("/budgets/" + t.id()).asDouble(), rows.get(k).budgets().get(t), where + " " + t.id());
        }
      }
    }
    assertTrue(new String(Files.readAllBytes(ROOT.resolve("docs/CONFORMANCE.md")), StandardCharsets.UTF_8)
        .contains("| library | version | adapter | status | strict | libm | framework | no |"));
  }
}
