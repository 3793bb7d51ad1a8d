package org.activationtck.cli.impls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/**
 * {@link NarrowingReference} as a program on the JSON-lines process protocol (docs/PROTOCOL.md):
 * inputs read with correct rounding to the request's dtype, results written as the exact doubles
 * they are. Run by the tests as {@code java -cp ... NarrowingServer}.
 */
public final class NarrowingServer {

  private NarrowingServer() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper m = new ObjectMapper();
    NarrowingReference impl = new NarrowingReference();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      JsonNode q = m.readTree(line);
      ObjectNode reply = m.createObjectNode();
      reply.put("id", q.get("id").asLong());
      if (q.has("describe")) {
        reply.put("name", "narrowing-server");
        out.println(m.writeValueAsString(reply));
        continue;
      }
      Dtype t = Dtype.fromId(q.get("dtype").asText());
      Map<String, String> params = new LinkedHashMap<>();
      q.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      Call call = new Call(q.get("function").asText(), q.get("dialect").asText(), params, t,
          q.get("derivative").asBoolean(), -1);
      if (!impl.supports(call.function(), call.dialect(), t, call.derivative())) {
        reply.put("unsupported", true);
        out.println(m.writeValueAsString(reply));
        continue;
      }
      // the inputs' own text (a double in between would round twice: docs/PROTOCOL.md, Values)
      int from = line.indexOf("\"x\":[") + 5;
      String[] xs = line.substring(from, line.indexOf(']', from)).split(",");
      double[] x = new double[xs.length];
      for (int i = 0; i < x.length; i++) {
        String s = xs[i].trim().replace("\"", "");
        x[i] = s.equals("NaN") ? Double.NaN : s.equals("Infinity") ? Double.POSITIVE_INFINITY
            : s.equals("-Infinity") ? Double.NEGATIVE_INFINITY
            : s.equals("-0.0") || s.equals("-0") ? -0.0 : Rounding.round(new BigDecimal(s), t);
      }
      double[] y = impl.apply(call, x);
      ArrayNode ys = reply.putArray("y");
      for (double v : y) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
          ys.add(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        } else {
          ys.add(v);
        }
      }
      out.println(m.writeValueAsString(reply));
    }
  }
}
