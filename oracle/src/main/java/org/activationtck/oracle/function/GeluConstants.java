package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.internal.PiConstants;
import org.activationtck.oracle.internal.Precision;
import org.activationtck.oracle.internal.Sqrt;

/**
 * gelu's constants as a dialect holds them (catalog constants of gelu, rule
 * params.compute_format), each either a stored binary value, used exactly, or the exact real:
 * <ul>
 *   <li>exact form, the scale s of erf(s x): sqrt_half stored (PyTorch's M_SQRT1_2, JAX's
 *       np.sqrt(0.5) in the dtype), 1/sqrt_2 with sqrt_2 stored (TensorFlow divides by
 *       1.4142135623730951 cast to the dtype), else 1/sqrt(2) (ONNX: Sqrt(2) in its body);
 *   <li>tanh form, the factor b of tanh(b (x + k x^3)): sqrt_2_over_pi stored, or the exact
 *       square root of a stored two_over_pi (ONNX: Sqrt of the float32 0.63661977236), else
 *       sqrt(2/pi); and k: kappa stored (ONNX: float32), else 0.044715.
 * </ul>
 * A stored value is exact, so its uses are products of exact numbers; only the exact reals and
 * ONNX's square root are computed, to the precision asked for (within one unit in the last
 * digit).
 */
final class GeluConstants {

  private static final BigDecimal KAPPA = new BigDecimal("0.044715");

  private GeluConstants() {}

  /** s with f(x) = (x/2) erfc(-s x), to {@code q} significant digits (exact when stored). */
  static BigDecimal erfScale(Params p, int q) {
    Optional<BigDecimal> sqrtHalf = p.constant("sqrt_half");
    if (sqrtHalf.isPresent()) {
      return sqrtHalf.get();
    }
    Optional<BigDecimal> sqrtTwo = p.constant("sqrt_2");
    if (sqrtTwo.isPresent()) {
      return BigDecimal.ONE.divide(sqrtTwo.get(), Precision.of(q));
    }
    return PiConstants.sqrtHalf(q);
  }

  /** s^2, to {@code q} significant digits (exact when s is stored or 1/sqrt 2). */
  static BigDecimal erfScaleSquared(Params p, int q) {
    Optional<BigDecimal> sqrtHalf = p.constant("sqrt_half");
    if (sqrtHalf.isPresent()) {
      return sqrtHalf.get().multiply(sqrtHalf.get());
    }
    Optional<BigDecimal> sqrtTwo = p.constant("sqrt_2");
    if (sqrtTwo.isPresent()) {
      return BigDecimal.ONE.divide(sqrtTwo.get().multiply(sqrtTwo.get()), Precision.of(q));
    }
    return new BigDecimal("0.5");
  }

  /** 2b, the factor of v = 2b (x + k x^3), to {@code q} significant digits. */
  static BigDecimal twiceTanhScale(Params p, int q) {
    Optional<BigDecimal> stored = p.constant("sqrt_2_over_pi");
    if (stored.isPresent()) {
      return stored.get().multiply(BigDecimal.valueOf(2));
    }
    Optional<BigDecimal> twoOverPi = p.constant("two_over_pi");
    if (twoOverPi.isPresent()) {
      return Sqrt.sqrt(twoOverPi.get().multiply(BigDecimal.valueOf(4)), q + 1)
          .round(new MathContext(q));
    }
    return PiConstants.sqrtEightOverPi(q);
  }

  /** k, the cubic coefficient of the tanh form: stored, or 0.044715 exactly. */
  static BigDecimal kappa(Params p) {
    return p.constant("kappa").orElse(KAPPA);
  }
}
