package org.activationtck.reference.function;

import java.math.BigDecimal;
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
 * selu: scale * x for x > 0 (one rounding of the exact product), c * expm1(x) for x <= 0, with
 * c the catalog constant scale_alpha where the dialect stores one (keras3, tf_keras2: TensorFlow's
 * kernel constant in the dtype), else scale * alpha. f'(x) = scale for x > 0, c * e^x for x < 0;
 * at 0: scale in keras3 and tf_keras2 (TensorFlow's SeluGrad), c elsewhere. f(-0.0) = +0.0 in
 * pytorch and onnx, -0.0 elsewhere.
 *
 * <p>Method (Ziv). The coefficient c is held as a double-double cHi + cLo: the stored constant
 * (cLo = 0), or the product scale * alpha (cLo from {@link Math#fma}). Fast path, branch-free: e^m - 1 (resp. e^m) for m = min(x, 0) as hi +
 * lo from {@link FastExpDoubleDouble} (relative error below 2^-67, resp. 2^-77), times c as p +
 * pl (p = cHi hi, pl = its fma residual + cHi lo + cLo hi; roundings below 2^-104): relative
 * error below {@link #FAST_BOUND} = 2^-66; scale * x for x > 0 chosen by the sign bit. It
 * stands when {@link ZivRounding#forDtype} proves it rounds like the exact value; otherwise
 * (about 2^-12 of the negative float64 inputs, 2^-25 narrow, and x = +-0, x < -680, NaN,
 * -Infinity) the accurate path: e^x - 1 and e^x from {@link ExpDoubleDouble} (relative error
 * below 2^-60) times c, rounded once ({@link DoubleRounding#finish}: nearest for float64, to odd
 * for the narrower dtypes).
 */
public final class Selu extends RoundingFunction {

  /** Relative error bound of the fast path (2^-67 + 2^-104, with spare). */
  static final double FAST_BOUND = 0x1p-66;

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    final double alpha = p.real("alpha").doubleValue();
    final double scale = p.real("scale").doubleValue();
    if (!(alpha > 0) || !(scale > 0)) {
      throw new IllegalArgumentException("selu parameters 'alpha' and 'scale' must be > 0");
    }
    final String d = p.dialect();
    double cHi = p.constant("scale_alpha").map(BigDecimal::doubleValue).orElse(scale * alpha);
    double cLo = p.constant("scale_alpha").isPresent() ? 0 : Math.fma(scale, alpha, -cHi);
    return new SeluKernel(scale, cHi, cLo, d.equals("pytorch") || d.equals("onnx"),
        d.equals("keras3") || d.equals("tf_keras2"), rounding);
  }

  private static final class SeluKernel extends NegativeArmKernel {
    private final double scale;
    private final double cHi;
    private final double cLo;
    private final boolean plusZero;
    private final boolean zeroIsLinear;

    SeluKernel(double scale, double cHi, double cLo, boolean plusZero, boolean zeroIsLinear,
        FinalRounding rounding) {
      super(rounding);
      this.scale = scale;
      this.cHi = cHi;
      this.cLo = cLo;
      this.plusZero = plusZero;
      this.zeroIsLinear = zeroIsLinear;
    }

    @Override
    public double linear(double x) {
      return scale * x;
    }

    /** The fast path of the class comment, or NaN when undecided (lo: scratch of length >= 1). */
    @Override
    public double fastValue(double x, double[] lo) {
      double mh = FastExpDoubleDouble.expm1(Math.min(x, 0.0), lo, 0);
      double p = cHi * mh;
      return fastFinish(x, p, Math.fma(cHi, mh, -p) + (cHi * lo[0] + cLo * mh));
    }

    @Override
    public void fastParts(Scratch s, int m) {
      double cHi = this.cHi;
      double cLo = this.cLo;
      for (int i = 0; i < m; i++) {
        s.u[i] = Math.min(s.x[i], 0.0);
      }
      s.exp.expm1(s.u, s.hi, s.lo, m);
      for (int i = 0; i < m; i++) {
        double mh = s.hi[i];
        double p = cHi * mh;
        s.p[i] = p;
        s.pl[i] = Math.fma(cHi, mh, -p) + (cHi * s.lo[i] + cLo * mh);
      }
    }

    @Override
    public double fastFinish(double x, double p, double pl) {
      double neg = ZivRounding.forDtype(p, pl, FAST_BOUND, rounding);
      // x > 0: scale x (one rounding, as the accurate path); +0.0 and NaN: undecided.
      return (x > 0) | (neg == neg) ? SignSelect.bySignBit(x, neg, scale * x) : Double.NaN;
    }

    /** f'(x): scale for x > 0, c e^x below, or NaN when undecided (x = 0 always is). */
    @Override
    public double fastDerivative(double x, double[] lo) {
      double eh = FastExpDoubleDouble.exp(Math.min(x, 0.0), lo, 0);
      double p = cHi * eh;
      double pl = Math.fma(cHi, eh, -p) + (cHi * lo[0] + cLo * eh);
      double neg = ZivRounding.forDtype(p, pl, FAST_BOUND, rounding);
      return (x > 0) | (neg == neg & x != 0) ? SignSelect.bySignBit(x, neg, scale) : Double.NaN;
    }

    @Override
    public double accurateValue(double x) {
      if (x > 0 || x != x) {
        return scale * x;
      }
      if (x == 0) {
        return plusZero ? 0.0 : x;
      }
      return ExpDoubleDouble.timesExpm1(cHi, cLo, x, rounding);
    }

    @Override
    public double accurateDerivative(double x) {
      if (x > 0 || (x == 0 && zeroIsLinear)) {
        return scale;
      }
      if (x != x) {
        return x;
      }
      return ExpDoubleDouble.timesExp(cHi, cLo, x, rounding);
    }
  }
}
