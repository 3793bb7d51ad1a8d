package org.activationtck.runner.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.FailureKind;
import org.activationtck.runner.PlantedDefectsTest;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.RunResult.Outcome;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.activationtck.reference.ReferenceActivation;
import org.junit.jupiter.api.Test;

/**
 * The gate on real runs of the reference with planted deviations: the list written for a run
 * admits exactly its failures; a new failure, a larger error, a failure outside the listed inputs
 * or of another kind is not admitted; a fixed deviation is reported, and fails under strict;
 * requirements fail when unmet.
 */
class GateTest {

  /** Sigmoid float32 flushed to zero below -40 (a tail), relu'(0) = 1 (a kink convention). */
  private static double[] deviating(Call call, double[] x) {
    double[] y = new ReferenceActivation().apply(call, x);
    for (int i = 0; i < x.length; i++) {
      if (call.function().equals("sigmoid") && !call.derivative() && x[i] < -40) {
        y[i] = 0;
      }
      if (call.function().equals("relu") && call.derivative() && x[i] == 0 && call.params().isEmpty()) {
        y[i] = 1;
      }
    }
    return y;
  }

  private static RunResult run(BiFunction<Call, double[], double[]> plant) {
    TckConfig c = TckConfig.builder().functions(List.of("relu", "sigmoid", "tanh"))
        .dtypes(List.of(Dtype.FLOAT32)).dialects(List.of("pytorch", "keras3"))
        .callTimeout(Duration.ofSeconds(30)).positions(false).build();
    return new TckRunner(PlantedDefectsTest.planted(plant), c).run();
  }

  private static DeviationList written(RunResult r) {
    String json = new String(DeviationListWriter.bytes(Gate.none().apply(r)), StandardCharsets.UTF_8);
    return DeviationList.parse(json, "written.json");
  }

  @Test
  void theWrittenList_admitsExactlyTheRunsFailures_inFewEntries() {
    RunResult r = run(GateTest::deviating);
    assertTrue(r.failed() > 10, "the planted deviations fail: " + r.failed());
    DeviationList list = written(r);
    // sigmoid's tail and relu's kink, each shared by both dialects: two entries, not one per input
    assertEquals(2, list.entries().size(), list.toString());
    GateResult g = new Gate(list, true, List.of()).apply(r);
    assertEquals(Outcome.KNOWN_DEVIATIONS, g.outcome());
    assertEquals(r.failed(), g.admittedChecks());
    assertTrue(g.unexpected().isEmpty() && g.fixed().isEmpty(), g.toString());
    Deviation sigmoid = list.entries().stream().filter(d -> d.function().equals("sigmoid")).findFirst().get();
    assertEquals(FailureKind.ULPS, sigmoid.kind());
    assertEquals(InputSet.Kind.RANGE, sigmoid.inputs().kind());
    // from where the true value is a float32 subnormal (below about -104 it rounds to 0, so a
    // flush is right there) up to the last flushed input
    assertTrue(sigmoid.inputs().min() < -80, sigmoid.toString());
    assertTrue(sigmoid.inputs().max() < -40, sigmoid.toString());
    Deviation relu = list.entries().stream().filter(d -> d.function().equals("relu")).findFirst().get();
    assertEquals(FailureKind.KINK_CONVENTION, relu.kind());
    assertTrue(relu.derivative());
  }

  @Test
  void aNewFailure_isNotAdmitted_andNamesItself() {
    DeviationList list = written(run(GateTest::deviating));
    RunResult worse = run((call, x) -> {
      double[] y = deviating(call, x);
      if (call.function().equals("tanh") && !call.derivative()) {
        for (int i = 0; i < y.length; i++) {
          if (x[i] > 3) {
            y[i] = Math.nextDown((float) y[i]);
          }
        }
      }
      return y;
    });
    GateResult g = new Gate(list, false, List.of()).apply(worse);
    assertEquals(Outcome.FAILED, g.outcome());
    assertTrue(!g.unexpected().isEmpty());
    assertTrue(g.unexpected().stream().allMatch(c -> c.function().equals("tanh")), g.unexpected().toString());
  }

  @Test
  void aFailureOutsideTheListedInputs_orLarger_isNotAdmitted() {
    DeviationList list = written(run(GateTest::deviating));
    // the same flush, but from -20: inputs in -40..-20 are outside the listed tail
    RunResult wider = run((call, x) -> {
      double[] y = deviating(call, x);
      for (int i = 0; i < x.length; i++) {
        if (call.function().equals("sigmoid") && !call.derivative() && x[i] < -20) {
          y[i] = 0;
        }
      }
      return y;
    });
    GateResult g = new Gate(list, false, List.of()).apply(wider);
    assertEquals(Outcome.FAILED, g.outcome());
    assertTrue(g.unexpected().stream().allMatch(c -> c.x() >= -40 && c.x() < -20), g.unexpected().toString());
  }

  @Test
  void aFixedDeviation_isReported_andFailsOnlyUnderStrict() {
    DeviationList list = written(run(GateTest::deviating));
    RunResult fixedRelu = run((call, x) -> call.function().equals("relu")
        ? new ReferenceActivation().apply(call, x) : deviating(call, x));
    GateResult lenient = new Gate(list, false, List.of()).apply(fixedRelu);
    assertEquals(1, lenient.fixed().size());
    assertEquals("relu", lenient.fixed().get(0).function());
    assertEquals(Outcome.KNOWN_DEVIATIONS, lenient.outcome());
    assertEquals(Outcome.FAILED, new Gate(list, true, List.of()).apply(fixedRelu).outcome());
    RunResult correct = run((call, x) -> new ReferenceActivation().apply(call, x));
    GateResult clean = new Gate(list, false, List.of()).apply(correct);
    assertEquals(Outcome.CONFORMS, clean.outcome());
    assertEquals(2, clean.fixed().size());
  }

  @Test
  void anEntryWhoseScopeWasNotRun_isNotExercised_notFixed() {
    DeviationList list = DeviationList.parse("{\"format\":\"activation-tck-deviations/1\",\"deviations\":["
        + "{\"function\":\"gelu\",\"dialect\":\"*\",\"dtype\":\"float32\",\"of\":\"value\",\"reason\":\"r\"}]}", "l");
    GateResult g = new Gate(list, true, List.of()).apply(run((call, x) -> new ReferenceActivation().apply(call, x)));
    assertEquals(1, g.notExercised().size());
    assertTrue(g.fixed().isEmpty());
    assertEquals(Outcome.CONFORMS, g.outcome());
  }

  @Test
  void unmetRequirements_makeTheRunNotChecked() {
    RunResult r = run((call, x) -> new ReferenceActivation().apply(call, x));
    assertEquals(Outcome.CONFORMS, new Gate(DeviationList.empty(), false,
        Requirement.parseAll(List.of("sigmoid:float32:pytorch", "relu"))).apply(r).outcome());
    GateResult g = new Gate(DeviationList.empty(), false,
        Requirement.parseAll(List.of("float16", "gelu", "relu:keras3"))).apply(r);
    assertEquals(Outcome.NOT_CHECKED, g.outcome());
    assertEquals(List.of("float16", "gelu"), g.unmet().stream().map(Requirement::text).toList());
  }

  @Test
  void aCeiling_admitsOnlyUlpFailuresUpToIt() {
    Check c = ReaderFixtures.failedUlps(3.0);
    Deviation two = ReaderFixtures.entry("\"kind\":\"ulps\",\"max_ulps\":2");
    Deviation three = ReaderFixtures.entry("\"max_ulps\":3");
    Deviation nan = ReaderFixtures.entry("\"x\":\"nan\"");
    assertTrue(!two.admits(c));
    assertTrue(three.admits(c));
    assertTrue(!nan.admits(c));
  }
}
