package org.activationtck.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spi.Dtype;

/**
 * Finds and reads the golden data the audit is pointed at:
 *
 * <ul>
 *   <li>an ONNX node-test folder ({@code model.onnx} and {@code test_data_set_N/*.pb}), or a folder
 *       of them (ONNX's {@code onnx/backend/test/data/node});
 *   <li>a folder with NumPy {@code input_0.npy} and {@code output_0.npy} (more inputs:
 *       {@code input_1.npy}), or an {@code .npz} archive with arrays {@code x} (or {@code input},
 *       {@code input_0}) and {@code expected} (or {@code y}, {@code output}, {@code output_0});
 *   <li>a {@code .csv} or {@code .json} file in {@link TextGoldenReader}'s forms.
 * </ul>
 *
 * NumPy and CSV data do not say what they compute: the caller gives the function ({@code
 * numericReference}).
 */
public final class GoldenSources {

  private final Catalog catalog;
  private final OnnxOperators operators;

  public GoldenSources(Catalog catalog) {
    this.catalog = catalog;
    this.operators = new OnnxOperators(catalog);
  }

  /**
   * Reads every test under the paths, in order (folders of tests sorted by name).
   *
   * @param numericReference what NumPy and CSV data compute, or {@code null}
   * @param csvDtype the format of CSV values
   * @throws IllegalArgumentException naming the file (and field) for a missing, unreadable or
   *     malformed input, and for NumPy or CSV data without {@code numericReference}
   */
  public List<GoldenTest> read(List<Path> paths, Reference numericReference, Dtype csvDtype) {
    List<GoldenTest> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isRegularFile(p) && p.getFileName().toString().equals(NodeTestFolder.MODEL)) {
        p = p.toAbsolutePath().getParent();
      }
      if (!Files.exists(p)) {
        throw new IllegalArgumentException(p + ": missing");
      }
      String file = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      if (Files.isDirectory(p)) {
        out.addAll(folder(p, numericReference));
      } else if (file.endsWith(".npz")) {
        out.add(npz(p, need(numericReference, p)));
      } else if (file.endsWith(".csv")) {
        out.add(TextGoldenReader.csv(p, need(numericReference, p), csvDtype));
      } else if (file.endsWith(".json")) {
        out.addAll(TextGoldenReader.json(p, catalog));
      } else if (file.endsWith(".npy")) {
        throw new IllegalArgumentException(p + ": give the folder holding input_0.npy and"
            + " output_0.npy, or an .npz archive");
      } else {
        throw new IllegalArgumentException(p + ": not an ONNX node-test folder, .npz, .csv or .json");
      }
    }
    return out;
  }

  private List<GoldenTest> folder(Path dir, Reference numericReference) {
    if (NodeTestFolder.isNodeTest(dir)) {
      return List.of(onnx(dir));
    }
    if (Files.exists(dir.resolve("input_0.npy")) || Files.exists(dir.resolve("output_0.npy"))) {
      return List.of(npyFolder(dir, need(numericReference, dir)));
    }
    List<Path> tests;
    try (Stream<Path> list = Files.list(dir)) {
      tests = list.filter(NodeTestFolder::isNodeTest).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
    }
    if (tests.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no ONNX node test (model.onnx) and no"
          + " input_0.npy/output_0.npy here or one level down");
    }
    List<GoldenTest> out = new ArrayList<>();
    for (Path t : tests) {
      out.add(onnx(t));
    }
    return out;
  }

  /** One ONNX node test; skipped (not failed) when it has several nodes or an operator the catalog lacks. */
  GoldenTest onnx(Path dir) {
    NodeTestFolder test = NodeTestFolder.read(dir);
    OnnxModel model = test.model();
    String origin = dir.resolve(NodeTestFolder.MODEL).toString();
    String name = test.name();
    OnnxNode node = model.nodes().get(0);
    StringBuilder d = new StringBuilder(node.opType());
    node.attributes().values().forEach(a -> d.append(' ').append(a.display()));
    d.append(" (opset ").append(model.opset()).append(')');
    if (model.nodes().size() > 1) {
      return GoldenTest.skip(name, dir.toString(), model.nodes().size() + " nodes",
          "not a single-node model (" + model.nodes().size() + " nodes, e.g. an expanded function)");
    }
    Optional<Reference> ref = operators.reference(node, model.opset(), origin);
    if (ref.isEmpty()) {
      return GoldenTest.skip(name, dir.toString(), d.toString(), OnnxOperators.unsupported(node));
    }
    return new GoldenTest(name, dir.toString(), d.toString(), ref.get(), test.dataSets(), null);
  }

  private GoldenTest npyFolder(Path dir, Reference reference) {
    List<Tensor> inputs = new ArrayList<>();
    for (int i = 0; i == 0 || Files.exists(dir.resolve("input_" + i + ".npy")); i++) {
      Path f = dir.resolve("input_" + i + ".npy");
      if (!Files.exists(f)) {
        throw new IllegalArgumentException(f + ": missing");
      }
      inputs.add(NpyReader.read(f));
    }
    Path out = dir.resolve("output_0.npy");
    if (!Files.exists(out)) {
      throw new IllegalArgumentException(out + ": missing");
    }
    return new GoldenTest(dir.getFileName().toString(), dir.toString(), describe(reference), reference,
        List.of(new NodeTestFolder.DataSet(dir, inputs, List.of(NpyReader.read(out)))), null);
  }

  private GoldenTest npz(Path file, Reference reference) {
    Map<String, Tensor> arrays = NpyReader.readNpz(file);
    Tensor x = pick(arrays, file, "x", "input", "input_0");
    Tensor y = pick(arrays, file, "expected", "y", "output", "output_0");
    List<Tensor> inputs = new ArrayList<>(List.of(x));
    if (arrays.containsKey("input_1")) {
      inputs.add(arrays.get("input_1"));
    }
    return new GoldenTest(file.getFileName().toString(), file.toString(), describe(reference),
        reference, List.of(new NodeTestFolder.DataSet(file, inputs, List.of(y))), null);
  }

  private static Tensor pick(Map<String, Tensor> arrays, Path file, String... names) {
    for (String n : names) {
      if (arrays.containsKey(n)) {
        return arrays.get(n);
      }
    }
    throw new IllegalArgumentException(file + ": field " + names[0] + ": no array named "
        + String.join(", ", names) + " (it has " + arrays.keySet() + ")");
  }

  private static Reference need(Reference r, Path p) {
    if (r == null) {
      throw new IllegalArgumentException(p + ": NumPy and CSV data do not say what they compute:"
          + " give --function (and --param, --dialect)");
    }
    return r;
  }

  private static String describe(Reference r) {
    return TextGoldenReader.describe(r.function(), r.params(), r.dialect());
  }
}
