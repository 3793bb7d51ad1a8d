package org.activationtck.tck.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activationtck.oracle.Oracle;
import org.activationtck.oracle.OracleValue;
import org.activationtck.oracle.Rounding;
import org.activationtck.spi.Dtype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./tck oracle}: the exact value of an activation or its derivative. */
@Command(name = "oracle", mixinStandardHelpOptions = true,
    description = {
        "Prints the exact value of FUNCTION (or its derivative) at each X, to --digits significant "
            + "digits, or correctly rounded to a binary format.",
        "X is decimal, hex float (0x1.8p-3), NaN, Infinity, -Infinity or -0.0, rounded to "
            + "--input-dtype; with no X, X's are read from stdin. For axis functions (softmax, glu, "
            + "...) the X's are one vector."})
final class OracleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FUNCTION", description = "catalog id or alias, e.g. gelu")
  String function;

  @Parameters(index = "1..*", paramLabel = "X", arity = "0..*", description = "inputs")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--dialect", defaultValue = "keras3",
      description = "keras3 (default), tf_keras2, pytorch, jax or onnx")
  String dialect;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "a parameter, repeatable, each name once; omitted ones take the dialect's default")
  List<String> paramTexts = new ArrayList<>();

  /** The parameters by name, from --param (filled at the start of call()). */
  final Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--derivative", description = "d/dx instead of the value")
  boolean derivative;

  @Option(names = "--wrt", paramLabel = "NAME", defaultValue = "x",
      description = "with --derivative: the variable, x (default) or a trainable parameter (soft_exponential: alpha)")
  String wrt;

  @Option(names = "--digits", defaultValue = "40", description = "significant digits for --format exact (default 40)")
  int digits;

  @Option(names = "--input-dtype", defaultValue = "float64",
      description = "format the inputs are rounded to: float64 (default), float32, float16, bfloat16")
  String inputDtype;

  @Option(names = "--format", defaultValue = "exact",
      description = "exact (default), or float64/float32/float16/bfloat16: correctly rounded, shortest round-trip decimal")
  String format;

  @Override
  public Integer call() throws IOException {
    for (String t : paramTexts) {
      ParamOption.add(params, t);
    }
    Dtype in = Dtype.fromId(inputDtype);
    Dtype out;
    try {
      out = format.equals("exact") ? null : Dtype.fromId(format);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format: unknown format '" + format
          + "' (expected exact, float64, float32, float16 or bfloat16)");
    }
    if (digits < 1 || digits > 1000) {
      throw new IllegalArgumentException("--digits must be in 1..1000, got " + digits);
    }
    List<String> tokens = inputs;
    if (tokens.isEmpty()) {
      tokens = readStdin();
    }
    double[] x = new double[tokens.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = NumberLiteral.parse(tokens.get(i), in);
    }
    if (!derivative && !wrt.equals("x")) {
      throw new IllegalArgumentException("--wrt needs --derivative");
    }
    List<OracleValue> values = Oracle.standard().evaluate(function, dialect, params, in,
        derivative ? wrt : null, x);
    PrintWriter pw = spec.commandLine().getOut();
    for (OracleValue v : values) {
      pw.println(out == null ? v.decimal(digits) : Rounding.shortest(v.rounded(out), out));
    }
    pw.flush();
    return 0;
  }

  private static List<String> readStdin() throws IOException {
    List<String> tokens = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      for (String t : line.trim().split("\\s+")) {
        if (!t.isEmpty()) {
          tokens.add(t);
        }
      }
    }
    return tokens;
  }
}
