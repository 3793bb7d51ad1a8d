package org.activationtck.runner.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a deviation list can be wrong is one line naming the file, the line and the field. */
class DeviationListReaderTest {

  @Test
  void aCompleteEntry_isReadAsWritten() {
    Deviation d = ReaderFixtures.entry("\"kind\": \"ulps\", \"rule\": \"sigmoid.tail.negative\","
        + " \"params\": {}, \"x\": {\"max\": -87.5}, \"max_ulps\": 2e6, \"link\": \"https://x\","
        + " \"observed\": \"anything\"");
    assertEquals("sigmoid", d.function());
    assertEquals(List.of("pytorch"), d.dialects());
    assertEquals(Dtype.FLOAT32, d.dtype());
    assertEquals(FailureKind.ULPS, d.kind());
    assertEquals(Map.of(), d.params());
    assertEquals(InputSet.range(Double.NEGATIVE_INFINITY, -87.5), d.inputs());
    assertEquals(2e6, d.maxUlps());
    assertEquals(4, d.line(), "the line where the entry's object starts");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown field | \"colour\": \"red\" | t.json:9: field /deviations/0/colour: unknown field",
      "unknown kind | \"kind\": \"ulp\" | t.json:9: field /deviations/0/kind: 'ulp' is not a failure kind",
      "unknown rule | \"rule\": \"relu.value\" | t.json:9: field /deviations/0/rule: 'relu.value' is not a rule of sigmoid",
      "unknown parameter | \"params\": {\"alpha\": 1} | t.json:9: field /deviations/0/params/alpha: 'alpha' is not a parameter of sigmoid (it has none)",
      "unknown input class | \"x\": \"negative\" | t.json:9: field /deviations/0/x: 'negative' is not an input class",
      "empty range | \"x\": {\"min\": 2, \"max\": 1} | t.json:9: field /deviations/0/x: the range is empty",
      "range without bounds | \"x\": {} | t.json:9: field /deviations/0/x: a range needs",
      "ceiling of another kind | \"kind\": \"signed_zero\", \"max_ulps\": 3 | t.json:9: field /deviations/0/max_ulps: a ceiling in ulps admits only failures of kind ulps",
      "negative ceiling | \"max_ulps\": -1 | t.json:9: field /deviations/0/max_ulps: a finite number of ulps",
  })
  void aBadField_namesFileLineAndField(String what, String fields, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeviationList.parse(ReaderFixtures.list(fields), "t.json"));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown function | \"function\": \"sigmoid\" | \"function\": \"sigmoidd\" | t.json:5: field /deviations/0/function: 'sigmoidd' is not a catalog function id",
      "an alias, not the id | \"function\": \"sigmoid\" | \"function\": \"logistic\" | t.json:5: field /deviations/0/function: 'logistic' is not a catalog function id",
      "dialect without the function | \"function\": \"sigmoid\" | \"function\": \"soft_exponential\" | t.json:6: field /deviations/0/dialect: 'pytorch' is not a dialect of soft_exponential",
      "unknown dtype | \"float32\" | \"float8\" | t.json:7: field /deviations/0/dtype:",
      "of neither | \"value\" | \"values\" | t.json:8: field /deviations/0/of: 'values' must be value or derivative",
      "derivative of an axis function | \"sigmoid\",\\n      \"dialect\": \"pytorch\",\\n      \"dtype\": \"float32\",\\n      \"of\": \"value\" | \"softmax\",\\n      \"dialect\": \"pytorch\",\\n      \"dtype\": \"float32\",\\n      \"of\": \"derivative\" | t.json:8: field /deviations/0/of: softmax is an axis function",
      "missing reason | \"reason\": \"why\" | \"link\": \"x\" | t.json:4: field /deviations/0/reason: required",
      "blank reason | \"reason\": \"why\" | \"reason\": \" \" | t.json:9: field /deviations/0/reason: required",
      "duplicate key | \"dtype\": \"float32\" | \"dtype\": \"float64\", \"dtype\": \"float32\" | t.json:7: Duplicate field 'dtype'",
      "wrong format | activation-tck-deviations/1 | activation-tck-deviations/9 | t.json:2: field /format: 'activation-tck-deviations/9' is not a format",
      "truncated | \"reason\": \"why\"\\n    }\\n  ]\\n} | \"reason\": \"why\" | t.json:",
  })
  void aBadEntry_namesFileLineAndField(String what, String from, String to, String message) {
    String json = ReaderFixtures.list("").replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeviationList.parse(json, "t.json"));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void anAxisFunction_cannotSelectInputs() {
    String json = ReaderFixtures.list("\"x\": \"nan\"").replace("\"sigmoid\"", "\"softmax\"");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeviationList.parse(json, "t.json"));
    assertTrue(e.getMessage().startsWith("t.json:9: field /deviations/0/x: softmax is an axis function"),
        e.getMessage());
  }

  @Test
  void notAnObject_andNotJson_areOneLine() {
    for (String bad : new String[] {"[]", "", "{\"format\": \"activation-tck-deviations/1\"}", "{,}"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> DeviationList.parse(bad, "t.json"), bad);
      assertTrue(e.getMessage().startsWith("t.json:"), e.getMessage());
    }
  }
}
