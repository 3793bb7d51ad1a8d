package org.activationtck.cli.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.activationtck.spi.API;
import org.activationtck.runner.report.HtmlPage;

/**
 * {@code docs/conformance.html}: the conformance matrix as a dashboard, from the very data of
 * {@code conformance.json} ({@link ConformanceJson#bytes}, embedded whole but for the text of each
 * adapter's FINDINGS.md, which the page links to instead). A grid of function (value and
 * derivative) by library and dtype, each cell coloured by the strictest tier the row meets
 * (strict, libm, framework), no, or not implemented; a cell opens the row's details: counts per
 * tier, largest error, diagnosis, reproducer with its {@code ./tck oracle} command, and the
 * adapter's findings. Filters by library, function, dtype, value/derivative and verdict.
 * Self-contained like the run report ({@link HtmlPage}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ConformanceHtml {

  private ConformanceHtml() {}

  public static byte[] bytes(Matrix m) {
    ObjectNode data;
    try {
      data = (ObjectNode) new ObjectMapper().readTree(ConformanceJson.bytes(m));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (JsonNode a : data.path("adapters")) {
      ObjectNode o = (ObjectNode) a;
      boolean findings = o.hasNonNull("findings") && !o.get("findings").asText().isBlank();
      o.remove("findings");
      o.put("findingsLink", findings ? "../adapters/" + o.path("adapter").asText() + "/FINDINGS.md" : null);
    }
    String body = "<header><h1>activation-tck conformance matrix</h1>\n"
        + "<p class=\"note\">Each cell is one library's function (value, or derivative marked ') in one dtype,"
        + " coloured by the strictest tier it meets (<a href=\"TIERS.md\">TIERS.md</a>); click a cell for"
        + " its counts, diagnosis and reproducer. The same data as <a href=\"conformance.json\">conformance.json</a>"
        + " and <a href=\"CONFORMANCE.md\">CONFORMANCE.md</a>, written by <code>./tck matrix</code>.</p></header>\n"
        + "<div class=\"filters\" id=\"filters\">"
        + "<label>library <select id=\"f-library\"><option value=\"\">all</option></select></label>"
        + "<label>function <select id=\"f-function\"><option value=\"\">all</option></select></label>"
        + "<label>dtype <select id=\"f-dtype\"><option value=\"\">all</option></select></label>"
        + "<label>of <select id=\"f-of\"><option value=\"\">value and derivative</option>"
        + "<option value=\"value\">value</option><option value=\"derivative\">derivative</option></select></label>"
        + "<label>verdict <select id=\"f-verdict\"><option value=\"\">all</option></select></label>"
        + "<span id=\"f-count\" class=\"note\"></span></div>\n"
        + "<p class=\"legend\" id=\"legend\"></p>\n"
        + "<div id=\"cell-details\" hidden=\"hidden\"></div>\n"
        + "<div class=\"gridwrap\"><table class=\"grid\" id=\"matrix\"></table></div>\n"
        + "<section id=\"libraries\"><h2>Libraries</h2><table class=\"libs\" id=\"libs\"></table></section>\n";
    return HtmlPage.page("activation-tck conformance matrix", "dashboard.js", data, body, false);
  }
}
