package org.activationtck.cli.exhaustive;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Tier;
import org.activationtck.runner.Verdict;

/**
 * Checks an implementation's float32 results at every input of a {@link BitRange} against
 * {@link Float32Truth}, on several threads. The range is cut into chunks of {@link #CHUNK} inputs
 * that the threads claim in order; each thread has its own implementation instance (the SPI does
 * not promise thread safety; a process adapter is one process per thread) and its own
 * {@link SweepTally}. An implementation that throws or answers the wrong length fails that chunk's
 * inputs with the reason; one that declines (not declared, or UnsupportedOperationException)
 * makes them not implemented. A call that takes longer than the time-out fails its chunk ("no
 * answer within N ms"), and the thread goes on with a fresh instance ({@link
 * TimedImplementation}): an implementation that hangs on some inputs costs one time-out per
 * chunk that holds them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Float32Sweep {

  /** Inputs per implementation call. */
  public static final int CHUNK = 1 << 16;

  private final Supplier<Activation> implementations;
  private final Call call;
  private final Float32Truth truth;
  private final double budget;
  private final Tier tier;
  private final boolean signedZeroStrict;
  private final Duration callTimeout;
  private final int hardCases;

  /**
   * @param implementations makes one implementation per thread
   * @param function catalog id
   * @param dialect dialect id
   * @param params explicit parameters as given (the implementation resolves defaults)
   * @param derivative f' instead of f
   * @param truth the correctly rounded values, for the same function, dialect and parameters
   * @param budget allowed error in float32 ulps
   * @param callTimeout how long one call (a chunk of {@link #CHUNK} inputs) may take
   */
  public Float32Sweep(Supplier<Activation> implementations, String function, String dialect,
      Map<String, String> params, boolean derivative, Float32Truth truth, double budget, Tier tier,
      boolean signedZeroStrict, Duration callTimeout) {
    this(implementations, function, dialect, params, derivative, truth, budget, tier,
        signedZeroStrict, callTimeout, 0);
  }

  /**
   * As the other constructor, with a hard-case search when {@code hardCases > 0}: every thread
   * offers each input's truth estimate to its own {@link HardCaseCollector} of that many nearest,
   * merged into {@link SweepResult#hardCases()}.
   */
  public Float32Sweep(Supplier<Activation> implementations, String function, String dialect,
      Map<String, String> params, boolean derivative, Float32Truth truth, double budget, Tier tier,
      boolean signedZeroStrict, Duration callTimeout, int hardCases) {
    this.hardCases = hardCases;
    this.implementations = Objects.requireNonNull(implementations);
    this.call = new Call(function, dialect, params, Dtype.FLOAT32, derivative, -1);
    this.truth = Objects.requireNonNull(truth);
    this.budget = budget;
    this.tier = Objects.requireNonNull(tier);
    this.signedZeroStrict = signedZeroStrict;
    this.callTimeout = Objects.requireNonNull(callTimeout);
    if (callTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("--timeout must be at least 0.001 (seconds), got " + callTimeout);
    }
  }

  /**
   * Sweeps the range on {@code threads} threads, printing progress and an ETA to {@code progress}
   * every {@code progressEvery} (none when {@code progress} is null).
   */
  public SweepResult run(BitRange range, int threads, PrintStream progress, Duration progressEvery) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    long start = System.nanoTime();
    AtomicLong next = new AtomicLong(range.from());
    AtomicLong done = new AtomicLong();
    AtomicLong failedSoFar = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tck-exhaustive");
      t.setDaemon(true);
      return t;
    });
    ScheduledExecutorService reporter = null;
    if (progress != null && range.size() > 0) {
      reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tck-exhaustive-progress");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(1, progressEvery.toMillis());
      reporter.scheduleAtFixedRate(() -> progress.println(progressLine(range, done.get(),
          failedSoFar.get(), System.nanoTime() - start)), every, every, TimeUnit.MILLISECONDS);
    }
    SweepTally total = new SweepTally();
    try {
      List<Future<SweepTally>> parts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        parts.add(pool.submit(() -> work(range, next, done, failedSoFar)));
      }
      for (Future<SweepTally> f : parts) {
        total.merge(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
      if (reporter != null) {
        reporter.shutdownNow();
      }
    }
    return SweepResult.of(range, total, Duration.ofNanos(System.nanoTime() - start), threads);
  }

  static String progressLine(BitRange range, long done, long failed, long nanos) {
    double seconds = nanos / 1e9;
    double rate = done / Math.max(seconds, 1e-9);
    long left = range.size() - done;
    String eta = rate > 0 ? Durations.format(left / rate) : "?";
    return String.format("tck exhaustive: %5.1f%% (%,d of %,d), %s, ETA %s, %,d failed so far",
        100.0 * done / range.size(), done, range.size(), Durations.rate(rate), eta, failed);
  }

  private SweepTally work(BitRange range, AtomicLong next, AtomicLong done, AtomicLong failedSoFar) {
    SweepTally t = new SweepTally();
    if (hardCases > 0) {
      t.hardCases = new HardCaseCollector(hardCases, Dtype.FLOAT32);
    }
    try (TimedImplementation impl = new TimedImplementation(implementations, callTimeout)) {
      boolean supported;
      String broken = null; // why every chunk fails: supports() itself threw
      try {
        supported = impl.instance().supports(call.function(), call.dialect(), Dtype.FLOAT32,
            call.derivative());
      } catch (RuntimeException | Error e) {
        supported = true;
        broken = "supports() threw " + e.getClass().getName() + ": " + e.getMessage();
      }
      float[] x = new float[CHUNK];
      for (long from; (from = next.getAndAdd(CHUNK)) < range.to(); ) {
        int n = (int) Math.min(CHUNK, range.to() - from);
        long failedBefore = t.failed;
        if (!supported) {
          t.notImplemented(n);
        } else if (!chunk(impl, from, n, n == CHUNK ? x : new float[n], t, broken)) {
          x = new float[CHUNK]; // the abandoned call may still hold the old one
        }
        done.addAndGet(n);
        failedSoFar.addAndGet(t.failed - failedBefore);
      }
    }
    return t;
  }

  /**
   * Checks one chunk; false when a call timed out (its input array is then abandoned). With
   * {@code broken} set, the chunk fails with that reason without a call. A call that times out is
   * made once more, of the fresh instance that replaces the stuck one, on a fresh copy of the
   * inputs: the time-out counts wall time, so a sweep suspended meanwhile (kill -STOP, a batch
   * scheduler's suspend, a machine asleep) or starved for a while misses it with an
   * implementation that works. The chunk fails only when the second call times out too.
   */
  private boolean chunk(TimedImplementation impl, long from, int n, float[] x, SweepTally t,
      String broken) {
    fill(x, from, n);
    float[] y = null;
    String problem = broken;
    boolean answered = true;
    for (int attempt = 1; broken == null; attempt++) {
      try {
        y = impl.applyFloat32(call, attempt == 1 ? x : fill(new float[n], from, n));
        problem = y == null ? "returned null"
            : y.length != n ? "returned " + y.length + " values for " + n + " inputs" : null;
        break;
      } catch (UnsupportedOperationException e) {
        t.notImplemented(n);
        return answered;
      } catch (TimeoutException e) {
        y = null;
        answered = false;
        problem = "no answer within " + impl.timeoutMillis() + " ms, twice";
        if (attempt == 2) {
          break;
        }
      } catch (RuntimeException | Error e) {
        // an OutOfMemoryError or StackOverflowError of the implementation fails its chunk, as in
        // ./tck run; the sweep goes on
        y = null;
        problem = "threw " + e.getClass().getName() + ": " + e.getMessage();
        break;
      }
    }
    for (int i = 0; i < n; i++) {
      int bits = (int) (from + i);
      float want = truth.at(Float.intBitsToFloat(bits), t, t.hardCases);
      if (problem != null) {
        t.fail(bits, want, Float.NaN, Double.POSITIVE_INFINITY, problem);
        continue;
      }
      float got = y[i];
      if (Float.floatToRawIntBits(want) == Float.floatToRawIntBits(got) || (want != want && got != got)) {
        t.pass(true);
        continue;
      }
      Verdict v = Verdict.of(want, got, Dtype.FLOAT32, budget, tier, signedZeroStrict);
      if (v.pass()) {
        t.passWithin(v.ulps(), bits, want, got);
      } else {
        // The sweep's tally keeps Infinity for failures that are no ulp count (NaN, sign of zero).
        t.fail(bits, want, got, v.measured() ? v.ulps() : Double.POSITIVE_INFINITY,
            v.kind().description() + ": " + v.reason());
      }
    }
    return answered;
  }

  /** x[i] = the float32 with bits from + i, for i < n; returns x. */
  private static float[] fill(float[] x, long from, int n) {
    for (int i = 0; i < n; i++) {
      x[i] = Float.intBitsToFloat((int) (from + i));
    }
    return x;
  }
}
