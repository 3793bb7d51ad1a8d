package org.activationtck.interop;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activationtck.oracle.Oracle;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable node-test folders fail with the file named, never a stack trace or a guess. */
class BadNodeTestTest {

  @TempDir Path tmp;

  Path copyOfSigmoid() throws IOException {
    Path src = TestData.resource("onnx-node-tests/test_sigmoid");
    Path dst = tmp.resolve("test_sigmoid");
    Files.createDirectories(dst.resolve("test_data_set_0"));
    for (String f : List.of("model.onnx", "test_data_set_0/input_0.pb", "test_data_set_0/output_0.pb")) {
      Files.copy(src.resolve(f), dst.resolve(f));
    }
    return dst;
  }

  String failure(Path dir) {
    GoldenSources s = new GoldenSources(Oracle.standard().catalog());
    return assertThrows(IllegalArgumentException.class,
        () -> s.read(List.of(dir), null, Dtype.FLOAT32)).getMessage();
  }

  @Test
  void copyIsReadable() throws IOException {
    Path dir = copyOfSigmoid();
    new GoldenSources(Oracle.standard().catalog()).read(List.of(dir), null, Dtype.FLOAT32);
  }

  @Test
  void truncatedPb() throws IOException {
    Path dir = copyOfSigmoid();
    Path out = dir.resolve("test_data_set_0/output_0.pb");
    byte[] b = Files.readAllBytes(out);
    Files.write(out, java.util.Arrays.copyOf(b, b.length / 2));
    String m = failure(dir);
    assertTrue(m.startsWith(out + ": field "), m);
  }

  @Test
  void modelThatIsNotAModel() throws IOException {
    Path dir = copyOfSigmoid();
    Files.copy(dir.resolve("test_data_set_0/input_0.pb"), dir.resolve("model.onnx"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String m = failure(dir);
    assertTrue(m.startsWith(dir.resolve("model.onnx") + ": field "), m);
  }

  @Test
  void missingOutput() throws IOException {
    Path dir = copyOfSigmoid();
    Files.delete(dir.resolve("test_data_set_0/output_0.pb"));
    String m = failure(dir);
    assertTrue(m.equals(dir.resolve("test_data_set_0/output_0.pb") + ": missing"), m);
  }
}
