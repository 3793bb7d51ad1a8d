package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract: outputs and exit codes (0 ok, 1 conformance failure, 2 usage error). */
class TckCommandTest {

  @TempDir Path dir;


  @Test
  void eachSubcommandsName_isItsCommandAnnotationsName() {
    TckCommand.SUBCOMMANDS.forEach((name, c) ->
        assertEquals(name, c.getAnnotation(picocli.CommandLine.Command.class).name(), c.getName()));
    assertEquals(9, TckCommand.SUBCOMMANDS.size());
  }

  @Test
  void oracle_exactAndRounded() {
    CliRun r = CliRun.exec("oracle", "exponential", "1", "0x1.8p-3", "-0.0", "NaN", "-Infinity");
    assertEquals(0, r.code(), r.err());
    assertEquals(String.join("\n", "2.718281828459045235360287471352662497757",
        "1.20623024942098071065558601044643354804", "1.0", "NaN", "0.0", ""), r.out());
    CliRun f = CliRun.exec("oracle", "exponential", "1", "--format", "float32");
    assertEquals("2.7182817\n", f.out());
    CliRun d = CliRun.exec("oracle", "linear", "-0.0", "--derivative", "--format", "float16");
    assertEquals("1.0\n", d.out());
  }

  @Test
  void oracle_derivativeWithRespectToATrainableParameter() {
    // soft_exponential, alpha = 1/2, x = 2: d/d alpha = x e^(ax)/a - (e^(ax) - 1)/a^2 + 1
    // = 4e - 4(e - 1) + 1 = 5 exactly, worked by hand.
    CliRun r = CliRun.exec("oracle", "soft_exponential", "2", "--param", "alpha=0.5", "--derivative", "--wrt", "alpha");
    assertEquals(0, r.code(), r.err());
    assertEquals("5.0\n", r.out());
    assertEquals(2, CliRun.exec("oracle", "relu", "1", "--derivative", "--wrt", "alpha").code());
    assertEquals(2, CliRun.exec("oracle", "soft_exponential", "1", "--wrt", "alpha").code());
  }

  @Test
  void oracle_inputIsRoundedToTheInputDtypeFirst() {
    // 0.1 in float16 is 0.0999755859375 exactly; e^that, to 20 digits.
    CliRun r = CliRun.exec("oracle", "linear", "0.1", "--input-dtype", "float16");
    assertEquals("0.0999755859375\n", r.out());
  }

  @Test
  void usageErrors_exit2_oneLine_noStackTrace() {
    for (String[] args : new String[][] {
        {"oracle", "nosuch", "1"}, {"oracle", "exponential", "1x"},
        {"oracle", "exponential", "1", "--dialect", "pt"},
        {"oracle", "exponential", "1", "--param", "alpha=1"},
        {"oracle", "exponential", "1", "--input-dtype", "float8"},
        {"run", "--tier", "sloppy"}, {"run", "--functions", "nosuch"},
        {"run", "--tolerance", "gelu=4"}, {"run", "--bogus"}}) {
      CliRun r = CliRun.exec(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertTrue(!r.err().contains("\tat "), "stack trace for " + String.join(" ", args) + ": " + r.err());
    }
    assertTrue(CliRun.exec("oracle", "nosuch", "1").err().contains("unknown function 'nosuch'"));
  }

  @Test
  void run_reference_conforms_andWritesEveryReport() throws Exception {
    Path json = dir.resolve("r.json");
    Path xml = dir.resolve("r.xml");
    Path html = dir.resolve("r.html");
    CliRun r = CliRun.exec("run", "--functions", "linear,exponential", "--report-json", json.toString(),
        "--report-junit", xml.toString(), "--report-html", html.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("RESULT: CONFORMS"), r.out());
    assertTrue(Files.readString(json).contains("\"conforms\" : true"));
    assertTrue(Files.readString(xml).startsWith("<?xml"));
    assertTrue(Files.readString(html).contains("<table class=\"grid\">"));
  }

  @Test
  void run_failingImplementation_exits1() {
    CliRun r = CliRun.exec("run", "--functions", "exponential", "--dtype", "float32",
        "--impl-class", WrongExponential.class.getName());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("RESULT: FAILED"));
  }

  @Test
  void run_implementationThatDeclinesEverything_exits4_notConforms() throws Exception {
    Path json = dir.resolve("d.json");
    CliRun r = CliRun.exec("run", "--functions", "relu,gelu", "--impl-class", org.activationtck.runner.DecliningActivation.class.getName(),
        "--report-json", json.toString());
    assertEquals(4, r.code(), r.out());
    assertTrue(r.out().contains("RESULT: NOT CHECKED (nothing was checked: every call was declined"
        + " or not implemented)"), r.out());
    String report = Files.readString(json);
    assertTrue(report.contains("\"result\" : \"not_checked\""), report);
    assertTrue(report.contains("\"conforms\" : false"), report);
  }

  @Test
  void run_failureKinds_inTheConsoleAndJson_noUlpCountForASpecialValue() throws Exception {
    Path json = dir.resolve("k.json");
    CliRun r = CliRun.exec("run", "--functions", "exponential", "--dtype", "float32",
        "--impl-class", WrongExponential.class.getName(), "--report-json", json.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("failed by kind: "), r.out());
    String report = Files.readString(json);
    assertTrue(report.contains("\"reportVersion\" : 3"), report);
    assertTrue(!report.contains("\"Infinity\""), "ulps are numbers or null, never a string");
    assertTrue(report.contains("\"kind\" : \"ulps\""), report);
  }

  /** exp computed in float32 arithmetic throughout: not correctly rounded. */
  public static final class WrongExponential implements org.activationtck.spi.Activation {
    @Override
    public String name() {
      return "wrong";
    }

    @Override
    public boolean supports(String f, String d, org.activationtck.spi.Dtype t, boolean derivative) {
      return f.equals("exponential");
    }

    @Override
    public double[] apply(org.activationtck.spi.Call call, double[] x) {
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        float v = (float) x[i];
        // e^v = 2^(v log2 e) in float arithmetic: the product rounds, so large |v| drift.
        y[i] = (float) Math.pow(2f, v * 1.442695f);
      }
      return y;
    }
  }
}
