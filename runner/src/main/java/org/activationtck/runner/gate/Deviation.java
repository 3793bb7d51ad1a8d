package org.activationtck.runner.gate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Check;
import org.activationtck.runner.FailureKind;

/**
 * One entry of a {@link DeviationList}: a way in which an implementation is known to differ from
 * the catalog, as precise as its author cares to make it. The <em>scope</em> (function, dialects,
 * dtype, value or derivative, and optionally a rule id, the explicit parameters and a set of
 * inputs) says which checks the entry is about; the <em>failure</em> it admits is any failure in
 * scope, or only those of one kind, or only ulp errors up to a ceiling.
 *
 * @param function catalog id
 * @param dialects the dialects in scope; empty for every dialect ({@code "*"})
 * @param dtype the dtype in scope; {@code null} for every dtype ({@code "*"})
 * @param derivative whether the entry is about the derivative
 * @param kind the kind of failure admitted; {@code null} for any kind
 * @param rule a rule id the check's case must exercise; {@code null} for any
 * @param params the explicit parameters the call must have had, exactly (an empty map means the
 *     dialect's defaults); {@code null} for any parameters
 * @param inputs the inputs in scope; {@code null} for every input
 * @param maxUlps the largest ulp error admitted (only {@link FailureKind#ULPS} failures are then
 *     admitted); NaN for no ceiling
 * @param reason why the implementation deviates, for people
 * @param link where the deviation is discussed; may be {@code null}
 * @param line the line of the entry in its file, for messages; 0 when not from a file
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Deviation(String function, List<String> dialects, Dtype dtype, boolean derivative,
    FailureKind kind, String rule, Map<String, String> params, InputSet inputs, double maxUlps,
    String reason, String link, int line) {

  public Deviation {
    Objects.requireNonNull(function, "function");
    dialects = List.copyOf(dialects);
    params = params == null ? null : Map.copyOf(params);
    Objects.requireNonNull(reason, "reason");
    if (!Double.isNaN(maxUlps) && kind != null && kind != FailureKind.ULPS) {
      throw new IllegalArgumentException("a ceiling in ulps admits only failures of kind ulps, not "
          + kind.id());
    }
  }

  /** Whether the check is one this entry is about, whatever its outcome. */
  public boolean inScope(Check c) {
    return c.function().equals(function)
        && (dialects.isEmpty() || dialects.contains(c.dialect()))
        && (dtype == null || dtype == c.dtype())
        && c.derivative() == derivative
        && (rule == null || c.rules().contains(rule))
        && (params == null || sameParams(params, c.params()))
        && (inputs == null || inputs.contains(c.x(), c.dtype()));
  }

  /** Whether this entry admits the check's failure: a failed check in scope of the right kind and size. */
  public boolean admits(Check c) {
    if (c.status() != Check.Status.FAILED || !inScope(c)) {
      return false;
    }
    if (!Double.isNaN(maxUlps)) {
      return c.kind() == FailureKind.ULPS && c.verdict().ulps() <= maxUlps;
    }
    return kind == null || kind == c.kind();
  }

  /** {@code sigmoid' float32 [keras3]} and so on, for messages. */
  public String label() {
    return function + (derivative ? "'" : "") + " " + (dtype == null ? "*" : dtype.id()) + " "
        + (dialects.isEmpty() ? "[*]" : dialects.toString())
        + (kind == null ? "" : " " + kind.id())
        + (Double.isNaN(maxUlps) ? "" : " <= " + DeviationListWriter.ulps(maxUlps) + " ulp")
        + (line > 0 ? " (line " + line + ")" : "");
  }

  /**
   * Parameters compare by name and value: numbers by their value ({@code 5} and {@code 5.0}
   * agree), anything else as text.
   */
  static boolean sameParams(Map<String, String> want, Map<String, String> got) {
    if (!want.keySet().equals(got.keySet())) {
      return false;
    }
    for (Map.Entry<String, String> e : want.entrySet()) {
      if (!sameValue(e.getValue(), got.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
