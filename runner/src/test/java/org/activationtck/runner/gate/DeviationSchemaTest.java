package org.activationtck.runner.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The published schema (docs/deviations.schema.json) accepts the committed lists and rejects a
 * malformed one, checked by an independent validator (Python's jsonschema), so the schema, the
 * reader and the writer cannot drift apart.
 */
class DeviationSchemaTest {

  private static final String SCRIPT = String.join("\n",
      "import json, sys",
      "import jsonschema",
      "schema = json.load(open(sys.argv[1]))",
      "jsonschema.Draft202012Validator.check_schema(schema)",
      "v = jsonschema.Draft202012Validator(schema)",
      "for f in sys.argv[2:]:",
      "    errors = list(v.iter_errors(json.load(open(f))))",
      "    print(f, 'invalid' if errors else 'valid', errors[0].message[:200] if errors else '')");

  @Test
  void committedLists_areValid_andAMalformedOneIsNot() throws IOException, InterruptedException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path bad = Files.createTempFile("bad-deviations", ".json");
    Files.writeString(bad, ReaderFixtures.list("\"kind\": \"ulp\""));
    Process p = new ProcessBuilder("python3", "-c", SCRIPT,
        root.resolve("docs/deviations.schema.json").toString(),
        root.resolve("examples/junit-gate/activation-tck-deviations.json").toString(),
        root.resolve("adapters/numpy/activation-tck-deviations.json").toString(),
        root.resolve("adapters/scipy/activation-tck-deviations.json").toString(),
        root.resolve("adapters/textbook/activation-tck-deviations.json").toString(),
        bad.toString()).redirectErrorStream(true).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Files.delete(bad);
    assertEquals(0, p.exitValue(), "needs python3 with jsonschema: " + out);
    assertEquals(5, out.lines().count(), out);
    String[] lines = out.split("\n");
    for (int i = 0; i < 4; i++) {
      assertEquals("valid", lines[i].split(" ")[1], out);
    }
    assertEquals("invalid", lines[4].split(" ")[1], out);
  }
}
