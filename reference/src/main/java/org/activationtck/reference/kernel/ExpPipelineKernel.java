package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.ZivRounding;

/**
 * A {@link FastPathKernel} whose block forms are {@link ExpBlockPipeline}s of its fast paths'
 * arithmetic (stages doing the same IEEE operations as the scalar fast paths): for float64 the
 * pipeline's Ziv test at the path's bound ({@link ExpBlockPipeline#nearest}), for the narrow
 * dtypes {@link ExpBlockPipeline#narrow} at the narrow bound, the same test as the scalar narrow
 * path. A result without stages (null) runs its scalar fast path in the block, as the default
 * does. float arrays of a float64 kernel also take the default.
 *
 * <p>The scalar fast paths are the stages' arithmetic for one element, q + c
 * ({@link #valueQuotient}, {@link #derivativeQuotient}), decided the same two ways: float64 by
 * Ziv's test on q + c at the path's bound ({@link ZivRounding#nearest}), the narrow dtypes by
 * rounding q + c to a double and keeping it where {@link NarrowShortcut} decides it at the
 * narrow bound.
 */
public abstract class ExpPipelineKernel extends FastPathKernel<ExpBlockPipeline> {

  private final ExpBlockPipeline.Stages valueStages;
  private final double valueBound;
  private final ExpBlockPipeline.Stages derivativeStages;
  private final double derivativeBound;
  private final double narrowBound;

  /**
   * @param valueStages the block form of the value's fast path
   * @param valueBound its relative error bound, for Ziv's test (float64)
   * @param derivativeStages the block form of the derivative's fast path, or null for none
   * @param derivativeBound its bound (unused without stages)
   * @param narrowBound the bound of the narrow dtypes' test on the path's rounded double
   */
  protected ExpPipelineKernel(FinalRounding rounding, ExpBlockPipeline.Stages valueStages, double valueBound,
      ExpBlockPipeline.Stages derivativeStages, double derivativeBound, double narrowBound) {
    super(rounding);
    this.valueStages = valueStages;
    this.valueBound = valueBound;
    this.derivativeStages = derivativeStages;
    this.derivativeBound = derivativeBound;
    this.narrowBound = narrowBound;
  }

  /**
   * The value's fast path for one element, the same IEEE operations as its stages: returns q and
   * stores c in c[0] (scratch of length >= 1), q + c within the value bound of f(x), relative;
   * NaN where the path does not apply.
   */
  protected abstract double valueQuotient(double x, double[] c);

  /**
   * As {@link #valueQuotient} for the derivative, at the derivative bound. Kernels with
   * derivative stages override it; the others override {@link #fastDerivative} instead.
   */
  protected double derivativeQuotient(double x, double[] c) {
    throw new UnsupportedOperationException("no derivative stages");
  }

  @Override
  protected final double fastValue(double x, double[] c) {
    return decide(valueQuotient(x, c), c[0], valueBound);
  }

  @Override
  protected double fastDerivative(double x, double[] c) {
    return decide(derivativeQuotient(x, c), c[0], derivativeBound);
  }

  /** f(x) = q + c as the class comment decides it, or NaN when undecided. */
  private double decide(double q, double c, double bound) {
    if (rounding.toOdd()) {
      double y = q + c;
      return NarrowShortcut.decides(y, narrowBound) ? y : Double.NaN;
    }
    return ZivRounding.nearest(q, c, bound);
  }

  @Override
  protected final ExpBlockPipeline newScratch(int length) {
    return new ExpBlockPipeline(length);
  }

  @Override
  protected final int fastValues(double[] x, double[] y, int from, int to, ExpBlockPipeline p, int[] pending) {
    return rounding.toOdd() ? p.narrow(valueStages, narrowBound, x, from, to, y, pending)
        : p.nearest(valueStages, valueBound, x, from, to, y, pending);
  }

  @Override
  protected final int fastValues(float[] x, float[] y, int from, int to, ExpBlockPipeline p, int[] pending) {
    return rounding.toOdd() ? p.narrow(valueStages, narrowBound, x, from, to, y, pending)
        : super.fastValues(x, y, from, to, p, pending);
  }

  @Override
  protected final int fastDerivatives(double[] x, double[] y, int from, int to, ExpBlockPipeline p,
      int[] pending) {
    if (derivativeStages == null) {
      return super.fastDerivatives(x, y, from, to, p, pending);
    }
    return rounding.toOdd() ? p.narrow(derivativeStages, narrowBound, x, from, to, y, pending)
        : p.nearest(derivativeStages, derivativeBound, x, from, to, y, pending);
  }

  @Override
  protected final int fastDerivatives(float[] x, float[] y, int from, int to, ExpBlockPipeline p,
      int[] pending) {
    return derivativeStages != null && rounding.toOdd()
        ? p.narrow(derivativeStages, narrowBound, x, from, to, y, pending)
        : super.fastDerivatives(x, y, from, to, p, pending);
  }
}
