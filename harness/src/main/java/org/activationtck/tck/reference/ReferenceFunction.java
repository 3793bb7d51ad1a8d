package org.activationtck.tck.reference;

import org.activationtck.oracle.Params;
import org.activationtck.spec.API;

/**
 * The fast double-precision reference implementation of one elementwise catalog function.
 *
 * <p>Implementations live in {@code org.activationtck.tck.reference.function}, one public final
 * class per function named after its catalog id in upper camel case ({@code hard_silu} →
 * {@code HardSilu}), with a public no-argument constructor, found by {@link ReferenceRegistry}.
 *
 * <p>Accuracy contract (the strict tier): {@link Kernel#value} and {@link Kernel#derivative}
 * return results within 1 ulp of the exact value in float64 (correctly rounded wherever
 * practical); float32 results are the float64 result rounded once to float32, which must be the
 * correctly rounded float32 value. Special values (NaN, ±Infinity, the sign of zero) follow the
 * catalog exactly.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ReferenceFunction {

  /**
   * Binds resolved parameters (reals already rounded to the compute format) once per array; the
   * kernel then evaluates elements without allocating.
   *
   * @throws IllegalArgumentException for parameter values outside the function's domain
   */
  Kernel bind(Params p);

  /** A parameter-bound evaluator; stateless and thread-safe. */
  interface Kernel {
    /** f(x). */
    double value(double x);

    /** f'(x), the dialect's value at kinks. */
    double derivative(double x);
  }
}
