package org.activationtck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activationtck.interop.Audit;
import org.activationtck.interop.AuditJson;
import org.activationtck.interop.AuditResult;
import org.activationtck.interop.AuditTable;
import org.activationtck.interop.GoldenSources;
import org.activationtck.interop.GoldenTest;
import org.activationtck.interop.Reference;
import org.activationtck.interop.Tolerance;
import org.activationtck.oracle.Oracle;
import org.activationtck.spi.Dtype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tck audit PATH...}: another suite's golden data against the correctly rounded values. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Reports how far another suite's expected values are from the correctly rounded",
        "ones, per test, and how many ulps the suite's tolerance admits. PATH: an ONNX node-test",
        "folder or a folder of them, a folder with input_0.npy/output_0.npy, an .npz, a .csv",
        "(x,expected) or a .json file; see docs/INTEROP.md."})
final class AuditCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "golden data")
  List<Path> paths;

  @Option(names = "--function", description = "what NumPy and CSV data compute (catalog id)")
  String function;

  @Option(names = "--dialect", description = "dialect of --function (default: onnx)")
  String dialect = "onnx";

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a parameter of --function")
  List<String> params = new java.util.ArrayList<>();

  @Option(names = "--dtype", description = "format of CSV values (default: float32)")
  String dtype = "float32";

  @Option(names = "--rtol", description = "the suite's relative tolerance (default: ONNX's 1e-3)")
  double rtol = Tolerance.ONNX.rtol();

  @Option(names = "--atol", description = "the suite's absolute tolerance (default: ONNX's 1e-7)")
  double atol = Tolerance.ONNX.atol();

  @Option(names = "--simulate", paramLabel = "DTYPE",
      description = {"also check, against the suite's tolerance, an implementation computing entirely",
          "in DTYPE (e.g. float16): inputs rounded to DTYPE, each result correctly rounded to it"})
  String simulate;

  @Option(names = "--simulate-outputs-only",
      description = "with --simulate: round only the results to DTYPE, not the inputs")
  boolean outputsOnly;

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (!(rtol >= 0) || !(atol >= 0) || Double.isInfinite(rtol) || Double.isInfinite(atol)) {
      throw new IllegalArgumentException("--rtol/--atol: expected finite values >= 0");
    }
    Dtype sim = simulate == null ? null : Dtype.fromId(simulate);
    Oracle oracle = Oracle.standard();
    Reference numeric = null;
    if (function != null) {
      Map<String, String> p = new LinkedHashMap<>();
      params.forEach(t -> ParamOption.add(p, t));
      numeric = Reference.forFunction(oracle.catalog(), function, dialect, p);
    }
    List<GoldenTest> tests = new GoldenSources(oracle.catalog()).read(paths, numeric, Dtype.fromId(dtype));
    Audit audit = new Audit(oracle, new Tolerance(rtol, atol), sim, !outputsOnly);
    List<AuditResult> results = audit.run(tests);
    if (results.stream().allMatch(AuditResult::isSkipped)) {
      throw new IllegalArgumentException(paths.get(0) + ": no test the audit can read (all "
          + results.size() + " skipped: " + results.get(0).test().skipped() + ")");
    }
    String text = json ? AuditJson.render(results, audit) : AuditTable.render(results, audit);
    Stdout.write(text.getBytes(StandardCharsets.UTF_8));
    return 0;
  }
}
