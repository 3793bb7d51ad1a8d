package org.activationtck.reference.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.activationtck.reference.internal.FinalRounding;
import org.junit.jupiter.api.Test;

/**
 * The control flow of {@link FastPathKernel} on a toy kernel whose paths are told apart by their
 * results: the fast path gives 2x and gives up on x < 0 (and NaN), the accurate path gives 3x and
 * counts its calls. Every form must give 2x where the fast path decides and 3x elsewhere, and call
 * the accurate path once per element the fast path gave up on, no more.
 */
class FastPathKernelTest {

  /** The toy kernel; {@code block} makes its block forms list by their own loop and retryFast. */
  private static final class Toy extends FastPathKernel<Void> {
    final boolean block;
    int accurateCalls;

    Toy(boolean block) {
      super(FinalRounding.NEAREST);
      this.block = block;
    }

    @Override
    protected double fastValue(double x, double[] scratch) {
      return x >= 0 ? 2 * x : Double.NaN;
    }

    @Override
    protected double accurateValue(double x) {
      accurateCalls++;
      return 3 * x;
    }

    @Override
    protected double fastDerivative(double x, double[] scratch) {
      return x >= 0 ? 2.0 : Double.NaN;
    }

    @Override
    protected double accurateDerivative(double x) {
      accurateCalls++;
      return 3.0;
    }

    /** A cheaper test than the scalar one: gives up on x < 1, then retryFast restores 0 <= x < 1. */
    @Override
    protected int fastValues(float[] x, float[] y, int from, int to, Void scratch, int[] pending) {
      if (!block) {
        return super.fastValues(x, y, from, to, scratch, pending);
      }
      int listed = 0;
      for (int i = from; i < to; i++) {
        if (x[i] >= 1) {
          y[i] = 2 * x[i];
        } else {
          y[i] = Float.NaN;
          pending[listed++] = i;
        }
      }
      return retryFast(x, y, pending, listed, false);
    }
  }

  private static double[] inputs(int n) {
    SplittableRandom r = new SplittableRandom(7);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt(9) == 0 ? Double.NaN : r.nextDouble() * 8 - 4;
    }
    return x;
  }

  private static long gaveUp(double[] x) {
    long n = 0;
    for (double v : x) {
      n += v >= 0 ? 0 : 1;
    }
    return n;
  }

  @Test
  void arrayForms_useTheAccuratePathExactlyWhereTheFastPathGivesUp() {
    for (int n : new int[] {0, 1, 255, 256, 257, 1000}) {
      double[] x = inputs(n);
      double[] want = new double[n];
      double[] wantDerivative = new double[n];
      for (int i = 0; i < n; i++) {
        want[i] = x[i] >= 0 ? 2 * x[i] : 3 * x[i];
        wantDerivative[i] = x[i] >= 0 ? 2.0 : 3.0;
      }
      Toy k = new Toy(false);
      double[] y = new double[n];
      k.values(x, y);
      assertArrayEquals(want, y, "values, n = " + n);
      assertEquals(gaveUp(x), k.accurateCalls, "accurate calls of values, n = " + n);
      k.accurateCalls = 0;
      k.derivatives(x, y);
      assertArrayEquals(wantDerivative, y, "derivatives, n = " + n);
      assertEquals(gaveUp(x), k.accurateCalls, "accurate calls of derivatives, n = " + n);
      for (int i = 0; i < n; i++) {
        assertEquals(want[i], k.value(x[i]), "value(" + x[i] + ")");
      }
    }
  }

  @Test
  void blockFormsThatGiveUpOnMore_areRestoredByRetryFast() {
    for (boolean block : new boolean[] {false, true}) {
      double[] x = inputs(1000);
      float[] xf = new float[x.length];
      float[] want = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        xf[i] = (float) x[i];
        want[i] = (float) (xf[i] >= 0 ? 2.0 * xf[i] : 3.0 * xf[i]);
      }
      Toy k = new Toy(block);
      float[] y = new float[x.length];
      k.values(xf, y);
      assertArrayEquals(want, y, "float values, block form " + block);
      long gaveUp = 0;
      for (float v : xf) {
        gaveUp += v >= 0 ? 0 : 1;
      }
      assertEquals(gaveUp, k.accurateCalls, "accurate calls, block form " + block);
    }
  }
}
