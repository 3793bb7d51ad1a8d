package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.FinalRounding;

/**
 * A {@link FastPathKernel} whose block forms are {@link ExpBlockPipeline}s of its fast paths'
 * arithmetic (stages doing the same IEEE operations as the scalar fast paths): for float64 the
 * pipeline's Ziv test at the path's bound ({@link ExpBlockPipeline#nearest}), for the narrow
 * dtypes {@link ExpBlockPipeline#narrow} at the narrow bound, the same test as the scalar narrow
 * path. A result without stages (null) runs its scalar fast path in the block, as the default
 * does. float arrays of a float64 kernel also take the default.
 */
public abstract class ExpPipelineKernel extends FastPathKernel<ExpBlockPipeline> {

  /** The final rounding: nearest (float64) or to odd (narrower dtypes). */
  protected final FinalRounding rounding;
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
    this.rounding = rounding;
    this.valueStages = valueStages;
    this.valueBound = valueBound;
    this.derivativeStages = derivativeStages;
    this.derivativeBound = derivativeBound;
    this.narrowBound = narrowBound;
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
