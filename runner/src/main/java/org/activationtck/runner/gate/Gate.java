package org.activationtck.runner.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.spi.API;
import org.activationtck.runner.Check;
import org.activationtck.runner.RunResult;

/**
 * What a CI pipeline gates on, besides "nothing failed": the implementation's known deviations,
 * whether an entry that no longer matches anything fails the run ({@code strict}), and what must
 * have been checked. With no list and no requirements, the gate is the run's own outcome.
 *
 * @param deviations the known deviations
 * @param strict whether a listed deviation that was exercised and did not occur (fixed) fails
 *     the run, so that the list shrinks as the implementation improves
 * @param requirements what must have been checked
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Gate(DeviationList deviations, boolean strict, List<Requirement> requirements) {

  public Gate {
    requirements = List.copyOf(requirements);
  }

  /** No deviations, nothing required: the run's own outcome. */
  public static Gate none() {
    return new Gate(DeviationList.empty(), false, List.of());
  }

  /** Whether anything beyond the run's own outcome is asked for. */
  public boolean active() {
    return !deviations.entries().isEmpty() || !requirements.isEmpty() || strict
        || deviations.given();
  }

  /**
   * Judges a run. Each failed check is admitted by the first entry that admits it, or is
   * unexpected. An entry that admitted nothing is <em>fixed</em> when the run answered a check in
   * its scope, else <em>not exercised</em> (its function, dtype or dialect was not run).
   */
  public GateResult apply(RunResult run) {
    List<Deviation> entries = deviations.entries();
    List<List<Check>> admitted = new ArrayList<>();
    boolean[] exercised = new boolean[entries.size()];
    Map<String, List<Integer>> byFunction = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      admitted.add(new ArrayList<>());
      byFunction.computeIfAbsent(entries.get(i).function(), k -> new ArrayList<>()).add(i);
    }
    List<Check> unexpected = new ArrayList<>();
    for (Check c : run.checks()) {
      if (c.status() == Check.Status.NOT_IMPLEMENTED) {
        continue;
      }
      boolean taken = false;
      for (int i : byFunction.getOrDefault(c.function(), List.of())) {
        Deviation d = entries.get(i);
        if (!exercised[i] && d.inScope(c)) {
          exercised[i] = true;
        }
        if (!taken && d.admits(c)) {
          admitted.get(i).add(c);
          taken = true;
        }
      }
      if (c.status() == Check.Status.FAILED && !taken) {
        unexpected.add(c);
      }
    }
    Map<Deviation, List<Check>> byEntry = new LinkedHashMap<>();
    List<Deviation> fixed = new ArrayList<>();
    List<Deviation> notExercised = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Deviation d = entries.get(i);
      byEntry.put(d, admitted.get(i));
      if (admitted.get(i).isEmpty()) {
        (exercised[i] ? fixed : notExercised).add(d);
      }
    }
    List<Requirement> unmet = new ArrayList<>();
    for (Requirement r : requirements) {
      if (!r.metBy(run.checks())) {
        unmet.add(r);
      }
    }
    return new GateResult(run, this, byEntry, unexpected, fixed, notExercised, unmet);
  }
}
