package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void doubleRoundingInputs_areCountedAll_andTheNearestAreNotCrowdedOut(@TempDir Path dir)
      throws Exception {
    // hard_silu(x) = x (x + 3) / 6 = x/2 + x^2/6 for a subnormal x = n 2^-149: with n = 2k + 1
    // odd, x/2 is the float32 midpoint between k and k + 1 units, the exact value lies just above
    // it (correct rounding: k + 1), and its nearest double is the midpoint itself, which rounds to
    // the even one of k and k + 1: double rounding exactly when k is even, n = 1 mod 4. Counted
    // from the bits, not from the oracle: 0x20000 / 4 inputs in 0x00000001..0x0001ffff. Before
    // the count, the 65,536 odd n were kept as possible ties, filled the cap and crowded out the
    // nearest (x = 2^-149, 2^-149/6 ulps from its midpoint).
    long expected = 0;
    for (long n = 1; n < 0x20000; n++) {
      expected += (n & 3) == 1 ? 1 : 0;
    }
    Path result = dir.resolve("r.json");
    CliRun r = CliRun.exec("exhaustive", "--function", "hard_silu", "--range", "0x00000001:0x00020000",
        "--threads", "2", "--progress", "0", "--hard-cases", "--result", result.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("0 exact ties, " + expected + " double-rounding inputs"), r.out());
    assertTrue(r.out().contains("at x = 1.4E-45 (0x00000001)"), r.out());
    assertFalse(r.out().contains("INCOMPLETE"), r.out());
    org.activationtck.cli.exhaustive.ShardResult s =
        org.activationtck.cli.exhaustive.ShardFiles.read(result);
    assertEquals(expected, s.selection().doubleRounding());
    assertEquals(0, s.overflowed());
    assertTrue(s.proven().size() <= 64 + 2 * 2 * org.activationtck.cli.exhaustive.HardCaseCollector.DOUBLE_ROUNDING_SAMPLES,
        "proved " + s.proven().size() + "; the nearest and samples suffice");
  }

  @Test
  void boundedInputs_areCountedAll_andTheSearchIsComplete() {
    // tanh_shrink(x) = x - 1 + 2/(e^(2x) + 1) for x in [2^24, 2^25): x - 1 is a float32 midpoint
    // e^(-2^25) from the value, beyond any digits of the oracle, which returns x - 1 one-sided. The
    // prover bounds those distances (it used to give up: "INCOMPLETE", first over the cap, then at
    // the first such candidate). All 65,537 are counted, half of them double-rounding inputs
    // (x - 1 rounds to even through float64), in one segment and over segments of 40,000.
    for (String every : new String[] {"67108864", "40000"}) {
      CliRun r = CliRun.exec("exhaustive", "--function", "tanh_shrink", "--range",
          "0x4b800000:0x4b810002", "--threads", "2", "--progress", "0", "--hard-cases",
          "--checkpoint-every", every);
      assertEquals(0, r.code(), r.out() + r.err());
      assertTrue(r.out().contains("RESULT: CONFORMS"), r.out());
      assertFalse(r.out().contains("INCOMPLETE"), r.out());
      assertTrue(r.out().contains("hardest bounded (< 2^-16985, above) at x = 1.6777218E7 (0x4b800001);"
          + " 0 exact ties, 32769 double-rounding inputs, 65537 bounded inputs"), r.out());
    }
  }

  @Test
  void incompleteSearch_isRefusedByMerge(@TempDir Path dir) throws Exception {
    // A candidate beyond the prover's digits that is not a one-sided midpoint (no function has one
    // now: tanh_shrink's are bounded, above) makes the search incomplete; the shard records it and
    // merge writes no fixture from it (exit 2, one line naming the file). The field is set by
    // hand on a real shard claimed over every input.
    Path result = dir.resolve("r.json");
    CliRun r = CliRun.exec("exhaustive", "--function", "tanh_shrink", "--range", "0x4b800000:0x4b800010",
        "--threads", "2", "--progress", "0", "--hard-cases", "--result", result.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("RESULT: CONFORMS"), r.out());
    ObjectMapper json = new ObjectMapper();
    JsonNode shard = json.readTree(result.toFile());
    assertEquals(15, shard.get("boundedInputs").asLong());
    assertEquals(8, shard.get("doubleRoundingInputs").asLong());
    assertTrue(shard.get("proven").get(0).get("bounded").asBoolean(), shard.get("proven").toString());
    com.fasterxml.jackson.databind.node.ObjectNode all = (com.fasterxml.jackson.databind.node.ObjectNode) shard;
    ((com.fasterxml.jackson.databind.node.ObjectNode) all.get("range")).put("from", "0x00000000").put("to", "0x100000000");
    all.put("done", "0x100000000");
    all.put("candidateBeyondPrecision", "0x4b800001");
    Path whole = dir.resolve("whole.json");
    json.writeValue(whole.toFile(), all);
    Path fixtures = Files.createDirectories(dir.resolve("fx"));
    CliRun merge = CliRun.exec("exhaustive", "merge", whole.toString(), "--fixtures", fixtures.toString());
    assertEquals(2, merge.code(), merge.out() + merge.err());
    assertEquals(1, merge.err().strip().lines().count(), merge.err());
    assertTrue(merge.err().contains(whole + ": the hard-case search is incomplete: the candidate x ="), merge.err());
    try (var files = Files.list(fixtures)) {
      assertEquals(0, files.count(), "merge wrote into the fixtures");
    }
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
