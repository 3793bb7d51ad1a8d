package org.activationtck.tck.matrix;

import org.activationtck.spi.API;

/** Where a row of the matrix conforms. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Conformance {
  /** Nothing failed in the strict tier (signed zero strict). */
  STRICT("strict"),
  /** Failures in the strict tier, none in the lenient tier (signed zero lenient). */
  LENIENT("lenient"),
  /** Failures in both tiers. */
  NO("no"),
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
}
