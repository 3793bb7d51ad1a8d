package org.activationtck.oracle;

import java.math.BigDecimal;
import java.util.Objects;
import org.activationtck.spi.API;

/**
 * A real result with a proven error bound, or one of the values BigDecimal cannot carry.
 *
 * <p>{@link Kind#FINITE} values are either {@linkplain #isExact() exact} or approximate with
 * {@code |value - truth| <= |value| * 10^-digits}. A nonzero exact result is never zero; zeros are
 * {@link Kind#ZERO} and carry their sign. {@link Kind#TINY} is a nonzero value with
 * {@code |truth| < 2^-1100}, which rounds to a signed zero in every supported format;
 * {@link Kind#HUGE} has {@code |truth| > 2^1100} and rounds to a signed infinity. The functions
 * return these two only where the value's decimal exponent is beyond what they carry (about
 * +-2.128 * 10^9: e^x beyond |x| = 4.9 * 10^9); every smaller or larger value, however far outside
 * the binary formats, is FINITE with its digits.
 *
 * <p>A one-sided approximation ({@link #beside}) says more than {@link #approx}: the truth lies
 * strictly between {@code value} and {@code value + side * |value| * 10^-digits}, never on
 * {@code value} itself. Asymptotes need it: x - tanh x = (x - 1) + 2e^(-2x)/(1 + e^(-2x)) for large
 * x lies just above x - 1, which may be exactly a rounding midpoint; no symmetric interval around
 * x - 1 can tell which way the truth rounds, the side can.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class Real {

  /** What a {@code Real} is. */
  public enum Kind { NAN, INFINITE, ZERO, FINITE, TINY, HUGE }

  public static final Real NAN = new Real(Kind.NAN, false, null, true, 0);
  public static final Real POSITIVE_INFINITY = new Real(Kind.INFINITE, false, null, true, 0);
  public static final Real NEGATIVE_INFINITY = new Real(Kind.INFINITE, true, null, true, 0);
  public static final Real POSITIVE_ZERO = new Real(Kind.ZERO, false, null, true, 0);
  public static final Real NEGATIVE_ZERO = new Real(Kind.ZERO, true, null, true, 0);

  private final Kind kind;
  private final boolean negative;
  private final BigDecimal value;
  private final boolean exact;
  private final int digits;
  private final int side;

  private Real(Kind kind, boolean negative, BigDecimal value, boolean exact, int digits) {
    this(kind, negative, value, exact, digits, 0);
  }

  private Real(Kind kind, boolean negative, BigDecimal value, boolean exact, int digits, int side) {
    this.kind = kind;
    this.negative = negative;
    this.value = value;
    this.exact = exact;
    this.digits = digits;
    this.side = side;
  }

  /**
   * A one-sided approximation: the truth lies strictly between v and
   * {@code v + side * |v| * 10^-digits}, and is not v.
   *
   * @param side +1 (truth above v) or -1 (below)
   * @throws IllegalArgumentException when v is zero or side is not ±1
   */
  public static Real beside(BigDecimal v, int side, int digits) {
    if (v.signum() == 0 || (side != 1 && side != -1)) {
      throw new IllegalArgumentException("beside needs a nonzero value and a side of +1 or -1");
    }
    return new Real(Kind.FINITE, v.signum() < 0, v, false, digits, side);
  }

  /** An exact value; zero becomes +0.0 (use {@link #zero} for a signed zero). */
  public static Real exact(BigDecimal v) {
    Objects.requireNonNull(v);
    return v.signum() == 0 ? POSITIVE_ZERO : new Real(Kind.FINITE, v.signum() < 0, v, true, 0);
  }

  /**
   * An approximation with relative error at most {@code 10^-digits}.
   *
   * @throws IllegalArgumentException when v is zero: an approximate zero has no relative bound
   */
  public static Real approx(BigDecimal v, int digits) {
    if (v.signum() == 0) {
      throw new IllegalArgumentException("approximate zero has no relative error bound");
    }
    return new Real(Kind.FINITE, v.signum() < 0, v, false, digits);
  }

  /** A signed zero. */
  public static Real zero(boolean negative) {
    return negative ? NEGATIVE_ZERO : POSITIVE_ZERO;
  }

  /** A signed infinity. */
  public static Real infinity(boolean negative) {
    return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
  }

  /** A nonzero value of magnitude below 2^-1100. */
  public static Real tiny(boolean negative) {
    return new Real(Kind.TINY, negative, null, false, 0);
  }

  /** A finite value of magnitude above 2^1100. */
  public static Real huge(boolean negative) {
    return new Real(Kind.HUGE, negative, null, false, 0);
  }

  /** The value of a finite double, exactly. */
  public static Real of(double d) {
    if (Double.isNaN(d)) {
      return NAN;
    }
    if (Double.isInfinite(d)) {
      return infinity(d < 0);
    }
    if (d == 0) {
      return zero(Double.doubleToRawLongBits(d) != 0);
    }
    return exact(new BigDecimal(d));
  }

  public Kind kind() {
    return kind;
  }

  /** The sign bit (for NaN: false). */
  public boolean isNegative() {
    return negative;
  }

  /** The decimal value of a {@link Kind#FINITE} real, else {@code null}. */
  public BigDecimal value() {
    return value;
  }

  /** Whether the value is known exactly (always true for NaN, infinities and zeros). */
  public boolean isExact() {
    return exact;
  }

  /** For a {@link #beside} approximation the side of v the truth lies on (+1 or -1), else 0. */
  public int side() {
    return side;
  }

  /** The relative accuracy exponent of an approximate finite value. */
  public int digits() {
    return digits;
  }

  @Override
  public String toString() {
    switch (kind) {
      case NAN: return "NaN";
      case INFINITE: return negative ? "-Infinity" : "Infinity";
      case ZERO: return negative ? "-0" : "0";
      case TINY: return negative ? "-tiny" : "tiny";
      case HUGE: return negative ? "-huge" : "huge";
      default:
        if (exact) {
          return value.toString();
        }
        return side == 0 ? value + " (rel.err <= 1E-" + digits + ")"
            : value + (side > 0 ? " + " : " - ") + "(0, |v|E-" + digits + ")";
    }
  }
}
