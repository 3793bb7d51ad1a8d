package org.activationtck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.activationtck.cli.exhaustive.BitRange;
import org.activationtck.cli.exhaustive.HardCaseCollector;
import org.activationtck.cli.exhaustive.ShardFiles;
import org.activationtck.cli.exhaustive.ShardResult;
import org.activationtck.cli.exhaustive.SweepReport;
import org.activationtck.fixtures.FixtureCase;
import org.activationtck.fixtures.FixtureFile;
import org.activationtck.fixtures.Fixtures;
import org.activationtck.fixtures.generator.FixtureWriter;
import org.activationtck.fixtures.generator.HardCaseIndex;
import org.activationtck.fixtures.generator.HardCaseSet;
import org.activationtck.oracle.Oracle;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spi.Dtype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tck exhaustive merge FILES...}: combines the result files of a sweep's shards into one
 * result and, for a whole float32 sweep with the hard-case search, the float32 block of the
 * function's hard-case fixture. Every file is read and checked before anything is written: each
 * must be a complete shard file of the same sweep (function, dialect, parameters, result,
 * implementation, tier, versions), and their ranges must follow each other without gap or overlap;
 * otherwise exit 2 with one line naming the file. Exit 0 when the merged sweep conforms, 1 when
 * something failed.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = {"Combines shard result files (./tck exhaustive --result) into one result and, for a"
        + " whole float32 sweep with --hard-cases, the hard-case fixture.",
        "Exit code 0 when the merged sweep conforms, 1 when something failed, 2 for bad input"
            + " (a file truncated, unfinished, of another sweep or version, ranges with a gap or an"
            + " overlap); nothing is written then."})
final class ExhaustiveMerge implements Callable<Integer> {

  @Parameters(paramLabel = "FILES", arity = "1..*", description = "shard result files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE", description = "write the merged result (same format) to FILE")
  Path out;

  @Option(names = "--fixtures", paramLabel = "DIR", description = "update the hard-case fixture of"
      + " the function in DIR (e.g. " + HardCasesCommand.DEFAULT_DIR + ") with this float32 block;"
      + " needs the whole float32 range and --hard-cases")
  Path fixtures;

  @Override
  public Integer call() throws IOException {
    List<ShardResult> shards = new ArrayList<>();
    List<Path> names = new ArrayList<>();
    for (Path f : files) {
      ShardResult s = ShardFiles.read(f);
      if (!s.complete()) {
        throw new IllegalArgumentException(f + ": the shard did not finish (done up to 0x"
            + Long.toHexString(s.done()) + " of " + s.range() + "); rerun its command, it resumes");
      }
      if (!shards.isEmpty() && !s.identity().equals(shards.get(0).identity())) {
        throw new IllegalArgumentException(f + ": another sweep than " + names.get(0) + ": "
            + difference(s.identity(), shards.get(0).identity()));
      }
      shards.add(s);
      names.add(f);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> shards.get(i).range().from()));
    List<ShardResult> sorted = new ArrayList<>();
    for (int k = 0; k < order.size(); k++) {
      int i = order.get(k);
      if (k > 0) {
        int j = order.get(k - 1);
        BitRange prev = shards.get(j).range();
        BitRange cur = shards.get(i).range();
        if (cur.from() < prev.to()) {
          throw new IllegalArgumentException(names.get(i) + ": range " + cur + " overlaps "
              + names.get(j) + "'s " + prev);
        }
        if (cur.from() > prev.to()) {
          throw new IllegalArgumentException(names.get(i) + ": range " + cur + " leaves a gap after "
              + names.get(j) + "'s " + prev + " (0x" + Long.toHexString(prev.to()) + "..0x"
              + Long.toHexString(cur.from() - 1) + " not swept)");
        }
      }
      sorted.add(shards.get(i));
    }
    ShardResult merged = ShardResult.merge(sorted);
    byte[] fixtureBytes = null;
    byte[] indexBytes = null;
    Path fixtureFile = null;
    if (fixtures != null) {
      ShardResult.Identity id = merged.identity();
      if (id.hardCases() == 0) {
        throw new IllegalArgumentException(names.get(0) + ": swept without --hard-cases; no fixture");
      }
      if (!merged.range().equals(BitRange.all())) {
        throw new IllegalArgumentException(names.get(0) + ": a hard-case fixture needs every float32"
            + " input; the shards cover " + merged.range());
      }
      Oracle oracle = Oracle.standard();
      FunctionSpec f = oracle.catalog().require(id.function());
      List<HardCaseSet.Behaviour> behaviours = HardCaseSet.behaviours(oracle, f);
      HardCaseSet.Behaviour b = behaviours.stream()
          .filter(x -> x.dialects().contains(id.dialect()) && x.params().equals(id.params()))
          .findFirst().orElseThrow(() -> new IllegalArgumentException(names.get(0) + ": dialect "
              + id.dialect() + " with parameters " + id.params() + " is no behaviour of the"
              + " fixtures of " + f.id()));
      if (merged.overflowed() > 0) {
        throw new IllegalArgumentException(names.get(0) + ": the hard-case search kept at most "
            + HardCaseCollector.CAP + " candidates and counted " + merged.overflowed()
            + " more: incomplete, no fixture");
      }
      if (merged.beyondPrecision() != null) {
        throw new IllegalArgumentException(names.get(0) + ": the hard-case search is incomplete: "
            + merged.incomplete() + "; no fixture");
      }
      HardCaseSet.Selection s = merged.selection();
      List<FixtureCase> cases = HardCaseSet.cases(oracle, f, b, Dtype.FLOAT32, id.derivative(), s.kept(), 0);
      fixtureFile = fixtures.resolve(f.id() + ".json");
      FixtureFile existing = Files.exists(fixtureFile) ? Fixtures.read(fixtureFile) : null;
      String block = b.key() + "/float32/" + (id.derivative() ? "derivative" : "value");
      fixtureBytes = FixtureWriter.bytes(HardCaseSet.merge(oracle, f, behaviours, existing,
          List.of(block), cases));
      Path index = fixtures.resolve("index.tsv");
      indexBytes = HardCaseIndex.upsert(oracle, HardCaseIndex.read(index),
          List.of(HardCaseIndex.row(b, Dtype.FLOAT32, id.derivative(), "2^32", s)));
      AtomicFiles.checkWritable("--fixtures", fixtureFile);
    }
    if (out != null) {
      AtomicFiles.checkWritable("--out", out);
    }
    ShardResult.Identity id = merged.identity();
    SweepReport.print(String.format("activation-tck exhaustive merge: %s%s float32, dialect %s%s, %s,"
        + " tier %s, %d shard(s)", id.function(), id.derivative() ? "'" : "", id.dialect(),
        id.params().isEmpty() ? "" : " " + id.params(), id.implementation(), id.tier(), shards.size()),
        merged.toSweepResult(0), System.out);
    if (id.hardCases() > 0) {
      System.out.println(hardCaseLine(merged));
    }
    if (out != null) {
      AtomicFiles.write(out, ShardFiles.bytes(merged));
    }
    if (fixtureBytes != null) {
      AtomicFiles.write(fixtureFile, fixtureBytes);
      AtomicFiles.write(fixtures.resolve("index.tsv"), indexBytes);
      System.out.println("wrote the float32 hard cases to " + fixtureFile);
    }
    return merged.conforms() ? 0 : 1;
  }

  /** One line on a shard's hard-case search. */
  static String hardCaseLine(ShardResult r) {
    HardCaseSet.Selection s = r.selection();
    String hardest = s.kept().stream().filter(p -> !p.distance().tie()).findFirst()
        .map(p -> p.distance().describe() + " at x = " + (float) p.x()
            + String.format(" (0x%08x)", Float.floatToRawIntBits((float) p.x())))
        .orElse("none below 1e-3 ulp");
    return String.format("hard cases: %d proven; hardest %s; %d exact ties, %d double-rounding inputs%s%s",
        r.proven().size(), hardest, s.ties(), s.doubleRounding(),
        s.bounded() == 0 ? "" : String.format(", %d bounded inputs", s.bounded()),
        r.incomplete() == null ? "" : "; INCOMPLETE: " + r.incomplete());
  }

  private static String difference(ShardResult.Identity a, ShardResult.Identity b) {
    if (!a.function().equals(b.function())) {
      return "function " + a.function() + " vs " + b.function();
    }
    if (!a.dialect().equals(b.dialect()) || !a.params().equals(b.params())) {
      return "dialect/parameters " + a.dialect() + a.params() + " vs " + b.dialect() + b.params();
    }
    if (a.derivative() != b.derivative()) {
      return "derivative " + a.derivative() + " vs " + b.derivative();
    }
    if (!a.versions().equals(b.versions())) {
      return "versions " + a.versions() + " vs " + b.versions();
    }
    if (!a.implementation().equals(b.implementation())) {
      return "implementation " + a.implementation() + " vs " + b.implementation();
    }
    return "tier, sign of zero or hard-case search " + a.tier() + "/" + a.signedZero() + "/" + a.hardCases()
        + " vs " + b.tier() + "/" + b.signedZero() + "/" + b.hardCases();
  }
}
