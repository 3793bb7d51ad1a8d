package org.activationtck.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One request to an {@link Activation}: which catalog function, in which dialect, with which
 * explicitly given parameters, on which dtype, and whether the value or the derivative d/dx is
 * wanted.
 *
 * @param function catalog id, e.g. {@code gelu}; never {@code null}
 * @param dialect dialect id, e.g. {@code keras3}; never {@code null}
 * @param params parameters given explicitly, by catalog name; values are {@link java.math.BigDecimal}
 *     exact decimals as strings, booleans or strings. Omitted parameters take the dialect's default.
 *     Never {@code null}, unmodifiable
 * @param dtype the input and output format; never {@code null}
 * @param derivative {@code true} for d/dx (elementwise functions only)
 * @param axis for axis functions, the axis of the vector in the input's shape; the TCK always
 *     sends one vector, so this is {@code -1}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Call(
    String function,
    String dialect,
    Map<String, String> params,
    Dtype dtype,
    boolean derivative,
    int axis) {

  public Call {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(dialect, "dialect");
    params = Map.copyOf(Objects.requireNonNull(params, "params"));
    Objects.requireNonNull(dtype, "dtype");
  }
}
