package org.activationtck.spec.params;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Axes -1 and 0 name the one dimension of a vector; any other is rejected with its value. */
class RankOneAxisTest {

  private static final Catalog CATALOG = Catalog.standard();

  private static Params softmax(Map<String, String> params) {
    return Params.resolve(CATALOG.require("softmax"), "keras3", params, Dtype.FLOAT64);
  }

  @ParameterizedTest(name = "axis={0}")
  @ValueSource(strings = {"-1", "0"})
  void check_axisOfOneVector_passes(String axis) {
    assertDoesNotThrow(() -> RankOneAxis.check("softmax", softmax(Map.of("axis", axis))));
  }

  @Test
  void check_defaultAxis_passes() {
    assertDoesNotThrow(() -> RankOneAxis.check("softmax", softmax(Map.of())));
  }

  @ParameterizedTest(name = "axis={0}")
  @ValueSource(strings = {"1", "-2", "7"})
  void check_otherAxis_isRejectedNamingTheValue(String axis) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RankOneAxis.check("softmax", softmax(Map.of("axis", axis))));
    assertEquals("softmax parameter 'axis': " + axis
        + " is out of range for one vector (rank 1): expected -1 or 0", e.getMessage());
  }
}
