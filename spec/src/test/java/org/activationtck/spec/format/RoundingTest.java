package org.activationtck.spec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Correct rounding against hand-worked values and the JDK's own correctly rounded conversions. */
class RoundingTest {

  private static double r(String v, Dtype t) {
    return Rounding.round(new BigDecimal(v), t);
  }

  @Test
  void float64_agreesWithJdkParsing() {
    // Double.parseDouble is correctly rounded (JLS); check many decimals against it.
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      long m = rnd.nextLong(1, 1L << 62);
      int e = rnd.nextInt(-340, 320);
      String s = m + "E" + e;
      assertEquals(Double.parseDouble(s), r(s, Dtype.FLOAT64), s);
      assertEquals(Float.parseFloat(s), (float) r(s, Dtype.FLOAT32), s);
    }
  }

  @Test
  void float64_tiesToEven_andSubnormals() {
    // 1 + 2^-53 is a tie between 1 and 1 + 2^-52: even is 1.
    assertEquals(1.0, Rounding.round(BigDecimal.ONE.add(new BigDecimal(0x1p-53)), Dtype.FLOAT64));
    // 1 + 3*2^-53 is a tie between 1+2^-52 and 1+2^-51: even is 1+2^-51.
    assertEquals(1 + 0x1p-51,
        Rounding.round(BigDecimal.ONE.add(new BigDecimal(3 * 0x1p-53)), Dtype.FLOAT64));
    // Half the smallest subnormal ties to +0; a hair above goes to MIN_VALUE.
    BigDecimal half = new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(2));
    assertEquals(0.0, Rounding.round(half, Dtype.FLOAT64));
    assertEquals(-0.0, Rounding.round(half.negate(), Dtype.FLOAT64));
    assertEquals(Double.MIN_VALUE, Rounding.round(half.add(new BigDecimal("1e-400")), Dtype.FLOAT64));
  }

  @Test
  void overflow_isInfinityOnlyFromHalfAnUlpAboveMax() {
    BigDecimal max = new BigDecimal(Double.MAX_VALUE);
    BigDecimal halfUlp = new BigDecimal(Math.ulp(Double.MAX_VALUE)).divide(BigDecimal.valueOf(2));
    assertEquals(Double.MAX_VALUE, Rounding.round(max.add(halfUlp).subtract(BigDecimal.ONE), Dtype.FLOAT64));
    // The tie at MAX + ulp/2 rounds to the "even" 2^1024, which is infinite.
    assertEquals(Double.POSITIVE_INFINITY, Rounding.round(max.add(halfUlp), Dtype.FLOAT64));
    assertEquals(Double.NEGATIVE_INFINITY, r("-1e400", Dtype.FLOAT64));
  }

  @ParameterizedTest
  @CsvSource({
      // value, float16, bfloat16: worked by hand from the formats' definitions
      "1, 1, 1",
      "65504, 65504, 65536",
      "65519.99, 65504, 65536",
      "65520, Infinity, 65536",
      "0.1, 0.0999755859375, 0.10009765625",
      "5.9604644775390625E-8, 5.9604644775390625E-8, 5.9604644775390625E-8",
      "2.98023223876953125E-8, 0, 2.98023223876953125E-8",
      // 2.99e-8 = 1.00325 * 2^-25: bfloat16's step there is 2^-32, 0.416 of a step rounds down.
      "2.99E-8, 5.9604644775390625E-8, 2.98023223876953125E-8",
      "3.4e38, Infinity, Infinity",
      "3.39e38, Infinity, 3.3895313892515355E38",
      "1.00390625, 1.00390625, 1",
      "1.01171875, 1.01171875, 1.015625",
  })
  void float16_and_bfloat16_handWorked(String v, String f16, String bf16) {
    assertEquals(Double.parseDouble(f16), r(v, Dtype.FLOAT16), v + " float16");
    assertEquals(Double.parseDouble(bf16), r(v, Dtype.BFLOAT16), v + " bfloat16");
  }

  @Test
  void bits16_roundTrip_everyPattern() {
    for (Dtype t : new Dtype[] {Dtype.FLOAT16, Dtype.BFLOAT16}) {
      for (int b = 0; b < 0x10000; b++) {
        double v = Rounding.fromBits16((short) b, t);
        if (Double.isNaN(v)) {
          continue;
        }
        assertEquals((short) b, Rounding.toBits16(v, t), t + " " + Integer.toHexString(b));
        assertEquals(v, Rounding.round(v, t));
      }
    }
  }

  @Test
  void shortest_isShortestAndRoundTrips() {
    assertEquals("0.1", Rounding.shortest(0.1, Dtype.FLOAT64));
    assertEquals("0.1", Rounding.shortest((float) 0.1, Dtype.FLOAT32));
    assertEquals("0.1", Rounding.shortest(0.0999755859375, Dtype.FLOAT16));
    // Shorter than Java 17's Double.toString, which prints 4.9E-324.
    assertEquals("5E-324", Rounding.shortest(Double.MIN_VALUE, Dtype.FLOAT64));
    assertEquals("1.7976931348623157E308", Rounding.shortest(Double.MAX_VALUE, Dtype.FLOAT64));
    assertEquals("-0.0", Rounding.shortest(-0.0, Dtype.FLOAT32));
    // 1e23 lies exactly halfway between two doubles and reads back as 1e23's double only by
    // ties-to-even; the shortest string that does not lean on the tie has 16 digits.
    assertEquals("9.999999999999999E22", Rounding.shortest(1e23, Dtype.FLOAT64));
    assertEquals("0.002", Rounding.shortest(2e-3, Dtype.FLOAT64));
    assertThrows(IllegalArgumentException.class, () -> Rounding.shortest(0.1, Dtype.FLOAT32));
    // bfloat16 has 708 and 712 around 710: "710" would read back as 712 only by ties-to-even.
    assertEquals("712.0", Rounding.shortest(712, Dtype.BFLOAT16));
    assertEquals("708.0", Rounding.shortest(708, Dtype.BFLOAT16));
    assertEquals("700.0", Rounding.shortest(700, Dtype.BFLOAT16));
  }
}
