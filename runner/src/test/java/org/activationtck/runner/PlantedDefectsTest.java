package org.activationtck.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.reference.ReferenceActivation;
import org.junit.jupiter.api.Test;

/**
 * The defects that used to pass the TCK, planted one at a time in the correctly rounded reference
 * (Java SPI; {@code process.PlantedDefectsProcessTest} plants the same ones in programs over the
 * protocol): each must be rejected, with the right kind, and nothing else may fail.
 */
public class PlantedDefectsTest {

  /** A kernel's loop: full blocks of this many elements, then a scalar tail. */
  static final int BLOCK = 8;

  /** The reference, with {@code plant} applied to each call's correct answer. */
  public static Activation planted(BiFunction<Call, double[], double[]> plant) {
    ReferenceActivation reference = new ReferenceActivation();
    return new Activation() {
      @Override
      public String name() {
        return "planted";
      }

      @Override
      public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
        return reference.supports(function, dialect, dtype, derivative);
      }

      @Override
      public double[] apply(Call call, double[] x) {
        return plant.apply(call, x);
      }
    };
  }

  static RunResult run(Activation a, boolean positions, Dtype dtype, String... functions) {
    TckConfig c = TckConfig.builder().functions(List.of(functions)).dtypes(List.of(dtype))
        .dialects(List.of("pytorch", "keras3")).callTimeout(Duration.ofSeconds(30))
        .positions(positions).build();
    return new TckRunner(a, c).run();
  }

  /** Whether batch position i of n is in the scalar tail of a BLOCK-wide loop. */
  static boolean inTail(int i, int n) {
    return i >= n - n % BLOCK;
  }

  private static double[] reference(Call call, double[] x) {
    return new ReferenceActivation().apply(call, x);
  }

  @Test
  void float64ResultsForFloat32Calls_failAsNotAValueOfTheDtype() {
    Activation a = planted((call, x) -> reference(
        new Call(call.function(), call.dialect(), call.params(), Dtype.FLOAT64, call.derivative(), -1), x));
    RunResult r = run(a, false, Dtype.FLOAT32, "sigmoid");
    // Where the double is a float32 value (1.0 for x > 37, 0.5, NaN) it is right; nowhere else.
    assertTrue(r.failed() > 0.6 * r.checks().size(), r.failed() + " of " + r.checks().size());
    for (Check c : r.checks()) {
      if (c.status() == Check.Status.PASSED) {
        assertTrue(c.verdict().correctlyRounded(), c.toString());
      } else {
        assertEquals(FailureKind.NOT_A_DTYPE_VALUE, c.kind(), c.toString());
        assertTrue(c.reason().endsWith(" is not a float32 value"), c.reason());
      }
    }
    assertEquals(RunResult.Outcome.FAILED, r.outcome());
  }

  @Test
  void nanWrongOnlyInTheScalarTail_isPositionDependent() {
    Activation a = planted((call, x) -> {
      double[] y = reference(call, x);
      for (int i = 0; i < x.length; i++) {
        if (Double.isNaN(x[i]) && inTail(i, x.length)) {
          y[i] = 0;
        }
      }
      return y;
    });
    RunResult r = run(a, true, Dtype.FLOAT32, "relu", "hard_tanh");
    // Where the dialect's answer for NaN is 0 anyway (keras3's relu'(NaN)), the defect is invisible.
    assertOnlyFailures(r, c -> c.input().startsWith("NaN") && !c.expected().equals("0.0"),
        FailureKind.POSITION_DEPENDENT);
    // One position per input, as before, cannot see it wherever the fixture batch puts NaN in a
    // block; wherever it does see it, the kind is still the right one.
    RunResult blind = run(a, false, Dtype.FLOAT32, "relu", "hard_tanh");
    assertTrue(blind.failed() < r.failed(), blind.failed() + " vs " + r.failed());
  }

  @Test
  void signOfZeroWrongOnlyInTheScalarTail_isPositionDependent() {
    Activation a = planted((call, x) -> {
      double[] y = reference(call, x);
      for (int i = 0; i < x.length; i++) {
        if (y[i] == 0 && inTail(i, x.length)) {
          y[i] = -y[i];
        }
      }
      return y;
    });
    RunResult r = run(a, true, Dtype.FLOAT64, "relu");
    assertOnlyFailures(r, c -> c.expected().equals("0.0") || c.expected().equals("-0.0"),
        FailureKind.POSITION_DEPENDENT);
    Check negativeZero = r.checks().stream()
        .filter(c -> c.input().startsWith("-0.0 ") && !c.derivative()).findFirst().orElseThrow();
    assertEquals(FailureKind.POSITION_DEPENDENT, negativeZero.kind());
    assertTrue(negativeZero.reason().contains("alone") || negativeZero.reason().contains("index"),
        negativeZero.reason());
  }

  @Test
  void softmaxWrongOnlyWhenASpecialStandsAfterIndex0_isPositionDependent() {
    Activation a = planted((call, x) -> {
      double[] clean = x.clone();
      for (int i = 1; i < clean.length; i++) {
        if (Double.isNaN(clean[i]) || clean[i] == Double.POSITIVE_INFINITY) {
          clean[i] = 0; // the defect: a NaN or +Infinity after index 0 is not seen
        }
      }
      return reference(call, clean);
    });
    for (String f : new String[] {"softmax", "log_softmax"}) {
      RunResult r = run(a, true, Dtype.FLOAT64, f);
      assertOnlyFailures(r, PlantedDefectsTest::oneNanOrPositiveInfinityAmongNumbers,
          FailureKind.POSITION_DEPENDENT);
      // The fixtures put every special at index 0: without positions the defect passes.
      RunResult blind = run(a, false, Dtype.FLOAT64, f);
      assertEquals(0, blind.failed(), f);
      assertEquals(RunResult.Outcome.CONFORMS, blind.outcome());
    }
  }

  @Test
  void accuracyThatVariesWithThePosition_isJudgedAsAccuracy_notAsPositionDependent() {
    // One ulp off in the scalar tail only: an ulp failure in the strict tier (budget 0), named
    // with both positions; within the libm budget, a pass.
    Activation a = planted((call, x) -> {
      double[] y = reference(call, x);
      for (int i = 0; i < x.length; i++) {
        if (inTail(i, x.length) && Double.isFinite(x[i]) && y[i] > 0.25) {
          y[i] = Math.nextUp((float) y[i]);
        }
      }
      return y;
    });
    RunResult strict = run(a, true, Dtype.FLOAT32, "sigmoid");
    assertTrue(strict.failed() > 0);
    for (Check c : strict.checks()) {
      if (c.status() == Check.Status.FAILED) {
        assertEquals(FailureKind.ULPS, c.kind(), c.toString());
        assertEquals(1.0, c.verdict().ulps(), 0.5, c.toString());
        assertTrue(c.reason().contains(" at index ") || c.reason().contains(" alone"), c.reason());
      }
    }
    TckConfig libm = TckConfig.builder().functions(List.of("sigmoid")).dtypes(List.of(Dtype.FLOAT32))
        .dialects(List.of("pytorch")).tier(Tier.LIBM).build();
    RunResult within = new TckRunner(a, libm).run();
    assertEquals(0, within.failed());
    assertTrue(within.rows().get(0).percentCorrectlyRounded() < 100);
  }

  @Test
  void pytorchsHardtanhGradientAtNan_isAPositionDependentDocumentedFinding() {
    // PyTorch CPU: 0 for NaN in its SIMD blocks of 16 float32, the scalar value (1) in the tail.
    Activation a = planted((call, x) -> {
      double[] y = reference(call, x);
      for (int i = 0; i < x.length; i++) {
        if (call.derivative() && Double.isNaN(x[i]) && i < x.length - x.length % 16) {
          y[i] = 0;
        }
      }
      return y;
    });
    RunResult r = run(a, true, Dtype.FLOAT32, "hard_tanh");
    List<Check> nan = r.checks().stream()
        .filter(c -> c.derivative() && c.dialect().equals("pytorch") && c.input().startsWith("NaN")).toList();
    assertFalse(nan.isEmpty());
    for (Check c : nan) {
      assertEquals(FailureKind.POSITION_DEPENDENT, c.kind(), c.toString());
      assertTrue(c.reason().contains("documented finding: hard_tanh.derivative.nan: "), c.reason());
    }
    assertOnlyFailures(r, c -> c.derivative() && c.input().startsWith("NaN") && !c.expected().equals("0.0"),
        FailureKind.POSITION_DEPENDENT);
  }

  @Test
  void declinesEverything_isNotChecked_notConformant() {
    Activation none = new DecliningActivation();
    RunResult r = run(none, true, Dtype.FLOAT64, "relu", "gelu");
    assertEquals(0, r.failed());
    assertEquals(0, r.passed());
    assertEquals(RunResult.Outcome.NOT_CHECKED, r.outcome());
    assertEquals(4, r.outcome().exitCode());
    assertEquals(List.of("relu", "gelu"), r.unchecked());

    Activation throwsUnsupported = planted((call, x) -> {
      throw new UnsupportedOperationException("no");
    });
    assertEquals(RunResult.Outcome.NOT_CHECKED,
        run(throwsUnsupported, true, Dtype.FLOAT64, "relu").outcome());

    Activation onlyRelu = planted((call, x) -> {
      if (!call.function().equals("relu")) {
        throw new UnsupportedOperationException("only relu");
      }
      return reference(call, x);
    });
    RunResult partly = run(onlyRelu, true, Dtype.FLOAT64, "relu", "gelu");
    assertEquals(0, partly.failed());
    assertTrue(partly.passed() > 0);
    assertEquals(RunResult.Outcome.NOT_CHECKED, partly.outcome());
    assertEquals(List.of("gelu"), partly.unchecked());
  }

  @Test
  void theReferenceItself_conforms_atEveryPosition() {
    RunResult r = run(new ReferenceActivation(), true, Dtype.FLOAT32, "relu", "hard_tanh", "softmax");
    assertEquals(0, r.failed());
    assertEquals(RunResult.Outcome.CONFORMS, r.outcome());
  }

  /** A vector with one NaN or +Infinity and a finite element: the defect changes its result. */
  public static boolean oneNanOrPositiveInfinityAmongNumbers(Check c) {
    String[] xs = c.input().replaceAll("[\\[\\] ]", "").split(",");
    int specials = 0;
    int finite = 0;
    for (String s : xs) {
      if (s.equals("NaN") || s.equals("Infinity")) {
        specials++;
      } else if (!s.equals("-Infinity")) {
        finite++;
      }
    }
    return specials == 1 && finite > 0;
  }

  /** Every check matching {@code where} failed with {@code kind}; every other one passed. */
  static void assertOnlyFailures(RunResult r, java.util.function.Predicate<Check> where, FailureKind kind) {
    int matched = 0;
    for (Check c : r.checks()) {
      if (where.test(c)) {
        matched++;
        assertEquals(Check.Status.FAILED, c.status(), c.toString());
        assertEquals(kind, c.kind(), c.toString());
        assertFalse(c.measured(), "a " + kind + " failure is no ulp count: " + c);
      } else {
        assertEquals(Check.Status.PASSED, c.status(), c.toString());
      }
    }
    assertTrue(matched > 0, "nothing matched");
  }
}
