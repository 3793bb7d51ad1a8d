package org.activationtck.spec;

/**
 * The service-provider interface an implementation under test offers to the TCK.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/org.activationtck.spec.Activation}) or named by class; they need a public
 * no-argument constructor. The TCK asks {@link #supports} first and reports every call answered
 * {@code false} as <em>not implemented</em>, never as passed or failed.
 *
 * <p>Contract for every {@code apply*} method: the input array is read, never modified; the
 * returned array is new, of the same length (twice the length for {@code crelu}); NaN, ±Infinity
 * and ±0.0 are ordinary inputs; values of the narrow formats travel as {@code double}s that are
 * exactly representable in the call's dtype, and results must be so too (the TCK rounds nothing
 * on the implementation's behalf). For axis functions the array is one vector along the axis.
 * Implementations may be called from one thread at a time only, unless they say otherwise.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Activation {

  /** A short name for reports, e.g. {@code "reference"} or {@code "numpy 2.1"}. */
  String name();

  /**
   * Whether this implementation computes the call's function, in its dialect and dtype, and the
   * derivative when the call asks for it. Parameters are not part of the question.
   */
  boolean supports(String function, String dialect, Dtype dtype, boolean derivative);

  /**
   * Evaluates the call on float64 or float32 inputs (carried as doubles for float32, float16 and
   * bfloat16 alike).
   *
   * @throws UnsupportedOperationException when the parameter values are outside what it supports;
   *     reported as not implemented
   * @throws IllegalArgumentException for inputs the function rejects (e.g. glu on odd length)
   */
  double[] apply(Call call, double[] x);
}
