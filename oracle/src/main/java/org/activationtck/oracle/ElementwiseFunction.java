package org.activationtck.oracle;

import org.activationtck.spec.params.Params;

import org.activationtck.spi.API;

/**
 * The oracle's evaluation of one elementwise catalog function and its derivative d/dx.
 *
 * <p>Contract for both methods: {@code x} is any double (NaN, ±Infinity and ±0.0 included), taken
 * as the exact binary value it denotes; {@code p} holds the resolved parameters; the result is
 * exact, or approximate with relative error at most {@code 10^-digits} (see {@link Real}), for
 * every {@code digits} from 1 to 10,000. Implementations are stateless and thread-safe, and answer
 * in bounded time for every input (asymptotic forms, not series, far from the origin).
 *
 * <p>Implementations live in {@code org.activationtck.oracle.function}, one public final class
 * per function named after its catalog id in upper camel case ({@code hard_silu} → {@code
 * HardSilu}), with a public no-argument constructor; the {@link FunctionRegistry} finds them so.
 *
 * @throws IllegalArgumentException from either method for parameter values outside the function's
 *     domain, with a message naming the parameter
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public interface ElementwiseFunction {

  /** f(x). */
  Real value(double x, Params p, int digits);

  /**
   * f'(x) = d/dx f(x); at kinks, the value the dialect's gradient uses; at NaN, the catalog's
   * {@code derivativeAtNan} value for the dialect and parameters (NaN where it states none).
   */
  Real derivative(double x, Params p, int digits);
}
