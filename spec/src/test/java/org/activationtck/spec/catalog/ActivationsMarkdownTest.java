package org.activationtck.spec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** spec/ACTIVATIONS.md is generated from the catalog; this fails when it is stale. */
class ActivationsMarkdownTest {

  @Test
  void committedMarkdown_isCurrent() throws IOException {
    Path committed = Path.of("ACTIVATIONS.md");
    String expected = CatalogMarkdown.render(Catalog.standard());
    String actual = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
    assertEquals(expected, actual,
        "spec/ACTIVATIONS.md is stale: regenerate it with `./tck spec markdown`");
  }
}
