package org.activationtck.runner.gate;

import java.util.List;
import java.util.Map;
import org.activationtck.spi.API;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;
import org.activationtck.runner.RunResult.Outcome;

/**
 * A run as a {@link Gate} judged it.
 *
 * @param run the run
 * @param gate the gate
 * @param admitted each entry of the list with the failed checks it admitted, in file order
 * @param unexpected failed checks no entry admits: these fail the run
 * @param fixed entries whose scope the run exercised without any failure they admit
 * @param notExercised entries whose scope the run did not reach (not run, or not implemented)
 * @param unmet requirements nothing was checked of
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateResult(RunResult run, Gate gate, Map<Deviation, List<Check>> admitted,
    List<Check> unexpected, List<Deviation> fixed, List<Deviation> notExercised,
    List<Requirement> unmet) {

  /** The number of failed checks an entry admitted. */
  public long admittedChecks() {
    return admitted.values().stream().mapToLong(List::size).sum();
  }

  /** The entries that admitted at least one failure. */
  public List<Deviation> occurring() {
    return admitted.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
        .toList();
  }

  /**
   * What the gate says: {@code FAILED} for an unexpected failure, or a fixed entry under
   * {@code strict}; {@code NOT_CHECKED} when nothing was answered, a function asked for by name
   * was not, or a requirement is unmet; {@code KNOWN_DEVIATIONS} when failures occurred and all
   * are listed; else {@code CONFORMS}.
   */
  public Outcome outcome() {
    if (!unexpected.isEmpty() || (gate.strict() && !fixed.isEmpty())) {
      return Outcome.FAILED;
    }
    if (run.passed() + run.failed() == 0 || !run.unchecked().isEmpty() || !unmet.isEmpty()) {
      return Outcome.NOT_CHECKED;
    }
    return run.failed() > 0 ? Outcome.KNOWN_DEVIATIONS : Outcome.CONFORMS;
  }
}
