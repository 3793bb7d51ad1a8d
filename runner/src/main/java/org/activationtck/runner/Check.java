package org.activationtck.runner;

import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The outcome of one output element of one fixture case for one dialect.
 *
 * @param caseId the fixture case id
 * @param function catalog id
 * @param dialect dialect the call used
 * @param dtype the call's dtype
 * @param derivative whether d/dx was checked
 * @param x the input element (elementwise) or the first element of the vector (axis), for plots
 * @param input printable input: hex and decimal, or the vector
 * @param expected the correctly rounded value, as a decimal
 * @param actual what the implementation returned ({@code null} when it did not answer)
 * @param status pass, fail or not implemented
 * @param verdict the judgement ({@code null} when not implemented; a failure of kind
 *     {@link FailureKind#NO_RESULT} when the call gave no result)
 * @param reason why it failed ({@code null} when it passed)
 * @param rules the catalog rule ids the case exercises
 * @param params the parameters the call gave explicitly, by catalog name (as in {@code Call})
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public record Check(String caseId, String function, String dialect, Dtype dtype, boolean derivative,
    double x, String input, String expected, String actual, Status status, Verdict verdict,
    String reason, java.util.List<String> rules, java.util.Map<String, String> params) {

  /** The three outcomes; not implemented is never counted as passed or failed. */
  public enum Status { PASSED, FAILED, NOT_IMPLEMENTED }

  /** The kind of a failed check, {@code null} for one that passed or was not implemented. */
  public FailureKind kind() {
    return status == Status.FAILED && verdict != null ? verdict.kind() : null;
  }

  /**
   * A failed check on one line, for messages: {@code x = INPUT: expected E, got A: KIND: REASON
   * (rules ...; case ...)}. The caller says which function, dtype and dialect it is about.
   */
  public String failureLine() {
    return "x = " + input + ": expected " + expected + ", got " + actual + ": "
        + kind().description() + ": " + reason + " (rules " + String.join(", ", rules) + "; case "
        + caseId + ")";
  }

  /** Whether this check measured an error in ulps (it passed, or failed by ulps). */
  public boolean measured() {
    return verdict != null && verdict.measured();
  }
}
