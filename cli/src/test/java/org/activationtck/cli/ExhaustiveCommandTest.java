package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExhaustiveCommandTest {

  @Test
  void referenceSigmoid_onARange_conformsAndWritesTheJsonReport(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("sweep.json");
    CliRun r = CliRun.exec("exhaustive", "--function", "sigmoid", "--range", "0x3f800000:0x3f802000",
        "--shard", "2/2", "--threads", "2", "--progress", "0", "--report-json", json.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("inputs: 0x3f801000..0x3f801fff (4,096 float32 bit patterns)"), r.out());
    assertTrue(r.out().contains("RESULT: CONFORMS"), r.out());
    JsonNode report = new ObjectMapper().readTree(Files.readAllBytes(json));
    assertEquals(4096, report.get("checked").asLong());
    assertEquals(0, report.get("failed").asLong());
    assertTrue(report.get("conforms").asBoolean());
  }

  @Test
  void derivative_andOtherDialects_run() {
    CliRun r = CliRun.exec("exhaustive", "--function", "softplus", "--dialect", "pytorch", "--param",
        "beta=2", "--derivative", "--range", "0x41a00000:0x41a00400", "--progress", "0");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("softplus' float32, dialect pytorch {beta=2}"), r.out());
  }

  @Test
  void exactTies_areCountedAll_whileOnlySamplesAreProven(@TempDir Path dir) throws Exception {
    // relu with negative_slope 0.5 halves negative x: the result is a float32 midpoint exactly when
    // x's significand is odd and the half falls below the normal range. In 0x807f8000..0x80807fff,
    // 32,768 subnormal and 32,768 normal inputs, every odd significand field: 32,768 ties.
    long expected = 0;
    for (long bits = 0x807f8000L; bits < 0x80808000L; bits++) {
      expected += bits & 1;
    }
    Path result = dir.resolve("r.json");
    CliRun r = CliRun.exec("exhaustive", "--function", "relu", "--param", "negative_slope=0.5",
        "--range", "0x807f8000:0x80808000", "--threads", "2", "--progress", "0", "--hard-cases",
        "--result", result.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains(expected + " exact ties, 0 double-rounding inputs"), r.out());
    org.activationtck.cli.exhaustive.ShardResult s =
        org.activationtck.cli.exhaustive.ShardFiles.read(result);
    assertEquals(expected, s.selection().ties());
    assertTrue(s.proven().size() <= 2 * org.activationtck.cli.exhaustive.HardCaseCollector.TIE_SAMPLES,
        "proved " + s.proven().size() + " ties; samples suffice");
  }

  @Test
  void badInput_exits2WithOneLine() {
    String[][] cases = {
        {"exhaustive", "--function", "softmax"},
        {"exhaustive", "--function", "nope"},
        {"exhaustive", "--function", "sigmoid", "--shard", "3/2"},
        {"exhaustive", "--function", "sigmoid", "--range", "5:1"},
        {"exhaustive", "--function", "sigmoid", "--threads", "0"},
        {"exhaustive", "--function", "sigmoid", "--timeout", "0"},
        {"exhaustive", "--function", "rrelu", "--dialect", "keras3"},
        {"exhaustive", "--function", "celu", "--param", "alpha=0"},
        {"exhaustive", "--function", "sigmoid", "--impl-class", "no.such.Class"},
    };
    for (String[] args : cases) {
      CliRun r = CliRun.exec(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("tck exhaustive: "), r.err());
    }
  }
}
