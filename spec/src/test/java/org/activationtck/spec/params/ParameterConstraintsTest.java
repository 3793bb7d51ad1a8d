package org.activationtck.spec.params;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every constraint the catalog states as checked is rejected by {@link Params#resolve}, with a
 * message naming the function and the parameter, and the boundary value itself is accepted.
 */
class ParameterConstraintsTest {

  private static final Catalog CATALOG = Catalog.standard();

  private static Params resolve(String function, String dialect, String name, String value,
      Dtype t) {
    return Params.resolve(CATALOG.require(function), dialect, Map.of(name, value), t);
  }

  @ParameterizedTest(name = "{0} {2}={3} in {1}")
  @CsvSource(delimiter = '|', value = {
      "celu | pytorch | alpha | 0 | celu parameter 'alpha' must be nonzero (got 0)",
      // 1e-50 is not 0, but ONNX stores alpha as float32, where it is
      "celu | onnx | alpha | 1e-50 | celu parameter 'alpha' must be nonzero (got 0)",
      "selu | onnx | alpha | 0 | selu parameter 'alpha' must be > 0, got 0",
      "selu | onnx | gamma | -1 | selu parameter 'scale' must be > 0, got -1",
      "softplus | pytorch | beta | 0 | softplus parameter 'beta' must be > 0, got 0",
      "softplus | pytorch | beta | -1 | softplus parameter 'beta' must be > 0, got -1",
      "squareplus | jax | b | -1 | squareplus parameter 'b' must be >= 0, got -1",
      "soft_shrink | pytorch | lambd | -0.5 | soft_shrink parameter 'threshold' must be >= 0, got -0.5",
      "relu | keras3 | negative_slope | -0.5 | relu parameter 'negative_slope' must be >= 0, got -0.5",
      "relu | keras3 | max_value | -1 | relu parameter 'max_value' must be >= 0, got -1",
      "thresholded_relu | tf_keras2 | theta | -1 | thresholded_relu parameter 'theta' must be >= 0 in tf_keras2, got -1",
      "hard_tanh | pytorch | min_val | 2 | hard_tanh parameter 'min_val' (2) must not exceed parameter 'max_val' (1)",
      "rrelu | pytorch | lower | 0.5 | rrelu parameter 'lower' (0.5) must not exceed parameter 'upper' (0.333333333333333314829616256247390992939472198486328125)",
  })
  void required_brokenConstraint_isRejectedNamingTheParameter(String function, String dialect,
      String name, String value, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> resolve(function, dialect, name, value, Dtype.FLOAT64));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest(name = "{0} {2}={3} in {1}")
  @CsvSource({
      "squareplus, jax, b, 0",
      "soft_shrink, pytorch, lambd, 0",
      "relu, keras3, negative_slope, 0",
      "relu, keras3, max_value, 0",
      "thresholded_relu, onnx, alpha, -1",
      "thresholded_relu, tf_keras2, theta, 0",
      "hard_tanh, pytorch, min_val, 1",
      "celu, pytorch, alpha, -1",
  })
  void required_boundaryOrAllowedValue_isAccepted(String function, String dialect, String name,
      String value) {
    assertDoesNotThrow(() -> resolve(function, dialect, name, value, Dtype.FLOAT64));
  }
}
