package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.ExpBlockPipeline;
import org.activationtck.reference.kernel.RoundingAxisFunction;
import org.activationtck.spec.params.Params;

/**
 * glu: y_i = a_i * sigmoid(b_i) for x = [a, b]: a fast double-double pass with a Ziv rounding test
 * per element, and the exact path below for what it cannot decide.
 *
 * <p>Fast path (|b| <= 680, where {@link FastExpDoubleDouble}'s domain gives e^-|b|): sigmoid(b)
 * = q + c by {@link Sigmoid}'s fast quotient (relative error below 2^-76 + 2^-102, see {@link
 * Sigmoid#FAST64_VALUE_BOUND}); y = a (q + c) with a q split exactly by fma, a c rounded
 * (2^-105), the sum pe (2^-105) and r + rl = ph + pe by FastTwoSum (exact): relative error below
 * 2^-76 + 2^-101 < {@link #BOUND} = 2^-75, which leaves the margin the rounded tests need. Below
 * the normal range the products' roundings are absolute, a few 2^-1075. float64: {@link
 * ZivRounding#nearest} (its interval has an absolute floor of 2^-1068 that covers them); the
 * narrow dtypes: {@link ZivRounding#decides} for results of at least 2^-960, then r rounded to
 * odd towards rl. Both run as block pipelines ({@link ExpBlockPipeline}): vector loops for -|b|,
 * e^-|b|, the quotient and the product, one scalar pass for the decision. Other elements (zeros,
 * non-finite values, far tails, tiny results) take the exact path.
 *
 * <p>Exact path: in double-double with a separate binary exponent. write a = A 2^ea with A in [1, 2) and e^(-|b|) = E 2^k ({@link ExpDoubleDouble#expScaled}).
 * For b >= 0, sigmoid(b) = 1 / (1 + E 2^k); for b < 0, sigmoid(b) = E 2^k / (1 + E 2^k). The
 * product A * sigmoid-mantissa is formed in double-double and scaled by 2^(ea [+ k]) once at the
 * end, so neither an underflowing sigmoid (b < -745) nor an overflowing intermediate loses the
 * result: a = 1e300, b = -800 gives 3.7e-48, not 0.
 *
 * <p>The product is rounded once before scaling by {@link DoubleRounding#finish}: to nearest for
 * float64, to odd for the narrower dtypes so that their rounding of the result is correct.
 *
 * <p>Accuracy: relative error of the double-double product below 2^-88, then one rounding:
 * float64 correctly rounded unless the value lies within 2^-88 relative of a midpoint, always
 * within 1 ulp (a subnormal result is rounded once, to the subnormal grid).
 *
 * <p>Special cases (catalog glu.nonfinite): NaN in a or b: NaN; b = +Infinity: a; b = -Infinity:
 * zero with the sign of a (NaN for infinite a); infinite a: ±Infinity; a = ±0: ±0. Thresholds:
 * b < -1500 gives |a| sigmoid(b) < 2^1024 e^-1500 < 2^-1140: zero with the sign of a; b > 1500
 * gives sigmoid(b) = 1 - e^-b within 2^-2160, so a exactly.
 */
public final class Glu extends RoundingAxisFunction {

  /** The narrow dtypes' fast path only for results of at least 2^-960 (normal error terms). */
  private static final double FAST_MIN = 0x1p-960;

  /** The fast path's relative error bound (see the class comment). */
  static final double BOUND = 0x1p-75;

  /**
   * The pipeline's scratch (36 KiB), one per thread: an axis vector of 1024 has 512 outputs, for
   * which allocating and zeroing the scratch per call was measured to cost about as much as the
   * arithmetic. Safe because apply never reenters itself on a thread (the exact path allocates
   * its own objects).
   */
  private static final ThreadLocal<ExpBlockPipeline> SCRATCH =
      ThreadLocal.withInitial(() -> new ExpBlockPipeline(ExpBlockPipeline.LENGTH));

  /** Beyond |b| = 1500 the gate is 0 or 1 for every representable a (bounds above). */
  private static final double SATURATION = 1500;

  @Override
  public double[] apply(double[] x, Params p, FinalRounding rounding) {
    if (x.length % 2 != 0) {
      throw new IllegalArgumentException("glu: the length along the axis must be even to split it"
          + " in two halves, got " + x.length);
    }
    int n = x.length / 2;
    double[] y = new double[n];
    ExpBlockPipeline pipeline = SCRATCH.get();
    if (!rounding.toOdd()) {
      int[] pending = new int[n];
      int listed = pipeline.nearest(STAGES, BOUND, x, n, x, 0, y, 0, n, pending);
      for (int j = 0; j < listed; j++) {
        int i = pending[j];
        y[i] = gated(x[i], x[n + i], FinalRounding.NEAREST);
      }
      return y;
    }
    for (int done = 0, m; done < n; done += m) {
      m = Math.min(pipeline.x.length, n - done);
      pipeline.load(x, n + done, x, done, m);
      pipeline.block(STAGES, m);
      double[] h = pipeline.h;
      double[] l = pipeline.l;
      for (int i = 0; i < m; i++) {
        double r = h[i];
        double rl = l[i];
        boolean decided = ZivRounding.decides(r, rl, Math.abs(r) * BOUND, FinalRounding.TO_ODD)
            & (Math.abs(r) >= FAST_MIN);
        y[done + i] = decided ? ZivRounding.toOdd(r, rl) : gated(pipeline.w[i], pipeline.x[i], FinalRounding.TO_ODD);
      }
    }
    return y;
  }

  /**
   * The fast path over a block of gates x = b and operands w = a: h + l = r + rl = a (q + c),
   * q + c = sigmoid(b) as in {@link Sigmoid}'s fast quotient; the exact path for float64.
   */
  private static final ExpBlockPipeline.Stages STAGES = new ExpBlockPipeline.Stages() {
    @Override
    public void argument(ExpBlockPipeline p, int n) {
      Sigmoid.VALUE_STAGES.argument(p, n);
    }

    @Override
    public void approximate(ExpBlockPipeline p, int n) {
      Sigmoid.VALUE_STAGES.approximate(p, n);
      // a (q + c) in place: ph = a q exactly split by fma, then r + rl by FastTwoSum
      double[] a = p.w;
      double[] h = p.h;
      double[] l = p.l;
      for (int i = 0; i < n; i++) {
        double ai = a[i];
        double q = h[i];
        double ph = ai * q;
        double pe = Math.fma(ai, q, -ph) + ai * l[i];
        double r = ph + pe;
        h[i] = r;
        l[i] = pe - (r - ph);
      }
    }
  };

  /** a * sigmoid(b) by the exact path (see the class comment). */
  static double gated(double a, double b, FinalRounding rounding) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.NaN;
    }
    if (b == Double.NEGATIVE_INFINITY || b < -SATURATION) {
      return Double.isInfinite(a) ? (b == Double.NEGATIVE_INFINITY ? Double.NaN : a) : 0.0 * a;
    }
    if (Double.isInfinite(a) || a == 0 || b > SATURATION) {
      return a;
    }
    int ea = Math.getExponent(a);
    if (ea < Double.MIN_EXPONENT) { // subnormal a: normalize
      ea = Math.getExponent(a * 0x1p60) - 60;
    }
    double mantissa = Math.scalb(a, -ea);
    DoubleDouble.Scaled e = ExpDoubleDouble.expScaled(DoubleDouble.of(-Math.abs(b)));
    // 1 + e^-|b|; underflow of the tail is harmless
    DoubleDouble denominator = DoubleDouble.add(DoubleDouble.scalb(e.m, e.k), DoubleDouble.ONE);
    if (b >= 0) {
      DoubleDouble q = DoubleDouble.div(DoubleDouble.of(mantissa), denominator);
      return scaled(q, ea, rounding);
    }
    return scaled(DoubleDouble.div(DoubleDouble.mul(e.m, mantissa), denominator), ea + e.k, rounding);
  }

  /** q 2^k rounded once for the dtype (to the subnormal grid when the result is subnormal). */
  private static double scaled(DoubleDouble q, int k, FinalRounding rounding) {
    double r = Math.scalb(q.hi, k);
    if (Math.abs(r) < Double.MIN_NORMAL && k < 0) {
      return DoubleRounding.scaleDown(q.hi, q.lo, -k);
    }
    return Math.scalb(DoubleRounding.finish(q.hi, q.lo, rounding), k);
  }
}
