package org.activationtck.spec.params;

import java.math.BigDecimal;

/**
 * The catalog's constraints on parameter values (each parameter's {@code constraint} text in
 * {@code spec/.../catalog/<function>.json}), checked on the resolved values: after rounding to
 * the dialect's storage and compute formats, so that a value that rounds to an impossible one
 * (a celu alpha of 1e-50 stored as float32 is 0) is rejected like the impossible value itself.
 *
 * <p>Only constraints that make the function undefined or that a framework enforces are checked
 * here; parameters the catalog allows to be any real are not.
 */
final class ParameterConstraints {

  private ParameterConstraints() {}

  /**
   * Checks the resolved parameters of one function.
   *
   * @param function the catalog id
   * @throws IllegalArgumentException naming the function, the parameter and the value
   */
  static void check(String function, Params p) {
    switch (function) {
      case "celu" -> {
        if (p.real("alpha").signum() == 0) {
          throw new IllegalArgumentException("celu parameter 'alpha' must be nonzero (got 0)");
        }
      }
      case "hard_tanh" -> notAbove(function, p, "min_val", "max_val");
      case "relu" -> {
        atLeastZero(function, p, "negative_slope");
        atLeastZero(function, p, "max_value");
      }
      case "rrelu" -> notAbove(function, p, "lower", "upper");
      case "selu" -> {
        aboveZero(function, p, "alpha");
        aboveZero(function, p, "scale");
      }
      case "soft_shrink" -> atLeastZero(function, p, "threshold");
      case "softplus" -> aboveZero(function, p, "beta");
      case "squareplus" -> atLeastZero(function, p, "b");
      case "thresholded_relu" -> {
        // the tf_keras2 layer rejects a negative theta; ONNX allows any real
        if ("tf_keras2".equals(p.dialect()) && p.real("theta").signum() < 0) {
          throw new IllegalArgumentException(
              "thresholded_relu parameter 'theta' must be >= 0 in tf_keras2, got " + p.real("theta"));
        }
      }
      default -> {
        // no constraint beyond the parameter's type
      }
    }
  }

  private static void aboveZero(String function, Params p, String name) {
    if (p.has(name) && p.real(name).signum() <= 0) {
      throw new IllegalArgumentException(
          function + " parameter '" + name + "' must be > 0, got " + p.real(name));
    }
  }

  private static void atLeastZero(String function, Params p, String name) {
    if (p.has(name) && p.real(name).signum() < 0) {
      throw new IllegalArgumentException(
          function + " parameter '" + name + "' must be >= 0, got " + p.real(name));
    }
  }

  private static void notAbove(String function, Params p, String lower, String upper) {
    BigDecimal lo = p.real(lower);
    BigDecimal hi = p.real(upper);
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException(function + " parameter '" + lower + "' (" + lo
          + ") must not exceed parameter '" + upper + "' (" + hi + ")");
    }
  }
}
