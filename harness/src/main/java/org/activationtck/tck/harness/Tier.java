package org.activationtck.tck.harness;

import java.util.Locale;
import org.activationtck.spi.API;

/**
 * Tolerance tiers. {@link #STRICT}: exact for piecewise-linear functions, within 1 ulp in float64
 * and correctly rounded in the narrow formats for the others; subnormal results must be
 * delivered. {@link #LENIENT}: the budgets real kernels achieve, and subnormal results may be
 * flushed to zero.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Tier {
  STRICT, LENIENT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the token */
  public static Tier fromId(String s) {
    for (Tier t : values()) {
      if (t.id().equals(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown tier '" + s + "' (expected strict or lenient)");
  }
}
