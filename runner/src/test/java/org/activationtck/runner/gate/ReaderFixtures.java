package org.activationtck.runner.gate;

import java.util.List;
import java.util.Map;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.FailureKind;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Verdict;

/** Small deviation lists and checks for the gate's tests. */
final class ReaderFixtures {

  private ReaderFixtures() {}

  /** A list of one sigmoid float32 value entry with the extra fields given. */
  static String list(String extraFields) {
    return "{\n  \"format\": \"activation-tck-deviations/1\",\n  \"deviations\": [\n    {\n"
        + "      \"function\": \"sigmoid\",\n      \"dialect\": \"pytorch\",\n"
        + "      \"dtype\": \"float32\",\n      \"of\": \"value\",\n"
        + (extraFields.isEmpty() ? "" : "      " + extraFields + ",\n")
        + "      \"reason\": \"why\"\n    }\n  ]\n}\n";
  }

  static Deviation entry(String extraFields) {
    return DeviationList.parse(list(extraFields), "t.json").entries().get(0);
  }

  /** A sigmoid float32 pytorch check at x = -1 that failed by {@code ulps}. */
  static Check failedUlps(double ulps) {
    float expected = 0.26894143f;
    double actual = expected;
    for (int i = 0; i < (int) ulps; i++) {
      actual = Math.nextUp((float) actual);
    }
    Verdict v = Verdict.of(expected, actual, Dtype.FLOAT32, 0, Tier.STRICT, true);
    if (v.kind() != FailureKind.ULPS) {
      throw new AssertionError(v.toString());
    }
    return new Check("sigmoid/pytorch/default/float32/grid/00001", "sigmoid", "pytorch",
        Dtype.FLOAT32, false, -1.0, "-1.0", "0.26894143", Double.toString(actual),
        Check.Status.FAILED, v, v.reason(), List.of("sigmoid.value"), Map.of());
  }
}
