package org.activationtck.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/** The oracle evaluates an axis function on one vector: axes -1 and 0 only, the same rule as fixtures. */
class OracleAxisTest {

  private static final Oracle ORACLE = Oracle.standard();

  @Test
  void evaluate_axisZero_isTheSameVectorAsAxisMinusOne() {
    double[] x = {1, 2, 3};
    List<OracleValue> last = ORACLE.evaluate("softmax", "pytorch", Map.of("dim", "-1"), Dtype.FLOAT64, false, x);
    List<OracleValue> first = ORACLE.evaluate("softmax", "pytorch", Map.of("dim", "0"), Dtype.FLOAT64, false, x);
    for (int i = 0; i < x.length; i++) {
      assertEquals(last.get(i).rounded(Dtype.FLOAT64), first.get(i).rounded(Dtype.FLOAT64));
    }
  }

  @Test
  void evaluate_otherAxis_isRejectedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ORACLE.evaluate(
        "softmax", "pytorch", Map.of("dim", "2"), Dtype.FLOAT64, false, new double[] {1, 2}));
    assertEquals("softmax parameter 'axis': 2 is out of range for one vector (rank 1): expected -1 or 0",
        e.getMessage());
  }
}
