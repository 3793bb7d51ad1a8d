package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input to {@code ./tck} gets exit code 2 and exactly one line on stderr that names the
 * bad token, never a stack trace (docs/guide/faults.md).
 */
class BadInputTest {

  @TempDir static Path dir;


  static Arguments bad(String mustName, String... args) {
    return Arguments.of(mustName, args);
  }

  static Stream<Arguments> badCommandLines() {
    return Stream.of(
        bad("'bogus'", "bogus"),
        bad("--bogus", "run", "--bogus"),
        bad("'abc'", "run", "--timeout", "abc"),
        bad("--timeout", "run", "--timeout", "-1"),
        bad("--timeout", "run", "--timeout", "NaN"),
        bad("'float8'", "run", "--dtype", "float8"),
        bad("'xx'", "run", "--dialect", "xx"),
        bad("'sloppy'", "run", "--tier", "sloppy"),
        bad("'x'", "run", "--signed-zero", "x"),
        bad("'nosuch'", "run", "--functions", "nosuch"),
        bad("--fixtures: an empty path", "run", "--fixtures", ""),
        bad("'nosuch'", "run", "--tolerance", "nosuch:float32=1"),
        bad("'abc'", "run", "--tolerance", "gelu:float32=abc"),
        bad("gelu=4", "run", "--tolerance", "gelu=4"),
        bad("'nosuch'", "run", "--impl", "nosuch"),
        bad("nosuch.X", "run", "--impl-class", "nosuch.X"),
        bad("java.lang.String", "run", "--impl-class", "java.lang.String"),
        bad("failed: IllegalStateException (no licence key found)", "run", "--impl-class",
            "org.activationtck.cli.impls.ThrowingConstructor"),
        bad("ExceptionInInitializerError, caused by NumberFormatException", "run",
            "--impl-class", "org.activationtck.cli.impls.FailingInitialiser"),
        bad("/nonexistent/impl", "run", "--impl-command", "/nonexistent/impl", "--functions", "linear"),
        bad("unterminated quote", "run", "--impl-command", "a \"b"),
        bad("is a directory", "run", "--functions", "linear", "--report-json", System.getProperty("java.io.tmpdir")),
        bad("'FUNCTION'", "oracle"),
        bad("--serve takes no --digits: each request names its own (field digits", "oracle", "--serve", "--digits", "100"),
        bad("--serve takes no --format: each request names its own (field formats", "oracle", "--serve", "--format", "float32"),
        bad("'nosuch'", "oracle", "nosuch", "1"),
        bad("'1x'", "oracle", "exponential", "1x"),
        bad("number out of range (exponent beyond 999999, limit decimal_exponent): '1e99999999'", "oracle", "exponential", "1e99999999"),
        bad("not a number: '1\\u001b]0;x\\u0007y'", "oracle", "sigmoid", "1\u001b]0;x\u0007y"),
        bad("unknown format 'decimal' (expected exact,", "oracle", "sigmoid", "1", "--format", "decimal"),
        bad("'0x1p99999999999999999999'", "oracle", "exponential", "0x1p99999999999999999999"),
        bad("'pt'", "oracle", "exponential", "1", "--dialect", "pt"),
        bad("'onnx'", "oracle", "softmin", "1", "--dialect", "onnx"),
        bad("'alpha'", "oracle", "exponential", "1", "--param", "alpha=1"),
        bad("'abc'", "oracle", "elu", "1", "--param", "alpha=abc"),
        bad("1e400", "oracle", "elu", "1", "--param", "alpha=1e400"),
        bad("'alpha': expected NAME=VALUE", "oracle", "elu", "1", "--param", "alpha"),
        bad("--param alpha given twice", "oracle", "elu", "1", "--param", "alpha=1", "--param", "alpha=2"),
        bad("--param alpha given twice", "exhaustive", "--function", "elu", "--param", "alpha=1",
            "--param", "alpha=2", "--range", "0:10"),
        bad("LO:LO is empty", "exhaustive", "--function", "relu", "--range", "0x3f800000:0x3f800000"),
        bad("5 shards of 4 inputs", "exhaustive", "--function", "relu", "--range", "0:4", "--shard", "1/5"),
        bad("'abc'", "oracle", "exponential", "1", "--digits", "abc"),
        bad("--digits", "oracle", "exponential", "1", "--digits", "0"),
        bad("'float8'", "oracle", "exponential", "1", "--input-dtype", "float8"),
        bad("'float8'", "oracle", "exponential", "1", "--format", "float8"),
        // The catalog's parameter constraints, per dialect.
        bad("'b'", "oracle", "squareplus", "1", "--param", "b=-1"),
        bad("'alpha'", "oracle", "celu", "1", "--param", "alpha=0"),
        bad("'alpha'", "oracle", "celu", "1", "--param", "alpha=0", "--dialect", "pytorch"),
        bad("'alpha'", "oracle", "selu", "1", "--param", "alpha=-1"),
        bad("'beta'", "oracle", "softplus", "1", "--param", "beta=0"),
        bad("'threshold'", "oracle", "soft_shrink", "1", "--param", "threshold=-1"),
        bad("'theta'", "oracle", "thresholded_relu", "1", "--param", "theta=-1", "--dialect", "tf_keras2"),
        bad("'negative_slope'", "oracle", "relu", "1", "--param", "negative_slope=-1"),
        bad("'lower'", "oracle", "rrelu", "1", "--param", "lower=0.5", "--param", "upper=0.1", "--dialect", "pytorch"),
        bad("'min_val'", "oracle", "hard_tanh", "1", "--param", "min_val=2"),
        bad("'abc'", "oracle", "softmax", "1", "2", "--param", "axis=abc"),
        bad("'axis'", "oracle", "softmax", "1", "2", "--param", "axis=5"),
        bad("got 3", "oracle", "glu", "1", "2", "3"),
        bad("--derivative", "oracle", "softmax", "1", "2", "--derivative"),
        bad("'nosuch'", "fixtures", "generate", "--functions", "nosuch", "--out", dir.resolve("gen").toString()),
        bad("'float64'", "fixtures", "exhaustive", "--dtype", "float64", "--out", dir.resolve("ex").toString()),
        bad("/nonexistent", "fixtures", "check", "--dir", "/nonexistent/fixtures"),
        bad("'bogus'", "spec", "bogus"));
  }

  @ParameterizedTest
  @MethodSource("badCommandLines")
  void required_badInput_exit2_oneLineNamingIt(String mustName, String[] args) {
    assertOneLine(CliRun.exec(args), mustName, String.join(" ", args));
  }

  static void assertOneLine(CliRun r, String mustName, String what) {
    assertEquals(2, r.code(), what + ": " + r.err());
    String err = r.err().strip();
    assertFalse(err.contains("\n"), what + ": more than one line: " + r.err());
    assertFalse(err.contains("\tat ") || err.contains("Exception:") && !err.contains("ClassCastException"),
        what + ": stack trace or raw exception: " + r.err());
    assertTrue(err.startsWith("tck"), what + ": " + err);
    assertTrue(err.contains(mustName), what + ": does not name " + mustName + ": " + err);
  }

  // ---- malformed fixture folders: --fixtures DIR with one broken file ----

  static final Path LINEAR = Path.of("../fixtures/src/main/resources/org/activationtck/fixtures/cases/linear.json")
      .toAbsolutePath().normalize();

  static Stream<Arguments> brokenFixtures() {
    return Stream.of(
        Arguments.of("truncated", (UnaryOperator<String>) s -> s.substring(0, s.length() / 3), "linear.json:"),
        Arguments.of("empty", (UnaryOperator<String>) s -> "", "linear.json:"),
        Arguments.of("garbage", (UnaryOperator<String>) s -> "\u0000\u00ff garbage", "linear.json:"),
        Arguments.of("schema version", (UnaryOperator<String>) s -> s.replace("\"schemaVersion\": 1", "\"schemaVersion\": 99"), "/schemaVersion"),
        Arguments.of("unknown field", (UnaryOperator<String>) s -> s.replaceFirst("\"kind\"", "\"knid\""), "knid"),
        Arguments.of("bad kind", (UnaryOperator<String>) s -> s.replaceFirst("\"kind\": \"elementwise\"", "\"kind\": \"pointwise\""), "/kind"),
        Arguments.of("bad hex", (UnaryOperator<String>) s -> s.replaceFirst("\"hex\": ?\"[^\"]*\"", "\"hex\":\"zzz\""), "/cases/0/x/0/hex"),
        Arguments.of("bad dtype", (UnaryOperator<String>) s -> s.replaceFirst("\"dtype\": ?\"float64\"", "\"dtype\":\"float8\""), "/cases/0/dtype"),
        Arguments.of("bad dialect", (UnaryOperator<String>) s -> s.replaceFirst("\"keras3\"", "\"keras9\""), "/cases/0/dialects/0"),
        Arguments.of("bad expected", (UnaryOperator<String>) s -> s.replaceFirst("\"float64\": ?\"[^\"]*\"", "\"float64\":\"one\""), "/cases/0/value/0/float64"),
        Arguments.of("unknown parameter", (UnaryOperator<String>) s -> s.replaceFirst("\"params\": ?\\{\\}", "\"params\":{\"alpha\":\"1\"}"), "/cases/0/params/alpha"),
        Arguments.of("unknown function", (UnaryOperator<String>) s -> s.replaceFirst("\"function\": ?\"linear\"", "\"function\": \"lineal\""), "'lineal'"),
        Arguments.of("duplicate key", (UnaryOperator<String>) s -> s.replaceFirst("\"dtype\": ?\"float64\"", "\"dtype\": \"float32\", \"dtype\": \"float64\""), "Duplicate field 'dtype'"),
        Arguments.of("more values than inputs", (UnaryOperator<String>) s -> s.replaceFirst("\"value\": ?\\[", "\"value\": [{\"exact\": \"0\", \"float64\": \"0\", \"float32\": \"0\", \"float16\": \"0\", \"bfloat16\": \"0\"}, "), "/cases/0/value: 2 expected values for 1 inputs"),
        Arguments.of("deep nesting", (UnaryOperator<String>) s -> s.replaceFirst("\"params\": ?\\{\\}", "\"params\":" + "[".repeat(100) + "]".repeat(100)), "linear.json:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFixtures")
  void required_brokenFixtureFile_exit2_namesFileAndField(String name, UnaryOperator<String> breakIt,
      String mustName) throws IOException {
    Path d = Files.createTempDirectory(dir, "fx");
    String good = Files.readString(LINEAR);
    String broken = breakIt.apply(good);
    assertFalse(broken.equals(good), name + ": the mutation did not apply");
    Files.writeString(d.resolve("linear.json"), broken);
    CliRun r = CliRun.exec("run", "--fixtures", d.toString(), "--functions", "linear");
    assertOneLine(r, mustName, name);
    assertTrue(r.err().contains(d.resolve("linear.json").toString()), name + ": names no file: " + r.err());
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "celu alpha = 0 | celu | \"alpha\": \"0\"",
      "squareplus b = -1 | squareplus | \"b\": \"-1\"",
      "relu threshold beyond the double range | relu | \"threshold\": \"1e999999\""})
  void required_parametersOutsideTheCatalogsConstraints_exit2(String name, String function,
      String param) throws IOException {
    Path d = Files.createTempDirectory(dir, "fx");
    String good = Files.readString(LINEAR.resolveSibling(function + ".json"));
    String broken = good.replaceFirst("\"params\": ?\\{\\}", "\"params\": {" + param + "}");
    assertFalse(broken.equals(good), name + ": the mutation did not apply");
    Files.writeString(d.resolve(function + ".json"), broken);
    CliRun r = CliRun.exec("run", "--fixtures", d.toString(), "--functions", function);
    assertOneLine(r, "/cases/0/params", name);
    assertTrue(r.err().contains(d.resolve(function + ".json").toString()), name + ": names no file: " + r.err());
  }

  @Test
  void required_missingFixtureFolder_exit2() {
    assertOneLine(CliRun.exec("run", "--fixtures", dir.resolve("none").toString()), "none", "missing folder");
  }
}
