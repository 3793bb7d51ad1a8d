package org.activationtck.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.activationtck.oracle.Oracle;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit of ONNX's own node tests for the activation operators (the copy in
 * {@code src/test/resources/onnx-node-tests}, from onnx commit 6be0677fc22e): the numbers below
 * are those {@code ./tck audit} printed for them, docs/INTEROP.md.
 */
class AuditOnnxNodeTestsTest {

  static List<GoldenTest> tests;
  static Map<String, AuditResult> plain;
  static Map<String, AuditResult> float16;
  static Map<String, AuditResult> float16Outputs;

  @BeforeAll
  static void audit() {
    Oracle oracle = Oracle.standard();
    tests = new GoldenSources(oracle.catalog()).read(List.of(TestData.resource("onnx-node-tests")),
        null, Dtype.FLOAT32);
    plain = byName(new Audit(oracle, Tolerance.ONNX, null, false).run(tests));
    float16 = byName(new Audit(oracle, Tolerance.ONNX, Dtype.FLOAT16, true).run(tests));
    float16Outputs = byName(new Audit(oracle, Tolerance.ONNX, Dtype.FLOAT16, false).run(tests));
  }

  static Map<String, AuditResult> byName(List<AuditResult> rs) {
    return rs.stream().collect(Collectors.toMap(r -> r.test().name(), Function.identity()));
  }

  @Test
  void totals() {
    assertEquals(21, plain.size());
    assertEquals(811, plain.values().stream().mapToInt(AuditResult::elements).sum());
    assertEquals(663, plain.values().stream().mapToInt(AuditResult::correctlyRounded).sum());
  }

  /** ONNX's Elu generator computes float32 exp(x) - 1: 30 ulp at x = -0.028182229. */
  @Test
  void eluIsThirtyUlpOff() {
    AuditResult elu = plain.get("test_elu");
    assertEquals(30, elu.maxUlp());
    assertEquals(45, elu.correctlyRounded());
    assertEquals(-0.028182229f, (float) elu.worst().x());
    assertEquals(-0.055577517f, (float) elu.worst().expected());
    assertEquals(-0.05557763f, (float) elu.worst().correct());
    assertTrue(plain.get("test_elu").test().description().startsWith("Elu alpha=2.0 (opset"));
  }

  @Test
  void exactOperatorsAreCorrectlyRounded() {
    for (String t : List.of("test_relu", "test_leakyrelu", "test_leakyrelu_default",
        "test_thresholdedrelu", "test_hardsigmoid")) {
      assertEquals(plain.get(t).elements(), plain.get(t).correctlyRounded(), t);
      assertNull(plain.get(t).worst(), t);
    }
    assertEquals(3, plain.get("test_softmax_axis_2").maxUlp());
  }

  /** rtol = 1e-3 is 2^23 * 1e-3 = 8,389 to 2^24 * 1e-3 = 16,777 ulps of a normal float32. */
  @Test
  void toleranceInUlps() {
    double[] sigmoid = plain.get("test_sigmoid").toleranceUlps();
    assertEquals(60, sigmoid.length);
    assertTrue(Audit.min(sigmoid) > 8388 && Audit.max(sigmoid) < 16778);
    assertEquals(12148, Audit.median(sigmoid), 1);
    // an expected 0 admits atol / 2^-149 ulps
    assertEquals(1e-7 / 0x1p-149, Audit.max(plain.get("test_relu").toleranceUlps()), 1e30);
  }

  @Test
  void float16Simulation() {
    assertTrue(float16Outputs.values().stream().allMatch(r -> r.simulatedFailures() == 0),
        "float16 results pass every test");
    Map<String, Integer> failing = float16.values().stream().filter(r -> r.simulatedFailures() > 0)
        .collect(Collectors.toMap(r -> r.test().name(), AuditResult::simulatedFailures));
    assertEquals(Map.of("test_hardsigmoid", 2, "test_hardsigmoid_default", 1,
        "test_softmax_large_number", 4), failing);
  }

  @Test
  void tableAndJson() {
    Audit audit = new Audit(Oracle.standard(), Tolerance.ONNX, null, false);
    List<AuditResult> rs = audit.run(tests);
    String table = AuditTable.render(rs, audit);
    assertTrue(table.contains("663 of 811 expected values are correctly rounded (81.8 %)"), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("test_elu ") && l.contains(" 30 ")), table);
    String json = AuditJson.render(rs, audit);
    assertTrue(json.contains("\"correctlyRounded\" : 663"), json);
  }
}
