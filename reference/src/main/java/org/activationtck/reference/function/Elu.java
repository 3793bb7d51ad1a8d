package org.activationtck.reference.function;

import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.SignSelect;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.NegativeArmKernel;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.spec.params.Params;

/**
 * elu: x for x > 0, alpha * expm1(x) for x <= 0. f'(x) = 1 for x > 0, alpha * e^x for x <= 0
 * (alpha at x = 0). Sign of zero at -0.0: alpha * expm1(-0.0) = -0.0, except pytorch, whose
 * kernel yields (e^-0 - 1) * alpha = +0.0.
 *
 * <p>Method (Ziv). Fast path, branch-free: e^m - 1 (resp. e^m) for m = min(x, 0) as hi + lo from
 * {@link FastExpDoubleDouble} (relative error below 2^-67, resp. 2^-77), times alpha as p + pl
 * (p = alpha hi, pl = its fma residual + alpha lo; the last rounding is below 2^-105): relative
 * error below {@link #FAST_BOUND} = 2^-66. The result for x > 0 is chosen by the sign bit, not
 * a branch. The fast result stands when {@link ZivRounding#forDtype} proves it rounds like the
 * exact value (float64: nearest double; narrow dtypes: {@code NarrowShortcut}); otherwise
 * (about 2^-12 of negative float64 inputs, 2^-25 narrow, and x = +-0, x < -680, NaN, -Infinity)
 * the accurate path: e^x - 1 and e^x from {@link ExpDoubleDouble} (relative error below 2^-60),
 * multiplied by alpha with an fma and rounded once ({@link DoubleRounding#finish}: nearest for
 * float64, to odd for the narrower dtypes).
 */
public final class Elu extends RoundingFunction {

  /** Relative error bound of the fast path (2^-67 + 2^-105, with spare). */
  static final double FAST_BOUND = 0x1p-66;

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    final double alpha = p.real("alpha").doubleValue();
    final boolean plusZero = p.dialect().equals("pytorch");
    return new EluKernel(alpha, plusZero, rounding);
  }

  private static final class EluKernel extends NegativeArmKernel {
    private final double alpha;
    private final boolean plusZero;

    EluKernel(double alpha, boolean plusZero, FinalRounding rounding) {
      super(rounding);
      this.alpha = alpha;
      this.plusZero = plusZero;
    }

    @Override
    public double linear(double x) {
      return x;
    }

    /** The fast path of the class comment, or NaN when undecided (lo: scratch of length >= 1). */
    @Override
    public double fastValue(double x, double[] lo) {
      double mh = FastExpDoubleDouble.expm1(Math.min(x, 0.0), lo, 0);
      double p = alpha * mh;
      return fastFinish(x, p, Math.fma(alpha, mh, -p) + alpha * lo[0]);
    }

    @Override
    public void fastParts(Scratch s, int m) {
      double alpha = this.alpha;
      for (int i = 0; i < m; i++) {
        s.u[i] = Math.min(s.x[i], 0.0);
      }
      s.exp.expm1(s.u, s.hi, s.lo, m);
      for (int i = 0; i < m; i++) {
        double mh = s.hi[i];
        double p = alpha * mh;
        s.p[i] = p;
        s.pl[i] = Math.fma(alpha, mh, -p) + alpha * s.lo[i];
      }
    }

    @Override
    public double fastFinish(double x, double p, double pl) {
      double neg = ZivRounding.forDtype(p, pl, FAST_BOUND, rounding);
      // x > 0: x; sign bit set: the fast value or NaN; +0.0 and NaN: undecided.
      return (x > 0) | (neg == neg) ? SignSelect.bySignBit(x, neg, x) : Double.NaN;
    }

    /** f'(x): 1 for x > 0, alpha e^x below, or NaN when undecided. */
    @Override
    public double fastDerivative(double x, double[] lo) {
      double eh = FastExpDoubleDouble.exp(Math.min(x, 0.0), lo, 0);
      double p = alpha * eh;
      double neg = ZivRounding.forDtype(p, Math.fma(alpha, eh, -p) + alpha * lo[0], FAST_BOUND, rounding);
      // x - 2^-1074 has its sign bit set exactly when x <= 0 (x = +0.0 included).
      return (x > 0) | (neg == neg) ? SignSelect.bySignBit(x - Double.MIN_VALUE, neg, 1.0) : Double.NaN;
    }

    @Override
    public double accurateValue(double x) {
      if (x > 0 || x != x) {
        return x;
      }
      if (x == 0) {
        return (plusZero ? 0.0 : x) * alpha;
      }
      return ExpDoubleDouble.timesExpm1(alpha, 0, x, rounding);
    }

    @Override
    public double accurateDerivative(double x) {
      if (x > 0) {
        return 1.0;
      }
      return ExpDoubleDouble.timesExp(alpha, 0, x, rounding);
    }
  }
}
