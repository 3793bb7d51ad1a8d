package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.util.Optional;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
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
 * -Inf * 0 = NaN in every dialect; ±0 → ±0 (0 * 1/2); +Inf → +Inf; NaN → NaN.
 *
 * <p>ONNX (constant {@code one_sixth} = a, stored as float32(1/6) = (1/6)(1 + 2^-25)): HardSwish
 * is x * HardSigmoid&lt;alpha = a, beta = 1/2&gt;(x), f(x) = x h with h = max(0, min(1, a x + 1/2)),
 * exact (a x + 1/2 and x h are products and sums of binary numbers). Kinks at a x + 1/2 = 0 and
 * = 1, x = ±1/(2a) = ±2.9999999106; h = 0 gives x * 0 = -0.0, h = 1 gives x. Derivative
 * 2 a x + 1/2 strictly between the kinks, 0 below (at the kink included), 1 above.
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
  private static final BigDecimal HALF = new BigDecimal("0.5");

  /** The dialect's stored one_sixth, when it uses ONNX's HardSigmoid form (else empty). */
  private static Optional<BigDecimal> storedSixth(Params p) {
    return p.constant("one_sixth");
  }

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
      return Real.NAN;
    }
    Optional<BigDecimal> a = storedSixth(p);
    if (a.isPresent()) {
      return hardSigmoidFormValue(x, a.get());
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

  /** x max(0, min(1, a x + 1/2)) for x not NaN or -Infinity, exactly. */
  private static Real hardSigmoidFormValue(double x, BigDecimal a) {
    if (x == Double.POSITIVE_INFINITY || x == 0) {
      return Real.of(x);
    }
    BigDecimal bx = new BigDecimal(x);
    BigDecimal h = a.multiply(bx).add(HALF);
    if (h.signum() <= 0) {
      return Real.NEGATIVE_ZERO;          // x * (+0) with x < 0 (h <= 0 needs x < 0)
    }
    return h.compareTo(BigDecimal.ONE) >= 0 ? Real.of(x) : Real.exact(bx.multiply(h));
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("hard_silu", p);
    }
    Optional<BigDecimal> a = storedSixth(p);
    if (a.isPresent()) {
      if (Double.isInfinite(x)) {
        return x > 0 ? Real.of(1) : Real.POSITIVE_ZERO;
      }
      BigDecimal bx = new BigDecimal(x);
      BigDecimal h = a.get().multiply(bx).add(HALF);
      if (h.signum() <= 0) {
        return Real.POSITIVE_ZERO;
      }
      return h.compareTo(BigDecimal.ONE) >= 0 ? Real.of(1)
          : Real.exact(a.get().multiply(bx).multiply(BigDecimal.valueOf(2)).add(HALF));
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
