package org.activationtck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.Dialect;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.cli.exhaustive.BitRange;
import org.activationtck.cli.exhaustive.FastEstimate;
import org.activationtck.cli.exhaustive.Float32Sweep;
import org.activationtck.cli.exhaustive.Float32Truth;
import org.activationtck.cli.exhaustive.SweepReport;
import org.activationtck.cli.exhaustive.SweepResult;
import org.activationtck.cli.exhaustive.ShardFiles;
import org.activationtck.cli.exhaustive.ShardResult;
import org.activationtck.cli.exhaustive.ShardRunner;
import org.activationtck.fixtures.generator.HardCaseSet;
import org.activationtck.oracle.Oracle;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Tolerances;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.ReferenceRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tck exhaustive}: every float32 input of one elementwise function. Exit 0 nothing failed,
 * 1 something failed or nothing was checked (the implementation declines the function), 2 usage.
 */
@Command(name = "exhaustive", mixinStandardHelpOptions = true, subcommands = ExhaustiveMerge.class,
    description = {"Checks all 2^32 float32 inputs (or a shard of them) of an implementation against "
        + "the correctly rounded float32 value, on all cores, with progress and an ETA on stderr when run from a terminal.",
        "Exit code 0 when nothing failed, 1 when something failed or the implementation declines "
            + "the function, 2 for a usage error."})
final class ExhaustiveCommand implements Callable<Integer> {

  @Option(names = "--function", paramLabel = "F", description = "catalog id or alias, e.g. sigmoid (required)")
  String function;

  @Option(names = "--dialect", defaultValue = "keras3", description = "keras3 (default), tf_keras2, pytorch, jax or onnx")
  String dialect;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "a parameter, repeatable, each name once; omitted ones take the dialect's default")
  List<String> paramTexts = new ArrayList<>();

  /** The parameters by name, from --param (filled at the start of call()). */
  final Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--derivative", description = "d/dx instead of the value")
  boolean derivative;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  ImplementationOptions impl = new ImplementationOptions();

  @Option(names = "--shell", description = "start --impl-command through /bin/sh -c (default: no shell)")
  boolean shell;

  @Option(names = "--shard", paramLabel = "i/n", description = "only shard i of n (1-based) of the inputs, e.g. 3/8")
  String shard;

  @Option(names = "--range", paramLabel = "LO:HI", description = "only the bit patterns [LO, HI), e.g. 0x3f800000:0x40000000 (default: all)")
  String range;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the number of cores)")
  Integer threads;

  @Option(names = "--tier", defaultValue = "strict",
      description = "strict (default), libm or framework (docs/TIERS.md); lenient: deprecated name of framework")
  String tier;

  @Option(names = "--signed-zero", defaultValue = "strict", description = "strict (default): -0.0 != +0.0; lenient")
  String signedZero;

  @Option(names = "--progress", paramLabel = "SECONDS", description = "seconds between progress lines on"
      + " stderr (default: 10 on a terminal, none when the output goes to a file or a pipe; 0: none)")
  Double progressOption;

  /** Progress lines by default only for a person at a terminal, not in CI logs or redirected output. */
  static final double DEFAULT_PROGRESS_SECONDS = 10;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "per-call time-out, one call being a chunk of 65,536 inputs (default 60)")
  double timeoutSeconds;

  @Option(names = "--report-json", paramLabel = "FILE") Path reportJson;

  @Option(names = "--hard-cases", description = "also search the inputs whose exact results lie"
      + " nearest a float32 rounding boundary (the " + HardCaseSet.NEAREST + " nearest, every tie and"
      + " every double-rounding input), proven by the oracle at the end")
  boolean hardCases;

  @Option(names = "--result", paramLabel = "FILE", description = "the shard's self-describing result"
      + " (JSON), rewritten atomically after every 2^26 inputs as a checkpoint: rerun the same"
      + " command after a kill and it resumes; combine shards with ./tck exhaustive merge")
  Path result;

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "67108864",
      description = "inputs between checkpoints of --result (default 2^26 = 67108864)")
  long checkpointEvery;

  @Override
  public Integer call() throws IOException {
    if (function == null) {
      throw new IllegalArgumentException("Missing required option: '--function=F'");
    }
    for (String t : paramTexts) {
      ParamOption.add(params, t);
    }
    Catalog catalog = Catalog.standard();
    FunctionSpec f = catalog.require(function);
    Dialect.fromId(dialect);
    if (!f.inDialect(dialect)) {
      throw new IllegalArgumentException("function '" + f.id() + "' is not part of dialect '" + dialect
          + "' (it is in " + f.names().keySet() + ")");
    }
    if (f.kind() != Kind.ELEMENTWISE) {
      throw new IllegalArgumentException("'" + f.id() + "' is an axis function; exhaustive sweeps "
          + "elementwise functions only");
    }
    if (!signedZero.equals("strict") && !signedZero.equals("lenient")) {
      throw new IllegalArgumentException("--signed-zero must be strict or lenient, got '" + signedZero + "'");
    }
    Tier t = RunCommand.tier(tier);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > 1024) {
      throw new IllegalArgumentException("--threads must be in 1..1024, got " + n);
    }
    if (!(timeoutSeconds >= 0.001)) {
      throw new IllegalArgumentException("--timeout must be at least 0.001 (seconds), got " + timeoutSeconds);
    }
    Duration timeout = Duration.ofMillis((long) (timeoutSeconds * 1000));
    double progressSeconds = progressOption != null ? progressOption
        : System.console() != null ? DEFAULT_PROGRESS_SECONDS : 0;
    if (!(progressSeconds >= 0)) {
      throw new IllegalArgumentException("--progress must be at least 0 (seconds), got " + progressSeconds);
    }
    BitRange inputs = range == null ? BitRange.all() : BitRange.parse(range);
    if (shard != null) {
      inputs = inputs.shard(shard);
    }
    if (reportJson != null) {
      AtomicFiles.checkWritable("--report-json", reportJson);
    }
    Params p = Params.resolve(f, dialect, params, Dtype.FLOAT32); // bad parameters: exit 2 here
    Object reference = ReferenceRegistry.lookup(f.id()).orElseThrow(() ->
        new IllegalArgumentException("'" + f.id() + "' has no built-in reference to sweep against"));
    Object oracle = FunctionRegistry.lookup(f.id()).orElseThrow(() ->
        new IllegalArgumentException("'" + f.id() + "' has no oracle to fall back on"));
    Float32Truth truth = new Float32Truth(FastEstimate.lookup(f.id(), derivative).orElse(null),
        (ReferenceFunction) reference, (ElementwiseFunction) oracle,
        p, derivative);
    double budget = Tolerances.standard().budget(f.id(), Dtype.FLOAT32, t);
    // Fail fast (exit 2) on a bad --impl*, before the threads start.
    if (impl.create(shell, timeout) instanceof AutoCloseable probe) {
      try {
        probe.close();
      } catch (Exception ignored) {
        // only a probe
      }
    }
    int nearest = hardCases ? HardCaseSet.NEAREST : 0;
    Float32Sweep sweep = new Float32Sweep(() -> impl.create(shell, timeout), f.id(),
        dialect, params, derivative, truth, budget, t, signedZero.equals("strict"), timeout, nearest);
    SweepResult r;
    ShardResult shard = null;
    if (hardCases || result != null) {
      ShardResult.Identity id = new ShardResult.Identity(f.id(), dialect, params, derivative,
          impl.describe(), t.id(), signedZero, nearest, versions());
      shard = new ShardResult(id, inputs);
      if (result != null) {
        AtomicFiles.checkWritable("--result", result);
        if (java.nio.file.Files.exists(result)) {
          ShardResult old = ShardFiles.read(result);
          if (!old.identity().equals(id) || !old.range().equals(inputs)) {
            throw new IllegalArgumentException(result + ": holds another sweep (" + old.identity()
                + ", " + old.range() + "); remove it or choose another --result");
          }
          shard = old;
          if (!shard.complete()) {
            System.err.printf("tck exhaustive: resuming %s from 0x%08x%n", result, shard.done());
          }
        }
      }
      Path file = result;
      ShardRunner.run(sweep, shard, n, Oracle.standard(), progressSeconds == 0 ? null : System.err,
          Duration.ofMillis((long) (progressSeconds * 1000)), checkpointEvery, s -> {
            if (file != null) {
              try {
                AtomicFiles.write(file, ShardFiles.bytes(s));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
          });
      r = shard.toSweepResult(n);
    } else {
      r = sweep.run(inputs, n, progressSeconds == 0 ? null : System.err,
          Duration.ofMillis((long) (progressSeconds * 1000)));
    }
    String label = f.id() + (derivative ? "'" : "");
    String title = String.format("activation-tck exhaustive: %s float32, dialect %s%s, %s, tier %s (budget %s ulp)",
        label, dialect, params.isEmpty() ? "" : " " + params, impl.describe(), t.id(),
        budget == Math.rint(budget) ? Long.toString((long) budget) : Double.toString(budget));
    SweepReport.print(title, r, System.out);
    if (shard != null && nearest > 0) {
      System.out.println(ExhaustiveMerge.hardCaseLine(shard));
    }
    if (reportJson != null) {
      AtomicFiles.write(reportJson, SweepReport.json(r, f.id(), dialect, derivative, impl.describe(), t.id()));
    }
    return SweepReport.conforms(r) ? 0 : 1;
  }

  /** The versions a shard records: the kit's, the catalog's, the fixture set's. */
  static java.util.Map<String, String> versions() {
    String kit = ExhaustiveCommand.class.getPackage().getImplementationVersion();
    return java.util.Map.of("kit", kit == null ? "dev" : kit,
        "catalog", Catalog.standard().version(),
        "fixtureSet", org.activationtck.fixtures.generator.FixtureGenerator.FIXTURE_SET_VERSION);
  }
}
