package org.activationtck.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Dtype;
import org.activationtck.tck.harness.Check;
import org.activationtck.tck.harness.RunResult;
import org.activationtck.tck.harness.TckConfig;
import org.activationtck.tck.harness.TckRunner;
import org.activationtck.tck.harness.Tier;
import org.activationtck.tck.harness.Tolerances;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The TCK as JUnit 5 tests in an implementer's own build. Subclass it and write one factory:
 *
 * <pre>{@code
 * class MyActivationsConformanceTest extends ActivationVerification {
 *   protected Activation createActivation() { return new MyActivations(); }
 * }
 * }</pre>
 *
 * <p>You get one container per function and dtype, with one dynamic test per rule id (value and
 * derivative separately), named {@code required_<rule id>} and listing the first failing inputs
 * when it fails. A rule whose checks are all <em>not implemented</em> is aborted (shown as
 * skipped), never passed; and one test, {@code required_tck.checked}, fails when the run
 * checked nothing, or nothing of a function {@link #functions()} names, so that an
 * implementation that declines everything does not pass. Capability hooks narrow what is
 * checked; none loosens an assertion beyond the framework tier.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ActivationVerification {

  /** The implementation under test; called once per test factory. */
  protected abstract Activation createActivation();

  /** The tolerance tier (default strict; {@link Tier#LIBM} and {@link Tier#FRAMEWORK} loosen the budgets). */
  protected Tier tier() {
    return Tier.STRICT;
  }

  /** Whether -0.0 and +0.0 differ (default true). */
  protected boolean signedZeroStrict() {
    return true;
  }

  /** Functions to check (default: all). */
  protected List<String> functions() {
    return List.of();
  }

  /** Dialects to check (default: all). */
  protected List<String> dialects() {
    return List.of();
  }

  /** Dtypes to check (default: all in the fixtures). */
  protected List<Dtype> dtypes() {
    return List.of();
  }

  /** Budget overrides such as {@code gelu:float32=4}. */
  protected List<String> toleranceOverrides() {
    return List.of();
  }

  @TestFactory
  Stream<DynamicNode> conformance() {
    Tolerances tol = Tolerances.standard();
    for (String o : toleranceOverrides()) {
      tol = tol.withOverride(o);
    }
    TckConfig config = TckConfig.builder().tier(tier()).signedZeroStrict(signedZeroStrict())
        .functions(functions()).dialects(dialects()).dtypes(dtypes()).tolerances(tol)
        .callTimeout(Duration.ofSeconds(60)).build();
    RunResult result = new TckRunner(createActivation(), config).run();
    Map<String, List<Check>> byRow = new LinkedHashMap<>();
    for (Check c : result.checks()) {
      byRow.computeIfAbsent(c.function() + " " + c.dtype().id(), k -> new ArrayList<>()).add(c);
    }
    List<DynamicNode> containers = new ArrayList<>();
    for (Map.Entry<String, List<Check>> row : byRow.entrySet()) {
      Map<String, List<Check>> byRule = new LinkedHashMap<>();
      for (Check c : row.getValue()) {
        for (String rule : c.rules()) {
          byRule.computeIfAbsent(rule + (c.derivative() ? " (d/dx)" : ""), k -> new ArrayList<>()).add(c);
        }
      }
      List<DynamicTest> tests = new ArrayList<>();
      for (Map.Entry<String, List<Check>> rule : byRule.entrySet()) {
        tests.add(DynamicTest.dynamicTest("required_" + rule.getKey(), () -> verify(rule.getValue())));
      }
      containers.add(DynamicContainer.dynamicContainer(row.getKey(), tests));
    }
    containers.add(DynamicTest.dynamicTest("required_tck.checked", () -> {
      if (result.outcome() == RunResult.Outcome.NOT_CHECKED) {
        throw new AssertionFailedError(result.passed() == 0
            ? "nothing was checked: every call was declined or not implemented"
            : "nothing of " + String.join(", ", result.unchecked()) + " was checked");
      }
    }));
    return containers.stream();
  }

  private static void verify(List<Check> checks) {
    List<Check> failed = checks.stream().filter(c -> c.status() == Check.Status.FAILED).toList();
    if (!failed.isEmpty()) {
      String detail = failed.stream().limit(10).map(c -> "\n  [" + c.dialect() + "] x=" + c.input()
          + " expected " + c.expected() + " got " + c.actual() + ": " + c.kind().description()
          + ": " + c.reason())
          .collect(Collectors.joining());
      throw new AssertionFailedError(failed.size() + " of " + checks.size() + " checks failed:" + detail);
    }
    if (checks.stream().allMatch(c -> c.status() == Check.Status.NOT_IMPLEMENTED)) {
      throw new TestAbortedException("not implemented");
    }
  }
}
