package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.ExactQuotient;

/**
 * hard_silu (hard_swish, PyTorch hardswish, ONNX HardSwish): f(x) = x relu6(x + 3) / 6, i.e.
 * x * 0 for x <= -3, x for x >= 3, x (x + 3) / 6 between.
 *
 * <p>Method: x (x + 3) / 6 by {@link ExactQuotient#sixth}: exact when the quotient terminates,
 * else within 10^-digits and never a rounding tie (non-dyadic).
 *
 * <p>Special cases (rule hard_silu.zero_sign): x <= -3 gives x * (+0) = -0.0; -Inf gives
 * -Inf * 0 = NaN in every dialect; ±0 → ±0 (0 * 1/2); +Inf → +Inf; NaN → NaN. ONNX's
 * x * max(0, min(1, x/6 + 1/2)) has the same values; the catalog takes its alpha = 1/6 exactly.
 *
 * <p>Derivative: (2x + 3) / 6 on -3 < x < 3, 0 for x <= -3, 1 for x >= 3. At the kinks (rule
 * hard_silu.derivative.kink) every dialect takes the outer pieces, 0 at -3 and 1 at 3: Keras and
 * JAX by the product rule over relu6's derivative (0 at its kinks), PyTorch's hardswish_backward
 * since PR #148049 (x <= -3 → 0, x < 3 → x/3 + 1/2, else 1; before it, -1/2 and 3/2), ONNX by
 * catalog choice (no gradient defined). The derivative at -Inf is 0; at NaN the catalog's value per
 * dialect (rule hard_silu.derivative.nan: pytorch 1, the others NaN).
 */
public final class HardSilu implements ElementwiseFunction {

  private static final BigDecimal THREE = BigDecimal.valueOf(3);

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
      return Real.NAN;
    }
    if (x <= -3) {
      return Real.NEGATIVE_ZERO;
    }
    if (x >= 3 || x == 0) {
      return Real.of(x);
    }
    BigDecimal bx = new BigDecimal(x);
    return ExactQuotient.sixth(bx.multiply(bx.add(THREE)), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("hard_silu", p);
    }
    if (x <= -3) {
      return Real.POSITIVE_ZERO;
    }
    if (x >= 3) {
      return Real.of(1);
    }
    BigDecimal bx = new BigDecimal(x);
    return ExactQuotient.sixth(bx.add(bx).add(THREE), digits);
  }
}
