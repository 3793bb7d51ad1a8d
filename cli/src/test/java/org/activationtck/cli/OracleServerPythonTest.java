package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./tck oracle --serve} driven from Python, as a Python test suite would use it:
 * {@code src/test/python/oracle_server_check.py} starts the server, sends requests (a describe, values
 * in several formats, an axis function, a derivative, bad and over-limit requests), checks the
 * replies against constants it computes with the decimal module (sigmoid(1) = e/(1+e),
 * tanh(1/2) = (e-1)/(e+1), softplus(0) = ln 2), and that EOF ends the server with exit 0. Skipped,
 * with the reason, when python3 is not installed.
 */
class OracleServerPythonTest {

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aPythonClient_getsExactValues_andErrorLines() throws Exception {
    assumePython();
    Path script = Path.of("src/test/python/oracle_server_check.py").toAbsolutePath();
    assertTrue(Files.isRegularFile(script), script.toString());
    Process p = new ProcessBuilder("python3", script.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
        System.getProperty("java.class.path"), "org.activationtck.cli.TckCommand", "oracle", "--serve")
        .redirectErrorStream(true).start();
    try {
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), out);
      assertTrue(out.contains("ok: 12 requests"), out);
    } finally {
      p.destroyForcibly();
    }
  }

  private static void assumePython() {
    boolean installed;
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      installed = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      installed = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      installed = false;
    }
    Assumptions.assumeTrue(installed, "python3 is not installed: the oracle server's Python test is skipped");
  }
}
