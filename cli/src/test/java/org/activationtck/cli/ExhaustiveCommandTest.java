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
