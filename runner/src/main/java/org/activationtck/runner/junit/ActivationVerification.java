package org.activationtck.runner.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.gate.DeviationList;
import org.activationtck.runner.gate.Gate;
import org.activationtck.runner.gate.GateResult;
import org.activationtck.runner.gate.Requirement;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Tolerances;
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
 * <p>The run happens once, when JUnit asks for the tests; you then get one container per function
 * and dtype, and in it one test per behaviour: value or derivative, in one dialect, e.g.
 * {@code sigmoid float32 value [pytorch]}. Each check belongs to exactly one test, and a test's
 * name and every failure message name the function, dtype, dialect and rule ids, so that Maven's
 * plain console says what failed. A behaviour whose checks are all <em>not implemented</em> is
 * aborted with the reason (JUnit shows it as skipped), never passed. Three tests judge the run as
 * a whole: {@code tck.checked} fails when nothing was checked, or nothing of a function
 * {@link #functions()} names; {@code tck.required} when something {@link #required()} names was
 * not checked; {@code tck.deviations} reports the listed deviations that no longer occur, and
 * fails on them when {@link #strictDeviations()} says so. Failures listed in
 * {@link #expectedDeviations()} do not fail their test. Capability hooks narrow what is checked;
 * none loosens an assertion beyond the framework tier.
 *
 * <p>JUnit is not brought in by this artifact: it compiles against the JUnit Jupiter API your
 * build provides (5.8 or newer; the example passes with 5.8.2, 5.9.1, 5.10.2 and 5.14.1).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ActivationVerification {

  /** Failed checks a message lists, at most; the counts stay exact. */
  static final int LISTED = 10;

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

  /**
   * Dialects to check (default: all, or those {@link Activation#dialects()} declares; the
   * declaration is the better place to say which semantics the implementation has).
   */
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

  /**
   * The implementation's deviation list (docs/DEVIATIONS.md), e.g.
   * {@code Path.of("activation-tck-deviations.json")}, relative to the working directory (the
   * module's folder under Maven); {@code null} (the default) for none. Write the first one with
   * {@code ./tck run --write-expectations}.
   */
  protected Path expectedDeviations() {
    return null;
  }

  /** Whether a listed deviation that no longer occurs fails {@code tck.deviations} (default false). */
  protected boolean strictDeviations() {
    return false;
  }

  /**
   * What must have been checked, as for {@code ./tck run --require}: function, dtype or dialect
   * ids, or combinations such as {@code sigmoid:float32:pytorch}.
   */
  protected List<String> required() {
    return List.of();
  }

  @TestFactory
  Stream<DynamicNode> conformance() {
    Tolerances tol = Tolerances.standard();
    for (String o : toleranceOverrides()) {
      tol = tol.withOverride(o);
    }
    Gate gate = new Gate(deviations(), strictDeviations(), Requirement.parseAll(required()));
    TckConfig config = TckConfig.builder().tier(tier()).signedZeroStrict(signedZeroStrict())
        .functions(functions()).dialects(dialects()).dtypes(dtypes()).tolerances(tol)
        .callTimeout(Duration.ofSeconds(60)).build();
    RunResult result = new TckRunner(createActivation(), config).run();
    GateResult judged = gate.apply(result);
    Set<Check> unexpected = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    unexpected.addAll(judged.unexpected());
    Map<String, Map<String, List<Check>>> byRow = new LinkedHashMap<>();
    for (Check c : result.checks()) {
      byRow.computeIfAbsent(c.function() + " " + c.dtype().id(), k -> new LinkedHashMap<>())
          .computeIfAbsent(behaviour(c), k -> new ArrayList<>()).add(c);
    }
    List<DynamicNode> nodes = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Check>>> row : byRow.entrySet()) {
      List<DynamicTest> tests = new ArrayList<>();
      for (Map.Entry<String, List<Check>> b : row.getValue().entrySet()) {
        List<Check> checks = b.getValue();
        tests.add(DynamicTest.dynamicTest(name(b.getKey(), checks, unexpected),
            () -> verify(b.getKey(), checks, unexpected, judged.gate().deviations())));
      }
      nodes.add(DynamicContainer.dynamicContainer(row.getKey(), tests));
    }
    nodes.add(DynamicTest.dynamicTest("tck.checked", () -> checked(result)));
    if (!judged.gate().requirements().isEmpty()) {
      nodes.add(DynamicTest.dynamicTest("tck.required " + String.join(", ", required()),
          () -> requirements(judged)));
    }
    if (expectedDeviations() != null) {
      nodes.add(DynamicTest.dynamicTest("tck.deviations " + judged.gate().deviations().origin(),
          () -> deviations(judged)));
    }
    return nodes.stream();
  }

  private DeviationList deviations() {
    Path p = expectedDeviations();
    if (p == null) {
      return DeviationList.empty();
    }
    try {
      return DeviationList.read(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the deviation list " + p.toAbsolutePath(), e);
    }
  }

  /** {@code sigmoid float32 value [pytorch]}, with the parameters when there are any. */
  private static String behaviour(Check c) {
    return c.function() + " " + c.dtype().id() + (c.derivative() ? " derivative" : " value") + " ["
        + c.dialect() + "]" + (c.params().isEmpty() ? "" : " " + c.params());
  }

  /** The behaviour, its rules and its outcome in counts of checks. */
  private static String name(String behaviour, List<Check> checks, Set<Check> unexpected) {
    long failed = checks.stream().filter(unexpected::contains).count();
    long listed = checks.stream().filter(c -> c.status() == Check.Status.FAILED).count() - failed;
    long answered = checks.stream().filter(c -> c.status() != Check.Status.NOT_IMPLEMENTED).count();
    String outcome = answered == 0 ? "not implemented"
        : failed > 0 ? failed + " of " + checks.size() + " checks failed"
        : checks.size() + " checks" + (listed > 0 ? ", " + listed + " known deviations" : "");
    return behaviour + " (rules " + String.join(", ", rules(checks)) + "): " + outcome;
  }

  private static Set<String> rules(List<Check> checks) {
    Set<String> rules = new LinkedHashSet<>();
    checks.forEach(c -> rules.addAll(c.rules()));
    return rules;
  }

  /**
   * Fails with a message whose first line (all that Maven's failure summary prints) names the
   * behaviour, the count and the first failure with its rules; the next lines list more.
   */
  private static void verify(String behaviour, List<Check> checks, Set<Check> unexpected,
      DeviationList list) {
    List<Check> failed = checks.stream().filter(unexpected::contains).toList();
    if (!failed.isEmpty()) {
      String where = list.given() ? ", not listed in " + list.origin() : "";
      String more = failed.stream().skip(1).limit(LISTED - 1).map(c -> "\n  " + c.failureLine())
          .collect(Collectors.joining());
      throw new AssertionFailedError(behaviour + ": " + failed.size() + " of " + checks.size()
          + " checks failed" + where + "; " + failed.get(0).failureLine() + more
          + (failed.size() > LISTED ? "\n  ... and " + (failed.size() - LISTED) + " more" : ""));
    }
    if (checks.stream().allMatch(c -> c.status() == Check.Status.NOT_IMPLEMENTED)) {
      throw new TestAbortedException(behaviour + ": not implemented (" + checks.get(0).reason() + ")");
    }
  }


  private static void checked(RunResult result) {
    if (result.passed() + result.failed() == 0) {
      throw new AssertionFailedError("nothing was checked: every call was declined or not implemented");
    }
    if (!result.unchecked().isEmpty()) {
      throw new AssertionFailedError("nothing of " + String.join(", ", result.unchecked())
          + " was checked");
    }
  }

  private static void requirements(GateResult judged) {
    if (!judged.unmet().isEmpty()) {
      throw new AssertionFailedError("required but not checked: " + judged.unmet().stream()
          .map(Requirement::text).collect(Collectors.joining(", ")));
    }
  }

  private static void deviations(GateResult judged) {
    if (judged.fixed().isEmpty()) {
      return;
    }
    String fixed = judged.fixed().stream().map(d -> "fixed: " + d.label()
        + ": no failure it admits occurred; remove it").collect(Collectors.joining("\n  "));
    String message = judged.fixed().size() + " listed deviations no longer occur in "
        + judged.gate().deviations().origin() + "; " + fixed;
    if (judged.gate().strict()) {
      throw new AssertionFailedError(message);
    }
    throw new TestAbortedException(message);
  }
}
