package org.activationtck.spec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogExpressionTest {

  private static final Map<String, Object> PARAMS = Map.of(
      "lower", new BigDecimal("0.125"), "upper", new BigDecimal("0.375"), "flag", Boolean.TRUE);

  private static BigDecimal eval(String e) {
    return CatalogExpression.evaluate(e, PARAMS::get);
  }

  @Test
  void evaluatesDecimalsParametersAndPrecedence() {
    assertEquals(0, new BigDecimal("0.5").compareTo(eval("0.5")));
    assertEquals(0, new BigDecimal("0.25").compareTo(eval("(lower + upper) / 2")));
    assertEquals(0, new BigDecimal("0.875").compareTo(eval("lower + upper * 2")));
    assertEquals(0, new BigDecimal("-0.25").compareTo(eval("lower - upper")));
    assertEquals(0, new BigDecimal("0.125").compareTo(eval("-(-lower)")));
    assertNull(eval("NaN"));
  }

  @Test
  void reportsBadExpressions() {
    assertThrows(IllegalArgumentException.class, () -> eval("1 / 3"));       // not a terminating decimal
    assertThrows(IllegalArgumentException.class, () -> eval("lower +"));
    assertThrows(IllegalArgumentException.class, () -> eval("(lower"));
    assertThrows(IllegalArgumentException.class, () -> eval("1.2.3"));
    assertThrows(IllegalArgumentException.class, () -> eval("flag"));        // not a real parameter
    assertThrows(IllegalArgumentException.class, () -> eval("missing"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> eval("2 $"));
    assertTrue(e.getMessage().startsWith("expression '2 $': "), e.getMessage());
  }

  @Test
  void listsTheParametersItNames() {
    assertEquals(Set.of("lower", "upper"), CatalogExpression.parameters("(lower + upper) / 2"));
    assertEquals(Set.of(), CatalogExpression.parameters("NaN"));
  }
}
