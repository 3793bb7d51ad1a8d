package org.activationtck.spec.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalog's small arithmetic over decimals and real parameters, as used by
 * {@link NanDerivative#value()} and {@link PositionDependence#simd()}: {@code NaN}, or an
 * expression of decimals ({@code 0.5}), parameter names ({@code negative_slope}), unary minus,
 * {@code + - * /} with the usual precedence and parentheses ({@code (lower + upper) / 2}).
 *
 * <p>Evaluation is exact: a quotient must terminate in decimal (every catalog value is a binary
 * fraction), otherwise it is an error. Stateless.
 */
final class CatalogExpression {

  /** The spelling of a NaN value. */
  static final String NAN = "NaN";

  private final String text;
  private final Function<String, Object> param;
  private int pos;

  private CatalogExpression(String text, Function<String, Object> param) {
    this.text = text;
    this.param = param;
  }

  /**
   * The exact value of the expression, or {@code null} for {@code NaN}.
   *
   * @param param the value of a parameter by canonical name: a {@link BigDecimal} for a real one
   * @throws IllegalArgumentException naming the expression when it does not parse, names a
   *     parameter that has no real value, or divides inexactly
   */
  static BigDecimal evaluate(String expression, Function<String, Object> param) {
    if (expression.trim().equals(NAN)) {
      return null;
    }
    CatalogExpression e = new CatalogExpression(expression, param);
    BigDecimal v = e.sum();
    e.skipSpaces();
    if (e.pos != expression.length()) {
      throw e.error("unexpected '" + expression.charAt(e.pos) + "'");
    }
    return v;
  }

  /**
   * The parameter names the expression uses, after checking its syntax.
   *
   * @throws IllegalArgumentException naming the expression when it does not parse
   */
  static Set<String> parameters(String expression) {
    Set<String> names = new LinkedHashSet<>();
    evaluate(expression, name -> {
      names.add(name);
      return BigDecimal.ONE;
    });
    return names;
  }

  private BigDecimal sum() {
    BigDecimal v = product();
    for (char op = peek(); op == '+' || op == '-'; op = peek()) {
      pos++;
      BigDecimal b = product();
      v = op == '+' ? v.add(b) : v.subtract(b);
    }
    return v;
  }

  private BigDecimal product() {
    BigDecimal v = factor();
    for (char op = peek(); op == '*' || op == '/'; op = peek()) {
      pos++;
      BigDecimal b = factor();
      if (op == '*') {
        v = v.multiply(b);
      } else {
        try {
          v = v.divide(b);
        } catch (ArithmeticException e) {
          throw error("the quotient " + v + " / " + b + " is not an exact decimal");
        }
      }
    }
    return v;
  }

  private BigDecimal factor() {
    char c = peek();
    if (c == '-') {
      pos++;
      return factor().negate();
    }
    if (c == '(') {
      pos++;
      BigDecimal v = sum();
      if (peek() != ')') {
        throw error("missing ')'");
      }
      pos++;
      return v;
    }
    int start = pos;
    if (Character.isDigit(c) || c == '.') {
      while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      try {
        return new BigDecimal(text.substring(start, pos));
      } catch (NumberFormatException e) {
        throw error("'" + text.substring(start, pos) + "' is not a decimal");
      }
    }
    if (Character.isLowerCase(c)) {
      while (pos < text.length() && (Character.isLowerCase(text.charAt(pos))
          || Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      String name = text.substring(start, pos);
      Object v = param.apply(name);
      if (!(v instanceof BigDecimal)) {
        throw error("parameter '" + name + "' has no real value");
      }
      return (BigDecimal) v;
    }
    throw error(pos < text.length() ? "unexpected '" + c + "'" : "unexpected end");
  }

  /** The next non-space character, or 0 at the end. */
  private char peek() {
    skipSpaces();
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipSpaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("expression '" + text + "': " + what);
  }
}
