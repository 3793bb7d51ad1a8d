package org.activationtck.adapters.nd4j;

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
 * Smoke test of the ND4J adapter against the TCK and libnd4j (runs only with -Pnative, which puts
 * the native backend on the class path; surefire points JavaCPP's cache under target/).
 */
class Nd4jActivationTest {

  private final Nd4jActivation nd4j = new Nd4jActivation();

  private static Call call(String function, String dialect, Dtype dtype, boolean derivative,
      Map<String, String> p) {
    return new Call(function, dialect, p, dtype, derivative, -1);
  }

  @Test
  void linearAndThresholdedReluPassTheStrictTier() {
    RunResult r = new TckRunner(nd4j, TckConfig.builder()
        .functions(List.of("linear", "thresholded_relu")).dialects(List.of("onnx")).build()).run();
    List<Check> answered = r.checks().stream()
        .filter(c -> c.status() != Check.Status.NOT_IMPLEMENTED).toList();
    assertFalse(answered.isEmpty());
    assertTrue(answered.stream().allMatch(c -> c.status() == Check.Status.PASSED),
        () -> answered.stream().filter(c -> c.status() != Check.Status.PASSED).limit(5).toList()
            .toString());
  }

  @Test
  void dialectsNd4jDoesNotFollowAreNotImplemented() {
    // ND4J's thresholded ReLU is ONNX's select, not tf.keras's x * cast(x > theta).
    RunResult r = new TckRunner(nd4j, TckConfig.builder().functions(List.of("thresholded_relu"))
        .dialects(List.of("tf_keras2")).build()).run();
    assertTrue(r.checks().stream().allMatch(c -> c.status() == Check.Status.NOT_IMPLEMENTED));
    // LeakyReLUBp gives 1 at x = 0: only JAX's derivative is claimed.
    assertTrue(nd4j.supports("leaky_relu", "jax", Dtype.FLOAT32, true));
    assertFalse(nd4j.supports("leaky_relu", "pytorch", Dtype.FLOAT32, true));
    assertTrue(nd4j.supports("leaky_relu", "pytorch", Dtype.FLOAT32, false));
    assertFalse(nd4j.supports("softmax", "keras3", Dtype.FLOAT64, true));
    assertFalse(nd4j.supports("arctan", "keras3", Dtype.FLOAT64, false));
  }

  @Test
  void theSigmoidGeluAndOtherParametersAreDeclined() {
    assertThrows(UnsupportedOperationException.class, () -> nd4j.apply(
        call("gelu", "keras3", Dtype.FLOAT64, false, Map.of()), new double[] {1}));
    assertThrows(UnsupportedOperationException.class, () -> nd4j.apply(
        call("hard_sigmoid", "onnx", Dtype.FLOAT64, false, Map.of("alpha", "0.3")),
        new double[] {1}));
  }

  @Test
  void float64IsComputedInDoubleAndFloat32InFloat() {
    double[] y = nd4j.apply(call("sigmoid", "keras3", Dtype.FLOAT64, false, Map.of()),
        new double[] {1});
    // 1/(1 + e^-1) = 0.731058578630004879...; the float32 result widened would be 0.7310585975...
    assertEquals(0.7310585786300049, y[0], Math.ulp(0.7310585786300049));
    float[] f = nd4j.applyFloat32(call("sigmoid", "keras3", Dtype.FLOAT32, false, Map.of()),
        new float[] {1});
    assertEquals(0.7310586f, f[0], Math.ulp(0.7310586f));
  }

  @Test
  void derivativesComeFromBackprop() {
    double[] d = nd4j.apply(call("sigmoid", "keras3", Dtype.FLOAT64, true, Map.of()),
        new double[] {0, 2});
    assertEquals(0.25, d[0]);
    assertEquals(0.10499358540350652, d[1], 1e-15);
    double[] x = {-1, 0, 2};
    nd4j.apply(call("relu", "pytorch", Dtype.FLOAT64, true, Map.of()), x);
    assertArrayEquals(new double[] {-1, 0, 2}, x, "the input must not be modified");
  }

  @Test
  void unpacksNativesUnderTarget() {
    nd4j.apply(call("relu", "pytorch", Dtype.FLOAT64, false, Map.of()), new double[] {1});
    assertTrue(Files.isDirectory(Path.of(System.getProperty("org.bytedeco.javacpp.cachedir"))));
    assertFalse(Files.exists(Path.of(System.getProperty("user.home"), ".javacpp")),
        "~/.javacpp must not be created");
  }
}
