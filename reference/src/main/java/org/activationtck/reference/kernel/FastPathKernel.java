package org.activationtck.reference.kernel;

import org.activationtck.reference.ReferenceFunction.Kernel;
import org.activationtck.reference.internal.FinalRounding;

/**
 * The one shape of the reference's two-tier kernels: each result comes from a fast path that
 * either proves it (returns the kernel's result) or gives up (returns NaN), and where it gives up
 * from the accurate path. This class owns the control flow of all eight forms (scalar and array,
 * double and float, value and derivative); a subclass supplies the paths.
 *
 * <p>Contract for subclasses, per result (value or derivative):
 * <ul>
 *   <li>{@code fast(x)} is the kernel's result at x or NaN; {@code accurate(x)} is the kernel's
 *       result at every x where fast gives up (NaN inputs included, which a fast path may give
 *       up on). A result with a single path implements it as the fast path, which then decides
 *       everything but NaN, and gives the same method as the accurate path.
 *   <li>The block forms ({@link #fastValues(double[], double[], int, int, Object, int[])} and
 *       the others) give, for each i in [from, to), the scalar fast path's result at x[i] (for
 *       float arrays, narrowed) where it decides, bit for bit, list the other indices i in
 *       pending (in increasing order) and return how many they listed; the caller redoes those
 *       by the accurate path. A block form whose test is cheaper than the scalar one (it gives up
 *       on more inputs) passes its list through {@link #retryFast} first, unless the accurate
 *       path gives the same result on those inputs (softplus's threshold, where both return x).
 *       The defaults run the scalar fast path element by element.
 * </ul>
 * So value(x) and the array forms agree bit for bit ({@code ArrayKernelConsistencyTest}).
 *
 * <p>Scratch: the scalar fast paths get {@link #SCRATCH} doubles (a constant length, so that an
 * inlined fast path's array is scalar-replaced); the block forms get one S per array call from
 * {@link #newScratch} (a block pipeline's arrays, sized for the call).
 *
 * <p>Kernels whose results need no fallback (exact arithmetic in straight-line loops) are {@link
 * BranchFreeKernel}s instead.
 *
 * @param <S> the block forms' scratch (Void when they use none)
 */
public abstract class FastPathKernel<S> implements Kernel {

  /** Elements per block of the array forms: one {@link ExpBlockPipeline} block. */
  public static final int BLOCK = ExpBlockPipeline.LENGTH;

  /** Scratch doubles of the scalar fast paths: the most any needs (gelu's exact form). */
  public static final int SCRATCH = 5;

  /**
   * The final rounding of the results: nearest (float64) or to odd (the narrower dtypes, which
   * round the double once more); a kernel that returns the nearest double for every dtype says so
   * in its class comment.
   */
  protected final FinalRounding rounding;

  protected FastPathKernel(FinalRounding rounding) {
    this.rounding = rounding;
  }

  /** f(x) as this kernel returns it, or NaN where the fast path gives up. */
  protected abstract double fastValue(double x, double[] scratch);

  /** f(x) as this kernel returns it, wherever {@link #fastValue} gives up. */
  protected abstract double accurateValue(double x);

  /** f'(x) as this kernel returns it, or NaN where the fast path gives up. */
  protected abstract double fastDerivative(double x, double[] scratch);

  /** f'(x) as this kernel returns it, wherever {@link #fastDerivative} gives up. */
  protected abstract double accurateDerivative(double x);

  /** The block forms' scratch for one array call of the given length; null by default. */
  protected S newScratch(int length) {
    return null;
  }

  /**
   * fastValue(x[i]) for i in [from, to) (to - from <= {@link #BLOCK}) into y[i] where it
   * decides; the others listed in pending; returns how many.
   */
  protected int fastValues(double[] x, double[] y, int from, int to, S scratch, int[] pending) {
    return scalarBlock(x, y, from, to, pending, false);
  }

  /** As {@link #fastValues(double[], double[], int, int, Object, int[])}, each result narrowed. */
  protected int fastValues(float[] x, float[] y, int from, int to, S scratch, int[] pending) {
    return scalarBlock(x, y, from, to, pending, false);
  }

  /** As {@link #fastValues(double[], double[], int, int, Object, int[])} for the derivative. */
  protected int fastDerivatives(double[] x, double[] y, int from, int to, S scratch, int[] pending) {
    return scalarBlock(x, y, from, to, pending, true);
  }

  /** As {@link #fastDerivatives(double[], double[], int, int, Object, int[])}, each result narrowed. */
  protected int fastDerivatives(float[] x, float[] y, int from, int to, S scratch, int[] pending) {
    return scalarBlock(x, y, from, to, pending, true);
  }

  /**
   * For a block form that gives up where the scalar fast path may decide: each listed element
   * redone by fastValue (fastDerivative when {@code derivative}), so that the block gives what
   * the scalar fast path gives; keeps listed, in order, those it gives up on and returns how
   * many.
   */
  protected final int retryFast(float[] x, float[] y, int[] pending, int listed, boolean derivative) {
    if (listed == 0) {
      return 0;
    }
    double[] s = new double[SCRATCH];
    int left = 0;
    for (int j = 0; j < listed; j++) {
      int i = pending[j];
      double r = derivative ? fastDerivative(x[i], s) : fastValue(x[i], s);
      y[i] = (float) r;
      pending[left] = i;
      left += r != r ? 1 : 0;
    }
    return left;
  }

  @Override
  public final double value(double x) {
    double r = fastValue(x, new double[SCRATCH]);
    return r == r ? r : accurateValue(x);
  }

  @Override
  public final double derivative(double x) {
    double r = fastDerivative(x, new double[SCRATCH]);
    return r == r ? r : accurateDerivative(x);
  }

  @Override
  public final void values(double[] x, double[] y) {
    run(x, y, false);
  }

  @Override
  public final void values(float[] x, float[] y) {
    run(x, y, false);
  }

  @Override
  public final void derivatives(double[] x, double[] y) {
    run(x, y, true);
  }

  @Override
  public final void derivatives(float[] x, float[] y) {
    run(x, y, true);
  }

  // The array forms, value or derivative by a constant argument (folded where inlined). The
  // fast loop and the accurate path stay in separate loops (and the default fast loop in a
  // method of its own): with the accurate path called inside the fast loop, gelu's float32
  // form ran at 44 ns per element instead of 28 (measured; C2 compiles the loop around the
  // large, rarely taken call). The default block lists what it gives up on as it goes (counting
  // first and listing in a second pass made gelu's float32 form 38 ns instead of 28, measured;
  // the same change made softplus's block 5% faster: C2's inlining decides, so measure).

  private void run(double[] x, double[] y, boolean derivative) {
    Kernel.requireSameLength(x.length, y.length);
    S scratch = newScratch(x.length);
    int[] pending = new int[BLOCK];
    for (int from = 0; from < x.length; from += BLOCK) {
      int to = Math.min(x.length, from + BLOCK);
      int listed = derivative ? fastDerivatives(x, y, from, to, scratch, pending)
          : fastValues(x, y, from, to, scratch, pending);
      for (int j = 0; j < listed; j++) {
        int i = pending[j];
        y[i] = derivative ? accurateDerivative(x[i]) : accurateValue(x[i]);
      }
    }
  }

  private void run(float[] x, float[] y, boolean derivative) {
    Kernel.requireSameLength(x.length, y.length);
    S scratch = newScratch(x.length);
    int[] pending = new int[BLOCK];
    for (int from = 0; from < x.length; from += BLOCK) {
      int to = Math.min(x.length, from + BLOCK);
      int listed = derivative ? fastDerivatives(x, y, from, to, scratch, pending)
          : fastValues(x, y, from, to, scratch, pending);
      for (int j = 0; j < listed; j++) {
        int i = pending[j];
        y[i] = (float) (derivative ? accurateDerivative(x[i]) : accurateValue(x[i]));
      }
    }
  }

  private int scalarBlock(double[] x, double[] y, int from, int to, int[] pending, boolean derivative) {
    double[] s = new double[SCRATCH];
    int listed = 0;
    for (int i = from; i < to; i++) {
      double r = derivative ? fastDerivative(x[i], s) : fastValue(x[i], s);
      y[i] = r;
      pending[listed] = i;
      listed += r != r ? 1 : 0;
    }
    return listed;
  }

  private int scalarBlock(float[] x, float[] y, int from, int to, int[] pending, boolean derivative) {
    double[] s = new double[SCRATCH];
    int listed = 0;
    for (int i = from; i < to; i++) {
      double r = derivative ? fastDerivative(x[i], s) : fastValue(x[i], s);
      y[i] = (float) r;
      pending[listed] = i;
      listed += r != r ? 1 : 0;
    }
    return listed;
  }

  /**
   * Lists the indices of the NaN in y[from, to) in pending, in order, and returns how many: the
   * second pass of a block form that counted its undecided elements (a store per element in
   * {@link SoftplusBlock}'s fast loop cost softplus's float32 form 8%, measured).
   */
  static int listNaN(float[] y, int from, int to, int[] pending) {
    int listed = 0;
    for (int i = from; i < to; i++) {
      if (y[i] != y[i]) {
        pending[listed++] = i;
      }
    }
    return listed;
  }
}
