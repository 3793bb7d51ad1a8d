package org.activationtck.oracle;

import org.activationtck.spec.params.Params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The oracle's results at NaN, ±Infinity and ±0.0 against the values the catalog states, for
 * every dialect at its default parameters. A key {@code "<dialect>/<input>"} overrides the plain
 * {@code "<input>"} for that dialect. The catalog was written from the frameworks' source, the
 * oracle from the definitions: two independent statements of the same facts.
 */
class CatalogSpecialValuesTest {

  private static final Map<String, Double> INPUTS = Map.of(
      "nan", Double.NaN, "+inf", Double.POSITIVE_INFINITY, "-inf", Double.NEGATIVE_INFINITY,
      "+0", 0.0, "-0", -0.0);

  @TestFactory
  Stream<DynamicTest> specialValues_matchCatalog() {
    List<DynamicTest> tests = new ArrayList<>();
    for (FunctionSpec f : Catalog.standard().functions()) {
      var impl = FunctionRegistry.lookup(f.id());
      if (f.kind() != Kind.ELEMENTWISE || impl.isEmpty()) {
        continue;
      }
      ElementwiseFunction fn = (ElementwiseFunction) impl.get();
      for (String dialect : f.names().keySet()) {
        for (var in : INPUTS.entrySet()) {
          String stated = f.special().getOrDefault(dialect + "/" + in.getKey(), f.special().get(in.getKey()));
          if (stated == null) {
            continue;
          }
          tests.add(DynamicTest.dynamicTest(f.id() + " " + dialect + " f(" + in.getKey() + ") = " + stated, () -> {
            Params p = Params.resolve(f, dialect, Map.of(), Dtype.FLOAT64);
            double got = new OracleValue(d -> fn.value(in.getValue(), p, d)).rounded(Dtype.FLOAT64);
            double expected = parse(stated);
            assertEquals(Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(Double.NaN)
                ? "NaN" : Double.toString(expected), Double.isNaN(got) ? "NaN" : Double.toString(got));
          }));
        }
      }
    }
    return tests.stream();
  }

  private static double parse(String s) {
    switch (s) {
      case "NaN": return Double.NaN;
      case "+Infinity": return Double.POSITIVE_INFINITY;
      case "-Infinity": return Double.NEGATIVE_INFINITY;
      default: return Double.parseDouble(s);
    }
  }
}
