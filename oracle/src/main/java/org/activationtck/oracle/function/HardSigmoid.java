package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.ExactQuotient;

/**
 * hard_sigmoid, two different functions under one name (rule hard_sigmoid.form):
 * <ul>
 *   <li>keras3, pytorch (hardsigmoid), jax: f(x) = relu6(x + 3) / 6, i.e. 0 for x <= -3, 1 for
 *       x >= 3, (x + 3) / 6 between: the exact sixth, not x times a rounded 1/6;
 *   <li>tf_keras2, onnx (HardSigmoid): f(x) = clip(alpha x + beta, 0, 1), alpha = 0.2 and
 *       beta = 0.5 as the dialect holds them (rule params.compute_format: tf_keras2 in the
 *       input's dtype, onnx float32 attributes on every dtype; kinks near ±2.5).
 * </ul>
 *
 * <p>Method: (x + 3) / 6 by {@link ExactQuotient#sixth}: exact when it terminates, else within
 * 10^-digits (never a rounding tie, being non-dyadic); alpha x + beta exact.
 *
 * <p>Special cases: NaN → NaN; +Inf → 1; -Inf → +0.0; every zero result is +0.0 (x + 3 = +0 at
 * x = -3; relu6 and clip return +0).
 *
 * <p>Derivative: 1/6 on -3 < x < 3 (0 at ±3: TensorFlow Relu6Grad, PyTorch hardsigmoid_backward
 * and JAX's relu6 JVP all test the open interval); tf_keras2: alpha on 0 <= alpha x + beta <= 1,
 * ties included (tf.clip_by_value's minimum/maximum gradients send ties to x); onnx defines no
 * gradient and the catalog takes tf_keras2's. At NaN the catalog's value per dialect (rule
 * hard_sigmoid.derivative.nan).
 */
public final class HardSigmoid implements ElementwiseFunction {

  private static final BigDecimal THREE = BigDecimal.valueOf(3);

  private static boolean linearForm(Params p) {
    return "tf_keras2".equals(p.dialect()) || "onnx".equals(p.dialect());
  }

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (linearForm(p)) {
      BigDecimal alpha = p.real("alpha");
      BigDecimal beta = p.real("beta");
      BigDecimal y;
      if (Double.isInfinite(x)) {
        if (alpha.signum() == 0) {
          return Real.NAN;                   // 0 * Inf
        }
        y = (alpha.signum() > 0) == (x > 0) ? BigDecimal.TEN : BigDecimal.TEN.negate();
      } else {
        y = alpha.multiply(new BigDecimal(x)).add(beta);
      }
      if (y.signum() <= 0) {
        return Real.POSITIVE_ZERO;
      }
      return y.compareTo(BigDecimal.ONE) >= 0 ? Real.of(1) : Real.exact(y);
    }
    if (x <= -3) {
      return Real.POSITIVE_ZERO;
    }
    if (x >= 3) {
      return Real.of(1);
    }
    return ExactQuotient.sixth(new BigDecimal(x).add(THREE), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("hard_sigmoid", p);
    }
    if (linearForm(p)) {
      BigDecimal alpha = p.real("alpha");
      if (Double.isInfinite(x) || alpha.signum() == 0) {
        return Real.POSITIVE_ZERO;
      }
      BigDecimal y = alpha.multiply(new BigDecimal(x)).add(p.real("beta"));
      boolean inside = y.signum() >= 0 && y.compareTo(BigDecimal.ONE) <= 0;
      return inside ? Real.exact(alpha) : Real.POSITIVE_ZERO;
    }
    return x > -3 && x < 3 ? ExactQuotient.sixth(BigDecimal.ONE, digits) : Real.POSITIVE_ZERO;
  }
}
