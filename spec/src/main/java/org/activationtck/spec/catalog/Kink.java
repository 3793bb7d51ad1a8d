package org.activationtck.spec.catalog;

import java.util.Map;
import org.activationtck.spi.API;

/**
 * A point where the function is not differentiable (or switches formula), and the value each
 * dialect's gradient takes there.
 *
 * @param at where, in terms of x and the parameters, e.g. {@code "x = threshold"}
 * @param derivative the derivative value per dialect id at that point, as a decimal or expression
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Kink(String at, Map<String, String> derivative) {
  public Kink {
    derivative = derivative == null ? Map.of() : Map.copyOf(derivative);
  }
}
