package org.activationtck.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.activationtck.oracle.Oracle;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;

/**
 * One question to the oracle, as {@code ./tck oracle} and {@code ./tck oracle --serve} both ask
 * it: a function in a dialect with parameters, inputs (number literals rounded to the input
 * dtype), the value or a derivative, and the formats to print each result in. The one place that
 * checks a query against the limits and evaluates it; the command line and the server differ
 * only in where the query comes from and how the answers are written.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose message starts with the offending field,
 * as the caller spells it ({@code --digits} on the command line, {@code field digits} in the
 * server); those over a limit are {@link LimitExceeded} and name it.
 */
final class OracleQuery {

  /** Most significant digits of the {@code exact} format. */
  static final int MAX_DIGITS = 1000;

  /** The longest vector an axis function takes (about 1 s at 1000 digits for softmax here). */
  static final int MAX_AXIS_LENGTH = 1000;

  /**
   * The longest input token or parameter value: far more than the 767 significant digits a
   * double can need.
   */
  static final int MAX_TOKEN_CHARS = 2000;

  /** Most inputs of an elementwise function in one server request. */
  static final int MAX_ELEMENTS = 10_000;

  /**
   * Seconds of evaluation after which a server request is abandoned (checked between values):
   * the time of a value grows faster than its digits and differs by function (keras3's arctan
   * of 0.75 to 1000 digits takes 2 s here, sigmoid's 5 ms).
   */
  static final int MAX_SECONDS = 30;

  /** Inputs evaluated and printed together when the command line streams from stdin. */
  static final int CHUNK = 4096;

  /** The formats a result can be printed in. */
  static final List<String> FORMATS = List.of("exact", "float64", "float32", "float16", "bfloat16");

  /** A request over one of the documented limits; {@link #limit} is its name. */
  static final class LimitExceeded extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String limit;

    LimitExceeded(String limit, String message) {
      super(message);
      this.limit = limit;
    }

    /** The limit's name, as {@code describe} lists it. */
    String limit() {
      return limit;
    }
  }

  private static final Oracle ORACLE = Oracle.standard();

  final FunctionSpec function;
  final String dialect;
  final Map<String, String> params;
  final Dtype inputDtype;
  /** {@code null} for the value, else the variable of the derivative ({@code x} or a parameter). */
  final String wrt;
  /** Each a member of {@link #FORMATS}. */
  final List<String> formats;
  final int digits;

  /**
   * Checks everything but the inputs.
   *
   * @param field how the caller names a field in an error: {@code digits} to {@code --digits}
   * @throws IllegalArgumentException starting with the field's name
   */
  OracleQuery(String function, String dialect, Map<String, String> params, String inputDtype,
      boolean derivative, String wrt, List<String> formats, int digits, UnaryOperator<String> field) {
    try {
      this.function = ORACLE.catalog().require(function);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at(field.apply("function"), e.getMessage()), e);
    }
    try {
      org.activationtck.spec.catalog.Dialect.fromId(dialect);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at(field.apply("dialect"), e.getMessage()), e);
    }
    this.dialect = dialect;
    for (Map.Entry<String, String> e : params.entrySet()) {
      // a parameter is read exactly too: a million digits take half a minute
      String name = field.apply("params");
      checkToken(e.getValue(), name + (name.startsWith("--") ? " " : "/") + e.getKey(), "a value");
    }
    this.params = new LinkedHashMap<>(params);
    try {
      this.inputDtype = Dtype.fromId(inputDtype);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at(field.apply("input_dtype"), "unknown dtype '"
          + inputDtype + "' (expected float64, float32, float16 or bfloat16)"), e);
    }
    if (formats.isEmpty()) {
      throw new IllegalArgumentException(field.apply("formats") + ": at least one format");
    }
    for (String f : formats) {
      if (!FORMATS.contains(f)) {
        throw new IllegalArgumentException(field.apply("formats") + ": unknown format '" + f
            + "' (expected exact, float64, float32, float16 or bfloat16)");
      }
    }
    this.formats = List.copyOf(formats);
    if (digits < 1 || digits > MAX_DIGITS) {
      throw new LimitExceeded("digits", field.apply("digits") + " must be in 1.." + MAX_DIGITS
          + " (limit digits), got " + digits);
    }
    this.digits = digits;
    if (!derivative && !wrt.equals("x")) {
      throw new IllegalArgumentException(field.apply("wrt") + " needs " + field.apply("derivative"));
    }
    this.wrt = derivative ? wrt : null;
  }

  boolean axis() {
    return function.kind() == Kind.AXIS;
  }

  /**
   * The limit on the number of inputs of one evaluation: an axis function's vector on the
   * command line and in the server, an elementwise request in the server.
   *
   * @throws LimitExceeded when {@code count} is over it
   */
  void checkCount(int count, boolean request, String field) {
    if (axis() && count > MAX_AXIS_LENGTH) {
      throw new LimitExceeded("axis_length", at(field, function.id()
          + " takes one vector of at most " + MAX_AXIS_LENGTH + " elements here (limit axis_length)"));
    }
    if (request && !axis() && count > MAX_ELEMENTS) {
      throw new LimitExceeded("elements", field + ": at most " + MAX_ELEMENTS
          + " inputs in one request (limit elements), got " + count);
    }
  }

  /**
   * Checks one input token's length (a longer one is bad input: parsing a million digits
   * exactly takes quadratic time).
   */
  static String checkToken(String t, String field) {
    return checkToken(t, field, "an input");
  }

  private static String checkToken(String t, String field, String what) {
    if (t.length() > MAX_TOKEN_CHARS) {
      throw new LimitExceeded("token_chars", at(field, what + " longer than " + MAX_TOKEN_CHARS
          + " characters (limit token_chars): '" + t.substring(0, 40) + "...'"));
    }
    return t;
  }

  /**
   * The inputs, read exactly and rounded to the input dtype, evaluated: one value per output
   * element.
   *
   * @param field names input {@code i} in an error, e.g. {@code x/3}
   */
  List<OracleValue> evaluate(List<String> tokens, java.util.function.IntFunction<String> field) {
    double[] x = new double[tokens.size()];
    for (int i = 0; i < x.length; i++) {
      String t = checkToken(tokens.get(i), field.apply(i));
      try {
        x[i] = NumberLiteral.parse(t, inputDtype);
      } catch (LimitExceeded e) {
        throw new LimitExceeded(e.limit(), at(field.apply(i), e.getMessage()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at(field.apply(i), e.getMessage()), e);
      }
    }
    return ORACLE.evaluate(function.id(), dialect, params, inputDtype, wrt, x);
  }

  /** One result in one of {@link #FORMATS}. */
  String format(OracleValue v, String format) {
    if (format.equals("exact")) {
      return v.decimal(digits);
    }
    Dtype t = Dtype.fromId(format);
    return Rounding.shortest(v.rounded(t), t);
  }

  /** {@code message} after the field's name and a colon, or alone for an empty name. */
  static String at(String field, String message) {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
