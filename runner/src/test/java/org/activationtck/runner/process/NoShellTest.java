package org.activationtck.runner.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process adapter starts the command without a shell unless asked: shell syntax in
 * {@code --impl-command} (;, $VAR, globs, redirections) reaches the program as plain arguments.
 */
class NoShellTest {

  @TempDir Path dir;

  private double[] callLinear(String command, boolean shell) {
    try (ProcessActivation a = new ProcessActivation(command, shell, Duration.ofSeconds(30))) {
      return a.apply(new Call("linear", "keras3", Map.of(), Dtype.FLOAT64, false, -1), new double[] {2});
    }
  }

  @Test
  void required_noShell_metacharactersAreArguments() throws Exception {
    Path script = dir.resolve("echo.py");
    Files.writeString(script, String.join("\n", "import json, sys",
        "for line in sys.stdin:",
        "    req = json.loads(line)",
        "    print(json.dumps({'id': req['id'], 'y': [len(sys.argv)]}), flush=True)", ""));
    Path marker = dir.resolve("marker");
    String cmd = "python3 " + script + " ; touch " + marker + " $HOME *";
    ProcessActivation a = new ProcessActivation(cmd, false, Duration.ofSeconds(30));
    assertEquals(List.of("python3", script.toString(), ";", "touch", marker.toString(), "$HOME", "*"),
        a.command());
    a.close();
    // argv = script ; touch marker $HOME *  -> 6 entries, unexpanded; no shell ran `touch`.
    assertEquals(6.0, callLinear(cmd, false)[0]);
    assertFalse(Files.exists(marker), "a shell interpreted the command line");
    // With --shell the same line is a shell script: python runs alone (argv of 1), then touch.
    String shellCmd = "python3 " + script + " && touch " + marker;
    assertEquals(1.0, callLinear(shellCmd, true)[0]);
    Thread.sleep(200); // touch runs after python exits, at close
    assertTrue(Files.exists(marker), "--shell should run through /bin/sh -c");
  }
}
