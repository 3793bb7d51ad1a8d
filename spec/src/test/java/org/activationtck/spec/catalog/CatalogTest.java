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
