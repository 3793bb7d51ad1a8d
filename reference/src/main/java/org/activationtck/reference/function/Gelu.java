package org.activationtck.reference.function;

import static org.activationtck.reference.internal.DoubleDouble.add;
import static org.activationtck.reference.internal.DoubleDouble.div;
import static org.activationtck.reference.internal.DoubleDouble.mul;
import static org.activationtck.reference.internal.DoubleDouble.sub;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ErfcDoubleDouble;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.kernel.FastPathKernel;
import org.activationtck.reference.kernel.GeluExactFastPath;
import org.activationtck.reference.kernel.GeluScales;
import org.activationtck.reference.kernel.GeluTanhFastPath;
import org.activationtck.reference.kernel.RootTaylor;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.spec.params.Params;


/**
 * gelu, exact (x Phi(x) = (x/2) erfc(-s x)) or tanh form (x sigma(c (x + kappa x^3)),
 * c = 2 sqrt(2/pi)), in double-double, rounded once. The constants s = 1/sqrt 2, c and kappa are
 * the dialect's ({@link GeluScales}: stored binary values, ONNX's square root of a float32, or
 * the exact reals), carried as double-doubles; the formulas below are written for the exact
 * reals and hold for the others with s, c and kappa in their places.
 *
 * <p>Method, exact form: t = s |x|, t^2 = s^2 x^2 as a double-double (exact for s = 1/sqrt 2).
 * Phi(x) = erfc(t)/2 for x < 0 and 1 - erfc(t)/2 for x > 0, erfc from {@link ErfcDoubleDouble}
 * (series below t = 3, continued fraction above, where e^(-t^2) stays a separate scaled factor so
 * that results down to the subnormal range round once). Derivative Phi(x) + x phi(x),
 * phi(x) = e^(-t^2)/sqrt(2 pi); for t >= 3 and x < 0 it is e^(-t^2) (F_t/2 + x/sqrt(2 pi)) with
 * F_t the continued-fraction factor, no cancellation. Within 2^-20 of the derivative's root
 * (x0 = -0.75179 exact form, -0.75246 tanh form) its Taylor series about x0 is used instead
 * ({@link RootTaylor}): the direct sum keeps only about 49 bits at the doubles next to x0. The
 * series exist for the float64 constants of every dialect; narrow kernels, whose inputs lie at
 * least a float32 spacing from the root, use the direct sum.
 *
 * <p>Method, tanh form: P = x + 0.044715 x^3, v = 2 sqrt(2/pi) P, value x sigma(v), derivative
 * sigma(v)(1 + x 2 sqrt(2/pi) (1 + 0.134145 x^2) sigma(-v)).
 *
 * <p>Fast path, exact form (value and derivative): {@link GeluExactFastPath} (erf series and
 * continued fraction in plain double-double arithmetic, bound 2^-76, Ziv's test), the accurate
 * path below otherwise.
 *
 * <p>Fast path, tanh form: {@link GeluTanhFastPath} (value and derivative from a double-double
 * v and e^(-|v|), bound 2^-76, Ziv's test), the accurate path below otherwise.
 *
 * <p>Accuracy: the fast paths return the correctly rounded double (float64) or the value
 * rounded to odd (narrow dtypes), proved by their bounds; the accurate path, for the rest: relative
 * error below 10^-22 before the final rounding (the erfc cancellation at t < 3 costs 16 bits):
 * within 1 ulp, correctly rounded except within 10^-22 of a midpoint.
 *
 * <p>Special cases (catalog): NaN → NaN; +Inf → +Inf; -Inf → NaN; ±0 → ±0. Derivative: +Inf → 1;
 * -Inf → -0.0; ±0 → 0.5.
 *
 * <p>Thresholds: |x| < 2^-60: x/2 + 0.3989 x^2 ({@link DoubleRounding#halfPlusSquare}), derivative
 * 1/2 + 0.7979 x ({@link DoubleRounding#halfPlusLinear}; the fast paths leave both to the accurate
 * path, which answers them without evaluating anything). Exact form:
 * x <= -40 → -0.0 (|f| < e^-800, |f'| < 40 e^-800); x > 12 → f = x, f' = 1 (erfc(8.48)/2 <
 * 10^-32, x phi(x) < 10^-30). Tanh form: x <= -25 → -0.0 (v < -1154); x > 10 → f = x, f' = 1
 * (sigma(-v) < e^-87); v < -700: sigma(v) = e^v within e^-700, scaled once.
 */
public final class Gelu extends RoundingFunction {

  private static final DoubleDouble HALF = DoubleDouble.of(0.5);

  /**
   * The kernel of one form (exact or tanh) for one final rounding: nearest (float64) or to odd
   * (narrower dtypes). Each result comes from the form's fast path ({@link GeluExactFastPath},
   * {@link GeluTanhFastPath}), or from its accurate path where the fast path returns NaN
   * (undecided or outside its range). The form is fixed per kernel, so its tests are
   * loop-invariant.
   */
  private static final class FormKernel extends FastPathKernel<Void> {
    private final boolean exact;
    private final GeluScales k;

    FormKernel(boolean exact, FinalRounding rounding, GeluScales k) {
      super(rounding);
      this.exact = exact;
      this.k = k;
    }

    @Override
    protected double fastValue(double x, double[] scratch) {
      return exact ? GeluExactFastPath.value(k, x, rounding, scratch)
          : GeluTanhFastPath.value(k, x, rounding, scratch);
    }

    @Override
    protected double accurateValue(double x) {
      return exact ? accurateExactValue(k, x, rounding) : accurateTanhValue(k, x, rounding);
    }

    @Override
    protected double fastDerivative(double x, double[] scratch) {
      return exact ? GeluExactFastPath.derivative(k, x, rounding, scratch)
          : GeluTanhFastPath.derivative(k, x, rounding, scratch);
    }

    @Override
    protected double accurateDerivative(double x) {
      return exact ? accurateExactDerivative(k, x, rounding) : accurateTanhDerivative(k, x, rounding);
    }
  }

  /** The exact form's accurate path (slow: DoubleDouble objects), special cases included. */
  static double accurateExactValue(GeluScales k, double x, FinalRounding rounding) {
    if (x != x || x == Double.POSITIVE_INFINITY) {
      return x;
    }
    if (x <= -40) {
      return x == Double.NEGATIVE_INFINITY ? Double.NaN : -0.0;
    }
    if (x > 12) {
      return x;
    }
    if (Math.abs(x) < 0x1p-60) {
      return DoubleRounding.halfPlusSquare(x, rounding);
    }
    DoubleDouble t = mul(k.s, Math.abs(x));
    DoubleDouble halfX = DoubleDouble.of(0.5 * x);
    if (t.hi < ErfcDoubleDouble.SERIES_LIMIT || x > 0) {
      return DoubleDouble.round(mul(phi(k, x, t), x), rounding);
    }
    DoubleDouble.Scaled e = ExpDoubleDouble.expScaled(DoubleDouble.negate(tSquare(k, x)));
    return e.times(mul(ErfcDoubleDouble.tailFactor(t), halfX), rounding);
  }

  /** The exact form's accurate derivative (slow: DoubleDouble objects), special cases included. */
  static double accurateExactDerivative(GeluScales k, double x, FinalRounding rounding) {
    if (x != x) {
      return x;
    }
    if (Math.abs(x) < 0x1p-60) {
      return DoubleRounding.halfPlusLinear(x, rounding);   // 1/2 + 2 phi(0) x + O(x^3)
    }
    if (x <= -40) {
      return -0.0;
    }
    if (x > 12) {
      return 1.0;
    }
    GeluScales.RootSeries series = k.exactRoot;
    if (series != null && RootTaylor.near(x, series.root())) {
      return RootTaylor.value(rounding, x, series.root(), series.c1(), series.higher());
    }
    DoubleDouble t = mul(k.s, Math.abs(x));
    DoubleDouble minusT2 = DoubleDouble.negate(tSquare(k, x));
    if (t.hi < ErfcDoubleDouble.SERIES_LIMIT || x > 0) {
      DoubleDouble density = mul(mul(ExpDoubleDouble.exp(minusT2), k.density), x);
      return DoubleDouble.round(add(phi(k, x, t), density), rounding);
    }
    DoubleDouble.Scaled e = ExpDoubleDouble.expScaled(minusT2);
    DoubleDouble bracket = add(mul(ErfcDoubleDouble.tailFactor(t), HALF),
        mul(k.density, x));
    return e.times(bracket, rounding);
  }

  /** The tanh form's accurate path (slow: DoubleDouble objects), special cases included. */
  static double accurateTanhValue(GeluScales k, double x, FinalRounding rounding) {
    if (x != x || x == Double.POSITIVE_INFINITY) {
      return x;
    }
    if (x <= -25) {
      return x == Double.NEGATIVE_INFINITY ? Double.NaN : -0.0;
    }
    if (x > 10) {
      return x;
    }
    if (Math.abs(x) < 0x1p-60) {
      return DoubleRounding.halfPlusSquare(x, rounding);
    }
    DoubleDouble v = v(k, x);
    if (v.hi < -700) {
      return ExpDoubleDouble.expScaled(v).times(DoubleDouble.of(x), rounding);
    }
    return DoubleDouble.round(mul(sigmoid(v, false), x), rounding);
  }

  /** The tanh form's accurate derivative (slow: DoubleDouble objects), special cases included. */
  static double accurateTanhDerivative(GeluScales k, double x, FinalRounding rounding) {
    if (x != x) {
      return x;
    }
    if (Math.abs(x) < 0x1p-60) {
      return DoubleRounding.halfPlusLinear(x, rounding);   // 1/2 + (c/2) x + O(x^3)
    }
    if (x <= -25) {
      return -0.0;
    }
    if (x > 10) {
      return 1.0;
    }
    GeluScales.RootSeries series = k.tanhRoot;
    if (series != null && RootTaylor.near(x, series.root())) {
      return RootTaylor.value(rounding, x, series.root(), series.c1(), series.higher());
    }
    DoubleDouble dp = add(DoubleDouble.ONE, mul(mul(k.threeKappa, x), x));
    DoubleDouble slope = mul(mul(k.c, dp), x);
    DoubleDouble v = v(k, x);
    if (v.hi < -700) {
      return ExpDoubleDouble.expScaled(v).times(add(DoubleDouble.ONE, slope), rounding);
    }
    DoubleDouble b = add(DoubleDouble.ONE, mul(slope, sigmoid(v, true)));
    return DoubleDouble.round(mul(sigmoid(v, false), b), rounding);
  }

  /**
   * t^2 = (q/2) x^2 as a double-double: exact for q = 1 (s = 1/sqrt 2; |x| <= 40, no underflow
   * for |x| >= 2^-60), else within 2^-103 relative.
   */
  private static DoubleDouble tSquare(GeluScales k, double x) {
    return DoubleDouble.scalb(mul(mul(DoubleDouble.of(x), x), k.q), -1);
  }

  /** Phi(x) for t = s |x| < 3, or x > 0 with t <= 8.5. */
  private static DoubleDouble phi(GeluScales k, double x, DoubleDouble t) {
    DoubleDouble erfc = t.hi < ErfcDoubleDouble.SERIES_LIMIT ? ErfcDoubleDouble.erfcSmall(t)
        : mul(ErfcDoubleDouble.tailFactor(t), ExpDoubleDouble.exp(DoubleDouble.negate(tSquare(k, x))));
    DoubleDouble half = mul(erfc, HALF);
    return x < 0 ? half : sub(DoubleDouble.ONE, half);
  }

  /** v = c (x + kappa x^3). */
  private static DoubleDouble v(GeluScales k, double x) {
    DoubleDouble x3 = mul(mul(DoubleDouble.of(x), x), x);
    return mul(k.c, add(DoubleDouble.of(x), mul(k.kappa, x3)));
  }

  /** sigma(v), or sigma(-v) when complement, for v >= -700. */
  private static DoubleDouble sigmoid(DoubleDouble v, boolean complement) {
    boolean positive = (v.hi >= 0) != complement;
    DoubleDouble e = ExpDoubleDouble.exp(DoubleDouble.negate(v.hi >= 0 ? v : DoubleDouble.negate(v)));
    return div(positive ? DoubleDouble.ONE : e, add(DoubleDouble.ONE, e));
  }

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    boolean tanh = p.has("approximate") && p.bool("approximate");
    return new FormKernel(!tanh, rounding, GeluScales.of(p));
  }
}
