package org.activationtck.cli.hardcases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.activationtck.cli.HardCasesCheck;
import org.junit.jupiter.api.Test;

/**
 * The CI twin of the hard-case half of {@code ./tck fixtures check}: a fifth of the committed
 * hard cases (every 5th of each file) equal what the oracle gives now, and every behaviour has
 * its float16 and bfloat16 blocks.
 */
class HardCasesUpToDateTest {

  @Test
  void required_committedHardCases_equalTheOracle() throws Exception {
    Path dir = Path.of("../fixtures/src/main/resources/org/activationtck/fixtures/hardcases");
    // every 5th case (a fifth of the time; ./tck fixtures check regenerates them all)
    assertEquals(0, HardCasesCheck.problems(dir, 5), "see the lines above; run ./tck fixtures hardcases");
  }

  @Test
  void required_docsTable_isRenderedFromTheIndex() throws Exception {
    Path dir = Path.of("../fixtures/src/main/resources/org/activationtck/fixtures/hardcases");
    String now = org.activationtck.fixtures.generator.HardCaseIndex.markdown(
        org.activationtck.oracle.Oracle.standard(),
        org.activationtck.fixtures.generator.HardCaseIndex.read(dir.resolve("index.tsv")));
    assertEquals(now, java.nio.file.Files.readString(Path.of("../docs/hard-cases-table.md")),
        "stale: run ./tck fixtures hardcases --table-only --table docs/hard-cases-table.md");
  }
}
