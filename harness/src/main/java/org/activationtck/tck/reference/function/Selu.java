package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleRounding;
import org.activationtck.tck.reference.internal.ExpDoubleDouble;

/**
 * selu: scale * x for x > 0 (one rounding of the exact product), scale * alpha * expm1(x) for
 * x <= 0. The coefficient scale * alpha is held as a double-double (hi + lo, lo from
 * {@link Math#fma}), e^x - 1 and e^x are double-doubles ({@link ExpDoubleDouble}, relative error
 * below 2^-60), and the product is rounded once ({@link DoubleRounding#finish}: nearest for
 * float64, to odd for the narrower dtypes). f'(x) = scale for x > 0, scale * alpha * e^x for
 * x < 0; at 0: scale in keras3 and
 * tf_keras2 (TensorFlow's SeluGrad), scale * alpha elsewhere. f(-0.0) = +0.0 in pytorch and
 * onnx, -0.0 elsewhere.
 */
public final class Selu extends RoundingFunction {

  @Override
  Kernel bind(Params p, boolean toOdd) {
    final double alpha = p.real("alpha").doubleValue();
    final double scale = p.real("scale").doubleValue();
    if (!(alpha > 0) || !(scale > 0)) {
      throw new IllegalArgumentException("selu parameters 'alpha' and 'scale' must be > 0");
    }
    final double cHi = scale * alpha;
    final double cLo = Math.fma(scale, alpha, -cHi);
    final String d = p.dialect();
    final boolean plusZero = d.equals("pytorch") || d.equals("onnx");
    final boolean zeroIsLinear = d.equals("keras3") || d.equals("tf_keras2");
    return new Kernel() {
      @Override
      public double value(double x) {
        if (x > 0 || x != x) {
          return scale * x;
        }
        if (x == 0) {
          return plusZero ? 0.0 : x;
        }
        return ExpDoubleDouble.timesExpm1(cHi, cLo, x, toOdd);
      }

      @Override
      public double derivative(double x) {
        if (x > 0 || (x == 0 && zeroIsLinear)) {
          return scale;
        }
        if (x != x) {
          return x;
        }
        return ExpDoubleDouble.timesExp(cHi, cLo, x, toOdd);
      }
    };
  }
}
