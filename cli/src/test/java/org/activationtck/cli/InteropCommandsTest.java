package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tck export onnx} and {@code ./tck audit}: outputs, and bad input as exit 2 naming the file. */
class InteropCommandsTest {

  /** ONNX's node tests copied into the interop module (provenance in its README.md). */
  static final Path ONNX_TESTS = Path.of("../interop/src/test/resources/onnx-node-tests");

  @TempDir Path tmp;

  @Test
  void exportOnnx() throws IOException {
    Path out = tmp.resolve("onnx");
    CliRun r = CliRun.exec("export", "onnx", "--out", out.toString(), "--functions", "relu,elu");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("wrote 7 ONNX node tests (39 data sets, 1237 output elements)"), r.out());
    assertTrue(Files.isRegularFile(out.resolve("test_tck_elu_alpha_0p5_float32/model.onnx")));
    assertTrue(Files.isRegularFile(out.resolve("test_tck_relu_float64/test_data_set_0/output_0.pb")));
    // and the audit reads them back as correctly rounded
    CliRun a = CliRun.exec("audit", out.toString());
    assertEquals(0, a.code(), a.err());
    assertTrue(a.out().contains("expected values are correctly rounded (100.0 %)"), a.out());
  }

  @Test
  void exportBadFormat() {
    CliRun r = CliRun.exec("export", "tflite", "--out", tmp.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("tck export: FORMAT 'tflite': the only format is onnx"), r.err().lines().toList());
  }

  @Test
  void auditOnnxNodeTests() {
    CliRun r = CliRun.exec("audit", ONNX_TESTS.toString(), "--simulate", "float16");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("663 of 811 expected values are correctly rounded (81.8 %)"), r.out());
    assertTrue(r.out().contains("the tolerance admits 8,389 to"), r.out());
    assertTrue(r.out().contains("passes 18 of 21 tests"), r.out());
    CliRun j = CliRun.exec("audit", ONNX_TESTS.resolve("test_elu").toString(), "--json");
    assertEquals(0, j.code(), j.err());
    assertTrue(j.out().contains("\"maxUlp\" : 30"), j.out());
  }

  Path copy(String test) throws IOException {
    Path dst = tmp.resolve(test);
    Files.createDirectories(dst.resolve("test_data_set_0"));
    for (String f : List.of("model.onnx", "test_data_set_0/input_0.pb", "test_data_set_0/output_0.pb")) {
      Files.copy(ONNX_TESTS.resolve(test).resolve(f), dst.resolve(f));
    }
    return dst;
  }

  void badInput(Path dir, String mustStartWith) {
    CliRun r = CliRun.exec("audit", dir.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("tck audit: " + mustStartWith), r.err());
  }

  @Test
  void truncatedPb() throws IOException {
    Path dir = copy("test_tanh");
    Path pb = dir.resolve("test_data_set_0/input_0.pb");
    byte[] b = Files.readAllBytes(pb);
    Files.write(pb, java.util.Arrays.copyOf(b, b.length - 7));
    badInput(dir, pb + ": field ");
  }

  @Test
  void nonModelFile() throws IOException {
    Path dir = copy("test_tanh");
    Files.writeString(dir.resolve("model.onnx"), "this is not a model\n");
    badInput(dir, dir.resolve("model.onnx") + ": field ");
  }

  @Test
  void missingOutput() throws IOException {
    Path dir = copy("test_tanh");
    Files.delete(dir.resolve("test_data_set_0/output_0.pb"));
    badInput(dir, dir.resolve("test_data_set_0/output_0.pb") + ": missing");
  }
}
