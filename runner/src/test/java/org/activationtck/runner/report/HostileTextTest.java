package org.activationtck.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.TckConfig;
import org.activationtck.runner.TckRunner;
import org.junit.jupiter.api.Test;

/**
 * Every string that comes from an implementation (its name, its exception messages) is escaped in
 * the HTML and JUnit XML reports and kept verbatim in JSON; every report is written even when the
 * implementation misbehaves.
 */
public class HostileTextTest {

  /** Markup, a CDATA terminator, quotes, control characters, an ANSI escape, a lone surrogate. */
  static final String HOSTILE = "<script>alert('x')</script> ]]> \"q\" 'a' & \u0000\u0001\u0007\u001b[2J"
      + "\u000b\u000c\ud800 \uffff end";

  public static final class Hostile implements Activation {
    @Override
    public String name() {
      return "hostile " + HOSTILE;
    }

    @Override
    public boolean supports(String f, String d, Dtype t, boolean derivative) {
      return true;
    }

    @Override
    public double[] apply(Call call, double[] x) {
      if (call.function().equals("linear")) {
        throw new IllegalStateException(HOSTILE);
      }
      if (call.function().equals("exponential")) {
        return null;
      }
      return new double[x.length + 1]; // relu: the wrong length
    }
  }

  private static RunResult run() {
    TckConfig c = TckConfig.builder().functions(List.of("linear", "exponential", "relu"))
        .dtypes(List.of(Dtype.FLOAT32)).callTimeout(Duration.ofSeconds(10)).build();
    return new TckRunner(new Hostile(), c).run();
  }

  private static void assertWellFormedXml(byte[] doc, String what) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.newDocumentBuilder().parse(new ByteArrayInputStream(doc)); // throws when not well-formed
  }

  @Test
  void required_everyReportWritten_andHostileTextEscaped() throws Exception {
    RunResult r = run();
    assertTrue(r.failed() > 0);

    String xml = new String(JunitXmlReport.bytes(r), StandardCharsets.UTF_8);
    assertWellFormedXml(xml.getBytes(StandardCharsets.UTF_8), "junit");
    assertFalse(xml.contains("<script>"), "raw markup in JUnit XML");
    assertFalse(xml.contains("]]>"), "CDATA terminator in JUnit XML");
    assertTrue(xml.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ]]&gt; &quot;q&quot;"), xml);
    assertTrue(xml.contains("threw java.lang.IllegalStateException"));
    assertTrue(xml.contains("returned null"));
    assertTrue(xml.contains("values for"));

    String html = new String(HtmlReport.bytes(r), StandardCharsets.UTF_8);
    // the page's own scripts (uPlot, its data as JSON) are in the head; none may come from the
    // implementation's text, and the data's JSON escapes < so that nothing can close its element
    String body0 = html.substring(html.indexOf("<body>"));
    assertFalse(body0.contains("<script"), "raw script tag in the HTML body");
    assertFalse(html.contains("<script>alert"), "the implementation's script tag reached the HTML");
    com.fasterxml.jackson.databind.node.ObjectNode data = new ObjectMapper().createObjectNode();
    data.put("t", HOSTILE + " </script><!-- & \u2028");
    String pageJson = HtmlPage.json(data);
    assertFalse(pageJson.contains("<") || pageJson.contains(">") || pageJson.contains("&") || pageJson.contains("\u2028"), pageJson);
    assertEquals(HOSTILE + " </script><!-- & \u2028", new ObjectMapper().readTree(pageJson).get("t").asText());
    assertFalse(html.contains("\u001b") || html.contains("\u0000") || html.contains("\ud800"),
        "control characters or a lone surrogate in HTML");
    assertTrue(html.contains("&lt;script&gt;"), "escaped text missing");
    // HTML is not XML, but our writer emits well-formed markup except for the doctype and the
    // void <meta>; parse the body's tables and plots as XML to prove the escaping holds.
    String body = html.substring(html.indexOf("<body>"), html.indexOf("</body>") + 7);
    assertWellFormedXml(body.getBytes(StandardCharsets.UTF_8), "html body");

    JsonNode json = new ObjectMapper().readTree(JsonReport.bytes(r));
    assertEquals("hostile " + HOSTILE, json.get("implementation").asText(), "JSON keeps text verbatim");
    assertFalse(json.get("conforms").asBoolean());

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ConsoleReport.print(r, new PrintStream(console, true, StandardCharsets.UTF_8));
    String text = console.toString(StandardCharsets.UTF_8);
    assertFalse(text.contains("\u001b"), "an ANSI escape reached the terminal");
    assertTrue(text.contains("RESULT: FAILED"));
  }

  @Test
  void required_xmlEscaping_coversEveryForbiddenCharacter() {
    for (int c = 0; c < 0x20; c++) {
      String e = Formats.xml(String.valueOf((char) c));
      assertEquals(c == 9 || c == 10 || c == 13 ? String.valueOf((char) c) : "?", e, "char " + c);
    }
    assertEquals("?", Formats.xml("\udc00"));
    assertEquals("\ud83d\ude00", Formats.xml("\ud83d\ude00"), "a valid pair is kept");
    assertEquals("?", Formats.xml("\ufffe"));
    assertEquals("&lt;&gt;&amp;&quot;&#39;", Formats.xml("<>&\"'"));
  }
}
