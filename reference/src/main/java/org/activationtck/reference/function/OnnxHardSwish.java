package org.activationtck.reference.function;

import java.math.BigDecimal;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;
import org.activationtck.reference.ReferenceFunction.Kernel;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ZivRounding;

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
 * below 2^-103; f' = 2t + 1/2 + 2te the same way. Each result stands when {@link
 * ZivRounding#forDtype} proves it rounds like the exact value with bound {@link #BOUND};
 * otherwise (values within 2^-100 of a rounding boundary, exact midpoints included: f is a
 * dyadic rational) it is recomputed exactly in BigDecimal and rounded once, nearest for float64,
 * to odd for the narrower dtypes.
 *
 * <p>Special cases: NaN → NaN; -Inf → -Inf * 0 = NaN; +Inf → +Inf; ±0 → ±0; |x| &lt; 2^-60
 * → x/2 + a x^2 = x/2 with ties broken upward ({@link HardSilu#tiny}, as for the exact sixth:
 * a x^2 &lt; 2^-61 |x/2|). Derivative: 0 at -Inf, 1 at +Inf.
 */
final class OnnxHardSwish implements Kernel {

  /** Relative error bound of the double-double results (2^-103, with spare). */
  static final double BOUND = 0x1p-100;

  /** Below this |x|, f(x) = x/2 rounded with ties up (see the class comment). */
  private static final double TINY = 0x1p-60;

  private static final BigDecimal HALF = new BigDecimal("0.5");

  private final double a;
  private final boolean toOdd;

  /**
   * @param a the stored slope, float32(1/6) in ONNX; positive, at most 24 significant bits
   * @param toOdd round the results to odd (narrow dtypes) instead of to nearest (float64)
   */
  OnnxHardSwish(double a, boolean toOdd) {
    this.a = a;
    this.toOdd = toOdd;
  }

  @Override
  public double value(double x) {
    if (x != x || x == Double.NEGATIVE_INFINITY) {
      return Double.NaN;
    }
    if (x == Double.POSITIVE_INFINITY || x == 0) {
      return x;
    }
    if (Math.abs(x) < TINY) {
      return HardSilu.tiny(x, toOdd);
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
    double y = ZivRounding.forDtype(p, Math.fma(x, h, -p) + x * residual, BOUND, toOdd);
    return y == y ? y : exact(new BigDecimal(x).multiply(slopeSum(x)));
  }

  @Override
  public double derivative(double x) {
    if (x != x) {
      return x;
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? 1 : 0;
    }
    double t = a * x;
    double s = t + 0.5;
    double tail = DoubleDouble.twoSumError(t, 0.5, s) + Math.fma(a, x, -t);
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
    double dTail = DoubleDouble.twoSumError(twice, 0.5, d) + 2 * Math.fma(a, x, -t);
    double y = ZivRounding.forDtype(d, dTail, BOUND, toOdd);
    return y == y ? y : exact(slopeSum(x).add(new BigDecimal(a).multiply(new BigDecimal(x))));
  }

  /** a x + 1/2, exactly. */
  private BigDecimal slopeSum(double x) {
    return new BigDecimal(a).multiply(new BigDecimal(x)).add(HALF);
  }

  /** v rounded once: to nearest (float64) or to odd (narrow dtypes). */
  private double exact(BigDecimal v) {
    double r = Rounding.round(v, Dtype.FLOAT64);
    return DoubleRounding.finish(r, v.compareTo(new BigDecimal(r)), toOdd);
  }
}
