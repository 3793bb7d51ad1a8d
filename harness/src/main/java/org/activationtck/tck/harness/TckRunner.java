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

/**
 * Runs fixtures against an {@link Activation}. Cases are batched into one call per function,
 * dialect, parameters, dtype and value/derivative (one call per vector for axis functions). An
 * implementation that throws, returns null or the wrong length, mutates its input or exceeds the
 * call time-out fails the affected cases with that reason and the run goes on; what it does not
 * declare is reported not implemented.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TckRunner {

  private final Activation impl;
  private final TckConfig config;
  private ExecutorService executor = newExecutor();

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
    double[] copy = x.clone();
    double[] y;
    try {
      y = invoke(call, copy);
    } catch (UnsupportedOperationException e) {
      return all(b, Check.Status.NOT_IMPLEMENTED, null, "not implemented: " + e.getMessage());
    } catch (MutatedInputException e) {
      return all(b, Check.Status.FAILED, null, MutatedInputException.MESSAGE);
    } catch (TimeoutException e) {
      return all(b, Check.Status.FAILED, null, "no answer within " + config.callTimeout().toMillis() + " ms");
    } catch (Throwable e) {
      return all(b, Check.Status.FAILED, null, "threw " + e.getClass().getName() + ": " + e.getMessage());
    }
    if (!Arrays.equals(doubleBits(copy), doubleBits(x))) {
      return all(b, Check.Status.FAILED, null, MutatedInputException.MESSAGE);
    }
    int expectedLength = 0;
    for (FixtureCase c : b.cases()) {
      expectedLength += expected(c, call.derivative()).size();
    }
    if (y == null) {
      return all(b, Check.Status.FAILED, null, "returned null");
    }
    if (y.length != expectedLength) {
      return all(b, Check.Status.FAILED, null,
          "returned " + y.length + " values for " + expectedLength + " expected");
    }
    List<Check> out = new ArrayList<>();
    int i = 0;
    double budget = config.tolerances().budget(call.function(), call.dtype(), config.tier());
    for (FixtureCase c : b.cases()) {
      List<Expected> ex = expected(c, call.derivative());
      for (Expected e : ex) {
        double want = parseExpected(pick(e, call.dtype()), call.dtype());
        double got = y[i++];
        Verdict v = Verdict.of(want, got, call.dtype(), budget, config.tier(), config.signedZeroStrict());
        out.add(check(c, call, v.pass() ? Check.Status.PASSED : Check.Status.FAILED, v, v.reason(),
            pick(e, call.dtype()), Double.toString(got)));
      }
    }
    return out;
  }

  private boolean supports(Call call) {
    try {
      return impl.supports(call.function(), call.dialect(), call.dtype(), call.derivative());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private double[] invoke(Call call, double[] x) throws Exception {
    Future<double[]> f = executor.submit(() -> applyInDtype(call, x));
    try {
      return f.get(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      executor.shutdownNow();
      executor = newExecutor(); // the stuck thread is a daemon and is abandoned
      throw e;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof Exception) {
        throw (Exception) c;
      }
      throw new RuntimeException(c);
    }
  }

  /** Calls the SPI method of the call's dtype and widens its answer to doubles. */
  private double[] applyInDtype(Call call, double[] x) {
    switch (call.dtype()) {
      case FLOAT64:
        return impl.apply(call, x);
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
