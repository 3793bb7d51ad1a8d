package org.activationtck.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/** docs/TIERS.md gives every budget of tolerances.json, with its evidence. */
class TiersDocumentTest {

  private static final Path DOC = Path.of("../docs/TIERS.md");
  static final String HEADER = "| function | dtype | strict | libm | framework | libm: evidence | framework: evidence |";

  /** The budget table's rows, keyed {@code function dtype}, as their cells. */
  private static Map<String, List<String>> table() throws IOException {
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    int start = lines.indexOf(HEADER);
    assertTrue(start >= 0, "docs/TIERS.md has no budget table headed " + HEADER);
    Map<String, List<String>> rows = new HashMap<>();
    for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i);
      List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|", -1)).stream()
          .map(String::strip).toList();
      assertEquals(7, cells.size(), "line " + (i + 1) + ": " + line);
      String key = cells.get(0).replace("`", "") + " " + cells.get(1);
      assertFalse(rows.containsKey(key), "line " + (i + 1) + ": a second row for " + key);
      rows.put(key, cells);
    }
    return rows;
  }

  private static double number(String cell, String where) {
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new AssertionError(where + ": '" + cell + "' is not a budget");
    }
  }

  @Test
  void everyBudgetHasARowWithItsEvidence() throws IOException {
    Map<String, List<String>> rows = table();
    Tolerances t = Tolerances.standard();
    int n = 0;
    for (FunctionSpec f : Catalog.standard().functions()) {
      for (Dtype d : Dtype.values()) {
        String key = f.id() + " " + d.id();
        List<String> cells = rows.get(key);
        assertTrue(cells != null, "docs/TIERS.md: no row for " + key);
        Tier[] tiers = {Tier.STRICT, Tier.LIBM, Tier.FRAMEWORK};
        for (int k = 0; k < tiers.length; k++) {
          assertEquals(t.budget(f.id(), d, tiers[k]), number(cells.get(2 + k), key), key + " " + tiers[k].id()
              + ": docs/TIERS.md and tolerances.json disagree");
        }
        for (int k = 5; k < 7; k++) {
          String evidence = cells.get(k);
          assertTrue(evidence.length() > 5 && !evidence.equals("–"), key + ": evidence missing");
        }
        n++;
      }
    }
    assertEquals(n, rows.size(), "docs/TIERS.md has rows for functions or dtypes the catalog does not have");
  }
}
