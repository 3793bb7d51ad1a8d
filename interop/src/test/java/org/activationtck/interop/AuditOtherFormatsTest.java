package org.activationtck.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activationtck.oracle.Oracle;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NumPy pairs, .npz, CSV and JSON (src/test/resources/numpy, written with NumPy, README there). */
class AuditOtherFormatsTest {

  final Oracle oracle = Oracle.standard();
  final GoldenSources sources = new GoldenSources(oracle.catalog());
  final Audit audit = new Audit(oracle, Tolerance.ONNX, null, false);

  @TempDir Path tmp;

  @Test
  void numpyPairAndNpz() {
    Reference sigmoid = Reference.forFunction(oracle.catalog(), "sigmoid", "onnx", Map.of());
    List<GoldenTest> tests = sources.read(List.of(TestData.resource("numpy/sigmoid_pair"),
        TestData.resource("numpy/sigmoid.npz")), sigmoid, Dtype.FLOAT32);
    for (AuditResult r : audit.run(tests)) {
      assertEquals(7, r.elements());
      assertEquals(4, r.correctlyRounded(), r.test().name());
      assertEquals(1, r.maxUlp());
      assertEquals(-20.0, r.worst().x());
    }
  }

  @Test
  void npyHeaderAndData() {
    Tensor x = NpyReader.read(TestData.resource("numpy/sigmoid_pair/input_0.npy"));
    assertEquals(Dtype.FLOAT32, x.dtype());
    assertEquals(7, x.size());
    assertEquals(7.25, x.at(6));
  }

  @Test
  void csvAndJson() {
    Reference elu = Reference.forFunction(oracle.catalog(), "elu", "onnx", Map.of());
    AuditResult csv = audit.audit(sources.read(List.of(TestData.resource("numpy/elu.csv")), elu,
        Dtype.FLOAT32).get(0));
    assertEquals(4, csv.elements());
    assertEquals(30, csv.maxUlp());
    AuditResult json = audit.audit(sources.read(List.of(TestData.resource("numpy/softmax.json")),
        null, Dtype.FLOAT32).get(0));
    assertEquals("three", json.test().name());
    assertEquals(1, json.correctlyRounded());
  }

  @Test
  void numpyWithoutFunctionIsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sources.read(
        List.of(TestData.resource("numpy/sigmoid.npz")), null, Dtype.FLOAT32));
    assertTrue(e.getMessage().contains("sigmoid.npz: NumPy and CSV data do not say"), e.getMessage());
  }

  @Test
  void badNpyNamesFileAndField() throws IOException {
    Path dir = tmp.resolve("pair");
    Files.createDirectories(dir);
    byte[] good = Files.readAllBytes(TestData.resource("numpy/sigmoid_pair/input_0.npy"));
    Files.write(dir.resolve("input_0.npy"), good);
    Files.write(dir.resolve("output_0.npy"), java.util.Arrays.copyOf(good, good.length - 5));
    Reference sigmoid = Reference.forFunction(oracle.catalog(), "sigmoid", "onnx", Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sources.read(List.of(dir), sigmoid, Dtype.FLOAT32));
    assertTrue(e.getMessage().startsWith(dir.resolve("output_0.npy") + ": field data: "), e.getMessage());
  }
}
