package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tck matrix} on a scratch checkout: bad adapter files, bad options, and one real child run. */
class MatrixCommandTest {

  @TempDir Path root;

  private void adapter(String dir, String text) throws IOException {
    Path m = root.resolve("adapters").resolve(dir);
    Files.createDirectories(m);
    Files.writeString(m.resolve("adapter.properties"), text, StandardCharsets.UTF_8);
  }

  private CliRun matrix(String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "matrix";
    args[1] = "--root";
    args[2] = root.toString();
    args[3] = "--skip-build";
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.exec(args);
  }

  @Test
  void aMalformedAdapterFileIsAUsageErrorNamingFileAndKey() throws IOException {
    adapter("good", "name=g\nlibrary=G\ncoordinates=g\nversion=1\nimpl-class=a.B\n");
    adapter("bad", "name=b\nlibrary=B\ncoordinates=b\nversion=1\nimpl-class=a.B\ntimeout=soon\n");
    CliRun r = matrix();
    assertEquals(2, r.code(), r.err());
    assertEquals("tck matrix: adapters/bad/adapter.properties: key 'timeout': must be a positive number of seconds,"
        + " got 'soon'", r.err().strip());
    assertTrue(Files.notExists(root.resolve("docs")), "nothing written");
  }

  @Test
  void unknownAdaptersAndFunctionsAreUsageErrors() throws IOException {
    adapter("good", "name=g\nlibrary=G\ncoordinates=g\nversion=1\nimpl-class=a.B\n");
    CliRun r = matrix("--adapters", "nope");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--adapters: no adapter named 'nope' (found: [good])"), r.err());
    r = matrix("--functions", "reluu");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--functions: unknown function 'reluu'"), r.err());
  }

  @Test
  void adaptersThatCannotStartAreRowsNotCrashesAndAProcessAdapterRuns() throws Exception {
    // A JVM adapter whose class does not exist, and a process adapter that echoes x back (linear).
    adapter("missing", "name=missing\nlibrary=Missing\ncoordinates=none\nversion=0\nimpl-class=org.example.DoesNotExist\n");
    Path echo = root.resolve("echo.py");
    Files.writeString(echo, String.join("\n",
        "import json, sys",
        "for line in sys.stdin:",
        "    req = json.loads(line)",
        "    ok = req['function'] == 'linear' and not req['derivative']",
        "    print(json.dumps({'id': req['id'], 'y': req['x']} if ok else {'id': req['id'], 'unsupported': True}), flush=True)",
        ""), StandardCharsets.UTF_8);
    adapter("echo", "name=echo\nlibrary=Echo\ncoordinates=python3\nversion=1\nimpl-command=python3 " + echo + "\n");
    CliRun r = matrix("--functions", "linear,relu", "--out", root.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(root.resolve("out/conformance.json").toFile());
    JsonNode echoRow = j.at("/adapters/0");
    assertEquals("echo", echoRow.get("adapter").asText());
    assertEquals("ok", echoRow.get("status").asText());
    for (JsonNode row : echoRow.get("matrix")) {
      boolean value = row.get("function").asText().equals("linear") && !row.get("derivative").asBoolean();
      assertEquals(value ? "strict" : "not implemented", row.get("conformant").asText(), row.toString());
    }
    JsonNode missing = j.at("/adapters/1");
    assertEquals("start_failed", missing.get("status").asText());
    assertTrue(missing.get("message").asText().contains("class not found: org.example.DoesNotExist"), missing.toString());
    String md = Files.readString(root.resolve("out/CONFORMANCE.md"));
    assertTrue(md.contains("| [Missing](#lib-missing) | 0 | `adapters/missing` | **did not start** |"), md);
    // rendered again from the stored conformance.json, without running anything: the same files
    byte[] json = Files.readAllBytes(root.resolve("out/conformance.json"));
    r = matrix("--render-only", "--out", root.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(md, Files.readString(root.resolve("out/CONFORMANCE.md")));
    assertEquals(new String(json, StandardCharsets.UTF_8), Files.readString(root.resolve("out/conformance.json")));
    String html = Files.readString(root.resolve("out/conformance.html"));
    assertTrue(html.contains("<table class=\"grid\" id=\"matrix\">") && html.contains("start_failed"), "dashboard");
  }

  @Test
  void renderOnlyNeedsAStoredMatrixAndRendersItWhole() throws IOException {
    CliRun r = matrix("--render-only", "--out", root.resolve("out").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--render-only: no stored matrix at out/conformance.json"), r.err());
    r = matrix("--render-only", "--adapters", "x");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--render-only renders the stored matrix as a whole"), r.err());
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/conformance.json"), "{\"matrixVersion\":9}");
    r = matrix("--render-only");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("docs/conformance.json: matrixVersion must be 1 or 2, got 9"), r.err());
  }
}
