package org.activationtck.oracle;

import org.activationtck.spec.format.Rounding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.IntFunction;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * One exact result of the oracle, evaluated lazily at whatever precision a question needs.
 *
 * <p>Correct rounding uses Ziv's strategy: evaluate with relative error 10^-d, round both ends of
 * the error interval; when they agree, that is the correctly rounded value; when they straddle a
 * rounding boundary, double d and evaluate again. Exact results round directly, so exact ties go
 * to even. Transcendental values at binary inputs are never exact ties (Lindemann–Weierstrass),
 * so the loop ends; {@link #MAX_DIGITS} bounds it anyway.
 *
 * <p>Not thread-safe (it caches the most precise evaluation).
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class OracleValue {

  /** Starting precision: float64 needs 17 digits; 7 more make a retry rare (about 1 in 10^6). */
  static final int START_DIGITS = 24;

  /** Ziv's loop gives up beyond this precision with an ArithmeticException. */
  public static final int MAX_DIGITS = 6400;

  private final IntFunction<Real> evaluator;
  private Real best;

  /** @param evaluator computes the value with relative error at most 10^-d for argument d */
  public OracleValue(IntFunction<Real> evaluator) {
    this.evaluator = evaluator;
  }

  /** The value with relative error at most 10^-digits (or exact). */
  public Real at(int digits) {
    if (best != null && (best.isExact() || best.kind() != Real.Kind.FINITE
        || best.digits() >= digits)) {
      return best;
    }
    Real r = evaluator.apply(digits);
    if (r.kind() == Real.Kind.FINITE && !r.isExact() && r.digits() < digits) {
      throw new IllegalStateException("evaluator returned " + r.digits() + " digits, asked "
          + digits);
    }
    best = r;
    return r;
  }

  /** The value correctly rounded to the format (nearest, ties to even). */
  public double rounded(Dtype t) {
    for (int d = START_DIGITS; d <= MAX_DIGITS; d *= 2) {
      Real r = at(d);
      switch (r.kind()) {
        case NAN: return Double.NaN;
        case INFINITE:
        case HUGE: return r.isNegative() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        case ZERO:
        case TINY: return r.isNegative() ? -0.0 : 0.0;
        default:
          if (r.isExact()) {
            return Rounding.round(r.value(), t);
          }
          double lo;
          double hi;
          if (r.side() == 0) {
            BigDecimal[] ends = ends(r, 0);
            lo = Rounding.round(ends[0], t);
            hi = Rounding.round(ends[1], t);
          } else {
            // The near end rounds as the values just beside v do; the far end is v + side w.
            lo = Rounding.roundBeside(r.value(), r.side(), t);
            hi = Rounding.round(r.value().add(width(r).multiply(BigDecimal.valueOf(r.side()))), t);
          }
          if (Double.compare(lo, hi) == 0) {
            return lo;
          }
      }
    }
    throw new ArithmeticException("cannot round to " + t.id() + " within " + MAX_DIGITS
        + " digits: " + best);
  }

  /**
   * The value correctly rounded to {@code n} significant decimal digits (half-even), as a plain or
   * scientific decimal ({@code 1.234E-320}); exact values with fewer digits are printed in full.
   * Zeros are {@code 0.0} and {@code -0.0}; NaN and infinities {@code NaN}, {@code Infinity},
   * {@code -Infinity}. Values far outside every binary format keep their digits
   * ({@code -1.4623574163660118815E-348} for gelu(-40), {@code 1.0869097794915589906E-868589} for
   * sigmoid(-2e6)) as long as the functions return them as finite reals, which they do up to
   * decimal exponents of about +-2.128 * 10^9 (e^x for |x| <= {@code Exp.MAX_ARGUMENT} = 4.9 *
   * 10^9); only {@link Real.Kind#TINY} and {@link Real.Kind#HUGE}, beyond that, are printed as
   * intervals: {@code (0, 2^-1100)}, {@code (-2^-1100, 0)}, {@code (2^1100, Infinity)}.
   *
   * <p>Correct rounding (Ziv): with v within relative 10^-d of the truth (or one-sided, see {@link
   * #ends}), the interval [v - w, v + w] with w >= |v| 10^-d ({@link #width}) holds the truth;
   * when both ends round to the same n-digit decimal, so does the truth, since rounding to n digits is
   * monotonic. Otherwise d doubles (the truth is not an n-digit rounding boundary for
   * transcendental values; exact values round directly). The ends and the rounding work on the
   * BigDecimal's unscaled value and scale, so a decimal exponent of 10^9 costs what 10^-5 does
   * (the width is a power of ten formed by {@code scaleByPowerOfTen}, never an expanded value).
   */
  public String decimal(int n) {
    MathContext mc = new MathContext(n, RoundingMode.HALF_EVEN);
    for (int d = n + 3; d <= MAX_DIGITS; d *= 2) {
      Real r = at(d);
      switch (r.kind()) {
        case NAN: return "NaN";
        case INFINITE: return r.isNegative() ? "-Infinity" : "Infinity";
        case ZERO: return r.isNegative() ? "-0.0" : "0.0";
        case TINY: return r.isNegative() ? "(-2^-1100, 0)" : "(0, 2^-1100)";
        case HUGE: return r.isNegative() ? "(-Infinity, -2^1100)" : "(2^1100, Infinity)";
        default:
          if (r.isExact()) {
            return formatDecimal(r.value().round(mc));
          }
          // Rounding points of n digits near v have at most n - e10 + 1 decimals.
          long e10 = (long) r.value().precision() - r.value().scale() - 1;
          BigDecimal[] ends = ends(r, n - e10 + 1);
          BigDecimal lo = ends[0].round(mc);
          BigDecimal hi = ends[1].round(mc);
          if (lo.compareTo(hi) == 0) {
            return formatDecimal(lo);
          }
      }
    }
    throw new ArithmeticException("cannot round to " + n + " digits within " + MAX_DIGITS
        + " digits: " + best);
  }

  /**
   * An upper bound on the error bound |v| 10^-d of an approximation v: the power of ten
   * 10^(e + 1 - d), e = floor(log10 |v|), since |v| < 10^(e + 1); at most ten times |v| 10^-d.
   * Every interval built from it contains the one built from |v| 10^-d, so whatever rounds alike
   * at both of its ends rounds alike in between, and the truth with it; Ziv's loop only retries
   * a little more often (a rounding boundary in the interval: about 2 * 10^-3 instead of
   * 2 * 10^-4 at {@code d = n + 3}). Its one digit keeps the ends' digits at about v's own,
   * where |v| 10^-d (v's digits moved d places) gave them twice as many, each costing its share
   * of the rounding's division.
   */
  private static BigDecimal width(Real r) {
    BigDecimal v = r.value();
    long e10 = (long) v.precision() - v.scale() - 1;
    // (a scale, never a written-out power: e^(4.9 * 10^9) = 10^2128042961.3 must cost what
    // 10^-5 does; e10 - d stays within an int's range for |e10| <= 2.2 * 10^9)
    return BigDecimal.ONE.scaleByPowerOfTen(Math.toIntExact(e10 + 1 - r.digits()));
  }

  /**
   * Two points that bracket the truth and round like every point between them would, when they
   * round alike. Symmetric approximations: v -+ w, with w = {@link #width} >= |v| 10^-d.
   * One-sided ones: the far end v + side w, and a near end v + side * 10^-S just beside v, with S beyond the
   * interval's width and beyond both v's and every relevant boundary's decimals
   * ({@code boundaryScale}): v and every boundary are then multiples of 10^-(S-1), so no boundary
   * lies strictly between v and the near end, and the near end is none; if v itself is one, the
   * near end is on the truth's side of it.
   */
  static BigDecimal[] ends(Real r, long boundaryScale) {
    BigDecimal v = r.value();
    BigDecimal width = width(r);
    if (r.side() == 0) {
      return new BigDecimal[] {v.subtract(width), v.add(width)};
    }
    long e10 = (long) v.precision() - v.scale() - 1;
    long s = Math.max(Math.max(v.scale(), boundaryScale), r.digits() - e10 + 1) + 2;
    BigDecimal near = BigDecimal.ONE.movePointLeft((int) Math.min(s, Integer.MAX_VALUE / 2));
    if (r.side() < 0) {
      return new BigDecimal[] {v.subtract(width), v.subtract(near)};
    }
    return new BigDecimal[] {v.add(near), v.add(width)};
  }

  /** Plain notation for decimal exponents in [-6, 21), scientific ({@code 1.5E-7}) outside. */
  public static String formatDecimal(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    int exponent = s.precision() - s.scale() - 1;
    if (exponent >= -6 && exponent < 21) {
      String p = s.toPlainString();
      return p.indexOf('.') < 0 ? p + ".0" : p;
    }
    return Rounding.format(s);
  }
}
