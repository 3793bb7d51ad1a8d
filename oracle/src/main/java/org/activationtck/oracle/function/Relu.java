package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.SignedProduct;

/**
 * relu with Keras' optional negative_slope s, max_value m and threshold t.
 *
 * <p>Definition (Keras 3 ReLU.static_call and tf_keras backend.relu, the same op sequence):
 * <ul>
 *   <li>s != 0, m absent, t = 0: leaky relu, x for x > 0 else s x (tf.nn.leaky_relu);
 *   <li>otherwise pos = x * [x > t] when t != 0, else max(x, 0) (relu6 when m = 6); pos is
 *       clipped to [0, m] when m is given; then, when s != 0, f = pos - s * max(t - x, 0).
 * </ul>
 * So for x < t with s != 0, f = s (x - t) exactly; for x <= t with s = 0 the result is a zero.
 * The plain relu of PyTorch, JAX and ONNX is the case s = 0, m absent, t = 0.
 *
 * <p>Method: exact decimal arithmetic; every result is exact or a signed zero.
 *
 * <p>Special cases (rule relu.zero_sign): with t != 0, x * [x > t] keeps the sign of x, so
 * x <= t gives -0.0 for negative x; max(x, 0) returns +0.0 for x < 0 and x itself for ±0; a later
 * clip or subtraction of a +0 term keeps that sign (s >= 0). NaN gives NaN; -Inf with t != 0
 * gives NaN (-Inf * 0, rule relu.threshold.infinity).
 *
 * <p>Derivative: TensorFlow's gradients of that op sequence: d pos = [x > t] (t != 0) or
 * [x > 0] (relu), [0 < x < 6] (relu6); the clip passes the gradient at its bounds
 * (tf.minimum/tf.maximum send ties to x); the slope term adds s where t - x > 0. At x = 0 (t = 0)
 * the plain relu's derivative is 0 in every dialect. At NaN the catalog's value per dialect and path
 * (rule relu.derivative.nan).
 *
 * <p>Error bound: none, results are exact. Thresholds: none.
 */
public final class Relu implements ElementwiseFunction {

  private static final BigDecimal SIX = BigDecimal.valueOf(6);

  /** The resolved parameters, validated. */
  private record Args(BigDecimal slope, BigDecimal max, BigDecimal threshold) {
    boolean leakyPath() {
      return slope.signum() != 0 && max == null && threshold.signum() == 0;
    }

    boolean relu6Path() {
      return threshold.signum() == 0 && max != null && max.compareTo(SIX) == 0;
    }
  }

  private static Args args(Params p) {
    BigDecimal s = p.has("negative_slope") ? p.real("negative_slope") : BigDecimal.ZERO;
    BigDecimal m = p.has("max_value") ? p.real("max_value") : null;
    BigDecimal t = p.has("threshold") ? p.real("threshold") : BigDecimal.ZERO;
    return new Args(s, m, t);
  }

  @Override
  public Real value(double x, Params p, int digits) {
    Args a = args(p);
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (a.leakyPath()) {
      return x > 0 ? Real.of(x) : SignedProduct.of(a.slope, x);
    }
    boolean thresholded = a.threshold.signum() != 0;
    if (x == Double.NEGATIVE_INFINITY) {
      if (thresholded) {
        return Real.NAN;
      }
      return a.slope.signum() == 0 ? Real.POSITIVE_ZERO : Real.NEGATIVE_INFINITY;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return a.max == null ? Real.POSITIVE_INFINITY : Real.exact(a.max);
    }
    BigDecimal bx = new BigDecimal(x);
    // pos: the positive part before clipping, as a value and, when zero, a sign.
    Real pos;
    if (thresholded) {
      pos = bx.compareTo(a.threshold) > 0 ? Real.of(x) : Real.zero(x < 0 || isNegativeZero(x));
    } else {
      pos = x < 0 ? Real.POSITIVE_ZERO : Real.of(x);
    }
    if (a.max != null && pos.kind() == Real.Kind.FINITE) {
      if (pos.isNegative()) {
        pos = Real.POSITIVE_ZERO;            // tf.maximum(pos, 0) for negative pos
      } else if (pos.value().compareTo(a.max) > 0) {
        pos = Real.exact(a.max);             // tf.minimum(pos, m); m = 0 gives +0
      }
    }
    if (a.slope.signum() != 0 && bx.compareTo(a.threshold) < 0) {
      // pos is a zero here (x < t), so pos - s (t - x) = s (x - t) exactly, never zero.
      return Real.exact(a.slope.multiply(bx.subtract(a.threshold)));
    }
    return pos;
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    Args a = args(p);
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("relu", p);
    }
    if (a.leakyPath()) {
      return x > 0 ? Real.of(1) : Real.exact(a.slope);
    }
    BigDecimal bx = Double.isInfinite(x) ? null : new BigDecimal(x);
    int vsT = bx == null ? (x > 0 ? 1 : -1) : bx.compareTo(a.threshold);
    boolean thresholded = a.threshold.signum() != 0;
    int dpos;
    BigDecimal posValue; // the positive part's value, for the clip's masks (null: infinite)
    if (thresholded) {
      dpos = vsT > 0 ? 1 : 0;
      posValue = vsT > 0 ? bx : BigDecimal.ZERO;
    } else if (a.relu6Path()) {
      dpos = x > 0 && x < 6 ? 1 : 0;
      posValue = null; // relu6 consumes the clip
    } else {
      dpos = x > 0 ? 1 : 0;
      posValue = x > 0 ? bx : BigDecimal.ZERO;
    }
    int dclip = 1;
    if (a.max != null && !a.relu6Path()) {
      // tf.minimum(pos, m) passes the gradient where pos <= m; tf.maximum(., 0) where >= 0.
      boolean belowMax = posValue != null && posValue.compareTo(a.max) <= 0;
      boolean aboveZero = posValue != null && posValue.min(a.max).signum() >= 0;
      dclip = belowMax && aboveZero ? 1 : 0;
    }
    BigDecimal d = BigDecimal.valueOf((long) dpos * dclip);
    if (a.slope.signum() != 0 && vsT < 0) {
      d = d.add(a.slope);
    }
    return d.signum() == 0 ? Real.POSITIVE_ZERO : Real.exact(d);
  }

  private static boolean isNegativeZero(double x) {
    return x == 0 && Double.doubleToRawLongBits(x) != 0;
  }
}
