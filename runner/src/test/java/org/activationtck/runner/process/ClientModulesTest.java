package org.activationtck.runner.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The protocol's client modules (clients/python, clients/javascript) through the TCK: each
 * example program, run by {@link TckRunner} over {@link ProcessActivation}, declares itself,
 * reads float32 inputs as float32, round-trips NaN and -0.0, and declines what it does not
 * register; and each client's own unit tests pass. Skipped, with the reason, only where
 * {@code python3} or {@code node} is not installed.
 */
class ClientModulesTest {

  /** A client module: its interpreter, example program and unit tests. */
  enum Client {
    PYTHON("python3", "../clients/python/example_relu_sigmoid.py", "example-relu-sigmoid",
        List.of("-m", "unittest", "-v", "test_activation_tck_client.py"), "../clients/python"),
    JAVASCRIPT("node", "../clients/javascript/example-relu-sigmoid.mjs", "example-relu-sigmoid-js",
        List.of("--test", "activation-tck-client.test.mjs"), "../clients/javascript");

    final String interpreter;
    final Path example;
    final String declaredName;
    final List<String> unitTests;
    final Path dir;

    Client(String interpreter, String example, String declaredName, List<String> unitTests, String dir) {
      this.interpreter = interpreter;
      this.example = Path.of(example).toAbsolutePath().normalize();
      this.declaredName = declaredName;
      this.unitTests = unitTests;
      this.dir = Path.of(dir).toAbsolutePath().normalize();
    }

    String command() {
      return interpreter + " " + example;
    }
  }

  /** One run per client, shared by the tests: relu, leaky_relu, sigmoid, tanh and gelu. */
  private static final Map<Client, RunResult> RUNS = new ConcurrentHashMap<>();

  private static RunResult run(Client client) {
    assumeInstalled(client.interpreter);
    return RUNS.computeIfAbsent(client, c -> {
      TckConfig config = TckConfig.builder()
          .functions(List.of("relu", "leaky_relu", "sigmoid", "tanh", "gelu"))
          .dtypes(List.of(Dtype.FLOAT32, Dtype.FLOAT64)).callTimeout(Duration.ofSeconds(60)).build();
      try (ProcessActivation a = new ProcessActivation(c.command(), false, Duration.ofSeconds(60))) {
        a.start();
        return new TckRunner(a, config).run();
      }
    });
  }

  private static void assumeInstalled(String interpreter) {
    boolean installed;
    try {
      Process p = new ProcessBuilder(interpreter, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      installed = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      installed = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      installed = false;
    }
    Assumptions.assumeTrue(installed, interpreter + " is not installed: the client module needing it is not tested");
  }

  private static List<Check> checks(RunResult r, Predicate<Check> which) {
    return r.checks().stream().filter(which).toList();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void required_describeReply_givesNameVersionAndDialects(Client client) {
    assumeInstalled(client.interpreter);
    try (ProcessActivation a = new ProcessActivation(client.command(), false, Duration.ofSeconds(60))) {
      assertEquals(client.declaredName, a.name());
      assertEquals("1.0", a.version());
      assertEquals(Set.of("pytorch"), a.dialects());
    }
    assertEquals(client.declaredName, run(client).implementation());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void required_float32Inputs_areReadAsFloat32(Client client) {
    // The example computes sigmoid in double and the client rounds it to float32: correctly
    // rounded except where the double lands exactly on a float32 tie (one input of the current
    // fixtures, 0x1.8p-22). Reading the float32 decimals as doubles instead fails 11 checks.
    // The hard cases (docs/HARD-CASES.md), built to catch exactly this double rounding, are left
    // out, and must catch it.
    RunResult r = run(client);
    List<Check> sigmoid = checks(r, c -> c.function().equals("sigmoid") && c.dtype() == Dtype.FLOAT32
        && !c.derivative() && c.dialect().equals("pytorch") && !c.caseId().contains("/hardcase/"));
    List<Check> failed = checks(r, c -> sigmoid.contains(c) && c.status() == Check.Status.FAILED);
    assertTrue(sigmoid.size() > 100, "sigmoid float32 checks: " + sigmoid.size());
    assertTrue(failed.size() <= 1, failed.size() + " failed: " + failed);
    assertTrue(checks(r, c -> c.caseId().contains("/float32/hardcase/")
        && c.status() == Check.Status.FAILED).size() > 0, "the float32 hard cases miss it");
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void required_nanAndNegativeZero_roundTrip(Client client) {
    RunResult r = run(client);
    List<Check> special = checks(r, c -> c.dialect().equals("pytorch")
        && (c.function().equals("relu") || c.function().equals("leaky_relu"))
        && (c.input().startsWith("NaN") || c.input().startsWith("-0.0")));
    assertTrue(special.size() >= 16, "NaN and -0.0 checks: " + special.size());
    for (Check c : special) {
      assertEquals(Check.Status.PASSED, c.status(), c.toString());
    }
    List<Check> exact = checks(r, c -> c.dialect().equals("pytorch")
        && (c.function().equals("relu") || c.function().equals("leaky_relu")));
    for (Check c : exact) {
      assertEquals(Check.Status.PASSED, c.status(), c.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void required_unregisteredFunctionsAndOtherDialects_areNotImplemented(Client client) {
    RunResult r = run(client);
    List<Check> gelu = checks(r, c -> c.function().equals("gelu"));
    assertTrue(gelu.size() > 0);
    for (Check c : gelu) {
      assertEquals(Check.Status.NOT_IMPLEMENTED, c.status(), c.toString());
    }
    for (Check c : checks(r, c -> !c.dialect().equals("pytorch"))) {
      assertEquals(Check.Status.NOT_IMPLEMENTED, c.status(), "declared pytorch only: " + c);
    }
    assertTrue(checks(r, c -> c.dialect().equals("pytorch") && !c.function().equals("gelu")
        && c.status() == Check.Status.NOT_IMPLEMENTED).isEmpty(), "registered: answered");
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void required_clientUnitTests_pass(Client client) throws Exception {
    assumeInstalled(client.interpreter);
    List<String> cmd = new java.util.ArrayList<>(List.of(client.interpreter));
    cmd.addAll(client.unitTests);
    Process p = new ProcessBuilder(cmd).directory(client.dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "unit tests still running");
    assertEquals(0, p.exitValue(), out);
  }
}
