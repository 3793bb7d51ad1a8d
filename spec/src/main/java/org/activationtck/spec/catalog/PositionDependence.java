package org.activationtck.spec.catalog;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.activationtck.spi.API;

/**
 * A documented case where one framework gives a different result for the same input depending
 * on where the element stands in the tensor: its vectorised loop computes full SIMD blocks with
 * one predicate and the remaining elements with a scalar one that disagrees (at NaN, for example).
 * The rule's expected value is the scalar path's, the operator's reference semantics; a result
 * equal to {@link #simd()} is the documented behaviour of that framework's SIMD blocks, which a
 * report can show as a known finding rather than as an unexplained failure.
 *
 * <p>JSON, inside a rule's {@code positionDependent} map keyed by dialect id:
 * {@code {"simd": "0", "text": "0 in SIMD blocks of 2 vectors (16 float32 / 8 float64 on AVX2),
 * 1 in the tail and in tensors shorter than one block"}}.
 *
 * @param simd the result in the SIMD blocks: {@code "NaN"} or an exact expression over decimals
 *     and the function's real parameters, as {@link NanDerivative#value()}; never {@code null}
 * @param text where each value is taken (block length per instruction set, tail, short and
 *     non-contiguous tensors) and what would make it uniform; never {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PositionDependence(String simd, String text) {

  public PositionDependence {
    Objects.requireNonNull(simd, "simd");
    Objects.requireNonNull(text, "text");
  }

  /**
   * The exact SIMD-block value at these parameter values; empty when it is NaN.
   *
   * @param param the resolved value of a parameter by canonical name ({@link BigDecimal} for a
   *     real parameter), {@code null} when absent
   * @throws IllegalArgumentException when {@link #simd()} names a parameter without a real value
   */
  public Optional<BigDecimal> simdValue(Function<String, Object> param) {
    return Optional.ofNullable(CatalogExpression.evaluate(simd, param));
  }
}
