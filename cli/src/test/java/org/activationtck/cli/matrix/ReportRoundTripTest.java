package org.activationtck.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Tolerances;
import org.activationtck.runner.report.JsonReport;
import org.junit.jupiter.api.Test;

/**
 * The matrix reads what {@code JsonReport} writes: a real run of a deliberately naive sigmoid,
 * written, read back, merged and diagnosed. Fails when the two formats drift apart.
 */
class ReportRoundTripTest {

  /** sigmoid as 1 / (1 + e^-x) in double: e^-x overflows below -709.78, so subnormal results flush to 0. */
  static final class NaiveSigmoid implements Activation {
    @Override public String name() {
      return "naive sigmoid";
    }

    @Override public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
      return function.equals("sigmoid") && dtype == Dtype.FLOAT64 && !derivative;
    }

    @Override public double[] apply(Call call, double[] x) {
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = 1 / (1 + Math.exp(-x[i]));
      }
      return y;
    }
  }

  private static TierReport run(Tier tier, boolean signedZeroStrict) {
    TckConfig c = TckConfig.builder().functions(List.of("sigmoid")).tier(tier).signedZeroStrict(signedZeroStrict).build();
    RunResult r = new TckRunner(new NaiveSigmoid(), c).run();
    return TierReport.parse(JsonReport.bytes(r), "naive.json");
  }

  @Test
  void dialectRows_areCombinedPerBehaviour_withTheirCountsAndWorstError() {
    TckConfig c = TckConfig.builder().functions(List.of("sigmoid")).build();
    RunResult r = new TckRunner(new NaiveSigmoid(), c).run();
    TierReport t = TierReport.parse(JsonReport.bytes(r), "naive.json");
    assertTrue(r.rows().size() > t.rows().size(), "the run's rows are per dialect");
    for (TierReport.Row row : t.rows()) {
      List<RunResult.Row> parts = r.rows().stream().filter(x -> x.function().equals(row.function())
          && x.dtype().id().equals(row.dtype()) && x.derivative() == row.derivative()).toList();
      assertEquals(5, parts.size(), "one per dialect of sigmoid");
      assertEquals(parts.stream().mapToInt(RunResult.Row::cases).sum(), row.cases());
      assertEquals(parts.stream().mapToInt(RunResult.Row::passed).sum(), row.passed());
      assertEquals(parts.stream().mapToInt(RunResult.Row::failed).sum(), row.failed());
      assertEquals(parts.stream().mapToInt(RunResult.Row::notImplemented).sum(), row.notImplemented());
      double max = parts.stream().mapToDouble(RunResult.Row::maxUlps).filter(u -> !Double.isNaN(u))
          .max().orElse(Double.NaN);
      assertEquals(max, row.maxUlps(), row.toString());
    }
  }

  @Test
  void aNaiveSigmoidFlushesToZeroAndMeetsTheFrameworkTier() {
    TierReport strict = run(Tier.STRICT, true);
    TierReport framework = run(Tier.FRAMEWORK, false);
    FixtureParameters params = new FixtureParameters();
    List<Matrix.Row> rows = Matrix.merge(strict, framework, params::of, Tolerances.standard());
    Matrix.Row value = rows.stream().filter(r -> !r.derivative() && r.dtype().equals("float64")).findFirst().orElseThrow();
    assertTrue(value.strict().failed() > 0);
    assertEquals(Conformance.FRAMEWORK, value.conformance());
    // the framework run forgave the flushes: counted, and left out of its largest error
    assertTrue(value.framework().flushed() > 0);
    assertTrue(value.framework().maxUlps() <= value.framework().budget(), value.framework().toString());
    assertEquals(Diagnosis.Cause.FLUSH_TO_ZERO, value.diagnosis().primary(), value.diagnosis().summary());
    assertTrue(Diagnosis.number(value.reproducer().input().split(" ")[0]) < -709, value.reproducer().input());
    assertEquals(Map.of(), value.reproducer().params());
    assertTrue(rows.stream().filter(r -> r.derivative() || r.dtype().equals("float32"))
        .allMatch(r -> r.conformance() == Conformance.NOT_IMPLEMENTED));
  }

  /** relu as max(x, 0.0) after a comparison: -0.0 becomes +0.0, every other value is right. */
  static final class UnsignedZeroRelu implements Activation {
    @Override public String name() {
      return "relu without -0.0";
    }

    @Override public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
      return function.equals("relu") && dialect.equals("pytorch") && dtype == Dtype.FLOAT64 && !derivative;
    }

    @Override public double[] apply(Call call, double[] x) {
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = x[i] > 0 ? x[i] : x[i] != x[i] ? x[i] : 0.0;
      }
      return y;
    }
  }

  @Test
  void aLostSignOfZeroIsDiagnosedAsSignedZero() {
    TckConfig c = TckConfig.builder().functions(List.of("relu")).dialects(List.of("pytorch"))
        .dtypes(List.of(Dtype.FLOAT64)).build();
    RunResult r = new TckRunner(new UnsignedZeroRelu(), c).run();
    TierReport t = TierReport.parse(JsonReport.bytes(r), "relu.json");
    TierReport.Row value = t.rows().stream().filter(row -> !row.derivative()).findFirst().orElseThrow();
    assertTrue(value.failed() > 0, "relu(-0.0) is -0.0 in pytorch: the fixtures check it");
    Diagnosis d = Diagnosis.of(value.failures(), "float64");
    assertEquals(Map.of(Diagnosis.Cause.SIGNED_ZERO, value.failures().size()), d.causes(), d.summary());
  }

  @Test
  void caseParametersComeFromTheShippedFixtures() {
    FixtureParameters p = new FixtureParameters();
    assertEquals(Map.of("default_value", "-1", "threshold", "1.5"),
        p.of("threshold/pytorch/default_value=-1,threshold=1.5/float64/special/00000"));
    assertEquals(Map.of(), p.of("threshold/pytorch/default/float64/special/00000"));
    assertEquals(Map.of(), p.of("no-such-function/x"));
  }
}
