package org.activationtck.cli.matrix;

import org.activationtck.spi.API;

/**
 * The strictest tier a row of the matrix meets ({@link RowTier} decides it from the row's
 * measurements and the budgets of {@code tolerances.json}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Conformance {
  /** Nothing failed in the strict tier (signed zero strict). */
  STRICT("strict"),
  /** Failures in the strict tier, all within the libm budget (subnormals delivered, signed zero strict). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  LIBM("libm"),
  /** Beyond libm, nothing failed in the framework tier (flush to zero allowed, signed zero lenient). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  FRAMEWORK("framework"),
  /** Failures in the framework tier too. */
  NO("no"),
  /**
   * Beyond libm, and the stored figures cannot tell framework from no: they were measured with
   * another framework budget than today's, and the row's largest error may be a subnormal result
   * flushed to zero, which the framework tier forgives. Only a matrix re-rendered from figures
   * older than the tiers has such rows; the next {@code ./tck matrix} settles them.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  UNSETTLED("unsettled"),
  /** Nothing was answered: every check is not implemented. */
  NOT_IMPLEMENTED("not implemented");

  private final String label;

  Conformance(String label) {
    this.label = label;
  }

  /** The word printed in the matrix. */
  public String label() {
    return label;
  }

  /** The value with this label. @throws IllegalArgumentException naming it */
  public static Conformance fromLabel(String label) {
    for (Conformance c : values()) {
      if (c.label.equals(label)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown conformance '" + label + "'");
  }
}
