package org.activationtck.spec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private static Catalog.Source files(Map<String, String> files) {
    return name -> files.containsKey(name)
        ? new ByteArrayInputStream(files.get(name).getBytes(StandardCharsets.UTF_8)) : null;
  }

  @Test
  void standardCatalog_loads_withUniqueRuleIds_andWellFormedEntries() {
    Catalog c = Catalog.standard();
    assertFalse(c.functions().isEmpty());
    Set<String> rules = new HashSet<>();
    Set<String> dialects = new HashSet<>();
    for (Dialect d : Dialect.values()) {
      dialects.add(d.id());
    }
    for (FunctionSpec f : c.functions()) {
      assertTrue(f.id().matches("[a-z0-9_]+"), f.id());
      assertFalse(f.names().isEmpty(), f.id() + ": no dialect names");
      assertTrue(dialects.containsAll(f.names().keySet()), f.id() + ": unknown dialect in names");
      assertFalse(f.rules().isEmpty(), f.id() + ": no rules");
      assertFalse(f.sources().isEmpty(), f.id() + ": no sources");
      for (Rule r : f.rules()) {
        assertTrue(r.id().startsWith(f.id() + "."), r.id() + " must start with " + f.id() + ".");
        assertTrue(rules.add(r.id()), "duplicate rule id " + r.id());
      }
      for (ParameterSpec p : f.parameters()) {
        assertTrue(Set.of("real", "boolean", "enum", "integer").contains(p.type()), f.id() + "." + p.name());
        for (String d : p.defaults().keySet()) {
          assertTrue(f.names().containsKey(d), f.id() + "." + p.name() + ": default for absent dialect " + d);
        }
      }
      for (String key : f.special().keySet()) {
        String input = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
        assertTrue(Set.of("nan", "+inf", "-inf", "+0", "-0").contains(input), f.id() + ": special key " + key);
      }
    }
  }

  @Test
  void precisions_areDeclaredOnlyForRealParameters_ofProvidingDialects_withKnownConditions() {
    for (FunctionSpec f : Catalog.standard().functions()) {
      for (ParameterSpec p : f.parameters()) {
        String where = f.id() + "." + p.name();
        assertTrue(p.precision().isEmpty() || p.type().equals("real"), where + ": precision on a " + p.type());
        p.precision().forEach((dialect, rule) -> {
          assertTrue(f.names().containsKey(dialect), where + ": precision for absent dialect " + dialect);
          assertTrue(rule.storage() != Storage.EXACT, where + ": a parameter is never exact");
          for (String other : rule.when().keySet()) {
            assertTrue(f.parameter(other).isPresent() && !other.equals(p.name()),
                where + ": condition on unknown parameter " + other);
          }
        });
      }
      Set<String> names = new HashSet<>();
      for (ConstantSpec c : f.constants()) {
        String where = f.id() + " constant " + c.name();
        assertTrue(names.add(c.name()), where + ": duplicate");
        assertTrue(f.parameter(c.name()).isEmpty(), where + ": shadows a parameter");
        assertFalse(c.value().isBlank() || c.description().isBlank(), where + ": value and description");
        new java.math.BigDecimal(c.decimal());
        c.precision().keySet().forEach(d ->
            assertTrue(f.names().containsKey(d), where + ": precision for absent dialect " + d));
      }
    }
  }

  @Test
  void storageRule_conditionComparesNumbersByValue_andTreatsMissingAsNone() {
    StorageRule leakyPath = new StorageRule(Storage.FLOAT32, Map.of("max_value", "none", "threshold", "0"));
    assertTrue(leakyPath.appliesTo(Map.of("threshold", "0.0")));
    assertFalse(leakyPath.appliesTo(Map.of("threshold", "0.5")));
    assertFalse(leakyPath.appliesTo(Map.of("threshold", "0", "max_value", "6")));
    assertTrue(StorageRule.of("float32").appliesTo(Map.of("anything", "1")));
    ParameterSpec slope = Catalog.standard().require("relu").parameter("negative_slope").orElseThrow();
    assertEquals(Storage.FLOAT32, slope.storage("keras3", Map.of("negative_slope", "0.1", "threshold", "0")));
    assertEquals(Storage.COMPUTE, slope.storage("keras3", Map.of("threshold", "1")));
    assertEquals(Storage.COMPUTE, slope.storage("pytorch", Map.of()));
  }

  @Test
  void precision_readsBareAndConditionalForms_andNamesABadOne() {
    String param = "{\"id\":\"f\",\"kind\":\"elementwise\",\"parameters\":[{\"name\":\"a\","
        + "\"type\":\"real\",\"precision\":{\"onnx\":\"float32\",\"keras3\":{\"storage\":\"dtype\","
        + "\"when\":{\"b\":\"none\"}}}}]}";
    Catalog c = Catalog.load(files(Map.of("index.json", "{\"version\":\"t\",\"functions\":[\"f\"]}",
        "f.json", param)), "cat/");
    ParameterSpec a = c.require("f").parameter("a").orElseThrow();
    assertEquals(new StorageRule(Storage.FLOAT32, Map.of()), a.precision().get("onnx"));
    assertEquals(new StorageRule(Storage.DTYPE, Map.of("b", "none")), a.precision().get("keras3"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalog.load(
        files(Map.of("index.json", "{\"version\":\"t\",\"functions\":[\"f\"]}",
            "f.json", param.replace("\"float32\"", "\"half\""))), "cat/"));
    assertTrue(e.getMessage().contains("/parameters/0/precision/onnx")
        && e.getMessage().contains("unknown precision 'half'"), e.getMessage());
  }

  @Test
  void computeFormat_isTheDtype_exceptPytorchsOpMathType() {
    assertEquals(Dtype.FLOAT16, Dialect.ONNX.computeFormat(Dtype.FLOAT16));
    assertEquals(Dtype.BFLOAT16, Dialect.JAX.computeFormat(Dtype.BFLOAT16));
    assertEquals(Dtype.FLOAT32, Dialect.PYTORCH.computeFormat(Dtype.FLOAT16));
    assertEquals(Dtype.FLOAT64, Dialect.PYTORCH.computeFormat(Dtype.FLOAT64));
    assertEquals(java.util.List.of(Dtype.FLOAT32, Dtype.FLOAT16),
        Storage.FLOAT32.roundings(Dtype.FLOAT16, Dtype.FLOAT16));
    assertEquals(java.util.List.of(), Storage.EXACT.roundings(Dtype.FLOAT64, Dtype.FLOAT64));
  }

  @Test
  void aliasesResolve() {
    Catalog c = Catalog.standard();
    assertEquals("exponential", c.require("exponential").id());
    assertEquals("linear", c.require("Identity").id());
    assertThrows(IllegalArgumentException.class, () -> c.require("no_such_function"));
  }

  @Test
  void malformedFile_errorNamesFileLineAndField() {
    Map<String, String> files = Map.of(
        "index.json", "{\"version\":\"t\",\"functions\":[\"f\"]}",
        "f.json", "{\n  \"id\": \"f\",\n  \"kind\": \"elementwise\",\n  \"bogus\": 1\n}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Catalog.load(files(files), "cat/"));
    assertTrue(e.getMessage().matches("cat/f\\.json:[45]: field /bogus: .*"), e.getMessage());
  }

  @Test
  void missingFile_andIdMismatch_areNamed() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Catalog.load(files(Map.of("index.json", "{\"version\":\"t\",\"functions\":[\"g\"]}")), "cat/"));
    assertEquals("cat/g.json: no such catalog file", missing.getMessage());
    IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
        () -> Catalog.load(files(Map.of("index.json", "{\"version\":\"t\",\"functions\":[\"g\"]}",
            "g.json", "{\"id\":\"h\",\"kind\":\"axis\"}")), "cat/"));
    assertTrue(mismatch.getMessage().contains("field 'id' is 'h'"), mismatch.getMessage());
  }
}
