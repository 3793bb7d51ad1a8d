package org.activationtck.spi;

/**
 * The service-provider interface an implementation under test offers to the TCK.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/org.activationtck.spi.Activation}) or named by class; they need a public
 * no-argument constructor. The TCK asks {@link #supports} first and reports every call answered
 * {@code false} as <em>not implemented</em>, never as passed or failed.
 *
 * <p>The TCK calls the method of the call's dtype: {@link #apply} for float64,
 * {@link #applyFloat32} for float32, {@link #applyBits16} for float16 and bfloat16 (IEEE bit
 * patterns). Only {@link #apply} must be written: the others default to it, carrying narrow values
 * as the doubles they denote (and {@link #apply} must then return values of the call's dtype);
 * override them to compute natively in the narrow format.
 *
 * <p>Contract for every {@code apply*} method: the input array is read, never modified; the
 * returned array is new, of the output length (the input's, half for {@code glu}, twice for
 * {@code crelu}); NaN, ±Infinity and ±0.0 are ordinary inputs; results must be values of the
 * call's dtype (the TCK rounds nothing on the implementation's behalf). For axis functions the
 * array is one vector along the axis. Parameter values an implementation does not support (an
 * approximate variant, say) are declined by throwing {@link UnsupportedOperationException}, which
 * the TCK reports as not implemented.
 * Implementations may be called from one thread at a time only, unless they say otherwise.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Activation {

  /** A short name for reports, e.g. {@code "reference"} or {@code "numpy"}. */
  String name();

  /**
   * The version of the library under test, for reports, e.g. {@code "2.4.6"}; empty (the
   * default) when not known.
   */
  default String version() {
    return "";
  }

  /**
   * The dialects whose semantics this implementation has, by catalog id (e.g.
   * {@code Set.of("pytorch")}): a library has one set of semantics, and declaring it makes the
   * TCK check that dialect only, and say so in its reports. Empty (the default) declares nothing:
   * every dialect is checked, and {@link #supports} alone says what is implemented. An id the
   * catalog does not know is bad input to the run.
   */
  default java.util.Set<String> dialects() {
    return java.util.Set.of();
  }

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

  /**
   * Evaluates a float32 call. The default widens to double, calls {@link #apply} and returns its
   * results as floats, which must be float32 values: {@link #apply} rounds to float32 itself (a
   * double computed for a float32 call and not rounded is a wrong result, and the TCK fails it
   * as "not a float32 value"; it calls {@link #apply} directly where this method is not
   * overridden, to judge each element on its own).
   *
   * @throws IllegalArgumentException naming the first result that is not a float32 value
   */
  default float[] applyFloat32(Call call, float[] x) {
    double[] wide = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      wide[i] = x[i];
    }
    double[] y = apply(call, wide);
    if (y == null) {
      return null;
    }
    float[] out = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = (float) y[i];
      if (out[i] != y[i] && !Double.isNaN(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a float32 value");
      }
    }
    return out;
  }

  /**
   * Evaluates a float16 or bfloat16 call on IEEE bit patterns. The default decodes to double,
   * calls {@link #apply} and encodes the results, which must be values of the dtype (the TCK
   * calls {@link #apply} directly where this method is not overridden, to judge each element on
   * its own).
   *
   * @throws IllegalArgumentException when a result is not a value of the dtype
   */
  default short[] applyBits16(Call call, short[] bits) {
    double[] wide = new double[bits.length];
    for (int i = 0; i < bits.length; i++) {
      wide[i] = Bits16.decode(bits[i], call.dtype());
    }
    double[] y = apply(call, wide);
    if (y == null) {
      return null;
    }
    short[] out = new short[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = Bits16.encode(y[i], call.dtype());
    }
    return out;
  }
}
