package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An in-process implementation that calls {@code System.exit(0)} used to make {@code ./tck run}
 * exit 0 with no output (issue 20, item 5). Run in a JVM of its own, since the exit is real.
 */
class ExitingImplementationTest {

  @Test
  void systemExitInTheImplementation_isAFailure_neverAPass() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.activationtck.cli.TckCommand", "run", "--functions", "relu",
        "--impl-class", "org.activationtck.cli.impls.ExitingActivation")
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ended");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.contains("the JVM was asked to exit during the run"), out);
  }

  @Test
  void anImplementationHoldingSystemOutsLock_doesNotHangTheScoreboard() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.activationtck.cli.TckCommand", "run", "--functions", "relu", "--dtype", "float64",
        "--dialect", "pytorch", "--positions", "one",
        "--impl-class", "org.activationtck.cli.impls.StdoutHogActivation")
        .redirectErrorStream(true).start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertTrue(ended, "the run hung on System.out's lock");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(out.contains("RESULT: "), out);
  }

  @Test
  void errorsOfTheImplementation_failItsChecks_withoutAStackTrace() throws Exception {
    for (String impl : new String[] {"OverflowingSupports", "AllocatingActivation"}) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
          "org.activationtck.cli.TckCommand", "run", "--functions", "relu", "--dtype", "float64",
          "--dialect", "pytorch", "--positions", "one",
          "--impl-class", "org.activationtck.cli.impls." + impl)
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), impl);
      assertEquals(1, p.exitValue(), impl + ": " + out);
      assertTrue(!out.contains("\tat "), impl + ": a stack trace: " + out);
      assertTrue(out.contains("RESULT: FAILED"), impl + ": " + out);
    }
  }
}
