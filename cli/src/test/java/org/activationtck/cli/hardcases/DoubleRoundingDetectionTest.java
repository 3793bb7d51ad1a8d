package org.activationtck.cli.hardcases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.activationtck.cli.impls.NarrowingReference;
import org.activationtck.cli.impls.NarrowingServer;
import org.activationtck.fixtures.FixtureCase;
import org.activationtck.fixtures.Fixtures;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.activationtck.runner.process.ProcessActivation;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/**
 * The hard cases catch what the other fixtures let through: an implementation correct except for
 * double rounding ({@link NarrowingReference}: the reference's float64 narrowed to float32, its
 * float32 narrowed to float16 and bfloat16) passes every regular fixture of the functions below
 * and fails exactly the hard-case results that round twice (the flagged ones, and the other
 * result of a case where it rounds twice too, as exponential's value and derivative do), in Java
 * and over the JSON-lines process protocol ({@link NarrowingServer}).
 */
class DoubleRoundingDetectionTest {

  static final Path CASES = Path.of("../fixtures/src/main/resources/org/activationtck/fixtures/cases");
  static final Path HARD = Path.of("../fixtures/src/main/resources/org/activationtck/fixtures/hardcases");

  /** Functions whose regular fixtures the narrowing implementation passes in float32 (checked below). */
  static final List<String> PASSING_REGULAR = List.of("tanh", "elu", "selu", "mish", "softsign",
      "arctan", "exponential", "celu");

  private static RunResult run(Activation impl, Path dir, List<String> functions, List<Dtype> dtypes) {
    TckConfig.Builder b = TckConfig.builder().fixturesDir(dir).functions(functions)
        .callTimeout(Duration.ofSeconds(60)).positions(false);
    if (!dtypes.isEmpty()) {
      b.dtypes(dtypes);
    }
    return new TckRunner(impl, b.build()).run();
  }

  /** "case id|value" or "case id|derivative" of every hard case flagged as rounding twice. */
  private static Set<String> flagged(List<String> functions) {
    Set<String> out = new HashSet<>();
    for (String f : functions) {
      Fixtures.read(HARD.resolve(f + ".json")).cases().stream()
          .filter(c -> c.hardness().doubleRounding())
          .forEach(c -> out.add(c.id() + "|" + c.hardness().of()));
    }
    return out;
  }

  /**
   * Every result of the hard cases (value and derivative, not only the one a case is about) whose
   * 40-digit exact value, rounded to the wider format and then to the case's, misses its
   * correctly rounded value: what a double-rounding implementation must fail, derived from the
   * fixture's exact digits without the flag.
   */
  private static Set<String> roundingTwice(List<String> functions) {
    Set<String> out = new HashSet<>();
    for (String f : functions) {
      for (FixtureCase c : Fixtures.read(HARD.resolve(f + ".json")).cases()) {
        Dtype t = Dtype.fromId(c.dtype());
        Dtype via = t == Dtype.FLOAT32 ? Dtype.FLOAT64 : Dtype.FLOAT32;
        for (String of : List.of("value", "derivative")) {
          FixtureCase.Expected e = (of.equals("value") ? c.value() : c.derivative()).get(0);
          String once = t == Dtype.FLOAT32 ? e.float32() : t == Dtype.FLOAT16 ? e.float16() : e.bfloat16();
          if (e.exact().startsWith("(") || once.equals("NaN") || once.contains("Infinity")) {
            continue;
          }
          double twice = Rounding.round(Rounding.round(new BigDecimal(e.exact()), via), t);
          if (twice != Rounding.round(new BigDecimal(once), t)) {
            out.add(c.id() + "|" + of);
          }
        }
      }
    }
    return out;
  }

  private static void assertDetects(Supplier<Activation> impl, List<String> functions) {
    RunResult regular = run(impl.get(), CASES, functions, List.of(Dtype.FLOAT32));
    assertEquals(0, regular.failed(), "the regular float32 fixtures should not catch it");
    assertTrue(regular.passed() > 1_000, "only " + regular.passed() + " regular checks");
    RunResult hard = run(impl.get(), HARD, functions, List.of());
    Set<String> failed = new HashSet<>();
    for (Check c : hard.checks()) {
      if (c.status() == Check.Status.FAILED) {
        failed.add(c.caseId() + "|" + (c.derivative() ? "derivative" : "value"));
      }
    }
    Set<String> want = roundingTwice(functions);
    assertTrue(want.containsAll(flagged(functions)), "a flagged case that does not round twice");
    assertEquals(new java.util.TreeSet<>(want), new java.util.TreeSet<>(failed),
        "the failures should be exactly the results that round twice");
    assertTrue(want.size() >= 10, "only " + want.size() + " double-rounding results");
  }

  @Test
  void required_doubleRounding_failsHardCasesOnly_java() {
    assertDetects(NarrowingReference::new, PASSING_REGULAR);
  }

  @Test
  void required_doubleRounding_failsHardCasesOnly_processProtocol() {
    String command = String.join(" ", "java", "-cp", System.getProperty("java.class.path"),
        NarrowingServer.class.getName());
    try {
      assertDetects(() -> new ProcessActivation(command, false, Duration.ofSeconds(60)),
          List.of("tanh", "exponential", "arctan"));
    } finally {
      ProcessActivation.stopAll();
    }
  }

  /** At least one float32 block of these functions rounds twice somewhere (once searched). */
  @Test
  void required_float32Blocks_haveDoubleRoundingInputs() {
    long float32 = 0;
    for (String f : List.of("sigmoid")) {
      for (FixtureCase c : Fixtures.read(HARD.resolve(f + ".json")).cases()) {
        if (c.dtype().equals("float32") && c.hardness().doubleRounding()) {
          float32++;
        }
      }
    }
    assertTrue(float32 > 0, "no float32 double-rounding case");
  }
}
