package org.activationtck.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code requires} probe and the {@code setup} command of adapter.properties: a failing probe
 * is reported {@code skipped: <hint>}, a failing setup {@code setup_failed}, neither as a pass and
 * neither stops the matrix; a setup runs once until its inputs change.
 */
class AdapterSetupTest {

  private static final String BASE = "name=%s\nlibrary=Lib %s\ncoordinates=npm lib\nversion=1\n"
      + "impl-command=node adapters/%s/never-started.mjs\n";

  @TempDir Path root;

  private Path adapter(String dir, String extra) throws IOException {
    Path m = root.resolve("adapters").resolve(dir);
    Files.createDirectories(m);
    Files.writeString(m.resolve(AdapterSpec.FILE_NAME), String.format(BASE, dir, dir, dir) + extra,
        StandardCharsets.UTF_8);
    return m;
  }

  private Matrix run(ByteArrayOutputStream progress) {
    return ConformanceMatrix.run(new ConformanceMatrix.Options(root, List.of(), List.of(), false,
        Duration.ofSeconds(60), new PrintStream(progress, true, StandardCharsets.UTF_8)));
  }

  @Test
  void aFailingProbeIsReportedSkippedWithTheHint_andAFailingSetupAsSetupFailed() throws Exception {
    adapter("pytorch", "requires=false --probe\nrequires-hint=apt-get install python3-torch\n"
        + "setup=touch must-not-run\n");
    adapter("tfjs", "requires=true\nsetup=false\n");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Matrix m = run(progress);

    Matrix.AdapterResult torch = m.adapters().get(0);
    assertEquals(Matrix.Status.SKIPPED, torch.status());
    assertEquals("skipped: apt-get install python3-torch", torch.message());
    assertTrue(torch.rows().isEmpty());
    assertFalse(Files.exists(root.resolve("adapters/pytorch/must-not-run")), "setup ran for a skipped adapter");

    Matrix.AdapterResult tfjs = m.adapters().get(1);
    assertEquals(Matrix.Status.SETUP_FAILED, tfjs.status());
    assertTrue(tfjs.message().startsWith("setup `false` exited with code 1"), tfjs.message());
    assertTrue(tfjs.rows().isEmpty());

    String out = progress.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("matrix: pytorch: skipped: apt-get install python3-torch"), out);
    assertTrue(out.contains("matrix: tfjs: setup `false` exited with code 1"), out);

    String md = new String(ConformanceMarkdown.bytes(m), StandardCharsets.UTF_8);
    assertTrue(md.contains("| `adapters/pytorch` | skipped: apt-get install python3-torch |"), md);
    assertTrue(md.contains("· skipped: apt-get install python3-torch\n"), md);
    assertTrue(md.contains("| `adapters/tfjs` | **setup failed** |"), md);
    assertFalse(md.contains("| ran |"), md);

    JsonNode j = new ObjectMapper().readTree(ConformanceJson.bytes(m));
    assertEquals("skipped", j.at("/adapters/0/status").asText());
    assertEquals("skipped: apt-get install python3-torch", j.at("/adapters/0/message").asText());
    assertEquals("setup_failed", j.at("/adapters/1/status").asText());
    assertEquals(0, j.at("/adapters/0/matrix").size());
  }

  @Test
  void aProbeWithoutHintIsShownAsTheCommand() throws Exception {
    adapter("x", "requires=false\n");
    Matrix m = run(new ByteArrayOutputStream());
    assertEquals("skipped: false", m.adapters().get(0).message());
  }

  @Test
  void setupRunsInTheAdapterDirectory_onceUntilItsInputsChange() throws Exception {
    Path m = adapter("npmlib", "setup=touch installed.txt\n");
    Files.writeString(m.resolve("package.json"), "{}", StandardCharsets.UTF_8);
    Files.createDirectories(m.resolve("node_modules"));
    AdapterSpec a = AdapterSpec.read(m, "x");
    Path work = root.resolve("target/matrix/npmlib");
    Duration limit = Duration.ofSeconds(60);

    AdapterRunner.Setup first = AdapterRunner.setup(a, root, work, limit);
    assertTrue(first.ok() && first.ran(), String.valueOf(first));
    assertTrue(Files.exists(m.resolve("installed.txt")), "ran in the adapter's directory");
    Path marker = m.resolve(AdapterRunner.SETUP_MARKER);
    Instant done = Instant.now().plusSeconds(5);
    Files.setLastModifiedTime(marker, FileTime.from(done));
    assertTrue(AdapterRunner.setupUpToDate(a));
    AdapterRunner.Setup second = AdapterRunner.setup(a, root, work, limit);
    assertTrue(second.ok() && !second.ran(), "up to date: not run again");

    Files.setLastModifiedTime(m.resolve("package.json"), FileTime.from(done.plusSeconds(5)));
    assertFalse(AdapterRunner.setupUpToDate(a), "package.json changed");
    Files.setLastModifiedTime(marker, FileTime.from(done.plusSeconds(10)));
    assertTrue(AdapterRunner.setupUpToDate(a));
    Files.delete(m.resolve("node_modules"));
    assertFalse(AdapterRunner.setupUpToDate(a), "node_modules removed");
  }

  @Test
  void aPassingProbeLetsTheAdapterRun() throws Exception {
    AdapterSpec a = AdapterSpec.read(adapter("ok", "requires=true\n"), "x");
    assertEquals(null, AdapterRunner.missingRequirement(a, root, root.resolve("target/matrix/ok")));
    AdapterSpec none = AdapterSpec.read(adapter("none", ""), "y");
    assertEquals(null, AdapterRunner.missingRequirement(none, root, root.resolve("target/matrix/none")));
    AdapterSpec missing = AdapterSpec.read(adapter("missing", "requires=no-such-program-xyz --probe\n"), "z");
    String why = AdapterRunner.missingRequirement(missing, root, root.resolve("target/matrix/missing"));
    assertTrue(why != null && why.contains("cannot start"), why);
  }
}
