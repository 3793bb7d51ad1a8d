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
import org.activationtck.cli.concurrent.OrderedWork;
import org.activationtck.oracle.OracleValue;
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
            + "...) the X's are one vector.",
        "--serve answers JSON-lines requests instead (docs/ORACLE-SERVER.md).",
        "Limits: --digits 1..1000, an input of at most 2000 characters, a vector of at most 1000 "
            + "elements; beyond them exit 2 naming the limit (docs/guide/exact-values.md)."})
final class OracleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FUNCTION", arity = "0..1",
      description = "catalog id or alias, e.g. gelu (not with --serve)")
  String function;

  @Parameters(index = "1..*", paramLabel = "X", arity = "0..*", description = "inputs")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--serve", description = "answer JSON-lines requests on stdin, one reply line "
      + "each on stdout, until stdin ends (docs/ORACLE-SERVER.md); every other option is a request field and is refused here")
  boolean serve;

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

  @Option(names = "--digits", defaultValue = "40",
      description = "significant digits for --format exact (default 40, at most 1000)")
  int digits;

  @Option(names = "--input-dtype", defaultValue = "float64",
      description = "format the inputs are rounded to: float64 (default), float32, float16, bfloat16")
  String inputDtype;

  @Option(names = "--format", defaultValue = "exact",
      description = "exact (default), or float64/float32/float16/bfloat16: correctly rounded, shortest round-trip decimal")
  String format;

  /** How the command line names a query's fields in errors ("" for those its messages name). */
  private static String option(String field) {
    switch (field) {
      case "digits": return "--digits";
      case "formats": return "--format";
      case "wrt": return "--wrt";
      case "derivative": return "--derivative";
      case "params": return "--param";
      default: return "";
    }
  }

  @Override
  public Integer call() throws IOException {
    if (serve) {
      if (function != null || !paramTexts.isEmpty()) {
        throw new IllegalArgumentException("--serve takes no FUNCTION, X or --param: each request "
            + "names its own (docs/ORACLE-SERVER.md)");
      }
      // each option and the request field that replaces it
      String[][] perRequest = {{"--dialect", "dialect"}, {"--derivative", "derivative"},
          {"--wrt", "wrt"}, {"--digits", "digits"}, {"--input-dtype", "input_dtype"},
          {"--format", "formats"}};
      for (String[] o : perRequest) {
        if (spec.commandLine().getParseResult().hasMatchedOption(o[0])) {
          throw new IllegalArgumentException("--serve takes no " + o[0] + ": each request names its "
              + "own (field " + o[1] + ", docs/ORACLE-SERVER.md)");
        }
      }
      return new OracleServer(System.in, spec.commandLine().getOut()).serve();
    }
    if (function == null) {
      throw new IllegalArgumentException("Missing required parameter: 'FUNCTION' (or --serve)");
    }
    for (String t : paramTexts) {
      ParamOption.add(params, t);
    }
    OracleQuery q = new OracleQuery(function, dialect, params, inputDtype, derivative, wrt,
        List.of(format), digits, OracleCommand::option);
    PrintWriter pw = spec.commandLine().getOut();
    TokenReader tokens = inputs.isEmpty()
        ? new TokenReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : new TokenReader(inputs);
    if (q.axis()) {
      // one vector: all of it first, within the documented bound
      List<String> all = new ArrayList<>();
      for (String t; (t = tokens.next()) != null; ) {
        q.checkCount(all.size() + 1, false, "");
        all.add(t);
      }
      print(pw, q, q.evaluate(all, i -> ""));
      return 0;
    }
    // elementwise: chunks of inputs are evaluated on all cores and printed in input order, at
    // most a few chunks ahead of the output, so output streams and memory stays constant however
    // long stdin is; a line typed by hand (or sent by a program that then waits) is answered at
    // once
    try (OrderedWork<String> work = new OrderedWork<>(THREADS, 2 * THREADS, text -> {
      pw.write(text);
      pw.flush();
    })) {
      List<String> chunk = new ArrayList<>(CHUNK);
      boolean submitted = false;
      for (String t; (t = next(tokens, work)) != null; ) {
        chunk.add(t);
        boolean waiting = tokens.waiting();
        if (chunk.size() == CHUNK || waiting) {
          work.submit(lines(q, chunk));
          submitted = true;
          chunk = new ArrayList<>(CHUNK);
          if (waiting) {
            work.drain();
          }
        }
      }
      if (!chunk.isEmpty() || !submitted) {
        work.submit(lines(q, chunk));
      }
      work.drain();
    }
    return 0;
  }

  /**
   * The next token; when reading fails (a token over the limit, an I/O error), every chunk
   * submitted before it is printed first, as if evaluated in order, and its failure wins if it
   * has one.
   */
  private static String next(TokenReader tokens, OrderedWork<String> work) throws IOException {
    try {
      return tokens.next();
    } catch (IOException | RuntimeException e) {
      work.drain();
      throw e;
    }
  }

  /** Threads evaluating the command line's inputs. */
  static final int THREADS = Runtime.getRuntime().availableProcessors();

  /** The task of evaluating one chunk: its output lines, each ending in a newline. */
  private static java.util.concurrent.Callable<String> lines(OracleQuery q, List<String> chunk) {
    return () -> {
      StringBuilder b = new StringBuilder(chunk.size() * (q.digits + 8));
      for (OracleValue v : q.evaluate(chunk, i -> "")) {
        b.append(q.format(v, q.formats.get(0))).append(System.lineSeparator());
      }
      return b.toString();
    };
  }

  /** Inputs evaluated and printed together when streaming from stdin. */
  static final int CHUNK = OracleQuery.CHUNK;

  /** The longest vector an axis function takes. */
  static final int MAX_AXIS_LENGTH = OracleQuery.MAX_AXIS_LENGTH;

  /** The longest input token. */
  static final int MAX_TOKEN_CHARS = OracleQuery.MAX_TOKEN_CHARS;

  private static void print(PrintWriter pw, OracleQuery q, List<OracleValue> values) {
    for (OracleValue v : values) {
      pw.println(q.format(v, q.formats.get(0)));
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

    TokenReader(java.io.Reader reader) {
      this.reader = new BufferedReader(reader);
      this.given = null;
    }

    TokenReader(List<String> args) {
      this.reader = null;
      this.given = args.iterator();
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
          OracleQuery.checkToken(b.append((char) c).toString(), "");
        }
        b.append((char) c);
      }
      lineEnded = false;
      return b.length() > 0 ? checked(b.toString()) : null;
    }

    private String checked(String t) {
      OracleQuery.checkToken(t, "");
      return t;
    }
  }
}
