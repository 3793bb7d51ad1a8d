package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.FinalRounding;

/**
 * A {@link BranchFreeKernel} bound for one final rounding whose loops compute the nearest double,
 * correct except at rare inputs (specials: out of the loop formula's range, NaN) that the scalar
 * form redoes. This interface assembles the array forms from the loops and the test of specials:
 * <ul>
 *   <li>float64 (nearest): the loop, then the specials redone by the scalar form;
 *   <li>the narrow dtypes (rounded to odd) in double: the scalar form throughout, as the loop's
 *       nearest double is not the rounding to odd;
 *   <li>the narrow dtypes in float: the loop's nearest double, narrowed, with every
 *       {@link NarrowingCheck#risky} element and every special (marked NaN, which is risky) redone
 *       by the scalar form.
 * </ul>
 * A loop may report that its block holds no special (a vectorized test cheaper than a scalar pass
 * with a branch per element, see {@link BranchFreeKernel}); then no pass looks for them.
 */
public interface NearestLoopKernel extends BranchFreeKernel {

  /** The final rounding this kernel is bound for. */
  FinalRounding rounding();

  /**
   * y[i] = the nearest double to f(x[i]), or to f'(x[i]) when derivative, for i < n unless
   * {@link #special}(x[i], derivative); returns whether the block may hold such an input (false:
   * it certainly does not).
   */
  boolean nearest(double[] x, double[] y, int n, boolean derivative);

  /** Whether {@link #nearest} may be wrong at x. */
  boolean special(double x, boolean derivative);

  @Override
  default void values(double[] x, double[] y, int n) {
    run(x, y, n, false);
  }

  @Override
  default void derivatives(double[] x, double[] y, int n) {
    run(x, y, n, true);
  }

  @Override
  default void floatValues(double[] in, double[] out, int n) {
    runForFloat(in, out, n, false);
  }

  @Override
  default void floatDerivatives(double[] in, double[] out, int n) {
    runForFloat(in, out, n, true);
  }

  @Override
  default boolean checksFloatValues() {
    return rounding().toOdd();
  }

  @Override
  default boolean checksFloatDerivatives() {
    return rounding().toOdd();
  }

  private double scalar(double x, boolean derivative) {
    return derivative ? derivative(x) : value(x);
  }

  private void run(double[] x, double[] y, int n, boolean derivative) {
    if (rounding().toOdd()) {
      for (int i = 0; i < n; i++) {
        y[i] = scalar(x[i], derivative);
      }
    } else if (nearest(x, y, n, derivative)) {
      for (int i = 0; i < n; i++) {
        if (special(x[i], derivative)) {
          y[i] = scalar(x[i], derivative);
        }
      }
    }
  }

  private void runForFloat(double[] in, double[] out, int n, boolean derivative) {
    if (nearest(in, out, n, derivative)) {
      boolean toOdd = rounding().toOdd();
      for (int i = 0; i < n; i++) {
        if (special(in[i], derivative)) {
          out[i] = toOdd ? Double.NaN : scalar(in[i], derivative);
        }
      }
    }
  }
}
