package org.activationtck.cli.exhaustive;

import java.util.Optional;
import org.activationtck.spi.API;

/**
 * The first tier of {@link Float32Truth} (Ziv's strategy): a plain double evaluation of f(x) or
 * f'(x) with a proven relative error bound, cheap enough to run at every input. Where the
 * interval it proves contains no float32 rounding boundary it decides the float32 answer; the
 * reference's double-double kernel and then the oracle take the rest.
 *
 * <p>Contract: for every x, {@link #estimate} returns NaN (no estimate here), or a normal double y
 * with |y - exact| <= {@link #relativeBound()} |y|, exact being the true value at x, or a zero
 * standing for an exact value of that sign below {@link #NEGLIGIBLE} in magnitude (zero
 * included), which rounds to that zero in float32. The bound is stated and derived in each
 * implementation's Javadoc.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface FastEstimate {

  /** Magnitudes below this (2^-200) round to zero in float32 (below half its smallest subnormal). */
  double NEGLIGIBLE = 0x1p-200;

  /** An approximation of the exact value at x within {@link #relativeBound()}, or NaN. */
  double estimate(double x);

  /** The relative bound of {@link #estimate} (relative to the estimate). */
  double relativeBound();

  /**
   * The estimate for a function, if there is one. Only functions whose plain double formula has
   * a derived bound are listed; the others take the reference's double-double at every input.
   *
   * @param function catalog id
   * @param derivative f' instead of f
   */
  static Optional<FastEstimate> lookup(String function, boolean derivative) {
    if (function.equals("sigmoid") && !derivative) {
      return Optional.of(new SigmoidEstimate());
    }
    return Optional.empty();
  }
}
