package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.activationtck.runner.report.HostileTextTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tck run} against an implementation that throws, returns null and the wrong length. */
class HostileRunTest {

  @TempDir Path dir;

  @Test
  void required_misbehavingImplementation_exit1_everyReportWritten() throws Exception {
    Path json = dir.resolve("r.json");
    Path xml = dir.resolve("r.xml");
    Path html = dir.resolve("r.html");
    CliRun r = CliRun.exec("run", "--functions", "linear,exponential,relu",
        "--dtype", "float32", "--impl-class", HostileTextTest.Hostile.class.getName(),
        "--report-json", json.toString(), "--report-junit", xml.toString(), "--report-html", html.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("RESULT: FAILED"));
    assertFalse(r.out().contains("\u001b"), "ANSI escape on the console");
    assertTrue(Files.readString(json).contains("\"conforms\" : false"));
    assertTrue(Files.readString(xml).contains("<failure"));
    String h = Files.readString(html);
    assertTrue(h.contains("&lt;script&gt;") && !h.contains("<script>alert")
        && !h.substring(h.indexOf("<body>")).contains("<script"), "HTML escaping");
  }
}
