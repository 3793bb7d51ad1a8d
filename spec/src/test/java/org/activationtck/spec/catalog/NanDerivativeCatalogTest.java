package org.activationtck.spec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The catalog's model of f'(NaN) per dialect, of position-dependent rules and of the releases each
 * dialect describes: how entries are matched, what the shipped catalog holds, and that malformed
 * entries are rejected with the file and field named.
 */
class NanDerivativeCatalogTest {

  private static Optional<BigDecimal> reluAtNan(String dialect, Map<String, Object> params) {
    return Catalog.standard().require("relu").derivativeAtNan(dialect, params::get);
  }

  @Test
  void firstApplyingEntryWins_andParameterConditionsHold() {
    Map<String, Object> leaky = new HashMap<>(Map.of("negative_slope", new BigDecimal("0.5"),
        "threshold", BigDecimal.ZERO));
    assertEquals(new BigDecimal("0.5"), reluAtNan("keras3", leaky).orElseThrow());
    Map<String, Object> thresholded = new HashMap<>(leaky);
    thresholded.put("threshold", BigDecimal.ONE);
    assertEquals(0, reluAtNan("tf_keras2", thresholded).orElseThrow().signum());
    Map<String, Object> clipped = new HashMap<>(leaky);
    clipped.put("max_value", new BigDecimal("6"));
    assertEquals(0, reluAtNan("keras3", clipped).orElseThrow().signum());
    assertEquals(BigDecimal.ONE, reluAtNan("pytorch", Map.of()).orElseThrow());
    assertEquals(0, reluAtNan("onnx", Map.of()).orElseThrow().signum());
    assertTrue(Catalog.standard().require("sigmoid").derivativeAtNan("keras3", k -> null).isEmpty());
  }

  @Test
  void positionDependentRules_areThePyTorchSimdSplits() {
    Map<String, String> simdValues = new java.util.TreeMap<>();
    for (FunctionSpec f : Catalog.standard().functions()) {
      for (Rule r : f.rules()) {
        r.positionDependent().forEach((dialect, p) -> {
          assertEquals("pytorch", dialect, r.id());
          assertEquals(f.id() + ".derivative.nan", r.id());
          simdValues.put(f.id(), p.simd());
          assertFalse(p.text().isBlank(), r.id());
        });
      }
    }
    assertEquals(Map.of("relu6", "0", "hard_tanh", "0", "hard_shrink", "0", "soft_shrink", "0",
        "hard_silu", "NaN", "elu", "NaN", "selu", "NaN", "celu", "NaN"), simdValues);
    PositionDependence p = Catalog.standard().require("hard_tanh").rule("hard_tanh.derivative.nan")
        .orElseThrow().positionDependent().get("pytorch");
    assertEquals(BigDecimal.ZERO, p.simdValue(k -> null).orElseThrow());
  }

  @Test
  void everyDialectIsDescribed_inEnumOrder() {
    List<DialectSpec> described = Catalog.standard().dialects();
    assertEquals(List.of("keras3", "tf_keras2", "pytorch", "jax", "onnx"),
        described.stream().map(DialectSpec::id).toList());
    for (DialectSpec d : described) {
      assertFalse(d.version().isBlank(), d.id());
      assertFalse(d.describes().isBlank(), d.id());
      for (Note n : d.versionNotes()) {
        assertFalse(n.source() == null || n.source().isBlank(), d.id() + ": a version note without source");
        if (n.rule() != null) {
          String function = n.rule().substring(0, n.rule().indexOf('.'));
          assertTrue(Catalog.standard().require(function).rule(n.rule()).isPresent(),
              d.id() + ": version note cites unknown rule " + n.rule());
        }
      }
    }
    assertTrue(Catalog.standard().dialect("jax").isPresent());
  }

  @Test
  void everyEntryNamesDialectsOfItsFunction() {
    for (FunctionSpec f : Catalog.standard().functions()) {
      for (NanDerivative d : f.derivativeAtNan()) {
        assertTrue(f.names().keySet().containsAll(d.dialects()), f.id() + " " + d.dialects());
      }
      if (!f.derivativeAtNan().isEmpty()) {
        assertTrue(f.rule(f.id() + ".derivative.nan").isPresent(),
            f.id() + ": a derivativeAtNan without the rule " + f.id() + ".derivative.nan");
      }
    }
  }

  private static Catalog.Source files(Map<String, String> files) {
    return name -> files.containsKey(name)
        ? new ByteArrayInputStream(files.get(name).getBytes(StandardCharsets.UTF_8)) : null;
  }

  private static String function(String extra) {
    return "{\"id\": \"f\", \"kind\": \"elementwise\", \"names\": {\"keras3\": [\"f\"]},"
        + " \"parameters\": [{\"name\": \"alpha\", \"type\": \"real\", \"names\": {\"keras3\": \"alpha\"},"
        + " \"defaults\": {\"keras3\": \"1\"}}]" + extra + "}";
  }

  private static IllegalArgumentException loadFails(String index, String f) {
    return assertThrows(IllegalArgumentException.class, () -> Catalog.load(
        files(Map.of("index.json", index, "f.json", f)), "cat/"));
  }

  @Test
  void malformedEntries_areRejectedNamingTheField() {
    String index = "{\"version\": \"t\", \"functions\": [\"f\"]}";
    assertEquals("cat/f.json: field /derivativeAtNan/0/dialects: 'pytorch' does not provide f",
        loadFails(index, function(", \"derivativeAtNan\": [{\"dialects\": [\"pytorch\"], \"value\": \"1\"}]"))
            .getMessage());
    assertEquals("cat/f.json: field /derivativeAtNan/0/value: 'beta' is not a real parameter of f",
        loadFails(index, function(", \"derivativeAtNan\": [{\"dialects\": [\"keras3\"], \"value\": \"beta\"}]"))
            .getMessage());
    assertTrue(loadFails(index, function(", \"derivativeAtNan\": [{\"dialects\": [\"keras3\"], \"value\": \"(alpha\"}]"))
        .getMessage().startsWith("cat/f.json: field /derivativeAtNan/0/value: expression '(alpha'"));
    assertEquals("cat/f.json: field /derivativeAtNan/0/when: no parameter 'beta'",
        loadFails(index, function(", \"derivativeAtNan\": [{\"dialects\": [\"keras3\"], \"when\": {\"beta\": \"0\"},"
            + " \"value\": \"1\"}]")).getMessage());
    assertEquals("cat/f.json: field /rules/0/positionDependent/pytorch: the rule does not apply to dialect 'pytorch'",
        loadFails(index, function(", \"rules\": [{\"id\": \"f.x\", \"text\": \"t\", \"positionDependent\":"
            + " {\"pytorch\": {\"simd\": \"0\", \"text\": \"t\"}}}]")).getMessage());
    assertTrue(loadFails("{\"version\": \"t\", \"dialects\": [{\"id\": \"mxnet\", \"framework\": \"m\","
        + " \"version\": \"1\", \"describes\": \"d\"}], \"functions\": [\"f\"]}", function(""))
        .getMessage().startsWith("cat/index.json: field /dialects/0/id: unknown dialect 'mxnet'"));
  }

  @Test
  void wellFormedEntries_load() {
    Catalog c = Catalog.load(files(Map.of("index.json", "{\"version\": \"t\", \"functions\": [\"f\"]}",
        "f.json", function(", \"derivativeAtNan\": [{\"dialects\": [\"keras3\"], \"when\": {\"alpha\": \"1\"},"
            + " \"value\": \"alpha / 2\"}]"))), "cat/");
    FunctionSpec f = c.require("f");
    assertEquals(new BigDecimal("0.5"), f.derivativeAtNan("keras3", Map.<String, Object>of("alpha", BigDecimal.ONE)::get).orElseThrow());
    assertTrue(f.derivativeAtNan("keras3", Map.<String, Object>of("alpha", BigDecimal.TEN)::get).isEmpty());
    assertEquals(new TreeSet<>(List.of()), new TreeSet<>(c.dialects()));
  }
}
