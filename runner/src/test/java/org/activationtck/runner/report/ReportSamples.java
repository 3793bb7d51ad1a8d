package org.activationtck.runner.report;

import java.time.Duration;
import java.util.List;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.gate.DeviationList;
import org.activationtck.runner.gate.Gate;
import org.activationtck.runner.gate.GateResult;
import org.activationtck.runner.PlantedDefectsTest;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.activationtck.runner.Tolerances;
import org.activationtck.reference.ReferenceActivation;

/**
 * A run with defects planted in the reference, judged against a deviation list that admits some
 * of them: every part of the HTML report has something to show (failures of several kinds, known
 * and not listed; rows that pass; derivatives).
 */
public final class ReportSamples {

  private ReportSamples() {}

  /** The planted deviation list: sigmoid's float32 failures in keras3 are known. */
  public static final String LIST = "{\"format\": \"activation-tck-deviations/1\", \"implementation\": \"planted\","
      + " \"deviations\": [{\"function\": \"sigmoid\", \"dialect\": \"keras3\", \"dtype\": \"float32\","
      + " \"of\": \"value\", \"kind\": \"ulps\", \"params\": {}, \"reason\": \"planted: 3 ulp above 4\"},"
      + " {\"function\": \"sigmoid\", \"dialect\": \"keras3\", \"dtype\": \"float32\", \"of\": \"value\","
      + " \"kind\": \"special_value\", \"params\": {}, \"reason\": \"planted: wrong at NaN and Infinity\"}]}";

  /**
   * sigmoid: 3 ulp too large for x > 4 and 0.5 at NaN; relu: zeros with the wrong sign; tanh and
   * every derivative: right.
   */
  public static GateResult run() {
    ReferenceActivation reference = new ReferenceActivation();
    TckConfig c = TckConfig.builder().functions(List.of("sigmoid", "relu", "tanh"))
        .dtypes(List.of(Dtype.FLOAT64, Dtype.FLOAT32)).dialects(List.of("keras3", "pytorch"))
        .tolerances(Tolerances.standard().withOverride("tanh:float32=2"))
        .callTimeout(Duration.ofSeconds(30)).positions(false).build();
    RunResult r = new TckRunner(PlantedDefectsTest.planted((call, x) -> plant(reference, call, x)), c).run();
    return new Gate(DeviationList.parse(LIST, "planted-deviations.json"), false, List.of()).apply(r);
  }

  private static double[] plant(ReferenceActivation reference, Call call, double[] x) {
    double[] y = reference.apply(call, x);
    if (call.derivative()) {
      return y;
    }
    boolean f32 = call.dtype() == Dtype.FLOAT32;
    for (int i = 0; i < y.length; i++) {
      if (call.function().equals("sigmoid")) {
        if (Double.isNaN(x[i])) {
          y[i] = 0.5;
        } else if (x[i] > 4) {
          for (int k = 0; k < 3; k++) {
            y[i] = f32 ? Math.nextUp((float) y[i]) : Math.nextUp(y[i]);
          }
        }
      } else if (call.function().equals("relu") && y[i] == 0) {
        y[i] = -y[i];
      }
    }
    return y;
  }
}
