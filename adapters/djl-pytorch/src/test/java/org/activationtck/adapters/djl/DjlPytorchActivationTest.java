package org.activationtck.adapters.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the DJL adapter against the TCK and libtorch (runs only with -Pnative, which puts
 * libtorch on the class path; surefire points DJL's caches under target/).
 */
class DjlPytorchActivationTest {

  private final DjlPytorchActivation djl = new DjlPytorchActivation();

  private static Call call(String function, Dtype dtype, boolean derivative, Map<String, String> p) {
    return new Call(function, "pytorch", p, dtype, derivative, -1);
  }

  @Test
  void reluValuesPassTheStrictTierInBothDtypes() {
    RunResult r = new TckRunner(djl, TckConfig.builder().functions(List.of("relu"))
        .dialects(List.of("pytorch")).build()).run();
    List<Check> values = r.checks().stream().filter(c -> !c.derivative()).toList();
    assertFalse(values.isEmpty());
    assertTrue(values.stream().allMatch(c -> c.status() == Check.Status.PASSED),
        () -> values.stream().filter(c -> c.status() != Check.Status.PASSED).limit(5).toList()
            .toString());
    assertEquals(2, values.stream().map(Check::dtype).distinct().count());
  }

  @Test
  void functionsDjlLacksAndOtherDialectsAreNotImplemented() {
    RunResult r = new TckRunner(djl, TckConfig.builder().functions(List.of("hard_tanh", "relu"))
        .dialects(List.of("pytorch", "keras3")).build()).run();
    assertTrue(r.checks().stream()
        .filter(c -> c.function().equals("hard_tanh") || c.dialect().equals("keras3"))
        .allMatch(c -> c.status() == Check.Status.NOT_IMPLEMENTED));
    assertFalse(djl.supports("softmax", "pytorch", Dtype.FLOAT32, true));
    assertFalse(djl.supports("relu", "pytorch", Dtype.FLOAT16, false));
  }

  @Test
  void parametersDjlCannotPassAreDeclined() {
    assertThrows(UnsupportedOperationException.class, () ->
        djl.apply(call("softplus", Dtype.FLOAT64, false, Map.of("beta", "2")), new double[] {1}));
    assertThrows(UnsupportedOperationException.class, () ->
        djl.apply(call("gelu", Dtype.FLOAT64, false, Map.of("approximate", "true")),
            new double[] {1}));
  }

  @Test
  void float64IsComputedInDoubleAndFloat32InFloat() {
    double[] y = djl.apply(call("sigmoid", Dtype.FLOAT64, false, Map.of()), new double[] {1});
    // 1/(1 + e^-1) = 0.731058578630004879...; the float32 result widened would be 0.7310585975...
    assertEquals(0.7310585786300049, y[0], Math.ulp(0.7310585786300049));
    float[] f = djl.applyFloat32(call("sigmoid", Dtype.FLOAT32, false, Map.of()), new float[] {1});
    assertEquals(0.7310586f, f[0], Math.ulp(0.7310586f));
  }

  @Test
  void derivativesComeFromAutograd() {
    double[] d = djl.apply(call("sigmoid", Dtype.FLOAT64, true, Map.of()), new double[] {0, 2});
    // sigma'(0) = 1/4 exactly; sigma'(2) = sigma(2)(1 - sigma(2)) = 0.104993585403507...
    assertEquals(0.25, d[0]);
    assertEquals(0.10499358540350652, d[1], 1e-15);
  }

  @Test
  void leavesNoArrayOpenAcross100000Calls() {
    Call value = call("sigmoid", Dtype.FLOAT32, false, Map.of());
    Call derivative = call("sigmoid", Dtype.FLOAT64, true, Map.of());
    float[] x = new float[64];
    double[] xd = new double[64];
    for (int i = 0; i < 50_000; i++) {
      djl.applyFloat32(value, x);
      djl.apply(derivative, xd);
      // DJL's manager tree counts every native tensor not yet closed (inputs, results, sums,
      // gradients); each call must leave none behind.
      if (i % 10_000 == 0) {
        assertEquals(0, djl.liveArrays(), "after call " + i);
      }
    }
    assertEquals(0, djl.liveArrays());
  }

  @Test
  void unpacksLibtorchUnderTarget() {
    assertTrue(Files.isDirectory(Path.of(System.getProperty("DJL_CACHE_DIR"))));
    assertFalse(Files.exists(Path.of(System.getProperty("user.home"), ".djl.ai")),
        "~/.djl.ai must not be created");
    assertArrayEquals(new float[] {0f, 2f},
        djl.applyFloat32(call("relu", Dtype.FLOAT32, false, Map.of()), new float[] {-1f, 2f}));
  }
}
