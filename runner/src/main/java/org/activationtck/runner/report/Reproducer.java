package org.activationtck.runner.report;

import java.util.Map;
import java.util.StringJoiner;
import org.activationtck.spi.API;

/**
 * The smallest self-contained statement of one failure: the call and what came back, with the
 * {@code ./tck oracle} command that prints the expected value.
 *
 * @param function catalog id
 * @param dialect the dialect of the call
 * @param params the explicit parameters of the fixture case (empty: the dialect's defaults)
 * @param dtype input and output format
 * @param derivative whether d/dx was checked
 * @param input the input as the report prints it
 * @param expected the correctly rounded value
 * @param actual what the implementation returned ({@code null}: no answer)
 * @param ulps the error in ulps (infinite when not measurable)
 * @param reason the TCK's reason
 * @param caseId the fixture case
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Reproducer(String function, String dialect, Map<String, String> params, String dtype,
    boolean derivative, String input, String expected, String actual, double ulps, String reason,
    String caseId) {

  public Reproducer {
    params = Map.copyOf(params);
  }

  /** The {@code ./tck oracle} command printing the expected value (for elementwise or vector inputs). */
  public String oracleCommand() {
    StringJoiner j = new StringJoiner(" ");
    j.add("./tck oracle").add(function);
    String x = input;
    if (x.startsWith("[")) {
      x = x.substring(1, x.endsWith("]") ? x.length() - 1 : x.length()).replace(",", " ").trim();
    } else {
      int sp = x.indexOf(' ');
      x = sp < 0 ? x : x.substring(0, sp);
    }
    for (String v : x.split("\\s+")) {
      if (!v.isEmpty()) {
        j.add(v);
      }
    }
    j.add("--dialect").add(dialect);
    params.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> j.add("--param").add(e.getKey() + "=" + e.getValue()));
    if (derivative) {
      j.add("--derivative");
    }
    if (!dtype.equals("float64")) {
      j.add("--input-dtype").add(dtype);
    }
    j.add("--format").add(dtype);
    return j.toString();
  }
}
