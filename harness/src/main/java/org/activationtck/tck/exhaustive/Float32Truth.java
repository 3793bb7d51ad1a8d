package org.activationtck.tck.exhaustive;

import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.OracleValue;
import org.activationtck.oracle.Params;
import org.activationtck.spec.API;
import org.activationtck.spec.Dtype;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * The correctly rounded float32 value of f(x) (or f'(x)) at float32 inputs, fast: the reference's
 * float64 result rounded once, and the oracle only where that rounding is not provably right.
 *
 * <p>The bound argument. The reference's float64 kernel ({@code bind(p, Dtype.FLOAT64)}) returns
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
 * <p>The fallback is rare (about 2^-26 of the inputs, the relative width of I against the spacing
 * of float32 midpoints), so the sweep runs at the speed of the reference. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Float32Truth {

  private final ReferenceFunction.Kernel reference;
  private final ElementwiseFunction oracle;
  private final Params params;
  private final boolean derivative;

  /**
   * @param reference the reference function (its float64 kernel is bound here)
   * @param oracle the oracle of the same function
   * @param params parameters resolved for float32 inputs
   * @param derivative f' instead of f
   */
  public Float32Truth(ReferenceFunction reference, ElementwiseFunction oracle, Params params,
      boolean derivative) {
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

  /** The correctly rounded float32 value at the float32 input x; counts oracle calls in {@code tally}. */
  public float at(float x, SweepTally tally) {
    double r = reference(x);
    if (r != r) {
      return Float.NaN;
    }
    float d = decided(r);
    if (d == d) {
      return d;
    }
    tally.oracleFallbacks++;
    return oracle(x);
  }

  /** The oracle's correctly rounded float32 value at x. */
  public float oracle(float x) {
    double xd = x;
    OracleValue v = new OracleValue(digits -> derivative ? oracle.derivative(xd, params, digits)
        : oracle.value(xd, params, digits));
    return (float) v.rounded(Dtype.FLOAT32);
  }
}
