package org.activationtck.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.activationtck.fixtures.FixtureCase;
import org.activationtck.fixtures.FixtureFile;
import org.activationtck.fixtures.Fixtures;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.spi.Dtype;

/**
 * Writes the shipped fixtures of the onnx dialect as ONNX backend node tests: one folder per
 * function, parameter set and dtype, {@code test_tck_<function>[_<param>_<value>]_<dtype>}, with
 * a one-node {@code model.onnx} (ai.onnx opset {@link OnnxModelWriter#OPSET}, IR version {@link
 * OnnxModelWriter#IR_VERSION}, input {@code x} of symbolic length {@code N}, output {@code y})
 * and data sets holding the inputs and the correctly rounded outputs: for an elementwise function
 * one data set per fixture category ({@code special}, {@code grid}, ...), for an axis function one
 * per vector. A manifest, {@value #MANIFEST}, lists every folder with its operator, opset,
 * attributes and the fixture case ids of each data set, element by element.
 *
 * <p>Parameters are written the way ONNX stores them, float attributes as float32; the fixtures'
 * onnx values were computed with the parameters rounded to float32 (the catalog's {@code
 * precision: float32}), so the outputs are exact for the model as written.
 */
public final class OnnxExport {

  /** The manifest file at the top of the export folder. */
  public static final String MANIFEST = "tck-export.json";

  private final Catalog catalog;
  private final OnnxOperators operators;

  public OnnxExport(Catalog catalog) {
    this.catalog = catalog;
    this.operators = new OnnxOperators(catalog);
  }

  /**
   * What was written.
   *
   * @param folders node-test folders
   * @param dataSets data sets over all folders
   * @param elements output elements over all folders
   */
  public record Summary(int folders, int dataSets, long elements) {}

  /**
   * Exports.
   *
   * @param functions the catalog functions to export; empty for every one with an ONNX operator
   * @param dtypes the input formats to export (the fixtures have float32 and float64)
   * @throws IllegalArgumentException for a function without ONNX operator or fixtures
   */
  public Summary export(Path out, List<String> functions, List<Dtype> dtypes, FileSink sink)
      throws IOException {
    List<String> ids = new ArrayList<>();
    if (functions.isEmpty()) {
      for (FunctionSpec f : catalog.functions()) {
        if (OnnxOperators.opType(f.id()).isPresent()) {
          ids.add(f.id());
        }
      }
    } else {
      for (String name : functions) {
        FunctionSpec f = catalog.require(name);
        OnnxOperators.opType(f.id()).orElseThrow(() -> new IllegalArgumentException(
            "function '" + name + "' has no ONNX operator (those with one: "
                + new TreeMap<>(OnnxOperators.OP_TYPES).keySet() + ")"));
        ids.add(f.id());
      }
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode manifest = json.createObjectNode();
    manifest.put("producer", "activation-tck " + "0.1.0");
    manifest.put("dialect", OnnxOperators.DIALECT);
    manifest.put("opset", OnnxModelWriter.OPSET);
    manifest.put("irVersion", OnnxModelWriter.IR_VERSION);
    manifest.put("layout", "<folder>/model.onnx, <folder>/test_data_set_<n>/input_0.pb (x; input_1.pb"
        + " is PRelu's slope), output_0.pb (y, correctly rounded)");
    ArrayNode tests = manifest.putArray("tests");
    int folders = 0;
    int sets = 0;
    long elements = 0;
    for (String id : ids) {
      FixtureFile file = Fixtures.shipped(id).orElseThrow(() -> new IllegalArgumentException(
          "function '" + id + "' has no shipped fixtures"));
      manifest.put("fixtureSetVersion", file.fixtureSetVersion());
      boolean axis = catalog.require(id).kind() == Kind.AXIS;
      Map<String, List<FixtureCase>> groups = new LinkedHashMap<>();
      for (FixtureCase c : file.cases()) {
        if (c.dialects().contains(OnnxOperators.DIALECT) && dtypes.contains(Dtype.fromId(c.dtype()))) {
          groups.computeIfAbsent(folderName(id, c.params(), c.dtype()), k -> new ArrayList<>()).add(c);
        }
      }
      for (Map.Entry<String, List<FixtureCase>> g : groups.entrySet()) {
        FixtureCase first = g.getValue().get(0);
        Dtype dtype = Dtype.fromId(first.dtype());
        OnnxOperators.Exported op = operators.export(id, first.params(), dtype);
        ObjectNode test = tests.addObject();
        test.put("folder", g.getKey());
        test.put("function", id);
        test.put("opType", op.node().opType());
        test.put("opset", OnnxModelWriter.OPSET);
        test.put("dtype", dtype.id());
        test.putPOJO("params", first.params());
        ObjectNode attrs = test.putObject("attributes");
        op.node().attributes().values().forEach(a -> attrs.put(a.name(), a.display()
            .substring(a.name().length() + 1)));
        ArrayNode setsJson = test.putArray("dataSets");
        List<NodeTestFolder.DataSet> dataSets = new ArrayList<>();
        Map<String, List<FixtureCase>> parts = new LinkedHashMap<>();
        for (FixtureCase c : g.getValue()) {
          parts.computeIfAbsent(axis ? c.id() : c.category(), k -> new ArrayList<>()).add(c);
        }
        for (List<FixtureCase> part : parts.values()) {
          List<Double> xs = new ArrayList<>();
          List<Double> ys = new ArrayList<>();
          ObjectNode setJson = setsJson.addObject();
          setJson.put("set", dataSets.size());
          setJson.put("category", part.get(0).category());
          ArrayNode caseIds = setJson.putArray("cases");
          for (FixtureCase c : part) {
            for (FixtureCase.Input x : c.x()) {
              xs.add(Double.parseDouble(x.hex()));
            }
            for (FixtureCase.Expected v : c.value()) {
              ys.add(Double.parseDouble(dtype == Dtype.FLOAT32 ? v.float32() : v.float64()));
            }
            caseIds.add(c.id());
          }
          List<Tensor> inputs = new ArrayList<>();
          inputs.add(Tensor.vector("x", dtype, unbox(xs)));
          inputs.addAll(op.extraInputs());
          dataSets.add(new NodeTestFolder.DataSet(null, inputs,
              List.of(Tensor.vector("y", dtype, unbox(ys)))));
          elements += ys.size();
        }
        List<OnnxModelWriter.ValueInfo> in = new ArrayList<>();
        in.add(new OnnxModelWriter.ValueInfo("x", dtype, List.of("N")));
        for (Tensor t : op.extraInputs()) {
          in.add(new OnnxModelWriter.ValueInfo(t.name(), dtype, List.of((Object) (long) t.size())));
        }
        byte[] model = OnnxModelWriter.write(op.node(), in,
            List.of(new OnnxModelWriter.ValueInfo("y", dtype, List.of("N"))), OnnxModelWriter.OPSET,
            "activation-tck fixtures " + file.fixtureSetVersion() + ": " + id + " " + first.params()
                + " " + dtype.id() + ", onnx dialect; outputs correctly rounded");
        NodeTestFolder.write(out.resolve(g.getKey()), model, dataSets, sink);
        folders++;
        sets += dataSets.size();
      }
    }
    sink.write(out.resolve(MANIFEST), json.writeValueAsBytes(manifest));
    return new Summary(folders, sets, elements);
  }

  /** {@code test_tck_<function>[_<param>_<value>...]_<dtype>}, values with . as p and - as m. */
  static String folderName(String function, Map<String, String> params, String dtype) {
    StringBuilder b = new StringBuilder("test_tck_").append(function);
    new TreeMap<>(params).forEach((k, v) -> b.append('_').append(k).append('_')
        .append(v.replace('.', 'p').replace('-', 'm').replaceAll("[^A-Za-z0-9_]", "_")));
    return b.append('_').append(dtype).toString();
  }

  private static double[] unbox(List<Double> xs) {
    double[] out = new double[xs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = xs.get(i);
    }
    return out;
  }
}
