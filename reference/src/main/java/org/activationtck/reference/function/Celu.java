package org.activationtck.reference.function;

import java.util.Arrays;
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
 * celu: x for x > 0, alpha * expm1(x / alpha) for x <= 0. f'(x) = 1 for x >= 0, e^(x/alpha)
 * below.
 *
 * <p>Method: the quotient u = x / alpha is carried as uh + ul (ul = the division's residual from
 * {@link Math#fma}, divided by alpha), so that e^u = e^uh (1 + ul) does not inherit the rounding of
 * u, which e^u would amplify |u|-fold (f'(-40) with alpha = 0.3: 32 ulp without it). e^uh and
 * e^uh - 1 are double-doubles ({@link ExpDoubleDouble}, relative error below 2^-60), so
 * expm1(u) = expm1(uh) + e^uh ul and e^u = e^uh + e^uh ul (ul^2 is below 2^-100 relative) carry
 * about 60 bits, and the result is rounded once ({@link DoubleRounding#finish}: nearest for
 * float64, to odd for the narrower dtypes). That is the accurate path.
 *
 * <p>Fast path (Ziv), branch-free: m = min(x, 0), uh = m / alpha as m times 1/alpha (not
 * correctly rounded, but ul = the fma residual m - uh alpha, times 1/alpha, restores u to
 * 2^-104), e^uh - 1 (resp. e^uh) as hi + lo from {@link FastExpDoubleDouble} (relative error
 * 2^-67, resp. 2^-77), plus e^uh ul = (1 + hi) ul, times alpha as p + pl: relative error below
 * 2^-67 + 2^-102, {@link #FAST_BOUND} = 2^-66 (for u <= 0, |u| e^u / |e^u - 1| <= 1, so the ul
 * term is at most 2^-52 of the result; for u in (0, 0.6875], alpha < 0, at most 1.7 times
 * that). x > 0 is chosen by the sign bit. It stands when {@link ZivRounding#forDtype} proves it
 * rounds like the exact value; else (about 2^-12 of the negative float64 inputs, 2^-25 narrow,
 * |u| < 2^-60, u outside FastExpDoubleDouble's domain, 1/alpha not a normal double, zeros, NaN)
 * the accurate path.
 * f(-0.0) = +0.0 in pytorch and onnx, -0.0 in keras3 and jax.
 */
public final class Celu extends RoundingFunction {

  /** Below |u| = 2^-60 the relative correction u/2 is below 2^-61: the value rounds to x. */
  private static final double TINY = 0x1p-60;

  /** Relative error bound of the fast path (see the class comment). */
  static final double FAST_BOUND = 0x1p-66;

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    final double alpha = p.real("alpha").doubleValue();
    if (alpha == 0) {
      throw new IllegalArgumentException("celu parameter 'alpha' must be nonzero");
    }
    final boolean plusZero = p.dialect().equals("pytorch") || p.dialect().equals("onnx");
    return new CeluKernel(alpha, plusZero, rounding);
  }

  private static final class CeluKernel extends NegativeArmKernel {
    private final double alpha;
    private final double inverse;
    private final boolean fast;
    private final boolean plusZero;

    CeluKernel(double alpha, boolean plusZero, FinalRounding rounding) {
      super(rounding);
      this.alpha = alpha;
      this.inverse = 1 / alpha;
      // 1/alpha subnormal or infinite would spoil uh + ul: such kernels take the accurate path.
      this.fast = Math.abs(inverse) >= Double.MIN_NORMAL && Math.abs(inverse) <= Double.MAX_VALUE;
      this.plusZero = plusZero;
    }

    @Override
    public double linear(double x) {
      return x;
    }

    /** The fast path of the class comment, or NaN when undecided (lo: scratch of length >= 1). */
    @Override
    public double fastValue(double x, double[] lo) {
      if (!fast) {
        return Double.NaN;
      }
      double m = Math.min(x, 0.0);
      double uh = m * inverse;
      double ul = Math.fma(-uh, alpha, m) * inverse;
      double mh = FastExpDoubleDouble.expm1(uh, lo, 0);
      double ml = lo[0] + Math.fma(mh, ul, ul);
      double p = alpha * mh;
      return fastFinish(x, p, Math.fma(alpha, mh, -p) + alpha * ml);
    }

    @Override
    public void fastParts(Scratch s, int m) {
      double alpha = this.alpha;
      double inverse = this.inverse;
      if (!fast) {
        Arrays.fill(s.p, 0, m, Double.NaN);
        return;
      }
      // s.pl holds ul until the last loop.
      for (int i = 0; i < m; i++) {
        double v = Math.min(s.x[i], 0.0);
        double uh = v * inverse;
        s.u[i] = uh;
        s.pl[i] = Math.fma(-uh, alpha, v) * inverse;
      }
      s.exp.expm1(s.u, s.hi, s.lo, m);
      for (int i = 0; i < m; i++) {
        double mh = s.hi[i];
        double ul = s.pl[i];
        double ml = s.lo[i] + Math.fma(mh, ul, ul);
        double p = alpha * mh;
        s.p[i] = p;
        s.pl[i] = Math.fma(alpha, mh, -p) + alpha * ml;
      }
    }

    @Override
    public double fastFinish(double x, double p, double pl) {
      double neg = ZivRounding.forDtype(p, pl, FAST_BOUND, rounding);
      // |u| below TINY is left to the accurate path, u = min(x, 0) / alpha as fastValue has it.
      boolean decided = (neg == neg) & (Math.abs(Math.min(x, 0.0) * inverse) >= TINY);
      return (x > 0) | decided ? SignSelect.bySignBit(x, neg, x) : Double.NaN;
    }

    /** f'(x): 1 for x >= 0, e^(x/alpha) below, or NaN when undecided. */
    @Override
    public double fastDerivative(double x, double[] lo) {
      if (!fast) {
        return Double.NaN;
      }
      double m = Math.min(x, 0.0);
      double uh = m * inverse;
      double ul = Math.fma(-uh, alpha, m) * inverse;
      double eh = FastExpDoubleDouble.exp(uh, lo, 0);
      double neg = ZivRounding.forDtype(eh, lo[0] + eh * ul, FAST_BOUND, rounding);
      // x + 0.0 is +0.0 for -0.0: its sign bit is set exactly when x < 0.
      return (x >= 0) | (neg == neg) ? SignSelect.bySignBit(x + 0.0, neg, 1.0) : Double.NaN;
    }

    @Override
    public double accurateValue(double x) {
      if (x > 0 || x != x) {
        return x;
      }
      if (x == 0) {
        return plusZero ? 0.0 : x;
      }
      // u = x / alpha as uh + ul (the division's residual by fma): e^u = e^uh (1 + ul).
      double uh = x / alpha;
      double ul = Math.fma(-uh, alpha, x) / alpha;
      if (Double.isInfinite(uh)) {
        return alpha * StrictMath.expm1(uh);
      }
      if (Math.abs(uh) < TINY) {
        // alpha expm1(u) = x (1 + u/2 + ...): x itself, off by x^2 / (2 alpha), which has
        // alpha's sign (this also keeps subnormal x, whose quotient x / alpha would round).
        return DoubleRounding.finish(x, alpha, rounding);
      }
      // m = expm1(uh) + e^uh ul as a double-double, then alpha m with an fma.
      double mh = ExpDoubleDouble.expm1Hi(uh);
      if (Double.isInfinite(mh)) {
        return alpha * mh; // alpha < 0 and x / alpha beyond e^x's range
      }
      double ml = ExpDoubleDouble.expm1Lo(uh) + ExpDoubleDouble.hi(uh) * ul;
      double h = mh + ml;
      ml = ml - (h - mh);
      mh = h;
      double q = alpha * mh;
      double ql = Math.fma(alpha, mh, -q) + alpha * ml;
      double r = q + ql;
      return DoubleRounding.finish(r, ql - (r - q), rounding);
    }

    @Override
    public double accurateDerivative(double x) {
      if (x >= 0) {
        return 1.0;
      }
      if (x != x) {
        return x;
      }
      double uh = x / alpha;
      double ul = Math.fma(-uh, alpha, x) / alpha;
      if (Double.isInfinite(uh)) {
        return StrictMath.exp(uh);
      }
      double eh = ExpDoubleDouble.hi(uh);
      if (Double.isInfinite(eh)) {
        return eh;
      }
      double el = ExpDoubleDouble.lo(uh) + eh * ul;
      double r = eh + el;
      return DoubleRounding.finish(r, el - (r - eh), rounding);
    }
  }
}
