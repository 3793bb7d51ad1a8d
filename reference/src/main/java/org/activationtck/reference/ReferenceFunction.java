package org.activationtck.reference;

import org.activationtck.spec.params.Params;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The fast double-precision reference implementation of one elementwise catalog function.
 *
 * <p>Implementations live in {@code org.activationtck.reference.function}, one public final
 * class per function named after its catalog id in upper camel case ({@code hard_silu} →
 * {@code HardSilu}), with a public no-argument constructor, found by {@link ReferenceRegistry}.
 *
 * <p>Accuracy contract (the strict tier), for a kernel from {@link #bind(Params, Dtype)} with
 * dtype t: {@link Kernel#value} and {@link Kernel#derivative} return a double r such that
 * <ul>
 *   <li>t = float64: r is within 1 ulp of the exact value, and correctly rounded (the nearest
 *       double) wherever practical;
 *   <li>t narrower (float32, float16, bfloat16): r rounded once to t (nearest-even, as
 *       {@code ReferenceActivation} does) is the correctly rounded value in t, and r itself stays
 *       within 2^-48 relative of the exact value (1 ulp on the double-double paths). The usual
 *       way to get this from a double-double result is rounding to odd, which prevents a double
 *       that lands on a midpoint of t while the exact value does not; a plain double result with
 *       an error bound may serve where {@code NarrowShortcut} proves it rounds the same way. That
 *       is why the narrow kernels may differ from the float64 one.
 * </ul>
 * {@link #bind(Params)} alone returns a kernel whose results are safe to round to every dtype and
 * within 1 ulp in float64, but not necessarily the nearest double (functions with a 0-ulp float64
 * budget, such as the rational hard_sigmoid, need {@code bind(p, Dtype.FLOAT64)} for that).
 * Special values (NaN, ±Infinity, the sign of zero) follow the catalog exactly, for every dtype,
 * with one exception: an implementation need not give f'(NaN) the catalog's per-dialect value
 * ({@code derivativeAtNan}), because {@link ReferenceRegistry} wraps it in a
 * {@link NanDerivativeFunction} that does; a kernel bound directly, not through the registry,
 * may return NaN there.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ReferenceFunction {

  /**
   * Binds resolved parameters (reals and stored constants as the dialect holds them, rule
   * params.compute_format) once per array; the kernel then evaluates elements. The fast paths
   * are allocation-free (the array forms take one scratch block per call); the accurate
   * fallbacks of sigmoid, tanh, silu, gelu, tanh_shrink and their derivatives, taken for the few
   * elements a rounding test cannot decide and in far tails, still keep double-double
   * temporaries as objects (a known cost, not a contract).
   *
   * @throws IllegalArgumentException for parameter values outside the function's domain
   */
  Kernel bind(Params p);

  /**
   * Binds parameters for results that will be rounded to dtype t (see the class comment); the
   * kernel carries no other state. The default ignores t, which is right for every function
   * whose double result is exact or never needs a sticky bit for the narrower roundings (the
   * piecewise linear ones, for instance).
   *
   * @param t the dtype the caller rounds the results to; never {@code null}
   * @throws IllegalArgumentException for parameter values outside the function's domain
   */
  default Kernel bind(Params p, Dtype t) {
    return bind(p);
  }

  /** A parameter-bound evaluator; stateless and thread-safe. */
  interface Kernel {
    /** f(x). */
    double value(double x);

    /** f'(x), the dialect's value at kinks. */
    double derivative(double x);

    /**
     * y[i] = value(x[i]) for every i, bit for bit. The array form exists for speed: a kernel
     * may override it with a loop the JIT can vectorize or that avoids per-element branches,
     * never with different results ({@code ArrayKernelConsistencyTest} holds every kernel to it).
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    default void values(double[] x, double[] y) {
      requireSameLength(x.length, y.length);
      for (int i = 0; i < x.length; i++) {
        y[i] = value(x[i]);
      }
    }

    /** y[i] = derivative(x[i]) for every i, bit for bit (see {@link #values(double[], double[])}). */
    default void derivatives(double[] x, double[] y) {
      requireSameLength(x.length, y.length);
      for (int i = 0; i < x.length; i++) {
        y[i] = derivative(x[i]);
      }
    }

    /**
     * y[i] = (float) value(x[i]) for every i, bit for bit: the float32 results of a kernel bound
     * for {@link Dtype#FLOAT32} (see {@link #values(double[], double[])}).
     */
    default void values(float[] x, float[] y) {
      requireSameLength(x.length, y.length);
      for (int i = 0; i < x.length; i++) {
        y[i] = (float) value(x[i]);
      }
    }

    /** y[i] = (float) derivative(x[i]) for every i, bit for bit. */
    default void derivatives(float[] x, float[] y) {
      requireSameLength(x.length, y.length);
      for (int i = 0; i < x.length; i++) {
        y[i] = (float) derivative(x[i]);
      }
    }

    /**
     * The argument check of the array forms, for kernels that override them.
     *
     * @throws IllegalArgumentException if the input and output lengths differ
     */
    static void requireSameLength(int in, int out) {
      if (in != out) {
        throw new IllegalArgumentException(
            "input and output arrays differ in length: " + in + " and " + out);
      }
    }
  }
}
