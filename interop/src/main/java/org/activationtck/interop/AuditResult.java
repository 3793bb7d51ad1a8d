package org.activationtck.interop;

import org.activationtck.spi.Dtype;

/**
 * The audit of one test.
 *
 * @param test the test
 * @param dtype the output format
 * @param elements output elements compared
 * @param correctlyRounded elements whose expected value is the correctly rounded one ({@code +0.0}
 *     and {@code -0.0} count as equal, as the suites' comparisons do)
 * @param maxUlp the largest distance in ulps; {@link Long#MAX_VALUE} for a NaN against a number
 * @param worst where the largest distance is ({@code null} when every element is correctly rounded)
 * @param toleranceUlps per element, how many ulps of the expected value the suite's tolerance
 *     admits (finite expected values only)
 * @param simulated the format of the simulation, or {@code null} (none asked, or not narrower
 *     than the output format)
 * @param simulatedFailures elements where the simulated implementation fails the suite's tolerance
 */
public record AuditResult(GoldenTest test, Dtype dtype, int elements, int correctlyRounded,
    long maxUlp, Element worst, double[] toleranceUlps, Dtype simulated, int simulatedFailures) {

  /**
   * One output element.
   *
   * @param set the data set
   * @param index the element, row-major
   * @param x the input at that index (the first input's element)
   * @param expected the suite's expected value
   * @param correct the correctly rounded value
   */
  public record Element(int set, int index, double x, double expected, double correct) {}

  /** A skipped test. */
  static AuditResult skipped(GoldenTest t) {
    return new AuditResult(t, null, 0, 0, 0, null, new double[0], null, 0);
  }

  public boolean isSkipped() {
    return test.skipped() != null;
  }

  /** The percentage of correctly rounded elements. */
  public double percentCorrectlyRounded() {
    return elements == 0 ? 100 : 100.0 * correctlyRounded / elements;
  }
}
