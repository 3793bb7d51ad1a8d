package org.activationtck.runner.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.activationtck.spi.Dtype;

/**
 * Whatever a program prints, parsing its reply line yields values, "unsupported" or a
 * {@link Replies.BadReply} with a reason: never any other exception (which the runner would
 * still catch, but as an unexplained "threw"). Lines are random text, random JSON-like
 * structures around the protocol's fields, and deeply nested or oversized documents.
 */
class RepliesPropertyTest {

  private static final Replies REPLIES = new Replies(1 << 16);

  private static void parseOrDocumentedFailure(String line, long id, Dtype t) {
    try {
      REPLIES.parse(line, id, t);
    } catch (Replies.BadReply | UnsupportedOperationException expected) {
      // the documented outcomes
    }
  }

  @Property(tries = 1500)
  void required_randomText_neverThrowsUndocumented(@ForAll String line, @ForAll Dtype t) {
    parseOrDocumentedFailure(line, 7, t);
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.of("NaN", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"x\"", "null", "true",
            "false", "1e999999", "-0", "0x10", "1" + "0".repeat(2000), "[]", "{}", "[1,[2]]"),
        Arbitraries.strings().ofMaxLength(8).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
    Arbitrary<String> array = scalar.list().ofMaxSize(5).map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> value = Arbitraries.oneOf(scalar, array);
    Arbitrary<String> field = Combinators.combine(
        Arbitraries.of("id", "y", "error", "unsupported", "x", ""), value).as((k, v) -> "\"" + k + "\":" + v);
    return field.list().ofMaxSize(5).map(l -> "{" + String.join(",", l) + "}");
  }

  @Property(tries = 1500)
  void required_randomJsonReplies_neverThrowUndocumented(@ForAll("jsonish") String line, @ForAll Dtype t) {
    parseOrDocumentedFailure(line, 7, t);
  }

  @Property(tries = 50)
  void required_hostileShapes_areBadReplies(@ForAll("depths") int depth) {
    String deep = "{\"id\":7,\"y\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    parseOrDocumentedFailure(deep, 7, Dtype.FLOAT64);
    parseOrDocumentedFailure("{\"id\":7,\"y\":[\"" + "a".repeat(1 << 17) + "\"]}", 7, Dtype.FLOAT64);
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.integers().between(1, 5000);
  }

  @Property(tries = 500)
  void required_validReply_givesItsValuesRounded(@ForAll List<Double> ys) {
    StringBuilder b = new StringBuilder("{\"id\":3,\"y\":[");
    double[] want = new double[ys.size()];
    for (int i = 0; i < ys.size(); i++) {
      double y = ys.get(i);
      b.append(i == 0 ? "" : ",").append(Double.isFinite(y) ? Double.toString(y)
          : "\"" + (Double.isNaN(y) ? "NaN" : y > 0 ? "Infinity" : "-Infinity") + "\"");
      want[i] = y;
    }
    assertArrayEquals(want, REPLIES.parse(b.append("]}").toString(), 3, Dtype.FLOAT64));
    assertEquals(ys.size(), REPLIES.parse(b.toString(), 3, Dtype.FLOAT32).length);
  }
}
