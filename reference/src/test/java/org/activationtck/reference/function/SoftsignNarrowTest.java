package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.reference.ReferenceFunction;
import org.junit.jupiter.api.Test;

/**
 * softsign in float32 where narrowing the nearest double would round twice. At x = 0x3c0b8116
 * (0.008514663), x / (1 + x) lies 8.6e-19 (2^-60, just under half a double ulp) below the
 * midpoint m between the float32 values 0.008442775 and 0.008442776. Its nearest double is m
 * itself, which ties to the even float32 above. The correctly rounded float32 is the one below.
 * Worked out with exact rationals, and checked here with BigDecimal at 50 digits against the
 * float32 neighbours' midpoint, not against the reference. The whole float32 sweep found this
 * input.
 */
class SoftsignNarrowTest {

  private static final float X = Float.intBitsToFloat(0x3c0b8116);

  @Test
  void theValueLiesJustBelowAFloat32Midpoint() {
    BigDecimal x = new BigDecimal(X);
    BigDecimal v = x.divide(BigDecimal.ONE.add(x), new MathContext(50));
    float below = 0.008442775f;
    float above = Math.nextUp(below);
    BigDecimal midpoint = new BigDecimal(below).add(new BigDecimal(above))
        .divide(BigDecimal.valueOf(2));
    assertEquals(-1, v.compareTo(midpoint), "the value is below the midpoint");
    assertEquals(midpoint.doubleValue(), v.doubleValue(), "its nearest double is the midpoint");
    assertEquals(0x1p-60, midpoint.subtract(v).doubleValue(), 0x1p-64);
  }

  @Test
  void float32KernelRoundsOnce() {
    ReferenceFunction f = new Softsign();
    Params p = Params.resolve(Catalog.standard().require("softsign"), "keras3", Map.of(),
        Dtype.FLOAT32);
    ReferenceFunction.Kernel k = f.bind(p, Dtype.FLOAT32);
    float[] y = new float[2];
    k.values(new float[] {X, -X}, y);
    assertEquals(0.008442775f, y[0]);
    assertEquals(-0.008442775f, y[1]);
    assertEquals(0.008442775f, (float) k.value(X), "the scalar form, rounded to odd");
  }
}
