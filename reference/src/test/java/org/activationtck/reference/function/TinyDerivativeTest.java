package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/**
 * Derivatives of the form 1/2 + c x + O(x^2) below |x| = 2^-60 (gelu in both forms and every
 * dialect, ONNX's hard_swish), which the kernels answer without evaluating anything
 * ({@code DoubleRounding.halfPlusLinear}), bit for bit against the oracle: float64 exactly its
 * correct rounding (1/2), and the narrow dtypes' result rounded to odd, whose last bit carries
 * the side of 1/2 the exact value lies on (from 800 of the oracle's digits, not from the sign of x).
 */
class TinyDerivativeTest {

  private static final double[] TINY = {0x1p-61, 0x1.8p-70, 0x1p-100, 0x1p-149, 1e-310,
      Double.MIN_VALUE, 0.0};

  private record Behaviour(String function, String dialect, Map<String, String> params) {}

  private static final List<Behaviour> BEHAVIOURS = List.of(
      new Behaviour("gelu", "keras3", Map.of()),
      new Behaviour("gelu", "keras3", Map.of("approximate", "false")),
      new Behaviour("gelu", "pytorch", Map.of()),
      new Behaviour("gelu", "pytorch", Map.of("approximate", "true")),
      new Behaviour("gelu", "jax", Map.of()),
      new Behaviour("gelu", "onnx", Map.of()),
      new Behaviour("gelu", "onnx", Map.of("approximate", "true")),
      new Behaviour("hard_silu", "onnx", Map.of()));

  @Test
  void required_tinyDerivatives_areHalf_withTheOraclesSideAsTheOddBit() {
    StringBuilder failures = new StringBuilder();
    int checked = 0;
    for (Behaviour b : BEHAVIOURS) {
      FunctionSpec f = Catalog.standard().require(b.function());
      ElementwiseFunction oracle = (ElementwiseFunction) FunctionRegistry.lookup(b.function()).get();
      ReferenceFunction reference = (ReferenceFunction) ReferenceRegistry.lookup(b.function()).get();
      for (Dtype t : new Dtype[] {Dtype.FLOAT64, Dtype.FLOAT32, Dtype.FLOAT16, Dtype.BFLOAT16}) {
        Params p = Params.resolve(f, b.dialect(), b.params(), t);
        ReferenceFunction.Kernel k = reference.bind(p, t);
        for (double m : TINY) {
          for (double x : new double[] {m, -m}) {
            BigDecimal exact = oracle.derivative(x, p, 800).value();
            int side = exact.compareTo(new BigDecimal("0.5"));
            double want = t == Dtype.FLOAT64 || side == 0 ? 0.5
                : side > 0 ? Math.nextUp(0.5) : Math.nextDown(0.5);
            double got = k.derivative(x);
            checked++;
            if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(want)) {
              failures.append(String.format("%n  %s %s %s %s at x = %s: expected %s, got %s",
                  b.function(), b.dialect(), b.params(), t.id(), Double.toHexString(x),
                  Double.toHexString(want), Double.toHexString(got)));
            }
          }
        }
      }
    }
    assertTrue(failures.length() == 0, checked + " checked:" + failures);
  }
}
