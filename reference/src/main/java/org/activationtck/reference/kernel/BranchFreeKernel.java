package org.activationtck.reference.kernel;

import org.activationtck.reference.ReferenceFunction.Kernel;

/**
 * A kernel whose array forms are straight-line loops that C2's SuperWord pass turns
 * into SIMD code: only add, subtract, multiply, divide, sqrt, fma, abs and Math.min/max per
 * element, no branches, calls or conversions inside the loop. On random inputs a sign or
 * threshold branch mispredicts half the time (about 5 ns, more than a whole vectorized relu), and
 * a double compare-and-select compiles to a branch on x86, so every case split is written with
 * {@link Step} instead.
 *
 * <p>Contract for implementations (records holding the parameters, usually): {@link #values(double[], double[], int)} and
 * {@link #derivatives(double[], double[], int)} give, for the first n elements, bit for bit
 * {@link #value} and {@link #derivative}. The usual way is that the scalar form calls the same
 * static arithmetic as the loop; inputs the straight-line form gets wrong (a NaN that must map to
 * a number, a signed zero) are redone by a second, scalar pass whose branch is predictably not
 * taken. The whole-array forms below are this interface's and are not overridden.
 *
 * <p>float[] forms: a loop that mixes float and double elements does not vectorize on JDK 17, so
 * each block of {@link #BLOCK} floats is widened into a scratch double array (one vectorized
 * loop), evaluated by the double loop and narrowed back (another). Kernels bound for a narrow
 * dtype, whose double results are rounded to odd, override {@link #floatValues} to compute the
 * nearest double instead; the rare elements where narrowing it could differ
 * ({@link NarrowingCheck#risky}) are then redone by the scalar form.
 *
 * <p>Costs seen on JDK 17 (AVX-512): each Math.min/max is several vector instructions (Java's
 * NaN and signed-zero rules), a division or fma one, so a sign rule written with a division
 * can beat one written with clamps ({@link Step#positivePart}: one max instead of three ran at
 * the naive loop's speed). A scalar pass with a branch per element, even a never-taken one,
 * costs about 0.35 ns per element, as much as a short vectorized formula; a check of rare
 * inputs is cheaper as a running Math.min over an indicator in a loop of its own (a vectorized
 * reduction; fused into a long formula's loop it compiled several times slower), followed by a
 * scalar pass only when the minimum says so ({@link HardSilu}).
 *
 * <p>Keep each loop short: on JDK 17 a loop body of more than about twenty vector operations
 * was seen to compile, in its steady state, ten times slower than the same work split into two
 * loops over an L1-resident block (the reason was not pinned down), so longer kernels run in
 * passes over {@link #BLOCK}-element scratch arrays.
 */
public interface BranchFreeKernel extends Kernel {

  /** Block length of the float[] forms: two scratch arrays of 4 KiB, well inside L1. */
  int BLOCK = 512;

  /** y[i] = value(x[i]) for i < n, bit for bit. */
  void values(double[] x, double[] y, int n);

  /** y[i] = derivative(x[i]) for i < n, bit for bit. */
  void derivatives(double[] x, double[] y, int n);

  /**
   * out[i] for i < n such that (float) out[i] is (float) value(in[i]) unless out[i] is
   * {@link NarrowingCheck#risky} (write NaN to force that) and {@link #checksFloatValues} holds:
   * such elements are redone by the scalar form. The default is the double loop.
   */
  default void floatValues(double[] in, double[] out, int n) {
    values(in, out, n);
  }

  /** As {@link #floatValues} for the derivative. */
  default void floatDerivatives(double[] in, double[] out, int n) {
    derivatives(in, out, n);
  }

  /** Whether the results of {@link #floatValues} are checked with {@link NarrowingCheck#risky}. */
  default boolean checksFloatValues() {
    return false;
  }

  /** Whether the results of {@link #floatDerivatives} are checked likewise. */
  default boolean checksFloatDerivatives() {
    return false;
  }

  @Override
  default void values(double[] x, double[] y) {
    Kernel.requireSameLength(x.length, y.length);
    values(x, y, x.length);
  }

  @Override
  default void derivatives(double[] x, double[] y) {
    Kernel.requireSameLength(x.length, y.length);
    derivatives(x, y, x.length);
  }

  @Override
  default void values(float[] x, float[] y) {
    Kernel.requireSameLength(x.length, y.length);
    double[] in = new double[Math.min(BLOCK, x.length)];
    double[] out = new double[in.length];
    boolean checks = checksFloatValues();
    for (int start = 0; start < x.length; start += BLOCK) {
      int n = Math.min(BLOCK, x.length - start);
      widen(x, start, in, n);
      floatValues(in, out, n);
      narrow(out, y, start, n);
      if (checks) {
        for (int i = 0; i < n; i++) {
          if (NarrowingCheck.risky(out[i])) {
            y[start + i] = (float) value(x[start + i]);
          }
        }
      }
    }
  }

  @Override
  default void derivatives(float[] x, float[] y) {
    Kernel.requireSameLength(x.length, y.length);
    double[] in = new double[Math.min(BLOCK, x.length)];
    double[] out = new double[in.length];
    boolean checks = checksFloatDerivatives();
    for (int start = 0; start < x.length; start += BLOCK) {
      int n = Math.min(BLOCK, x.length - start);
      widen(x, start, in, n);
      floatDerivatives(in, out, n);
      narrow(out, y, start, n);
      if (checks) {
        for (int i = 0; i < n; i++) {
          if (NarrowingCheck.risky(out[i])) {
            y[start + i] = (float) derivative(x[start + i]);
          }
        }
      }
    }
  }

  private static void widen(float[] x, int start, double[] in, int n) {
    for (int i = 0; i < n; i++) {
      in[i] = x[start + i];
    }
  }

  private static void narrow(double[] out, float[] y, int start, int n) {
    for (int i = 0; i < n; i++) {
      y[start + i] = (float) out[i];
    }
  }

  /** y[i] = +0.0 where x[i] is NaN, unless nanPasses: the second pass of the shrink kernels. */
  static void zeroNaNs(double[] x, double[] y, int n, boolean nanPasses) {
    if (nanPasses) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if (x[i] != x[i]) {
        y[i] = 0.0;
      }
    }
  }
}
