package org.activationtck.reference.function;

import java.math.BigDecimal;
import org.activationtck.reference.ReferenceFunction.Kernel;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.FastPathKernel;
import org.activationtck.reference.kernel.NearestLoopKernel;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.reference.kernel.Sixth;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;

/**
 * hard_silu: x relu6(x + 3) / 6.
 *
 * <p>Method: on -3 < x < 3 the numerator N = x (x + 3) as a double-double: x + 3 = s + e
 * (Fast2Sum, |3| >= |x|), x s = p + pe (fma), N = p + (pe + x e) with the last product and sum
 * rounded at 2^-53 of a term below ulp(p); then N / 6 by {@link Sixth}. Result within
 * 0.5 ulp + 2^-51 ulp. Float32: a float32 midpoint m has at most 25 bits, so N = 6m would fit
 * in a double exactly; otherwise |N/6 - m| >= 2^-25 ulp64, far above the residual's error, so
 * the rounding to odd of the narrower dtypes ({@link DoubleRounding#finish}) is correct.
 * Derivative (2x + 3) / 6 the same way (2x exact).
 *
 * <p>Special cases: x <= -3 → x * 0 = -0.0; -Inf → NaN; ±0 → ±0; +Inf → +Inf. Derivative 0
 * at -3 and 1 at 3 in every dialect. ONNX, whose HardSwish multiplies by a float32 1/6, has its
 * own kernel, {@link OnnxHardSwish}.
 *
 * <p>Array forms: {@link #nearest}, one formula for every piece (x itself as the first factor
 * of the numerator, u = clamp(x, -3, 3) in the second) in one vectorized loop, then a running
 * minimum over the inputs in a second one ({@link #inRange}); only when that minimum says some
 * input has |x| < {@link #TINY} (zeros, subnormal ties) or x > {@link #LARGE} (6x overflowing),
 * or is NaN, does a scalar pass redo those elements. The narrow dtypes' float[] forms
 * narrow the nearest double and send the rare float32 boundaries ({@link NarrowingCheck}),
 * -Infinity (whose value NaN is risky) and the inputs out of range to the rounding-to-odd
 * scalar forms.
 */
public final class HardSilu extends RoundingFunction {

  /**
   * Below 2^-60, f(x) = x/2 + x^2/6 with x^2/6 < 2^-61 |x/2|, under half an ulp: the result is
   * x/2 with every tie broken upward (x^2/6 > 0). Here the double-double tail x e would
   * underflow for subnormal x, where x/2 itself is a tie.
   */
  private static final double TINY = 0x1p-60;

  /** x/2 + x^2/6 for |x| < TINY: x/2, rounded up when it is a tie (odd subnormal x). */
  static double tiny(double x, FinalRounding rounding) {
    double half = x * 0.5;
    if (half * 2 != x) {
      // The upper neighbour: x + MIN_VALUE is an even multiple of MIN_VALUE, so halving is exact;
      // x = -MIN_VALUE gives a zero, which keeps the sign of the (negative) value.
      half = Math.copySign((x + Double.MIN_VALUE) * 0.5, x);
    }
    return DoubleRounding.finish(half, 1, rounding);
  }

  /** Above this 6x may overflow in {@link #nearest}; such x (+Infinity too) are their own value. */
  private static final double LARGE = 0x1p1020;

  /**
   * The float64 value for TINY <= |x| <= LARGE, -Infinity (NaN) and NaN, branch-free: -F with
   * F = (-x)(u + 3) / 6, u = clamp(x, -3, 3), by the double-double numerator of the class
   * comment and {@link Sixth#nearest}. Why each piece comes out exact or correctly rounded:
   * <ul>
   *   <li>-3 < x < 3: u = x, and F is the arithmetic of the class comment applied to -x in the
   *       first factor. Every operation (+, -, *, fma, /, rounding to nearest) commutes with
   *       negation, so -F is that arithmetic for x (within 0.5 ulp + 2^-51 ulp, as above).
   *   <li>3 <= x <= LARGE: u = 3, s = 6 and e = 0 exactly, so prod + tail is -6x exactly (the
   *       fma gives the product's rounding error, (-x) 0 adds a zero) and 6x <= 1.5 2^1022 does
   *       not overflow; Sixth puts its sum within 2^-52 ulp of -6x / 6 = -x before the final
   *       rounding, and a double within that distance of a double rounds to it: -F = x.
   *   <li>x <= -3, finite: u = -3, s = +0.0, e = -3 - (0 - 3) = +0.0, so prod = (-x) (+0.0)
   *       = +0.0 and tail = (+0.0 + (-0.0)) + (+0.0) = +0.0; in Sixth q = +0.0, the remainder
   *       fma(-q, 6, +0.0) = -0.0 + +0.0 = +0.0, F = +0.0 + +0.0 / 6 = +0.0: -F = -0.0, the
   *       catalog's x * 0.
   *   <li>-Infinity: prod = Infinity * 0 = NaN, the catalog's NaN; NaN stays NaN.
   * </ul>
   * Outside: |x| < TINY (+0.0 would come out -0.0, and x e underflows, see {@link #TINY}) and
   * x > LARGE (6x overflows; +Infinity gives NaN): {@link #inRange} is false for those.
   */
  static double nearest(double x) {
    double u = Math.min(Math.max(x, -3.0), 3.0);
    double s = u + 3;
    double e = u - (s - 3);
    double nx = -x;
    double prod = nx * s;
    return -Sixth.nearest(prod, Math.fma(nx, s, -prod) + nx * e);
  }

  /**
   * Positive for TINY < |x| < LARGE; zero, negative or NaN for every x that {@link #nearest}
   * may get wrong (NaN too, which it gets right, and the two bounds). The factors cannot both be
   * negative (|x| < TINY and x > LARGE), and a product of positive factors does not underflow:
   * |x| - TINY is then at least 2^-112, the spacing of doubles above TINY, and LARGE - x at
   * least 2^967, the spacing below LARGE.
   */
  private static double inRange(double x) {
    return (Math.abs(x) - TINY) * (LARGE - x);
  }

  /** (2u + 3) / 6 for u = clamp(x, -3, 3), nearest. */
  private static double middleSlope(double x) {
    double twice = 2 * Math.min(Math.max(x, -3.0), 3.0);
    double s = twice + 3;
    return Sixth.nearest(s, DoubleDouble.twoSumError(twice, 3, s));
  }

  /** 1 for x >= 3, 0 for x <= -3, else middle (finite): middle [-3 < x < 3] + [x >= 3]. */
  private static double outsideSlope(double x, double middle) {
    return middle * Step.positive(Math.min(x + 3, 3 - x)) + Step.nonNegative(x - 3);
  }

  /** The float64 derivative, branch-free: 0, (2u + 3) / 6 for u = clamp(x, -3, 3), or 1. */
  static double nearestSlope(double x) {
    return outsideSlope(x, middleSlope(x));
  }

  /**
   * y = nearest(x) for the first n elements; returns whether every x[i] was in range (see
   * {@link #inRange}). Two vectorized loops: the formula, then the running minimum of
   * {@link #inRange} (the two in one loop body compiled, on JDK 17, to code several times
   * slower). The check costs about two thirds of the formula; the second vector pass and the
   * scalar pass with a branch per element that it replaces cost about as much as the formula
   * each.
   */
  private static boolean nearestInRange(double[] x, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = nearest(x[i]);
    }
    double lowest = 1;
    for (int i = 0; i < n; i++) {
      lowest = Math.min(lowest, inRange(x[i]));
    }
    return lowest > 0;
  }

  /** Whether {@link #nearest}(x) may differ from the value: |x| < TINY, x > LARGE or NaN. */
  private static boolean special(double x) {
    return !(Math.abs(x) >= TINY && x <= LARGE);
  }

  private static void nearestSlopes(double[] x, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = middleSlope(x[i]);
    }
    for (int i = 0; i < n; i++) {
      y[i] = outsideSlope(x[i], y[i]);
    }
  }

  /**
   * The kernel of x relu6(x + 3) / 6, or of ONNX's x HardSigmoid(x) with slope float32(1/6)
   * ({@link OnnxHardSwish}) when the dialect stores the constant one_sixth rounded.
   */
  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    return p.constant("one_sixth").<Kernel>map(a -> new OnnxHardSwish(a.doubleValue(), rounding))
        .orElseGet(() -> new RoundingKernel(rounding));
  }

  private record RoundingKernel(FinalRounding rounding) implements NearestLoopKernel {

    @Override
    public double value(double x) {
      if (Math.abs(x) < TINY) {
        return tiny(x, rounding);
      }
      if (!rounding.toOdd()) {
        return x > LARGE ? x : HardSilu.nearest(x);
      }
      if (x <= -3) {
        return x * 0.0;                     // -0.0, and NaN for -Inf
      }
      if (x >= 3 || Double.isNaN(x)) {
        return x;
      }
      double s = x + 3;
      double e = x - (s - 3);
      double prod = x * s;
      return Sixth.of(prod, Math.fma(x, s, -prod) + x * e, FinalRounding.TO_ODD);   // x (x + 3) / 6, rounded to odd
    }

    @Override
    public double derivative(double x) {
      if (!rounding.toOdd()) {
        return nearestSlope(x);
      }
      if (Double.isNaN(x)) {
        return x;
      }
      if (x <= -3) {
        return 0;
      }
      if (x >= 3) {
        return 1;
      }
      double twice = 2 * x;
      double s = twice + 3;
      return Sixth.of(s, DoubleDouble.twoSumError(twice, 3, s), FinalRounding.TO_ODD);
    }

    /** The derivative's loop handles every input; the value's reports whether it saw a special. */
    @Override
    public boolean nearest(double[] x, double[] y, int n, boolean derivative) {
      if (derivative) {
        nearestSlopes(x, y, n);
        return false;
      }
      return !nearestInRange(x, y, n);
    }

    @Override
    public boolean special(double x, boolean derivative) {
      return !derivative && HardSilu.special(x);
    }
  }

  /**
   * hard_silu in ONNX's form, the HardSwish function body x * HardSigmoid&lt;alpha = a, beta =
   * 1/2&gt;(x) with a the stored constant one_sixth (float32(1/6) = (1/6)(1 + 2^-25)): f(x) = x h,
   * h = max(0, min(1, a x + 1/2)); f'(x) = 2 a x + 1/2 where 0 &lt; h &lt; 1, 0 below (the kink
   * included), 1 above. Kinks at x = ±1/(2a), not ±3.
   *
   * <p>Method: a x = t + te exactly (a has 24 bits; fma), a x + 1/2 = s + tail with s = t + 1/2
   * and tail = (TwoSum error) + te, which is exact or carries a rounding below 2^-105 |s|; its
   * nearest double r and the residual (s - r) + tail give the clipping decisions by their signs,
   * as in hard_sigmoid's linear form (a tie with a bound is settled by the residual). Between the
   * kinks, f = x r + x residual: p = x r, with its fma error and x residual added, relative error
   * below 2^-103; f' = 2t + 1/2 + 2te the same way, and exactly d + (TwoSum error) when te = 0
   * (every float32 x), which is then rounded once without a proof. Each result stands when {@link
   * ZivRounding#forDtype} proves it rounds like the exact value with bound {@link #BOUND};
   * otherwise (values within 2^-100 of a rounding boundary, exact midpoints included: f is a
   * dyadic rational) it is recomputed exactly in BigDecimal and rounded once, nearest for float64,
   * to odd for the narrower dtypes.
   *
   * <p>Special cases: NaN → NaN; -Inf → -Inf * 0 = NaN; +Inf → +Inf; ±0 → ±0; |x| &lt; 2^-60
   * → x/2 + a x^2 = x/2 with ties broken upward ({@link #tiny}, as for the exact sixth:
   * a x^2 &lt; 2^-61 |x/2|). Derivative: 0 at -Inf, 1 at +Inf; |x| &lt; 2^-60 → 2 a x + 1/2,
   * which is 1/2 with the sign of x as the sticky bit ({@link DoubleRounding#halfPlusLinear}: it
   * took the exact BigDecimal path before, about 45 times slower on those inputs).
   */
  static final class OnnxHardSwish extends FastPathKernel<Void> {

    /** Relative error bound of the double-double results (2^-103, with spare). */
    public static final double BOUND = 0x1p-100;

    /** Below this |x|, f(x) = x/2 rounded with ties up (see the class comment). */
    private static final double TINY = 0x1p-60;

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final double a;

    /**
     * @param a the stored slope, float32(1/6) in ONNX; positive, at most 24 significant bits
     * @param rounding round the results to odd (narrow dtypes) instead of to nearest (float64)
     */
    public OnnxHardSwish(double a, FinalRounding rounding) {
      super(rounding);
      this.a = a;
    }

    @Override
    protected double fastValue(double x, double[] scratch) {
      if (x != x || x == Double.NEGATIVE_INFINITY) {
        return Double.NaN;
      }
      if (x == Double.POSITIVE_INFINITY || x == 0) {
        return x;
      }
      if (Math.abs(x) < TINY) {
        return tiny(x, rounding);
      }
      double t = a * x;
      double s = t + 0.5;
      double tail = DoubleDouble.twoSumError(t, 0.5, s) + Math.fma(a, x, -t);
      double h = s + tail;
      double residual = (s - h) + tail;
      if (h < 0 || (h == 0 && residual <= 0)) {
        return x * 0.0;                       // -0.0: h <= 0 needs x < 0
      }
      if (h > 1 || (h == 1 && residual >= 0)) {
        return x;
      }
      double p = x * h;
      return ZivRounding.forDtype(p, Math.fma(x, h, -p) + x * residual, BOUND, rounding);
    }

    /** Where {@link #fastValue} gives up: NaN for NaN and -Infinity, else x (a x + 1/2) exactly. */
    @Override
    protected double accurateValue(double x) {
      if (x != x || x == Double.NEGATIVE_INFINITY) {
        return Double.NaN;
      }
      return exact(new BigDecimal(x).multiply(slopeSum(x)));
    }

    @Override
    protected double fastDerivative(double x, double[] scratch) {
      if (x != x) {
        return x;
      }
      if (Double.isInfinite(x)) {
        return x > 0 ? 1 : 0;
      }
      if (Math.abs(x) < TINY) {
        return DoubleRounding.halfPlusLinear(x, rounding);   // 2 a x + 1/2, 2a = 1/3 (float32)
      }
      double t = a * x;
      double productError = Math.fma(a, x, -t);
      double s = t + 0.5;
      double tail = DoubleDouble.twoSumError(t, 0.5, s) + productError;
      double h = s + tail;
      double residual = (s - h) + tail;
      if (h < 0 || (h == 0 && residual <= 0)) {
        return 0;
      }
      if (h > 1 || (h == 1 && residual >= 0)) {
        return 1;
      }
      double twice = 2 * t;                   // 2 a x + 1/2 = 2t + 1/2 + 2 fma(a, x, -t)
      double d = twice + 0.5;
      double sumError = DoubleDouble.twoSumError(twice, 0.5, d);
      if (productError == 0) {
        // a x = t exactly (every float32 x: 24 + 24 bits), so 2 a x + 1/2 = d + sumError exactly,
        // d its nearest double: rounded once, with no bound to prove (a tie of the double sum
        // would otherwise fail the proof and take the BigDecimal path).
        return DoubleRounding.finish(d, sumError, rounding);
      }
      return ZivRounding.forDtype(d, sumError + 2 * productError, BOUND, rounding);
    }

    /** Where {@link #fastDerivative} gives up: NaN for NaN, else 2 a x + 1/2 exactly. */
    @Override
    protected double accurateDerivative(double x) {
      if (x != x) {
        return x;
      }
      return exact(slopeSum(x).add(new BigDecimal(a).multiply(new BigDecimal(x))));
    }

    /** a x + 1/2, exactly. */
    private BigDecimal slopeSum(double x) {
      return new BigDecimal(a).multiply(new BigDecimal(x)).add(HALF);
    }

    /** v rounded once: to nearest (float64) or to odd (narrow dtypes). */
    private double exact(BigDecimal v) {
      double r = Rounding.round(v, Dtype.FLOAT64);
      return DoubleRounding.finish(r, v.compareTo(new BigDecimal(r)), rounding);
    }
  }
}
