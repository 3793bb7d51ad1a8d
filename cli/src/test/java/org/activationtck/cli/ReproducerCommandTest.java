package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationtck.runner.report.HtmlReport;
import org.activationtck.runner.report.ReportSamples;
import org.junit.jupiter.api.Test;


/**
 * The reproducer commands of the HTML report, run in a shell as a reader would paste them, print
 * the expected value the report shows beside them. {@code ./tck} is replaced by {@code java -cp
 * <this build's class path> org.activationtck.cli.TckCommand}: the same classes as the CLI jar,
 * which Maven packages only after the tests.
 */
class ReproducerCommandTest {

  private static final Pattern ROW = Pattern.compile("<tr class=\"f-(?:new|known)\">(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern EXPECTED = Pattern.compile("<code class=\"expected\">(.*?)</code>");
  private static final Pattern CMD = Pattern.compile("<code class=\"cmd\">(.*?)</code>");

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  @Test
  void required_reproducerPrintsTheExpectedValueShown() throws Exception {
    String html = new String(HtmlReport.bytes(ReportSamples.run()), StandardCharsets.UTF_8);
    // one command per kind of call: value and dtype, with NaN, infinite and zero inputs among them
    Map<String, String> commands = new LinkedHashMap<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      Matcher e = EXPECTED.matcher(row.group(1));
      Matcher c = CMD.matcher(row.group(1));
      assertTrue(e.find() && c.find(), row.group(1));
      String cmd = unescape(c.group(1));
      String key = cmd.replaceAll("oracle (\\S+) \\S+", "oracle $1") + (cmd.contains("Infinity") || cmd.contains("NaN")
          || cmd.contains(" 0.0 ") || cmd.contains(" -0.0 ") ? " special" : "");
      commands.putIfAbsent(key, unescape(e.group(1)) + "\n" + cmd);
    }
    assertTrue(commands.size() >= 4, commands.toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String prefix = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' org.activationtck.cli.TckCommand";
    List<String> checked = new ArrayList<>();
    for (String v : commands.values()) {
      String expected = v.substring(0, v.indexOf('\n'));
      String cmd = v.substring(v.indexOf('\n') + 1);
      assertTrue(cmd.startsWith("./tck oracle "), cmd);
      Process p = new ProcessBuilder("/bin/sh", "-c", prefix + cmd.substring("./tck".length()))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), cmd + ": " + out);
      assertEquals(expected, out, cmd);
      checked.add(cmd);
    }
    assertTrue(checked.stream().anyMatch(c -> c.contains("--input-dtype float32 --format float32")), checked.toString());
    assertTrue(checked.stream().anyMatch(c -> c.contains("--format float64")), checked.toString());
  }
}
