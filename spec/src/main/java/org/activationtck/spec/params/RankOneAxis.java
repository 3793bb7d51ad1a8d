package org.activationtck.spec.params;

import org.activationtck.spi.API;

/**
 * The TCK's rule for the {@code axis} parameter of axis functions (softmax, glu, ...): every
 * call the TCK makes, and every fixture case, holds one vector (rank 1), so the only axes that
 * name a dimension of it are {@code -1} and {@code 0}. The fixture validation and the oracle
 * both apply this rule, with this message.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RankOneAxis {

  private RankOneAxis() {}

  /**
   * Checks the resolved parameters of an axis function; parameters without an {@code axis} pass.
   *
   * @param function the catalog id, for the message
   * @param p the resolved parameters
   * @throws IllegalArgumentException naming the function, the parameter and the value, when the
   *     axis is neither -1 nor 0
   */
  public static void check(String function, Params p) {
    if (p.has("axis") && p.integer("axis") != -1 && p.integer("axis") != 0) {
      throw new IllegalArgumentException(function + " parameter 'axis': " + p.integer("axis")
          + " is out of range for one vector (rank 1): expected -1 or 0");
    }
  }
}
