package org.activationtck.bench;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The textbook formula of each elementwise function at the default parameters of the dialect the
 * benchmark uses, written the way a first implementation would be: plain java.lang.Math in
 * double, no care for cancellation, overflow or rounding. The yardstick of the reference's speed,
 * not of its accuracy (several of these are far from correctly rounded in the tails).
 */
final class NaiveFormula {

  /** A function to benchmark: the dialect whose defaults both sides use, and its naive formula. */
  record Entry(String dialect, DoubleUnaryOperator formula) {}

  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

  static final Map<String, Entry> ELEMENTWISE = Map.ofEntries(
      Map.entry("arctan", new Entry("keras3", Math::atan)),
      Map.entry("celu", new Entry("keras3", x -> x > 0 ? x : Math.exp(x) - 1)),
      Map.entry("elu", new Entry("keras3", x -> x > 0 ? x : Math.exp(x) - 1)),
      Map.entry("exponential", new Entry("keras3", Math::exp)),
      // java.lang.Math has no erf: gelu is benchmarked in jax's default, the tanh form.
      Map.entry("gelu", new Entry("jax", x -> 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x))))),
      Map.entry("hard_shrink", new Entry("keras3", x -> Math.abs(x) > 0.5 ? x : 0)),
      Map.entry("hard_sigmoid", new Entry("keras3", x -> Math.min(Math.max(x + 3, 0), 6) / 6)),
      Map.entry("hard_silu", new Entry("keras3", x -> x * Math.min(Math.max(x + 3, 0), 6) / 6)),
      Map.entry("hard_tanh", new Entry("keras3", x -> Math.min(Math.max(x, -1), 1))),
      Map.entry("leaky_relu", new Entry("keras3", x -> x >= 0 ? x : 0.2 * x)),
      Map.entry("linear", new Entry("keras3", x -> x)),
      Map.entry("log_sigmoid", new Entry("keras3", x -> Math.log(1 / (1 + Math.exp(-x))))),
      Map.entry("mish", new Entry("keras3", x -> x * Math.tanh(Math.log(1 + Math.exp(x))))),
      Map.entry("prelu", new Entry("pytorch", x -> x >= 0 ? x : 0.25 * x)),
      Map.entry("relu", new Entry("keras3", x -> Math.max(x, 0))),
      Map.entry("relu6", new Entry("keras3", x -> Math.min(Math.max(x, 0), 6))),
      Map.entry("rrelu", new Entry("pytorch", x -> x >= 0 ? x : x * ((0.125 + 1.0 / 3) / 2))),
      Map.entry("selu", new Entry("keras3", x -> 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1)))),
      Map.entry("sigmoid", new Entry("keras3", x -> 1 / (1 + Math.exp(-x)))),
      Map.entry("silu", new Entry("keras3", x -> x / (1 + Math.exp(-x)))),
      Map.entry("soft_exponential", new Entry("keras3", x -> x)), // alpha = 0: the identity
      Map.entry("soft_shrink", new Entry("keras3", x -> x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0)),
      Map.entry("softplus", new Entry("keras3", x -> Math.log(1 + Math.exp(x)))),
      Map.entry("softsign", new Entry("keras3", x -> x / (1 + Math.abs(x)))),
      Map.entry("sparse_plus", new Entry("keras3", x -> x <= -1 ? 0 : x >= 1 ? x : (x + 1) * (x + 1) / 4)),
      Map.entry("sparse_sigmoid", new Entry("keras3", x -> x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2)),
      Map.entry("squareplus", new Entry("keras3", x -> (x + Math.sqrt(x * x + 4)) / 2)),
      Map.entry("tanh", new Entry("keras3", Math::tanh)),
      Map.entry("tanh_shrink", new Entry("keras3", x -> x - Math.tanh(x))),
      Map.entry("threshold", new Entry("keras3", x -> x > 0.1 ? x : 20)),
      Map.entry("thresholded_relu", new Entry("tf_keras2", x -> x > 1 ? x : 0)));

  private NaiveFormula() {}
}
