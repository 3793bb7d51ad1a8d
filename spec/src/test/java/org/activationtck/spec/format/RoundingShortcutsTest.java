package org.activationtck.spec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the rounding code against the slow definitions they replace: rounding beside
 * v against rounding an explicit point 10^-1500 beside it, and the sticky head of a long decimal
 * against rounding the decimal itself.
 */
class RoundingShortcutsTest {

  private static final Dtype[] FORMATS = {Dtype.FLOAT64, Dtype.FLOAT32, Dtype.FLOAT16, Dtype.BFLOAT16};

  @Test
  void roundBeside_equalsRoundingAPointJustBeside_atMidpointsAndValues() {
    SplittableRandom random = new SplittableRandom(3);
    BigDecimal near = BigDecimal.ONE.movePointLeft(1500);
    for (int i = 0; i < 3000; i++) {
      Dtype t = FORMATS[i % FORMATS.length];
      double a = Rounding.round(new BigDecimal(Math.scalb(random.nextDouble(-2, 2),
          random.nextInt(-1080, 1023))), t);
      if (a == 0 || Double.isInfinite(a)) {
        continue;
      }
      double b = Rounding.next(a, t, random.nextBoolean());
      BigDecimal[] points = Double.isInfinite(b) ? new BigDecimal[] {new BigDecimal(a)}
          : new BigDecimal[] {new BigDecimal(a),
              new BigDecimal(a).add(new BigDecimal(b)).multiply(new BigDecimal("0.5"))};
      for (BigDecimal v : points) {
        for (int side : new int[] {-1, 1}) {
          double expected = Rounding.round(v.add(near.multiply(BigDecimal.valueOf(side))), t);
          assertEquals(expected, Rounding.roundBeside(v, side, t),
              () -> v + " side " + side + " in " + t);
        }
      }
    }
  }

  @Test
  void head_roundsLikeTheWholeDecimal() {
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 3000; i++) {
      double x = Math.scalb(random.nextDouble(-2, 2), random.nextInt(-1074, 1023));
      BigDecimal v = new BigDecimal(x);
      if (i % 3 == 0) {
        // a tie at some length followed by zeros, or by a distant nonzero digit
        v = v.round(new MathContext(1 + random.nextInt(17)));
        String digits = v.unscaledValue().abs().toString();
        BigDecimal tie = new BigDecimal(new java.math.BigInteger(digits + "5"), v.scale() + 1);
        v = random.nextBoolean() ? tie : tie.add(BigDecimal.ONE.movePointLeft(v.scale() + 60));
      }
      BigDecimal head = Rounding.head(v);
      for (int n = 1; n <= 20; n++) {
        MathContext mc = new MathContext(n, RoundingMode.HALF_EVEN);
        BigDecimal fv = v;
        assertEquals(0, v.round(mc).compareTo(head.round(mc)), () -> fv + " at " + mc);
      }
    }
  }
}
