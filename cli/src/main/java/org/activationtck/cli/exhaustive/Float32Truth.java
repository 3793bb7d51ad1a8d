package org.activationtck.cli.exhaustive;

import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.fixtures.generator.HardCaseProof;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;
import org.activationtck.reference.ReferenceFunction;

/**
 * The correctly rounded float32 value of f(x) (or f'(x)) at float32 inputs, fast, in three tiers
 * (Ziv's strategy): a plain double {@link FastEstimate} where the function has one, rounded once
 * where its proven interval holds no float32 rounding boundary; else the reference's float64
 * double-double result, rounded once where its interval holds none; else the oracle.
 *
 * <p>Tier 1 ({@link #decided(double, double)}). The estimate y satisfies |y - exact| <= b |y|.
 * The interval [y - B, y + B] with B = |y| (b + 2^-52), ends rounded to nearest, contains
 * [y - b|y|, y + b|y|]: each end's rounding moves it by at most 2^-53 of its size, and B's own
 * rounding by 2^-53 of B, together less than the 2^-52 |y| added. If both ends round to the same
 * float32, every point between them does (monotonicity, below), the exact value included.
 *
 * <p>Tier 2, the bound argument. The reference's float64 kernel ({@code bind(p, Dtype.FLOAT64)}) returns
 * r = round-to-nearest(v) where v approximates the exact value y with a small relative error
 * (at worst about 2^-60, see {@link ReferenceFunction}); so |r - y| <= ulp(y)/2 + 2^-60 |y|, which
 * is at most 1 ulp of the exact value. Taking u = 2 Math.ulp(r) covers that even where r and y lie
 * in different binades (ulp(y) <= 2 Math.ulp(r) whenever |r - y| <= ulp(y)), so y lies in
 * I = [r - u, r + u], whose ends are rounded outward. Moreover y has the sign of v (the relative
 * error is below 1) and rounding keeps the sign, zeros included, so I is cut at the zero of r's
 * sign. Rounding to nearest is monotone: if both ends of I round to the same float32 (bit for bit,
 * so a zero's sign too), every point of I does, y included, and that float32 is the answer.
 * Otherwise a float32 rounding boundary (a midpoint between two float32 values, or the overflow
 * threshold) lies in I, and the oracle decides. NaN and ±Infinity are returned as they are (an
 * infinite r means |y| is beyond the largest double, hence beyond float32's range).
 *
 * <p>The fallbacks are rare (each tier leaves about the relative width of its interval against
 * the spacing of float32 midpoints, 2^-26 or less; for sigmoid over all 2^32 inputs tier 1 left
 * 380 and tier 2 then 277), so the sweep runs at the speed of the fast estimate where there is
 * one, of the reference elsewhere. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Float32Truth {

  private final FastEstimate fast;
  private final ReferenceFunction.Kernel reference;
  private final ElementwiseFunction oracle;
  private final Params params;
  private final boolean derivative;

  /**
   * The reference and the oracle only (no first tier).
   *
   * @param reference the reference function (its float64 kernel is bound here)
   * @param oracle the oracle of the same function
   * @param params parameters resolved for float32 inputs
   * @param derivative f' instead of f
   */
  public Float32Truth(ReferenceFunction reference, ElementwiseFunction oracle, Params params,
      boolean derivative) {
    this(null, reference, oracle, params, derivative);
  }

  /**
   * All three tiers.
   *
   * @param fast the first tier, or null for none (see {@link FastEstimate#lookup})
   * @param reference the reference function (its float64 kernel is bound here)
   * @param oracle the oracle of the same function
   * @param params parameters resolved for float32 inputs
   * @param derivative f' instead of f
   */
  public Float32Truth(FastEstimate fast, ReferenceFunction reference, ElementwiseFunction oracle,
      Params params, boolean derivative) {
    this.fast = fast;
    this.reference = reference.bind(params, Dtype.FLOAT64);
    this.oracle = oracle;
    this.params = params;
    this.derivative = derivative;
  }

  /** The reference's float64 result at x. */
  public double reference(double x) {
    return derivative ? reference.derivative(x) : reference.value(x);
  }

  /**
   * The float32 that every value within the reference's error bound of r rounds to, or NaN when
   * that interval holds a float32 rounding boundary (or r is NaN: callers check NaN first).
   * Exposed for the tests of the bound argument.
   */
  public static float decided(double r) {
    if (r != r || Double.isInfinite(r)) {
      return (float) r;
    }
    double u = 2 * Math.ulp(r);
    double lo = Math.nextDown(r - u);
    double hi = Math.nextUp(r + u);
    boolean negative = Double.doubleToRawLongBits(r) < 0;
    if (negative) {
      hi = Math.min(hi, -0.0);
    } else {
      lo = Math.max(lo, 0.0);
    }
    float a = (float) lo;
    float b = (float) hi;
    return Float.floatToRawIntBits(a) == Float.floatToRawIntBits(b) ? a : Float.NaN;
  }

  /**
   * The float32 that every value within {@code relativeBound |y|} of y rounds to, or NaN when
   * that interval holds a float32 rounding boundary, or y is NaN, infinite or subnormal (tier 1,
   * see the class comment). A zero y stands for a value of its sign below
   * {@link FastEstimate#NEGLIGIBLE}, which rounds to that zero.
   */
  public static float decided(double y, double relativeBound) {
    double a = Math.abs(y);
    if (a == 0) {
      return (float) y;
    }
    if (!(a >= Double.MIN_NORMAL) || a == Double.POSITIVE_INFINITY) {
      return Float.NaN;
    }
    double b = a * (relativeBound + 0x1p-52);
    float lo = (float) (y - b);
    return Float.floatToRawIntBits(lo) == Float.floatToRawIntBits((float) (y + b)) ? lo : Float.NaN;
  }

  /**
   * The correctly rounded float32 value at the float32 input x; counts in {@code tally} the
   * inputs the fast estimate left to the reference (NaN inputs, which go straight to the
   * reference, not included), and those left to the oracle.
   */
  public float at(float x, SweepTally tally) {
    return at(x, tally, null);
  }

  /**
   * As {@link #at(float, SweepTally)}, offering to {@code hard} (when not null) the estimate that
   * decided, with its error bound: the first tier's y within {@code relativeBound |y|}, else the
   * reference's r within 2 ulp(r) (the bound argument above); where the oracle decides, the
   * distance its evaluation shows ({@link HardCaseProof#known}): an input whose exact result is a
   * rounding boundary goes to {@link HardCaseCollector#offerExactTie}, one that rounds differently
   * through float64 to {@link HardCaseCollector#offerDoubleRounding} (every tie and every
   * double-rounding input ends there: no estimate with a nonzero bound decides a tie, and rounding
   * to float64 lands them on the midpoint), one it can only bound to {@link
   * HardCaseCollector#offerBounded}, the others to {@link HardCaseCollector#offerKnown}.
   */
  public float at(float x, SweepTally tally, HardCaseCollector hard) {
    if (fast != null && x == x) {
      double y = fast.estimate(x);
      float d = decided(y, fast.relativeBound());
      if (d == d) {
        if (hard != null) {
          hard.offer(Float.floatToRawIntBits(x), y,
              Math.abs(y) * (fast.relativeBound() + 0x1p-52), Dtype.FLOAT32);
        }
        return d;
      }
      tally.referenceFallbacks++;
    }
    double r = reference(x);
    if (r != r) {
      return Float.NaN;
    }
    float d = decided(r);
    if (d == d) {
      if (hard != null) {
        hard.offer(Float.floatToRawIntBits(x), r, 2 * Math.ulp(r), Dtype.FLOAT32);
      }
      return d;
    }
    tally.oracleFallbacks++;
    OracleValue v = oracleValue(x);
    float rounded = (float) v.rounded(Dtype.FLOAT32);
    if (hard != null) {
      offerDecided(hard, Float.floatToRawIntBits(x), v, r);
    }
    return rounded;
  }

  private static void offerDecided(HardCaseCollector hard, int bits, OracleValue v, double r) {
    HardCaseProof.Distance known = HardCaseProof.known(v, Dtype.FLOAT32);
    if (known == null) {
      hard.offer(bits, r, 2 * Math.ulp(r), Dtype.FLOAT32); // not separated from 0: a possible tie
    } else if (known.tie()) {
      hard.offerExactTie(bits);
    } else if (known.bounded()) {
      hard.offerBounded(bits, known.error().doubleValue() * (1 + 0x1p-50), known.doubleRounding());
    } else {
      double distance = known.approximate();
      // the proven error, plus the conversion of the distance to double
      double error = known.error().doubleValue() * (1 + 0x1p-50) + distance * 0x1p-50;
      if (known.doubleRounding()) {
        hard.offerDoubleRounding(bits, distance, error);
      } else {
        hard.offerKnown(bits, distance, error);
      }
    }
  }

  private OracleValue oracleValue(float x) {
    double xd = x;
    return new OracleValue(digits -> derivative ? oracle.derivative(xd, params, digits)
        : oracle.value(xd, params, digits));
  }

  /** The oracle's correctly rounded float32 value at x. */
  public float oracle(float x) {
    return (float) oracleValue(x).rounded(Dtype.FLOAT32);
  }
}
