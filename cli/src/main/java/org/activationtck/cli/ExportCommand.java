package org.activationtck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.activationtck.interop.OnnxExport;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spi.Dtype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tck export onnx --out DIR}: the fixtures as ONNX backend node tests (interop module). */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes the fixtures in another suite's format.",
        "onnx: ONNX backend node tests (model.onnx + test_data_set_N/input_0.pb, output_0.pb),",
        "one folder per operator, dtype and attribute set, opset 21; see docs/INTEROP.md."})
final class ExportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FORMAT", description = "the format: onnx")
  String format;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(names = "--functions", split = ",", description = "only these functions")
  List<String> functions = new ArrayList<>();

  @Option(names = "--dtypes", split = ",", description = "input formats (default: float32,float64)")
  List<String> dtypes = new ArrayList<>(List.of("float32", "float64"));

  @Override
  public Integer call() throws IOException {
    if (!format.equals("onnx")) {
      throw new IllegalArgumentException("FORMAT '" + format + "': the only format is onnx");
    }
    List<Dtype> types = new ArrayList<>();
    for (String d : dtypes) {
      Dtype t = Dtype.fromId(d);
      if (t != Dtype.FLOAT32 && t != Dtype.FLOAT64) {
        throw new IllegalArgumentException("--dtypes '" + d + "': the fixtures have float32 and"
            + " float64 inputs");
      }
      types.add(t);
    }
    FixturesCommand.checkOutputDir("--out", out);
    OnnxExport.Summary s = new OnnxExport(Catalog.standard()).export(out, functions, types,
        (file, bytes) -> {
          java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
          AtomicFiles.write(file, bytes);
        });
    System.out.printf("wrote %d ONNX node tests (%d data sets, %d output elements) to %s%n",
        s.folders(), s.dataSets(), s.elements(), out);
    return 0;
  }
}
