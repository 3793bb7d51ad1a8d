package org.activationtck.reference.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Map;
import java.util.SplittableRandom;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.kernel.NarrowingCheck;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;


/**
 * {@link NarrowingCheck}: every double it does not call risky narrows to float32 like its rounding
 * to odd (towards either side), float32 rounding boundaries are marked, and the float[] forms
 * that rely on it agree with the scalar forms over random float32 bit patterns of every
 * magnitude (where the marked elements and the tiny inputs actually occur).
 */
class NarrowingCheckTest {

  private static boolean marked(double r) {
    return NarrowingCheck.risky(r);
  }

  /** Random doubles near float32 values, midpoints and subnormals, and of random bits. */
  private static double candidate(SplittableRandom random) {
    float f = Float.intBitsToFloat(random.nextInt());
    double near = (double) f + Math.ulp(f) * (random.nextInt(5) - 2) / 4.0;  // values, midpoints
    switch (random.nextInt(4)) {
      case 0:
        return near;
      case 1:
        return random.nextBoolean() ? Math.nextUp(near) : Math.nextDown(near);
      case 2:
        return Math.scalb(random.nextDouble(-1, 1), random.nextInt(-160, 130));
      default:
        return Double.longBitsToDouble(random.nextLong());
    }
  }

  @Test
  void required_unmarkedDoublesNarrowLikeTheirRoundingToOdd() {
    SplittableRandom random = new SplittableRandom(1124);
    int unmarked = 0;
    for (int i = 0; i < 1_000_000; i++) {
      double r = candidate(random);
      if (marked(r)) {
        continue;
      }
      unmarked++;
      for (double lo : new double[] {-1, 1}) {
        assertEquals((float) DoubleRounding.toOdd(r, lo), (float) r,
            () -> "unmarked r = " + Double.toHexString(r) + " narrows differently, lo " + lo);
      }
    }
    assertTrue(unmarked > 300_000, "too few unmarked: " + unmarked);
  }

  @Test
  void required_boundariesAndTinyValuesAreMarked_floatValuesAreNot() {
    SplittableRandom random = new SplittableRandom(2026);
    for (int i = 0; i < 100_000; i++) {
      float f = Math.abs(Float.intBitsToFloat(random.nextInt()));
      if (!(f >= Float.MIN_NORMAL) || f == Float.MAX_VALUE || Float.isInfinite(f)) {
        continue;
      }
      double midpoint = (double) f + Math.ulp(f) / 2.0;
      assertTrue(marked(midpoint), "midpoint " + midpoint);
      assertTrue(marked(-midpoint), "midpoint " + -midpoint);
      assertTrue(!marked(f), "float value " + f);
    }
    double overflow = (double) Float.MAX_VALUE + Math.ulp(Float.MAX_VALUE) / 2.0;
    assertTrue(marked(overflow));
    assertTrue(marked(-overflow));
    assertTrue(marked(0x1.8p-140));                       // a float32 subnormal midpoint
    assertTrue(marked(0x1p-140));                         // a float32 subnormal, below 2^-126
    assertTrue(marked(Double.MIN_VALUE));
    assertTrue(marked(Double.NaN));
    assertTrue(marked(Double.NEGATIVE_INFINITY));
    assertTrue(!marked(1.5) && !marked(0x1p-126) && !marked(Float.MAX_VALUE));
    assertTrue(!marked(0.0) && !marked(-0.0));
  }

  @Test
  void required_floatFormsMatchScalarFormsOverRandomFloat32Patterns() {
    String[][] cases = {{"hard_sigmoid", "keras3"}, {"hard_silu", "keras3"}, {"squareplus", "keras3"},
        {"softsign", "keras3"}, {"sparse_plus", "keras3"}, {"relu", "keras3"}};
    SplittableRandom random = new SplittableRandom(7);
    float[] x = new float[200_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 2 == 0 ? Float.intBitsToFloat(random.nextInt())
          : (float) Math.scalb(random.nextDouble(-8, 8), -random.nextInt(0, 150));
    }
    for (String[] c : cases) {
      ReferenceFunction f = (ReferenceFunction) ReferenceRegistry.lookup(c[0]).orElseThrow();
      for (Dtype t : new Dtype[] {Dtype.FLOAT32, Dtype.FLOAT64}) {
        ReferenceFunction.Kernel k =
            f.bind(Params.resolve(Catalog.standard().require(c[0]), c[1], Map.of(), t), t);
        float[] values = new float[x.length];
        float[] slopes = new float[x.length];
        k.values(x, values);
        k.derivatives(x, slopes);
        for (int i = 0; i < x.length; i++) {
          float xi = x[i];
          assertEquals(Float.floatToIntBits((float) k.value(xi)), Float.floatToIntBits(values[i]),
              () -> c[0] + " " + t.id() + " value at " + Float.toHexString(xi));
          assertEquals(Float.floatToIntBits((float) k.derivative(xi)), Float.floatToIntBits(slopes[i]),
              () -> c[0] + " " + t.id() + " derivative at " + Float.toHexString(xi));
        }
      }
    }
  }
}
