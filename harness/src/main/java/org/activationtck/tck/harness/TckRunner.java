package org.activationtck.tck.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.activationtck.fixtures.FixtureCase;
import org.activationtck.fixtures.FixtureCase.Expected;
import org.activationtck.fixtures.FixtureFile;
import org.activationtck.spec.API;
import org.activationtck.spec.Activation;
import org.activationtck.spec.Call;
import org.activationtck.spec.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Rule;

/**
 * Runs fixtures against an {@link Activation}. Cases are batched into one call per function,
 * dialect, parameters, dtype and value/derivative (one call per vector for axis functions). An
 * implementation that throws, returns null or the wrong length, mutates its input or exceeds the
 * call time-out fails the affected cases with that reason and the run goes on; what it does not
 * declare is reported not implemented.
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
  private final boolean overridesFloat32;
  private final boolean overridesBits16;
  private ExecutorService executor = newExecutor();

  public TckRunner(Activation impl, TckConfig config) {
    this.impl = Objects.requireNonNull(impl);
    this.config = Objects.requireNonNull(config);
    this.overridesFloat32 = overrides(impl, "applyFloat32", float[].class);
    this.overridesBits16 = overrides(impl, "applyBits16", short[].class);
  }

  /** Whether the implementation's class overrides the SPI's default method. */
  private static boolean overrides(Activation impl, String method, Class<?> arrayType) {
    try {
      return impl.getClass().getMethod(method, Call.class, arrayType).getDeclaringClass()
          != Activation.class;
    } catch (NoSuchMethodException e) {
      return true;
    }
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
        daemon("tck-fixture-reader"));
    List<Check> checks = new ArrayList<>();
    try {
      List<Future<Optional<FixtureFile>>> files = new ArrayList<>();
      for (Callable<Optional<FixtureFile>> r : readers) {
        files.add(reading.submit(r));
      }
      for (Future<Optional<FixtureFile>> f : files) {
        Optional<FixtureFile> file = await(f);
        if (file.isPresent()) {
          checks.addAll(runFile(file.get()));
        }
      }
    } finally {
      reading.shutdownNow();
      executor.shutdownNow();
    }
    return new RunResult(impl.name(), config, checks, Duration.ofNanos(System.nanoTime() - start));
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
    boolean axis = f.kind().equals("axis");
    Map<String, Batch> batches = new LinkedHashMap<>();
    for (FixtureCase c : f.cases()) {
      Dtype t = Dtype.fromId(c.dtype());
      if (!config.dtypes().isEmpty() && !config.dtypes().contains(t)) {
        continue;
      }
      for (String dialect : c.dialects()) {
        if (!config.dialects().isEmpty() && !config.dialects().contains(dialect)) {
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
    if (!supports(call)) {
      return all(b, Check.Status.NOT_IMPLEMENTED, null, "not implemented");
    }
    List<double[]> wantParts = new ArrayList<>();
    int outLength = 0;
    for (FixtureCase c : b.cases()) {
      List<Expected> ex = expected(c, call.derivative());
      double[] w = new double[ex.size()];
      for (int k = 0; k < w.length; k++) {
        w[k] = parseExpected(pick(ex.get(k), call.dtype()), call.dtype());
      }
      wantParts.add(w);
      outLength += w.length;
    }
    Arrangement primaryCall = Layouts.primary(x.length, outLength);
    Answer first = present(call, x, List.of(primaryCall))[0];
    if (first.declined() != null) {
      return all(b, Check.Status.NOT_IMPLEMENTED, null, "not implemented: " + first.declined());
    }
    if (first.failure() != null) {
      return all(b, Check.Status.FAILED, Verdict.failure(FailureKind.NO_RESULT, first.failure()),
          first.failure());
    }
    double[] want = new double[outLength];
    FailureKind[] ulpsAs = new FailureKind[outLength];
    int i = 0;
    for (int ci = 0; ci < b.cases().size(); ci++) {
      FixtureCase c = b.cases().get(ci);
      boolean atKink = call.derivative() && c.rules() != null && c.rules().contains(KINK_RULE);
      double[] w = wantParts.get(ci);
      for (int k = 0; k < w.length; k++) {
        // elementwise: output k answers input k (a documented example may hold several inputs)
        boolean special = !b.axis() && k < c.x().size() && !Double.isFinite(parseInput(c.x().get(k)));
        ulpsAs[i] = special ? FailureKind.SPECIAL_VALUE : atKink ? FailureKind.KINK_CONVENTION : null;
        want[i++] = w[k];
      }
    }
    double budget = config.tolerances().budget(call.function(), call.dtype(), config.tier());
    PresentedResults results = new PresentedResults(want, ulpsAs, call.dtype(), budget, config.tier(),
        config.signedZeroStrict(), first.values(), primaryCall);
    if (config.positions()) {
      presentElsewhere(b, call, x, outLength, results);
    }
    List<Check> out = new ArrayList<>();
    i = 0;
    for (FixtureCase c : b.cases()) {
      List<Expected> ex = expected(c, call.derivative());
      String documented = documentedPositionDependence(call, c);
      for (Expected e : ex) {
        Verdict v = results.verdict(i);
        if (documented != null && !v.pass()
            && (v.kind() == FailureKind.POSITION_DEPENDENT || v.kind() == FailureKind.SPECIAL_VALUE)) {
          v = v.as(v.kind(), v.reason() + "; documented finding: " + documented);
        }
        out.add(check(c, call, v.pass() ? Check.Status.PASSED : Check.Status.FAILED, v, v.reason(),
            pick(e, call.dtype()), Values.show(results.primary(i), call.dtype())));
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
      int inParts = call.function().equals("glu") ? 2 : 1;
      int outParts = call.function().equals("crelu") ? 2 : 1;
      arrangements = Layouts.axis(x.length, outLength, inParts, outParts, specials);
    } else {
      arrangements = Layouts.elementwise(x.length);
    }
    Map<String, List<Arrangement>> groups = new LinkedHashMap<>();
    for (Arrangement a : arrangements) {
      groups.computeIfAbsent(a.group(), k -> new ArrayList<>()).add(a);
    }
    for (List<Arrangement> group : groups.values()) {
      Answer[] answers = present(call, x, group);
      for (int g = 0; g < group.size(); g++) {
        Arrangement a = group.get(g);
        Answer answer = answers[g];
        if (answer.values() != null) {
          for (int k = 0; k < a.out().length; k++) {
            results.add(a.out()[k], answer.values()[k], a.where(k));
          }
          continue;
        }
        String reason = answer.declined() != null ? "declined: " + answer.declined() : answer.failure();
        for (int k = 0; k < a.out().length; k++) {
          results.noResult(a.out()[k], a.where(k), reason);
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

  /**
   * What one call answered: values (one per output position of the arrangement), or that it
   * declined, or why it gave no result.
   */
  private record Answer(double[] values, String declined, String failure, boolean timedOut) {
    static Answer failed(String why, boolean timedOut) {
      return new Answer(null, null, why, timedOut);
    }
  }

  /**
   * Calls the implementation once per arrangement of a group, in order, on one task of the call
   * thread (one hand-off per group, not per call: a group of a batch's inputs presented alone is
   * hundreds of calls). Each call still has the whole time-out: the waiting thread knows which
   * call is running and since when. After a time-out the stuck thread is abandoned (it is a
   * daemon) and the rest of the group is skipped.
   */
  private Answer[] present(Call call, double[] x, List<Arrangement> group) {
    Answer[] answers = new Answer[group.size()];
    Progress progress = new Progress();
    Future<?> f = executor.submit(() -> {
      for (int g = 0; g < group.size() && !Thread.currentThread().isInterrupted(); g++) {
        progress.start(g);
        answers[g] = answer(call, x, group.get(g));
      }
    });
    long timeout = config.callTimeout().toNanos();
    while (true) {
      int running = progress.index;
      long started = progress.started;
      long wait = started + timeout - System.nanoTime();
      try {
        f.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
        return answers;
      } catch (TimeoutException e) {
        if (progress.index == running && progress.started == started) {
          f.cancel(true);
          executor.shutdownNow();
          executor = newExecutor();
          answers[running] = Answer.failed("no answer within " + config.callTimeout().toMillis() + " ms", true);
          for (int g = running + 1; g < answers.length; g++) {
            answers[g] = Answer.failed("skipped: an earlier call of this layout timed out", false);
          }
          return answers;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the implementation", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("the call task failed", e.getCause());
      }
    }
  }

  private boolean supports(Call call) {
    try {
      return impl.supports(call.function(), call.dialect(), call.dtype(), call.derivative());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Which call of a group is running, and since when; written by the call thread. */
  private static final class Progress {
    volatile int index;
    volatile long started = System.nanoTime();

    void start(int g) {
      started = System.nanoTime();
      index = g;
    }
  }

  /** One call on the batch inputs {@code a.in()}, on the call thread; never throws. */
  private Answer answer(Call call, double[] x, Arrangement a) {
    double[] in = new double[a.in().length];
    for (int k = 0; k < in.length; k++) {
      in[k] = x[a.in()[k]];
    }
    double[] copy = in.clone();
    double[] y;
    try {
      y = applyInDtype(call, copy);
    } catch (UnsupportedOperationException e) {
      return new Answer(null, String.valueOf(e.getMessage()), null, false);
    } catch (MutatedInputException e) {
      return Answer.failed(MutatedInputException.MESSAGE, false);
    } catch (Throwable e) {
      if (e instanceof ThreadDeath) {
        throw (ThreadDeath) e;
      }
      return Answer.failed("threw " + e.getClass().getName() + ": " + e.getMessage(), false);
    }
    if (!Arrays.equals(doubleBits(copy), doubleBits(in))) {
      return Answer.failed(MutatedInputException.MESSAGE, false);
    }
    if (y == null) {
      return Answer.failed("returned null", false);
    }
    if (y.length != a.out().length) {
      return Answer.failed("returned " + y.length + " values for " + a.out().length + " expected", false);
    }
    return new Answer(y, null, null, false);
  }

  /**
   * Calls the SPI method of the call's dtype and widens its answer to doubles. Where the
   * implementation does not override {@link Activation#applyFloat32} or
   * {@link Activation#applyBits16}, their defaults would only call {@link Activation#apply} and
   * narrow: the runner calls {@code apply} itself and judges its doubles as they are, so that a
   * result that is not a value of the dtype fails on its own, element by element.
   */
  private double[] applyInDtype(Call call, double[] x) {
    if (call.dtype() == Dtype.FLOAT64
        || (call.dtype() == Dtype.FLOAT32 ? !overridesFloat32 : !overridesBits16)) {
      return impl.apply(call, x);
    }
    switch (call.dtype()) {
      case FLOAT32: {
        float[] in = new float[x.length];
        for (int i = 0; i < x.length; i++) {
          in[i] = (float) x[i];
        }
        float[] original = in.clone();
        float[] y = impl.applyFloat32(call, in);
        if (!Arrays.equals(in, original)) {
          throw new MutatedInputException();
        }
        if (y == null) {
          return null;
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
          out[i] = y[i];
        }
        return out;
      }
      default: {
        short[] in = new short[x.length];
        for (int i = 0; i < x.length; i++) {
          in[i] = org.activationtck.spec.Bits16.encode(x[i], call.dtype());
        }
        short[] original = in.clone();
        short[] y = impl.applyBits16(call, in);
        if (!Arrays.equals(in, original)) {
          throw new MutatedInputException();
        }
        if (y == null) {
          return null;
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
          out[i] = org.activationtck.spec.Bits16.decode(y[i], call.dtype());
        }
        return out;
      }
    }
  }

  /** The implementation changed the array it was given (the narrow-format paths check it). */
  private static final class MutatedInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MESSAGE = "mutated its input array";

    MutatedInputException() {
      super(MESSAGE);
    }
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(daemon("tck-call"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static long[] doubleBits(double[] v) {
    long[] b = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Double.doubleToRawLongBits(v[i]);
    }
    return b;
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
    double r = org.activationtck.oracle.Rounding.round(new java.math.BigDecimal(s), t);
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
      for (Expected e : expected(c, b.call().derivative())) {
        out.add(check(c, b.call(), status, v, reason, pick(e, b.call().dtype()), null));
      }
    }
    return out;
  }

  private static Check check(FixtureCase c, Call call, Check.Status status, Verdict v, String reason,
      String expected, String actual) {
    double x = parseInput(c.x().get(0));
    String input = c.x().size() == 1 ? c.x().get(0).dec() + " (" + c.x().get(0).hex() + ")"
        : c.x().stream().map(FixtureCase.Input::dec).toList().toString();
    return new Check(c.id(), call.function(), call.dialect(), call.dtype(), call.derivative(), x,
        input, expected, actual, status, v, status == Check.Status.PASSED ? null : reason,
        c.rules() == null ? List.of() : c.rules());
  }
}
