package org.activationtck.cli;

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
import org.activationtck.spec.format.Rounding;
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
    if (!derivative && !wrt.equals("x")) {
      throw new IllegalArgumentException("--wrt needs --derivative");
    }
    boolean axis = Oracle.standard().catalog().require(function).kind()
        == org.activationtck.spec.catalog.Kind.AXIS;
    PrintWriter pw = spec.commandLine().getOut();
    TokenReader tokens = inputs.isEmpty()
        ? new TokenReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : new TokenReader(inputs);
    if (axis) {
      // one vector: all of it first, within the documented bound
      List<String> all = new ArrayList<>();
      for (String t; (t = tokens.next()) != null; ) {
        if (all.size() == MAX_AXIS_LENGTH) {
          throw new IllegalArgumentException(function + " takes one vector of at most "
              + MAX_AXIS_LENGTH + " elements here (the oracle's time grows with its square)");
        }
        all.add(t);
      }
      print(pw, evaluate(all, in), out);
      return 0;
    }
    // elementwise: each chunk of inputs is evaluated and printed before the next is read, so
    // output streams and memory stays constant however long stdin is; a line typed by hand (or
    // sent by a program that then waits) is answered at once
    List<String> chunk = new ArrayList<>(CHUNK);
    for (String t; (t = tokens.next()) != null; ) {
      chunk.add(t);
      if (chunk.size() == CHUNK || tokens.waiting()) {
        print(pw, evaluate(chunk, in), out);
        chunk.clear();
      }
    }
    if (!chunk.isEmpty() || !tokens.sawAny()) {
      print(pw, evaluate(chunk, in), out);
    }
    return 0;
  }

  /** Inputs evaluated and printed together when streaming from stdin. */
  static final int CHUNK = 4096;

  /** The longest vector an axis function takes (about 13 s at 40 digits for softmax here). */
  static final int MAX_AXIS_LENGTH = 1000;

  /** The longest input token: far more than the 767 significant digits a double can need. */
  static final int MAX_TOKEN_CHARS = 2000;

  private List<OracleValue> evaluate(List<String> tokens, Dtype in) {
    double[] x = new double[tokens.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = NumberLiteral.parse(tokens.get(i), in);
    }
    return Oracle.standard().evaluate(function, dialect, params, in, derivative ? wrt : null, x);
  }

  private void print(PrintWriter pw, List<OracleValue> values, Dtype out) {
    for (OracleValue v : values) {
      pw.println(out == null ? v.decimal(digits) : Rounding.shortest(v.rounded(out), out));
    }
    pw.flush();
  }

  /**
   * Whitespace-separated tokens from the arguments or from a reader, one at a time, each at most
   * {@link #MAX_TOKEN_CHARS} characters (a longer one is bad input: parsing a million digits
   * exactly takes quadratic time).
   */
  static final class TokenReader {
    private final java.io.Reader reader;
    private final java.util.Iterator<String> given;
    private boolean any;

    TokenReader(java.io.Reader reader) {
      this.reader = new BufferedReader(reader);
      this.given = null;
    }

    TokenReader(List<String> args) {
      this.reader = null;
      this.given = args.iterator();
    }

    /** Whether any token was read. */
    boolean sawAny() {
      return any;
    }

    /**
     * Whether the last token ended a line and no more input is ready: a caller waiting for its
     * answers before it sends more.
     */
    boolean waiting() throws IOException {
      return reader != null && lineEnded && !reader.ready();
    }

    private boolean lineEnded;

    /** The next token, or null at the end. */
    String next() throws IOException {
      if (given != null) {
        while (given.hasNext()) {
          String t = given.next().trim();
          if (!t.isEmpty()) {
            return checked(t);
          }
        }
        return null;
      }
      StringBuilder b = new StringBuilder();
      for (int c; (c = reader.read()) != -1; ) {
        if (Character.isWhitespace(c)) {
          if (b.length() > 0) {
            lineEnded = c == '\n';
            return checked(b.toString());
          }
          continue;
        }
        if (b.length() == MAX_TOKEN_CHARS) {
          throw new IllegalArgumentException("an input longer than " + MAX_TOKEN_CHARS
              + " characters: '" + b.substring(0, 40) + "...'");
        }
        b.append((char) c);
      }
      lineEnded = false;
      return b.length() > 0 ? checked(b.toString()) : null;
    }

    private String checked(String t) {
      if (t.length() > MAX_TOKEN_CHARS) {
        throw new IllegalArgumentException("an input longer than " + MAX_TOKEN_CHARS
            + " characters: '" + t.substring(0, 40) + "...'");
      }
      any = true;
      return t;
    }
  }
}
