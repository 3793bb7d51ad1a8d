package org.activationtck.runner.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.activationtck.spi.API;

/**
 * The shell of a self-contained HTML page: the head holds everything the page runs on (uPlot and
 * its style sheet, read from the uPlot WebJar on the class path, the page's own style and script
 * from this package's resources, and the page's data as JSON), so that it shows the same offline,
 * from a CI artifact or an e-mail attachment. The body is plain markup written by the caller, with
 * every string from an implementation escaped ({@link #esc}); the data's JSON is escaped so that
 * no text in it can close the script element.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class HtmlPage {

  /** Where the uPlot WebJar keeps its files (the version is the pom's). */
  static final String UPLOT_JAR = "/META-INF/resources/webjars/uplot/1.6.30/";
  static final String UPLOT = UPLOT_JAR + "dist/";

  private HtmlPage() {}

  /**
   * The whole page.
   *
   * @param title the page title (plain text)
   * @param script the name of the page's script among this package's resources, e.g. {@code run-report.js}
   * @param data the page's data, read by the script from the element {@code #tck-data}
   * @param body the body's markup (escaped by the caller)
   */
  public static byte[] page(String title, String script, ObjectNode data, String body) {
    return page(title, script, data, body, true);
  }

  /** The whole page; {@code plots} false leaves uPlot out (a page without plots). */
  public static byte[] page(String title, String script, ObjectNode data, String body, boolean plots) {
    StringBuilder b = new StringBuilder(body.length() + 80_000);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        .append("<title>").append(esc(title)).append("</title>\n")
        .append(plots ? "<style>" + resource(UPLOT + "uPlot.min.css") + "</style>\n" : "")
        .append("<style>").append(resource("page.css")).append("</style>\n")
        .append("<script type=\"application/json\" id=\"tck-data\">").append(json(data)).append("</script>\n")
        .append(plots ? "<script>/* uPlot 1.6.30, https://github.com/leeoniya/uPlot\n"
            + resource(UPLOT_JAR + "LICENSE").replace("*/", "* /") + "*/\n"
            + resource(UPLOT + "uPlot.iife.min.js") + "</script>\n" : "")
        .append("<script>").append(resource("common.js")).append("\n").append(resource(script))
        .append("</script>\n</head>\n<body>\n").append(body).append("</body></html>\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Text for HTML content and attributes (see {@link Formats#xml}). */
  public static String esc(String s) {
    return Formats.xml(s);
  }

  /**
   * JSON that is safe inside a script element: {@code <}, {@code >} and {@code &} as unicode
   * escapes (no {@code </script>} or {@code <!--} can occur), and the line separators that
   * JavaScript, unlike JSON, counts as line ends.
   */
  static String json(ObjectNode data) {
    try {
      String s = new ObjectMapper().writeValueAsString(data);
      return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
          .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A resource of this package (a bare name) or an absolute class-path resource, as text. */
  static String resource(String name) {
    try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " (is the uPlot WebJar on the class path?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
