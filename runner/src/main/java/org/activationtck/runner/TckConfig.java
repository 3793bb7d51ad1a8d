package org.activationtck.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * What a TCK run checks and how strictly. Built with {@link #builder()}; each option may be set
 * once and is checked when set.
 *
 * @param dialects dialects to check (empty: every dialect of every case)
 * @param dtypes dtypes to check (empty: all the fixtures have)
 * @param functions functions to check (empty: all)
 * @param tier tolerance tier
 * @param signedZeroStrict whether -0.0 and +0.0 differ
 * @param tolerances budgets with overrides
 * @param fixturesDir fixture folder, or {@code null} for the fixtures shipped in the jar
 * @param callTimeout how long one call to the implementation may take
 * @param positions whether every input is also presented at other positions and in batches of
 *     other lengths ({@code Layouts}); off, each input is checked once, in its fixture batch
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TckConfig(List<String> dialects, List<Dtype> dtypes, List<String> functions, Tier tier,
    boolean signedZeroStrict, Tolerances tolerances, Path fixturesDir, Duration callTimeout,
    boolean positions) {

  public static Builder builder() {
    return new Builder();
  }

  /** Builder; every setter may be called at most once. */
  public static final class Builder {
    private List<String> dialects;
    private List<Dtype> dtypes;
    private List<String> functions;
    private Tier tier;
    private Boolean signedZeroStrict;
    private Tolerances tolerances;
    private Path fixturesDir;
    private boolean fixturesDirSet;
    private Duration callTimeout;
    private Boolean positions;

    private static void once(Object current, String name) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set");
      }
    }

    public Builder dialects(List<String> v) {
      once(dialects, "dialects");
      v.forEach(org.activationtck.spec.catalog.Dialect::fromId);
      dialects = List.copyOf(v);
      return this;
    }

    public Builder dtypes(List<Dtype> v) {
      once(dtypes, "dtypes");
      dtypes = List.copyOf(v);
      return this;
    }

    public Builder functions(List<String> v) {
      once(functions, "functions");
      functions = List.copyOf(v);
      return this;
    }

    public Builder tier(Tier v) {
      once(tier, "tier");
      tier = Objects.requireNonNull(v);
      return this;
    }

    public Builder signedZeroStrict(boolean v) {
      once(signedZeroStrict, "signedZeroStrict");
      signedZeroStrict = v;
      return this;
    }

    public Builder tolerances(Tolerances v) {
      once(tolerances, "tolerances");
      tolerances = Objects.requireNonNull(v);
      return this;
    }

    public Builder fixturesDir(Path v) {
      if (fixturesDirSet) {
        throw new IllegalStateException("fixturesDir was already set");
      }
      fixturesDirSet = true;
      fixturesDir = v;
      return this;
    }

    public Builder callTimeout(Duration v) {
      once(callTimeout, "callTimeout");
      if (v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException("call timeout must be positive: " + v);
      }
      callTimeout = v;
      return this;
    }

    public Builder positions(boolean v) {
      once(positions, "positions");
      positions = v;
      return this;
    }

    /**
     * Defaults: every dialect, dtype and function; strict tier; strict signed zeros; 60 s calls;
     * every position.
     */
    public TckConfig build() {
      return new TckConfig(dialects == null ? List.of() : dialects, dtypes == null ? List.of() : dtypes,
          functions == null ? List.of() : functions, tier == null ? Tier.STRICT : tier,
          signedZeroStrict == null || signedZeroStrict,
          tolerances == null ? Tolerances.standard() : tolerances, fixturesDir,
          callTimeout == null ? Duration.ofSeconds(60) : callTimeout, positions == null || positions);
    }
  }
}
