package org.activationtck.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;

/**
 * Parses the command line's number literals exactly and rounds them once to a format: decimal
 * ({@code 0.1}, {@code -2.5e-3}), hexadecimal floating point ({@code 0x1.8p-3}), {@code NaN},
 * {@code Infinity}, {@code -Infinity} (also {@code inf}, {@code +Infinity}) and signed zeros.
 */
final class NumberLiteral {

  private static final Pattern HEX = Pattern.compile(
      "([+-]?)0[xX]([0-9a-fA-F]*)(?:\\.([0-9a-fA-F]*))?[pP]([+-]?\\d+)");

  /** The largest |p| of a hex float's binary exponent, after the fraction digits' shift. */
  static final int MAX_BINARY_EXPONENT = 100_000;

  /** The most digits of a decimal exponent: 1e999999 is read (and rounds to Infinity). */
  static final int MAX_DECIMAL_EXPONENT_DIGITS = 6;

  private NumberLiteral() {}

  /**
   * The value of the literal rounded to nearest-even in the format.
   *
   * @throws IllegalArgumentException naming the token when it is not a number
   */
  static double parse(String token, Dtype dtype) {
    String t = token.trim();
    // (the names end in a letter, numbers in a digit or a point)
    String lower = t.isEmpty() || !Character.isLetter(t.charAt(t.length() - 1)) ? ""
        : t.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "nan": case "+nan": case "-nan":
        return Double.NaN;
      case "infinity": case "+infinity": case "inf": case "+inf":
        return Double.POSITIVE_INFINITY;
      case "-infinity": case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    boolean negative = t.startsWith("-");
    BigDecimal exact = exactValue(t);
    double r = Rounding.round(exact, dtype);
    if (r == 0) {
      return negative ? -0.0 : 0.0;
    }
    return r;
  }

  private static BigDecimal exactValue(String t) {
    Matcher m = HEX.matcher(t);
    if ((t.indexOf('x') >= 0 || t.indexOf('X') >= 0) && m.matches()) {
      String intPart = m.group(2);
      String frac = m.group(3) == null ? "" : m.group(3);
      if (intPart.isEmpty() && frac.isEmpty()) {
        throw bad(t);
      }
      BigInteger mantissa = new BigInteger(intPart + frac + "0", 16).shiftRight(4);
      long exponent;
      try {
        exponent = Long.parseLong(m.group(4)) - 4L * frac.length();
      } catch (NumberFormatException e) {
        throw bad(t);
      }
      if (Math.abs(exponent) > MAX_BINARY_EXPONENT) {
        throw new OracleQuery.LimitExceeded("binary_exponent", "number out of range (binary exponent"
            + " beyond " + MAX_BINARY_EXPONENT + ", limit binary_exponent): '" + abbreviate(t) + "'");
      }
      // beyond every format's range the exact value is not needed (2^-99999 has 99,999 decimal
      // digits and took seconds): a stand-in on the same side rounds the same in every format
      long top = exponent + mantissa.bitLength();
      if (mantissa.signum() != 0 && top > 1100) {
        mantissa = BigInteger.ONE;
        exponent = 1100;
      } else if (mantissa.signum() != 0 && top < -1100) {
        mantissa = BigInteger.ONE;
        exponent = -1100;
      }
      BigDecimal v = exponent >= 0
          ? new BigDecimal(mantissa.shiftLeft((int) exponent))
          : new BigDecimal(mantissa).multiply(BigDecimal.ONE.divide(
              BigDecimal.valueOf(2).pow((int) -exponent)));
      return m.group(1).equals("-") ? v.negate() : v;
    }
    int exponentDigits = decimalExponentDigits(t);
    if (exponentDigits > MAX_DECIMAL_EXPONENT_DIGITS) {
      // a number, but its exponent alone would make BigDecimal work for ever: out of range, like
      // a hex float's beyond 2^100000 (1e400 is in range and rounds to Infinity, as IEEE does)
      throw new OracleQuery.LimitExceeded("decimal_exponent", "number out of range (exponent beyond"
          + " 999999, limit decimal_exponent): '" + abbreviate(t) + "'");
    }
    if (exponentDigits < 0) {
      throw bad(t);
    }
    return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
  }

  /**
   * For a decimal literal, {@code [+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?} with ASCII
   * digits, the number of its exponent's digits (0 without an exponent); -1 for anything else.
   * (A scan, not a regular expression: it runs once per input, millions of times from stdin.)
   */
  static int decimalExponentDigits(String t) {
    int n = t.length();
    int i = 0;
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int start = i;
    while (i < n && isDigit(t.charAt(i))) {
      i++;
    }
    boolean integerDigits = i > start;
    boolean fractionDigits = false;
    if (i < n && t.charAt(i) == '.') {
      i++;
      int fraction = i;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
      }
      fractionDigits = i > fraction;
    }
    if (!integerDigits && !fractionDigits) {
      return -1;
    }
    if (i == n) {
      return 0;
    }
    if (t.charAt(i) != 'e' && t.charAt(i) != 'E') {
      return -1;
    }
    i++;
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int exponent = i;
    while (i < n && isDigit(t.charAt(i))) {
      i++;
    }
    return i == n && i > exponent ? i - exponent : -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException bad(String t) {
    return new IllegalArgumentException("not a number: '" + t + "'");
  }

  private static String abbreviate(String t) {
    return t.length() > 60 ? t.substring(0, 60) + "..." : t;
  }
}
