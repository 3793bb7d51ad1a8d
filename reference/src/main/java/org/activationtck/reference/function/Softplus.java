package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FastLog1pDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.Log1pDoubleDouble;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.SigmoidDoubleDouble;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.FastPathKernel;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.reference.kernel.SoftplusBlock;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * softplus: ln(1 + e^(beta x)) / beta, with pytorch's cut-over to x where beta * x > threshold.
 *
 * <p>Method, z = beta x: z > 0: z + log1p(e^-z) (positive terms, the small one damped);
 * -37.5 <= z <= 0: log1p(e^z), whose condition number in e^z is at most 1; z < -37.5:
 * e^z (1 - e^z / 2), e^z / 2 < 2^-55 there. e^z and the logarithms are double-doubles
 * ({@link ExpDoubleDouble}, {@link Log1pDoubleDouble}, about 2^-60 relative; the logarithm's
 * leading part from Math.log by {@link Log1pDoubleDouble#approx}), z = beta x keeps
 * the product's rounding error, and the result is rounded once ({@link DoubleRounding#finish}:
 * nearest for float64, to odd for the narrower dtypes). f'(x) = sigma(z)
 * ({@link SigmoidDoubleDouble}), exactly 1 where pytorch cuts over.
 *
 * <p>Narrow dtypes first try the plain double {@link #plain}, kept where {@link NarrowShortcut}
 * proves it rounds as the exact value does. Its error, relative: e = Math.exp(-|z|) within 1 ulp
 * (2^-52), times (1 -+ zl) by fma (2^-53, and (z zl)^2 < 2^-86 dropped): 1.5 2^-52, which
 * ln(1 + e) passes on with a factor e / ((1 + e) ln(1 + e)) <= 1; Kahan's ln(1 + e)
 * ({@link Log1pDoubleDouble#approx}) adds 2.25 2^-52: 3.75 2^-52 so far. z <= 0: that is the
 * result; z > 0: z + (ln + zl) adds 2^-53 twice relative to a sum at least as large as each term.
 * The division by beta 2^-53: below 5.25 2^-52 < 2^-49.6 in all. Subnormal e (|z| > 708) only
 * meets a result that is itself subnormal (rejected by the test) or z (absorbed).
 *
 * <p>float64 first tries {@link #nearest}, a double-double with a proved bound and Ziv's test
 * ({@link ZivRounding#decides}); where the test fails (about 2^-11 of the inputs, and |z| > 680)
 * the method above runs. E = e^-|z| by {@link FastExpDoubleDouble#exp} (2^-77 relative), times
 * (1 - sign(z) zl) for zl's share (rounding 2^-106, dropped (z zl)^2/2 < 2^-86; the low part
 * stays below 2^-43 E), ln(1 + E) by {@link FastLog1pDoubleDouble#log1p} (2^-66 relative; E's
 * error passes through with a factor E/((1 + E) ln(1 + E)) <= 1), then max(z, 0) + ln(1 + E)
 * (+ zl for z > 0) by TwoSum, at least as large as ln(1 + E), and the division by beta with an
 * fma correction (2^-104): below 2^-66 + 2^-77 + 2^-100 < 2^-65.9 relative;
 * {@link SoftplusBlock#FAST_DOUBLE_DOUBLE_BOUND} = 2^-64 (a factor 3.7).
 *
 * <p>Array forms. float64 runs {@link #nearest} in blocks ({@link SoftplusBlock}, bit for bit) and
 * the accurate path where it gives up. float32 arrays keep r = h + l, that double-double
 * rounded once to a double, where {@link NarrowShortcut} decides it with
 * {@link SoftplusBlock#NARROW_BOUND} = 2^-50: |r - v| <= |r - (h + l)| + |h + l - v| <= 2^-53 |r| +
 * 2^-65.9 |v| < 2^-52.9 |r|; where the quotient by beta nears the subnormal range its roundings
 * are absolute, at most 2^-1075 each, below 2^-53 |r| each for the normal r the test accepts (it
 * rejects subnormal ones), and the four of them keep the total below 5.1 2^-53 < 2^-50. Such r
 * rounds to float32 as v does, and so does the scalar form's result: the two agree after
 * narrowing; elsewhere the array form runs the scalar fast path, then the accurate path.
 */
public final class Softplus extends RoundingFunction {

  /** Relative error bound of {@link #plain} (5.25 2^-52, see the class comment), a factor 3 spare. */
  static final double FAST_BOUND = 0x1p-48;

  /** Below this z, e^z / 2 < 2^-55: ln(1 + e^z) rounds like e^z. */
  private static final double EXP_TAIL = -37.5;

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    final double beta = p.real("beta").doubleValue();
    if (!(beta > 0)) {
      throw new IllegalArgumentException("softplus parameter 'beta' must be > 0");
    }
    final boolean hasThreshold = p.has("threshold");
    final double threshold = hasThreshold ? p.real("threshold").doubleValue() : 0;
    final double cut = hasThreshold ? threshold : Double.POSITIVE_INFINITY;
    return new SoftplusKernel(beta, hasThreshold, threshold, cut, rounding);
  }

  /**
   * The kernel for resolved parameters and one final rounding. The value's fast path is {@link
   * #fast}; its block forms are {@link SoftplusBlock}'s (see the class comment). The derivative
   * has one path.
   */
  private static final class SoftplusKernel extends FastPathKernel<SoftplusBlock> {
    private final double beta;
    private final boolean hasThreshold;
    private final double threshold;
    /** The block forms' test for the cut-over, without hasThreshold: z > cut iff it applies. */
    private final double cut;

    SoftplusKernel(double beta, boolean hasThreshold, double threshold, double cut, FinalRounding rounding) {
      super(rounding);
      this.beta = beta;
      this.hasThreshold = hasThreshold;
      this.threshold = threshold;
      this.cut = cut;
    }

    @Override
    protected double fastValue(double x, double[] scratch) {
      double z = beta * x;
      if (hasThreshold && z > threshold) {
        return x;
      }
      return fast(z, Math.fma(beta, x, -z), beta, rounding, scratch);
    }

    @Override
    protected double accurateValue(double x) {
      double z = beta * x;
      if (hasThreshold && z > threshold) {
        return x;
      }
      return accurate(z, Math.fma(beta, x, -z), beta, rounding);
    }

    @Override
    protected double fastDerivative(double x, double[] scratch) {
      return accurateDerivative(x);
    }

    @Override
    protected double accurateDerivative(double x) {
      double z = beta * x;
      if (hasThreshold && z > threshold) {
        return 1.0;
      }
      return SigmoidDoubleDouble.value(z, rounding);
    }

    @Override
    protected SoftplusBlock newScratch(int length) {
      return new SoftplusBlock();
    }

    /**
     * float64: the block form of {@link #nearest}, bit for bit, and NaN where the threshold
     * applies (the accurate path returns x there too); to odd: the scalar fast path.
     */
    @Override
    protected int fastValues(double[] x, double[] y, int from, int to, SoftplusBlock b, int[] pending) {
      return rounding.toOdd() ? super.fastValues(x, y, from, to, b, pending) : b.nearest(x, y, from, to, 1, beta, cut, pending);
    }

    /**
     * The block's double-double rounded once, r, kept where NarrowShortcut proves that it rounds
     * to each narrow dtype as the exact value does ({@link SoftplusBlock#NARROW_BOUND}); where it gives
     * up, the scalar fast path.
     */
    @Override
    protected int fastValues(float[] x, float[] y, int from, int to, SoftplusBlock b, int[] pending) {
      return retryFast(x, y, pending, b.narrow(x, y, from, to, 1, beta, cut, pending), false);
    }
  }

  /**
   * ln(1 + e^(z + zl)) / beta rounded once for the dtype ({@link DoubleRounding#finish}), where
   * z + zl = beta x exactly (zl the product's error by fma; 0 when beta = 1), by the fast path:
   * to odd, {@link #plain} where {@link NarrowShortcut} decides it; nearest, {@link #nearest};
   * NaN where they give up ({@link #accurate} decides those).
   */
  static double fast(double z, double zl, double beta, FinalRounding rounding, double[] scratch) {
    if (rounding.toOdd()) {
      double y = plain(z, zl, beta);
      return NarrowShortcut.decides(y, FAST_BOUND) ? y : Double.NaN;
    }
    return nearest(z, zl, beta, scratch);
  }

  /**
   * ln(1 + e^(z + zl)) / beta rounded to nearest where the fast double-double method (see the
   * class comment) proves it, else NaN. Branch-free; scratch[0] holds the exponentials' low parts.
   */
  static double nearest(double z, double zl, double beta, double[] scratch) {
    double eh = FastExpDoubleDouble.exp(-Math.abs(z), scratch, 0);
    double el = SoftplusBlock.shareOfZl(z, zl, eh, scratch[0]);
    double lh = FastLog1pDoubleDouble.log1p(eh, el, scratch, 0);
    return combine(z, zl, beta, lh, scratch[0]);
  }

  /**
   * The last step of {@link #nearest}: (max(z, 0) + ln(1 + E) + (zl if z > 0)) / beta from
   * ln(1 + E) = lh + ll (NaN for |z| > 680), the result or NaN (see the class comment).
   */
  private static double combine(double z, double zl, double beta, double lh, double ll) {
    // max(z, 0) + lh (TwoSum) + ll, plus zl for z > 0; divided by beta with one fma correction.
    double zp = Math.max(z, 0);
    double h = zp + lh;
    // zl for z > 0, +-0 for z <= 0 (where zl = 0 at z = 0), without a branch.
    double zlp = zl * Step.positive(z);
    double l = DoubleDouble.twoSumError(zp, lh, h) + (ll + zlp);
    if (beta != 1) { // a constant per kernel: predicted
      double q = h / beta;
      l = (Math.fma(-q, beta, h) + l) / beta;
      h = q;
    }
    double r = h + l;
    return ZivRounding.decides(r, l - (r - h), SoftplusBlock.FAST_DOUBLE_DOUBLE_BOUND * Math.abs(r), FinalRounding.NEAREST) ? r : Double.NaN;
  }

  /**
   * ln(1 + e^(z + zl)) / beta in plain double arithmetic, within {@link #FAST_BOUND} relative
   * where the result is normal (see the class comment): max(z, 0) + ln(1 + e), e = e^-|z + zl|,
   * with ln(1 + e) from {@link Log1pDoubleDouble#approx} (Kahan's method from Math.log). Branch-free; NaN, infinite, zero or subnormal results are left to the caller's test.
   */
  static double plain(double z, double zl, double beta) {
    double e = Math.exp(-Math.abs(z));
    // e^-|z + zl| = e^-|z| e^(-sign(z) zl) = e (1 - sign(z) zl) to (z zl)^2 < 2^-86.
    e = Math.fma(e, z > 0 ? -zl : zl, e);
    double ln = Log1pDoubleDouble.approx(e);
    return (Math.max(z, 0) + (ln + (z > 0 ? zl : 0))) / beta;
  }

  /** ln(1 + e^(z + zl)) / beta by the double-double method (see the class comment). */
  static double accurate(double z, double zl, double beta, FinalRounding rounding) {
    if (z != z || z == Double.POSITIVE_INFINITY) {
      return z;
    }
    if (z == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    double h;
    double l;
    if (z > 0) {
      // z + ln(1 + t), t = e^-z; below 2^-1074 t only survives as a sticky bit.
      double th = ExpDoubleDouble.hi(-z);
      double tl = th == 0 ? Double.MIN_VALUE : ExpDoubleDouble.lo(-z);
      double y = Log1pDoubleDouble.approx(th);
      double yl = Log1pDoubleDouble.tail(y, th, tl) + zl / (1 + th);
      h = z + y;
      double bb = h - z;
      l = ((z - (h - bb)) + (y - bb)) + yl;
    } else if (z < EXP_TAIL) {
      // ln(1 + e) = e - e^2/2 + ..., e = e^z < 2^-54: e^2/2 is below 2^-55 e.
      h = ExpDoubleDouble.hi(z);
      l = ExpDoubleDouble.lo(z) + h * (zl - h * 0.5);
      if (h == 0) {
        return 0.0;
      }
    } else {
      double eh = ExpDoubleDouble.hi(z);
      double el = ExpDoubleDouble.lo(z);
      h = Log1pDoubleDouble.approx(eh);
      l = Log1pDoubleDouble.tail(h, eh, el) + zl * (eh / (1 + eh));
    }
    if (beta != 1) {
      double q = h / beta;
      l = (Math.fma(-q, beta, h) + l) / beta;
      h = q;
    }
    double r = h + l;
    return DoubleRounding.finish(r, l - (r - h), rounding);
  }
}
