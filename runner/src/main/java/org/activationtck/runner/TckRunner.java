package org.activationtck.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.activationtck.fixtures.FixtureCase;
import org.activationtck.fixtures.FixtureCase.Expected;
import org.activationtck.fixtures.FixtureFile;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Rule;

/**
 * Runs fixtures against an {@link Activation}. Cases are batched into one call per function,
 * dialect, parameters, dtype and value/derivative (one call per vector for axis functions), and
 * every batch is presented again at other positions and lengths ({@link Layouts}), the results
 * folded per check by {@link PresentedResults}. An implementation that throws, returns null or
 * the wrong length, mutates its input or exceeds the call time-out fails the affected cases with
 * that reason and the run goes on ({@link CallThread}); what it does not declare is reported not
 * implemented.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TckRunner {

  /**
   * The rule the fixture generator gives inputs that stand exactly on a breakpoint: a wrong
   * derivative there is a kink convention, not an ulp count.
   */
  static final String KINK_RULE = "tck.kink";

  private final Activation impl;
  private final TckConfig config;
  private CallThread calls;

  public TckRunner(Activation impl, TckConfig config) {
    this.impl = Objects.requireNonNull(impl);
    this.config = Objects.requireNonNull(config);
  }

  /**
   * Runs the configured fixtures. Files are parsed on every core ahead of the check loop, which
   * takes them in order, so the result is the same as reading them one by one; the implementation
   * is still called from one thread at a time.
   *
   * @throws IllegalArgumentException for an unknown function, a missing folder or a malformed
   *     fixture file (named, with line and field)
   */
  public RunResult run() {
    long start = System.nanoTime();
    List<Callable<Optional<FixtureFile>>> readers =
        FixtureSource.readers(config.fixturesDir(), config.functions());
    ExecutorService reading = Executors.newFixedThreadPool(
        Math.max(1, Math.min(readers.size(), Runtime.getRuntime().availableProcessors())),
        CallThread.daemon("tck-fixture-reader"));
    List<String> declared = declaredDialects();
    List<Check> checks = new ArrayList<>();
    calls = new CallThread(impl, config.callTimeout());
    try {
      List<Future<Optional<FixtureFile>>> files = new ArrayList<>();
      for (Callable<Optional<FixtureFile>> r : readers) {
        files.add(reading.submit(r));
      }
      for (Future<Optional<FixtureFile>> f : files) {
        Optional<FixtureFile> file = await(f);
        if (file.isPresent()) {
          checks.addAll(runFile(file.get(), declared));
        }
      }
    } finally {
      reading.shutdownNow();
      calls.close();
    }
    return new RunResult(impl.name(), impl.version() == null ? "" : impl.version(), declared,
        config, checks, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * The dialects the implementation declares, checked against the catalog.
   *
   * @throws IllegalArgumentException for an id that is not a catalog dialect
   */
  private List<String> declaredDialects() {
    java.util.Set<String> d = impl.dialects();
    if (d == null || d.isEmpty()) {
      return List.of();
    }
    Catalog catalog = Catalog.standard();
    List<String> out = new ArrayList<>();
    for (org.activationtck.spec.catalog.DialectSpec s : catalog.dialects()) {
      if (d.contains(s.id())) {
        out.add(s.id());
      }
    }
    for (String id : d) {
      if (!out.contains(id)) {
        throw new IllegalArgumentException(impl.name() + " declares dialect '" + id
            + "', which the catalog does not have ("
            + String.join(", ", catalog.dialects().stream().map(x -> x.id()).toList()) + ")");
      }
    }
    return List.copyOf(out);
  }

  /** A file read on the reading pool; its reader's exception is rethrown as it was. */
  private static Optional<FixtureFile> await(Future<Optional<FixtureFile>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading fixtures", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new IllegalStateException(c);
    }
  }

  /** One batch: the cases that share a call. */
  private record Batch(Call call, List<FixtureCase> cases, boolean axis) {}

  List<Check> runFile(FixtureFile f) {
    return runFile(f, List.of());
  }

  /** The checks of one file, in the dialects declared (all when none are). */
  List<Check> runFile(FixtureFile f, List<String> declared) {
    boolean axis = f.kind().equals("axis");
    Map<String, Batch> batches = new LinkedHashMap<>();
    for (FixtureCase c : f.cases()) {
      Dtype t = Dtype.fromId(c.dtype());
      if (!config.dtypes().isEmpty() && !config.dtypes().contains(t)) {
        continue;
      }
      for (String dialect : c.dialects()) {
        if (!config.dialects().isEmpty() && !config.dialects().contains(dialect)
            || !declared.isEmpty() && !declared.contains(dialect)) {
          continue;
        }
        for (boolean derivative : new boolean[] {false, true}) {
          if ((derivative ? c.derivative() : c.value()) == null) {
            continue;
          }
          Call call = new Call(f.function(), dialect, c.params(), t, derivative, -1);
          String key = axis ? c.id() + "|" + dialect + "|" + derivative : call.toString();
          batches.computeIfAbsent(key, k -> new Batch(call, new ArrayList<>(), axis)).cases().add(c);
        }
      }
    }
    List<Check> out = new ArrayList<>();
    for (Batch b : batches.values()) {
      out.addAll(runBatch(b));
    }
    return out;
  }

  private List<Check> runBatch(Batch b) {
    Call call = b.call();
    double[] x = inputs(b);
    boolean declared;
    try {
      declared = calls.supports(call);
    } catch (CallThread.SupportsError e) {
      return all(b, Check.Status.FAILED, Verdict.failure(FailureKind.NO_RESULT, e.getMessage()),
          e.getMessage());
    }
    if (!declared) {
      return all(b, Check.Status.NOT_IMPLEMENTED, null, "not implemented");
    }
    // Expected values, and what an ulp failure of each output really is: for an elementwise
    // batch output i answers input x[i]; a NaN or infinite input makes it a special value, an
    // input on a kink (rule tck.kink) a kink convention.
    List<Double> wanted = new ArrayList<>();
    List<FailureKind> ulpsAsList = new ArrayList<>();
    for (FixtureCase c : b.cases()) {
      boolean atKink = call.derivative() && c.rules() != null && c.rules().contains(KINK_RULE);
      for (Expected e : expected(c, call.derivative())) {
        int i = wanted.size();
        boolean special = !b.axis() && i < x.length && !Double.isFinite(x[i]);
        ulpsAsList.add(special ? FailureKind.SPECIAL_VALUE : atKink ? FailureKind.KINK_CONVENTION : null);
        wanted.add(parseExpected(pick(e, call.dtype()), call.dtype()));
      }
    }
    int outLength = wanted.size();
    Arrangement primaryCall = Layouts.primary(x.length, outLength);
    CallThread.Answer first = calls.present(call, x, List.of(primaryCall))[0];
    if (first.declined() != null) {
      return all(b, Check.Status.NOT_IMPLEMENTED, null, "not implemented: " + first.declined());
    }
    if (first.failure() != null) {
      return all(b, Check.Status.FAILED, Verdict.failure(FailureKind.NO_RESULT, first.failure()),
          first.failure());
    }
    double[] want = wanted.stream().mapToDouble(Double::doubleValue).toArray();
    FailureKind[] ulpsAs = ulpsAsList.toArray(new FailureKind[0]);
    double budget = config.tolerances().budget(call.function(), call.dtype(), config.tier());
    PresentedResults results = new PresentedResults(want, ulpsAs, call.dtype(), budget, config.tier(),
        config.signedZeroStrict(), first.values(), primaryCall);
    if (config.positions()) {
      presentElsewhere(b, call, x, outLength, results);
    }
    List<Check> out = new ArrayList<>();
    int i = 0;
    for (FixtureCase c : b.cases()) {
      List<Expected> ex = expected(c, call.derivative());
      String documented = documentedPositionDependence(call, c);
      int j = 0;
      for (Expected e : ex) {
        Verdict v = results.verdict(i);
        if (documented != null && !v.pass()
            && (v.kind() == FailureKind.POSITION_DEPENDENT || v.kind() == FailureKind.SPECIAL_VALUE)) {
          v = v.as(v.kind(), v.reason() + "; documented finding: " + documented);
        }
        out.add(check(c, j++, b.axis(), call, v.pass() ? Check.Status.PASSED : Check.Status.FAILED,
            v, v.reason(), pick(e, call.dtype()), Values.show(results.primary(i), call.dtype())));
        i++;
      }
    }
    return out;
  }

  /** Presents the batch's inputs in every other arrangement of {@link Layouts}, folding results in. */
  private void presentElsewhere(Batch b, Call call, double[] x, int outLength, PresentedResults results) {
    List<Arrangement> arrangements;
    if (b.axis()) {
      List<Integer> specials = new ArrayList<>();
      for (int k = 0; k < x.length; k++) {
        if (!Double.isFinite(x[k])) {
          specials.add(k);
        }
      }
      arrangements = Layouts.axis(call.function(), x.length, outLength, specials);
    } else {
      arrangements = Layouts.elementwise(x.length);
    }
    Map<String, List<Arrangement>> groups = new LinkedHashMap<>();
    for (Arrangement a : arrangements) {
      groups.computeIfAbsent(a.group(), k -> new ArrayList<>()).add(a);
    }
    for (List<Arrangement> group : groups.values()) {
      CallThread.Answer[] answers = calls.present(call, x, group);
      for (int g = 0; g < group.size(); g++) {
        Arrangement a = group.get(g);
        CallThread.Answer answer = answers[g];
        if (answer.values() != null) {
          for (int k = 0; k < a.out().length; k++) {
            results.add(a.out()[k], answer.values()[k], a, k);
          }
          continue;
        }
        String reason = answer.declined() != null ? "declined: " + answer.declined() : answer.failure();
        for (int k = 0; k < a.out().length; k++) {
          results.noResult(a.out()[k], a, k, reason);
        }
      }
    }
  }

  /**
   * The catalog's account of a documented position dependence of the call's dialect at this
   * case's input ({@code "rule id: text"}), or {@code null}: a rule the case cites that marks the
   * dialect position-dependent ({@link Rule#positionDependent()}). Those rules are about NaN
   * inputs (a vector comparison and a scalar one that disagree there), so only a NaN input
   * qualifies.
   */
  private static String documentedPositionDependence(Call call, FixtureCase c) {
    if (c.rules() == null || c.x().size() != 1 || !Double.isNaN(parseInput(c.x().get(0)))) {
      return null;
    }
    FunctionSpec f = Catalog.standard().find(call.function()).orElse(null);
    if (f == null) {
      return null;
    }
    for (String id : c.rules()) {
      Rule r = f.rule(id).orElse(null);
      if (r != null && r.positionDependent().containsKey(call.dialect())
          && (!id.contains(".derivative") || call.derivative())) {
        return id + ": " + r.positionDependent().get(call.dialect()).text();
      }
    }
    return null;
  }

  private static double[] inputs(Batch b) {
    List<Double> xs = new ArrayList<>();
    for (FixtureCase c : b.cases()) {
      for (FixtureCase.Input in : c.x()) {
        xs.add(parseInput(in));
      }
    }
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double parseInput(FixtureCase.Input in) {
    String h = in.hex();
    switch (h) {
      case "NaN": return Double.NaN;
      case "Infinity": return Double.POSITIVE_INFINITY;
      case "-Infinity": return Double.NEGATIVE_INFINITY;
      default: return Double.parseDouble(h);
    }
  }

  /**
   * A fixture's rounded value: the shortest decimal that reads back to it in the dtype, so it is
   * read in that dtype (Float.parseFloat for float32; exact rounding for the 16-bit formats).
   */
  static double parseExpected(String s, Dtype t) {
    switch (s) {
      case "NaN": return Double.NaN;
      case "Infinity": return Double.POSITIVE_INFINITY;
      case "-Infinity": return Double.NEGATIVE_INFINITY;
      default: break;
    }
    if (t == Dtype.FLOAT64) {
      return Double.parseDouble(s);
    }
    if (t == Dtype.FLOAT32) {
      return Float.parseFloat(s);
    }
    double r = org.activationtck.spec.format.Rounding.round(new java.math.BigDecimal(s), t);
    return r == 0 && s.startsWith("-") ? -0.0 : r;
  }

  private static List<Expected> expected(FixtureCase c, boolean derivative) {
    return derivative ? c.derivative() : c.value();
  }

  static String pick(Expected e, Dtype t) {
    switch (t) {
      case FLOAT64: return e.float64();
      case FLOAT32: return e.float32();
      case FLOAT16: return e.float16();
      default: return e.bfloat16();
    }
  }

  private List<Check> all(Batch b, Check.Status status, Verdict v, String reason) {
    List<Check> out = new ArrayList<>();
    for (FixtureCase c : b.cases()) {
      int j = 0;
      for (Expected e : expected(c, b.call().derivative())) {
        out.add(check(c, j++, b.axis(), b.call(), status, v, reason, pick(e, b.call().dtype()), null));
      }
    }
    return out;
  }

  /**
   * The check of output {@code j} of a case: an elementwise case's output j answers its input j;
   * an axis case's outputs all answer the whole vector.
   */
  private static Check check(FixtureCase c, int j, boolean axis, Call call, Check.Status status,
      Verdict v, String reason, String expected, String actual) {
    FixtureCase.Input in = c.x().get(axis || j >= c.x().size() ? 0 : j);
    double x = parseInput(in);
    String input = !axis || c.x().size() == 1 ? in.dec() + " (" + in.hex() + ")"
        : c.x().stream().map(FixtureCase.Input::dec).toList().toString();
    return new Check(c.id(), call.function(), call.dialect(), call.dtype(), call.derivative(), x,
        input, expected, actual, status, v, status == Check.Status.PASSED ? null : reason,
        c.rules() == null ? List.of() : c.rules(), call.params());
  }
}
