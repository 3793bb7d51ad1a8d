package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/** The command line's number literals: the decimal scan against the grammar as a regex. */
class NumberLiteralTest {

  /** The grammar of a decimal literal, written as the regular expression it is. */
  private static final Pattern DECIMAL = Pattern.compile(
      "[+-]?(\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?(\\d+))?");

  private static final String ALPHABET = "+-.eE7x ";

  @Test
  void decimalScan_agreesWithTheGrammar_onEveryShortString() {
    int strings = 0;
    for (int length = 0; length <= 6; length++) {
      int[] digits = new int[length];
      while (true) {
        StringBuilder b = new StringBuilder();
        for (int d : digits) {
          b.append(ALPHABET.charAt(d));
        }
        String t = b.toString();
        Matcher m = DECIMAL.matcher(t);
        int expected = !m.matches() ? -1 : m.group(2) == null ? 0 : m.group(2).length();
        assertEquals(expected, NumberLiteral.decimalExponentDigits(t), "'" + t + "'");
        strings++;
        int i = length - 1;
        while (i >= 0 && ++digits[i] == ALPHABET.length()) {
          digits[i--] = 0;
        }
        if (i < 0) {
          break;
        }
      }
    }
    assertEquals(299_593, strings);
  }

  @Test
  void decimals_roundOnceToTheFormat() {
    String[] literals = {"0.1", "-2.5e-3", "+7", ".5", "3.", "1e-400", "-1e-400", "1e400",
        "0.30000000000000004", "9007199254740993", "1.00000005960464477539062500001"};
    for (Dtype t : Dtype.values()) {
      for (String s : literals) {
        double expected = Rounding.round(new BigDecimal(s.startsWith("+") ? s.substring(1) : s), t);
        if (expected == 0) {
          expected = s.startsWith("-") ? -0.0 : 0.0;
        }
        assertEquals(expected, NumberLiteral.parse(s, t), s + " in " + t.id());
      }
    }
  }

  @Test
  void namesAndBadLiterals() {
    assertEquals(Double.NaN, NumberLiteral.parse("NaN", Dtype.FLOAT64));
    assertEquals(Double.NEGATIVE_INFINITY, NumberLiteral.parse("-Inf", Dtype.FLOAT32));
    assertEquals(Double.POSITIVE_INFINITY, NumberLiteral.parse("infinity", Dtype.FLOAT64));
    assertEquals(-0.0, NumberLiteral.parse("-0.0", Dtype.FLOAT64));
    assertEquals(0.1875, NumberLiteral.parse("0x1.8p-3", Dtype.FLOAT64));
    for (String s : new String[] {"", ".", "e5", "1e", "1e+", "1.2.3", "0x", "nan1", "１"}) {
      assertThrows(IllegalArgumentException.class, () -> NumberLiteral.parse(s, Dtype.FLOAT64), s);
    }
    OracleQuery.LimitExceeded e = assertThrows(OracleQuery.LimitExceeded.class,
        () -> NumberLiteral.parse("1e1234567", Dtype.FLOAT64));
    assertEquals("decimal_exponent", e.limit());
  }
}
