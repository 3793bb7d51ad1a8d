package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.LeakyKernel;
import org.activationtck.spec.params.Params;

/**
 * prelu per dialect (see the oracle's Prelu): Keras relu(x) - alpha relu(-x) evaluated term by
 * term so that IEEE arithmetic produces the same signed zeros and NaN at -Inf; PyTorch
 * x > 0 ? x : w x; ONNX x >= 0 ? x : slope x. One rounding at most (the product). For alpha > 0
 * the three agree on every value ({@link LeakyKernel#leaky}: at -0.0 and -Infinity the products
 * keep the signs) and differ only in the derivative at 0, so the kernel is the branch-free
 * leaky one.
 */
public final class Prelu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double a = p.real("alpha").doubleValue();
    String dialect = p.dialect();
    if (a > 0 && a < Double.POSITIVE_INFINITY) {
      LeakyKernel.Kink kink = "pytorch".equals(dialect) ? LeakyKernel.Kink.SLOPE
          : "onnx".equals(dialect) ? LeakyKernel.Kink.ONE : LeakyKernel.Kink.ZERO;
      return new LeakyKernel(a, kink);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        switch (dialect) {
          case "pytorch":
            return x > 0 ? x : a * x;
          case "onnx":
            return x >= 0 || Double.isNaN(x) ? x : a * x;
          default:
            // For x < 0 the exact value is a * x, nonzero when a is: one rounding keeps its sign
            // even where the term-by-term form would underflow to 0 - 0 = +0.0.
            if (x < 0 && a != 0 && !Double.isInfinite(x)) {
              return a * x;
            }
            return relu(x) + (-a) * relu(-x);
        }
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        switch (dialect) {
          case "pytorch":
            return x > 0 ? 1 : a;
          case "onnx":
            return x >= 0 ? 1 : a;
          default:
            return x > 0 ? 1 : x < 0 ? a : 0;
        }
      }
    };
  }

  /** max(v, 0) keeping ±0 and NaN, as tf.nn.relu. */
  private static double relu(double v) {
    return v < 0 ? 0.0 : v;
  }
}
