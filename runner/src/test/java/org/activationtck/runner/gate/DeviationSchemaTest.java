package org.activationtck.runner.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
    // every committed list: the adapters', the clients' examples and the JUnit example's
    List<String> lists = new ArrayList<>();
    try (Stream<Path> adapters = Files.list(root.resolve("adapters"))) {
      adapters.map(a -> a.resolve("activation-tck-deviations.json")).filter(Files::exists).sorted()
          .forEach(f -> lists.add(f.toString()));
    }
    lists.add(root.resolve("examples/junit-gate/activation-tck-deviations.json").toString());
    lists.add(root.resolve("clients/python/example-deviations.json").toString());
    lists.add(root.resolve("clients/javascript/example-deviations.json").toString());
    List<String> command = new ArrayList<>(List.of("python3", "-c", SCRIPT,
        root.resolve("docs/deviations.schema.json").toString()));
    command.addAll(lists);
    command.add(bad.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Files.delete(bad);
    assertEquals(0, p.exitValue(), "needs python3 with jsonschema: " + out);
    assertTrue(lists.size() >= 9, "committed lists found: " + lists);
    String[] lines = out.split("\n");
    assertEquals(lists.size() + 1, lines.length, out);
    for (int i = 0; i < lists.size(); i++) {
      assertEquals("valid", lines[i].split(" ")[1], out);
    }
    assertEquals("invalid", lines[lists.size()].split(" ")[1], out);
  }
}
