package org.activationtck.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationtck.reference.ReferenceActivation;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/**
 * A row's largest error leaves out the flushes its tier forgave, and counts them: a sigmoid that
 * is correctly rounded except that it flushes subnormal results to zero shows its real accuracy
 * and its flushes in the framework tier, and fails the strict tier on those same inputs.
 */
class ForgivenFlushTest {

  /** The reference's sigmoid with every result below the smallest normal double flushed to zero. */
  static final class FlushingSigmoid implements Activation {
    private final Activation reference = new ReferenceActivation();

    @Override public String name() {
      return "flushing sigmoid";
    }

    @Override public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
      return function.equals("sigmoid") && dtype == Dtype.FLOAT64 && !derivative;
    }

    @Override public double[] apply(Call call, double[] x) {
      double[] y = reference.apply(call, x);
      for (int i = 0; i < y.length; i++) {
        if (Math.abs(y[i]) < Double.MIN_NORMAL) {
          y[i] = 0.0 * y[i];
        }
      }
      return y;
    }
  }

  private static List<RunResult.Row> rows(Tier tier) {
    TckConfig c = TckConfig.builder().functions(List.of("sigmoid")).dialects(List.of("pytorch"))
        .dtypes(List.of(Dtype.FLOAT64)).tier(tier).signedZeroStrict(false).build();
    return new TckRunner(new FlushingSigmoid(), c).run().rows().stream()
        .filter(r -> !r.derivative()).toList();
  }

  @Test
  void frameworkTier_forgivesTheFlushes_andLeavesThemOutOfMaxUlps() {
    RunResult.Row row = rows(Tier.FRAMEWORK).get(0);
    assertEquals(0, row.failed());
    assertTrue(row.flushed() > 0, "the fixtures hold subnormal sigmoid values");
    // a flush within the budget (0 for the smallest subnormal is 1 ulp away) is an ordinary pass
    assertTrue(row.maxUlps() <= row.budget(), row.maxUlps() + " > " + row.budget());
  }

  @Test
  void consoleReport_saysHowManyFlushesWereForgiven() {
    TckConfig c = TckConfig.builder().functions(List.of("sigmoid")).dialects(List.of("pytorch"))
        .dtypes(List.of(Dtype.FLOAT64)).tier(Tier.FRAMEWORK).signedZeroStrict(false).build();
    RunResult r = new TckRunner(new FlushingSigmoid(), c).run();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    org.activationtck.runner.report.ConsoleReport.print(r, new java.io.PrintStream(bytes, true,
        java.nio.charset.StandardCharsets.UTF_8));
    int flushed = r.rows().stream().mapToInt(RunResult.Row::flushed).sum();
    assertTrue(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).contains("forgiven by the framework tier: "
        + flushed + " results flushed to zero"), bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void strictTier_failsTheSameInputs_andForgivesNothing() {
    RunResult.Row framework = rows(Tier.FRAMEWORK).get(0);
    RunResult.Row strict = rows(Tier.STRICT).get(0);
    assertEquals(0, strict.flushed());
    assertTrue(strict.failed() >= framework.flushed(), strict.failed() + " < " + framework.flushed());
    assertTrue(strict.maxUlps() > 1e6, "the flushes count against the strict budget");
  }
}
