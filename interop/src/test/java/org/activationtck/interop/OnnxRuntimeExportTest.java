package org.activationtck.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activationtck.oracle.Oracle;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported node tests run on ONNX Runtime 1.22.0 (Java, CPU): green for an operator it
 * computes correctly rounded, red where it is wrong (its float32 Sigmoid below -16).
 */
class OnnxRuntimeExportTest {

  @TempDir static Path out;
  static OnnxExport.Summary summary;

  @BeforeAll
  static void export() throws Exception {
    summary = new OnnxExport(Catalog.standard()).export(out, List.of("relu", "sigmoid",
        "leaky_relu", "softmax"), List.of(Dtype.FLOAT32, Dtype.FLOAT64), FileSink.direct());
  }

  /**
   * The standalone check the red case rests on: a one-node Sigmoid model fed float32 x = -20,
   * -18, -16.25, -16 gives values far from sigmoid(x) (0 from -18 down), while the oracle's
   * correctly rounded values are normal float32 numbers.
   */
  @Test
  void onnxRuntimeFloat32SigmoidIsWrongBelowMinus16() throws Exception {
    byte[] model = OnnxModelWriter.write(new OnnxNode("Sigmoid", "", List.of("x"), List.of("y"), Map.of()),
        List.of(new OnnxModelWriter.ValueInfo("x", Dtype.FLOAT32, List.of("N"))),
        List.of(new OnnxModelWriter.ValueInfo("y", Dtype.FLOAT32, List.of("N"))), 21, "");
    double[] xs = {-20, -18, -16.25, -16, 0, 3};
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    double[] got;
    try (OrtSession s = env.createSession(model, new OrtSession.SessionOptions());
        OnnxTensor x = OrtRunner.tensor(env, Tensor.vector("x", Dtype.FLOAT32, xs));
        OrtSession.Result r = s.run(Map.of("x", x))) {
      got = OrtRunner.values((OnnxTensor) r.get(0), Dtype.FLOAT32);
    }
    double[] exact = new double[xs.length];
    var values = Oracle.standard().evaluate("sigmoid", "onnx", Map.of(), Dtype.FLOAT32, false, xs);
    for (int i = 0; i < xs.length; i++) {
      exact[i] = values.get(i).rounded(Dtype.FLOAT32);
    }
    System.out.println("ORT float32 Sigmoid: x=" + java.util.Arrays.toString(xs) + " got="
        + java.util.Arrays.toString(got) + " correctly rounded=" + java.util.Arrays.toString(exact));
    assertEquals(0.0, got[0], "sigmoid(-20)");
    assertEquals(0.0, got[1], "sigmoid(-18)");
    assertTrue(Math.abs(got[3] - exact[3]) > 0.4 * exact[3], "sigmoid(-16) off by > 40 %");
    assertEquals(1.5229979e-8f, (float) exact[1]);
    assertEquals(0.5, got[4]);
  }

  @Test
  void exportCounts() {
    // relu 2 dtypes, sigmoid 2, leaky_relu 2 x (default, 0.3) + the documented 0.1, softmax 2
    assertEquals(11, summary.folders(), summary.toString());
    assertTrue(Files.isRegularFile(out.resolve(OnnxExport.MANIFEST)));
  }

  @Test
  void correctOperatorIsGreen() throws Exception {
    for (String folder : List.of("test_tck_relu_float32", "test_tck_relu_float64",
        "test_tck_leaky_relu_float32", "test_tck_leaky_relu_negative_slope_0p3_float32")) {
      List<OrtRunner.Mismatch> bad = OrtRunner.run(out.resolve(folder));
      assertEquals(List.of(), bad, folder);
    }
    assertTrue(NodeTestFolder.read(out.resolve("test_tck_relu_float32")).dataSets().size() >= 5);
  }

  @Test
  void float32SigmoidIsRedBelowMinus16() throws Exception {
    List<OrtRunner.Mismatch> bad = OrtRunner.run(out.resolve("test_tck_sigmoid_float32"));
    System.out.println("test_tck_sigmoid_float32 on ONNX Runtime: " + bad.size() + " elements differ;"
        + " x <= -16: " + bad.stream().filter(m -> m.x() <= -16).count());
    assertFalse(bad.isEmpty());
    // every finite input at or below -16 in the folder is red ...
    NodeTestFolder test = NodeTestFolder.read(out.resolve("test_tck_sigmoid_float32"));
    long below = 0;
    for (NodeTestFolder.DataSet set : test.dataSets()) {
      for (int i = 0; i < set.inputs().get(0).size(); i++) {
        double x = set.inputs().get(0).at(i);
        double y = set.outputs().get(0).at(i);
        if (x <= -16 && x > -100 && y > 0) {
          below++;
        }
      }
    }
    assertTrue(below > 5);
    assertEquals(below, bad.stream().filter(m -> m.x() <= -16 && m.x() > -100).count(),
        "every input in (-100, -16] is red");
    // ... and what it gets right it gets right exactly: 0 and 1/2
    assertTrue(bad.stream().noneMatch(m -> m.x() == 0), bad.stream().map(Object::toString)
        .collect(Collectors.joining("\n")));
  }
}
