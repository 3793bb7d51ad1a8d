package org.activationtck.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One ONNX backend node test on disk, in the layout ONNX's backend test runner ({@code
 * onnx/backend/test/loader}) and ONNX Runtime's {@code onnx_test_runner} read:
 *
 * <pre>
 * test_name/
 *   model.onnx                     a ModelProto
 *   test_data_set_0/input_0.pb     TensorProto, one file per graph input
 *   test_data_set_0/output_0.pb    TensorProto, one file per graph output
 *   test_data_set_1/...
 * </pre>
 *
 * @param dir the folder
 * @param model the parsed {@code model.onnx}
 * @param dataSets the data sets, in the order of their number
 */
public record NodeTestFolder(Path dir, OnnxModel model, List<DataSet> dataSets) {

  /** The name of the model file. */
  public static final String MODEL = "model.onnx";

  /** The prefix of a data-set folder. */
  public static final String DATA_SET = "test_data_set_";

  /**
   * One data set: the graph's inputs and the expected outputs.
   *
   * @param dir the folder ({@code null} before it is written)
   */
  public record DataSet(Path dir, List<Tensor> inputs, List<Tensor> outputs) {
    public DataSet {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }
  }

  public NodeTestFolder {
    dataSets = List.copyOf(dataSets);
  }

  /** The test's name: its folder's name. */
  public String name() {
    return dir.getFileName().toString();
  }

  /** Whether {@code dir} looks like a node test (it holds a {@code model.onnx}). */
  public static boolean isNodeTest(Path dir) {
    return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(MODEL));
  }

  /**
   * Writes a node test: {@code model.onnx} and, per data set, {@code input_N.pb} and {@code
   * output_N.pb} in {@code test_data_set_<i>}.
   */
  public static void write(Path dir, byte[] model, List<DataSet> dataSets, FileSink sink)
      throws IOException {
    sink.write(dir.resolve(MODEL), model);
    for (int s = 0; s < dataSets.size(); s++) {
      Path set = dir.resolve(DATA_SET + s);
      DataSet d = dataSets.get(s);
      for (int i = 0; i < d.inputs().size(); i++) {
        sink.write(set.resolve("input_" + i + ".pb"), TensorProtoCodec.encode(d.inputs().get(i)));
      }
      for (int i = 0; i < d.outputs().size(); i++) {
        sink.write(set.resolve("output_" + i + ".pb"), TensorProtoCodec.encode(d.outputs().get(i)));
      }
    }
  }

  /**
   * Reads a node test.
   *
   * @throws IllegalArgumentException naming the file (and the field) when {@code model.onnx} or a
   *     {@code .pb} file is missing, unreadable or malformed, when there is no data set, or when a
   *     data set has fewer inputs or outputs than the graph (initializers excepted)
   */
  public static NodeTestFolder read(Path dir) {
    Path modelFile = dir.resolve(MODEL);
    OnnxModel model = OnnxModelReader.read(bytes(modelFile), modelFile.toString());
    List<Path> sets;
    try (Stream<Path> list = Files.list(dir)) {
      sets = new ArrayList<>(list.filter(p -> Files.isDirectory(p)
          && p.getFileName().toString().startsWith(DATA_SET)).toList());
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
    }
    sets.sort((a, b) -> Long.compare(number(a), number(b)));
    if (sets.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no " + DATA_SET + "N folder");
    }
    java.util.Set<String> initialized = new java.util.HashSet<>();
    model.initializers().forEach(t -> initialized.add(t.name()));
    long graphInputs = model.inputs().stream().filter(n -> !initialized.contains(n)).count();
    List<DataSet> dataSets = new ArrayList<>();
    for (Path set : sets) {
      List<Tensor> inputs = tensors(set, "input_", (int) graphInputs);
      List<Tensor> outputs = tensors(set, "output_", Math.max(1, model.outputs().size()));
      dataSets.add(new DataSet(set, inputs, outputs));
    }
    return new NodeTestFolder(dir, model, dataSets);
  }

  private static long number(Path set) {
    String n = set.getFileName().toString().substring(DATA_SET.length());
    try {
      return Long.parseLong(n);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** {@code prefix0.pb} ... {@code prefix<at least-1>.pb}, all required, and any further ones. */
  private static List<Tensor> tensors(Path set, String prefix, int atLeast) {
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      Path file = set.resolve(prefix + i + ".pb");
      if (i >= atLeast && !Files.exists(file)) {
        return out;
      }
      out.add(TensorProtoCodec.decode(bytes(file), file.toString()));
    }
  }

  /** @throws IllegalArgumentException naming the file when it is missing or unreadable */
  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": missing", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }
}
