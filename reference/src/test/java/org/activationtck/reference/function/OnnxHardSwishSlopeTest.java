package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SplittableRandom;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ONNX hard_swish' = 2ax + 1/2 between the kinks, a = the dtype's stored one_sixth, for inputs of
 * at most 24 bits (float32 inputs for the float64 and float32 kernels, the dtype's own for the
 * 16-bit ones): the exact value is a dyadic rational computed here in BigDecimal (an exact rational
 * truth, not the oracle), and the kernel's double must be its correct rounding (float64) or its
 * rounding to odd (the narrow dtypes), bit for bit. Half of the inputs are drawn where the double
 * sum 2ax + 1/2 is itself a tie between two doubles: the inputs an error bound cannot settle.
 */
class OnnxHardSwishSlopeTest {

  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final int EACH = 2000;

  @ParameterizedTest
  @EnumSource(value = Dtype.class, names = {"FLOAT64", "FLOAT32", "FLOAT16", "BFLOAT16"})
  void betweenTheKinks_theDerivativeIsRoundedOnceBitForBit(Dtype t) {
    Params p = Params.resolve(Catalog.standard().require("hard_silu"), "onnx", Map.of(), t);
    BigDecimal a = p.constant("one_sixth").orElseThrow();
    ReferenceFunction.Kernel kernel =
        ((ReferenceFunction) ReferenceRegistry.lookup("hard_silu").orElseThrow()).bind(p, t);
    Dtype inputs = t == Dtype.FLOAT64 ? Dtype.FLOAT32 : t;
    boolean wide = inputs == Dtype.FLOAT32;
    SplittableRandom random = new SplittableRandom(20261207L + t.ordinal());
    int ties = 0;
    int others = 0;
    int attempts = 0;
    StringBuilder failures = new StringBuilder();
    while ((wide && ties < EACH) || others < EACH) {
      if (++attempts > 1_000_000) {
        break;
      }
      // |x| in [2^-12, 2.99) (the kinks are at +-2.9999999): where 2ax + 1/2 needs 54 to 60
      // bits, ties of the double sum are common for float32 inputs
      double x = Rounding.round(new BigDecimal(Math.scalb(1 + random.nextDouble(),
          -random.nextInt(-1, 13))), inputs);
      x = random.nextBoolean() ? -x : x;
      if (Math.abs(x) >= 2.99) {
        continue;
      }
      BigDecimal exact = a.multiply(new BigDecimal(x)).multiply(BigDecimal.valueOf(2)).add(HALF);
      double nearest = Rounding.round(exact, Dtype.FLOAT64);
      BigDecimal remainder = exact.subtract(new BigDecimal(nearest));
      boolean tie = remainder.abs().multiply(BigDecimal.valueOf(2))
          .compareTo(new BigDecimal(Math.ulp(nearest))) == 0;
      if (tie ? ties++ >= EACH : others++ >= EACH) {
        continue;
      }
      double want = t == Dtype.FLOAT64 ? nearest : toOdd(nearest, remainder.signum());
      double got = kernel.derivative(x);
      if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(want)) {
        failures.append(String.format("%n  x = %s (%s): expected %s, got %s", Double.toHexString(x),
            tie ? "tie" : "no tie", Double.toHexString(want), Double.toHexString(got)));
      }
      if (t != Dtype.FLOAT64) {
        assertEquals(Rounding.round(exact, t), Rounding.round(new BigDecimal(want), t),
            "rounding to odd, then to the dtype, is the dtype's rounding");
      }
    }
    assertTrue(!wide || ties >= EACH, "only " + ties + " ties in " + attempts + " inputs");
    assertTrue(failures.length() == 0, t.id() + ":" + failures);
  }

  /** r, the nearest double, rounded to odd towards the side of the exact value. */
  private static double toOdd(double r, int side) {
    if (side == 0 || (Double.doubleToRawLongBits(r) & 1) != 0) {
      return r;
    }
    return side > 0 ? Math.nextUp(r) : Math.nextDown(r);
  }
}
