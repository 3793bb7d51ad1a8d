package org.activationtck.runner;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Bits16;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/**
 * Calls an implementation on a thread of its own, so that none of its faults reaches the run: an
 * exception, null, the wrong length, a changed input array or no answer within the time-out
 * becomes an {@link Answer} with the reason. Calls go through the SPI method of the call's dtype
 * ({@link Activation#applyFloat32}, {@link Activation#applyBits16} where the implementation
 * overrides them, {@link Activation#apply} otherwise) and come back as doubles. Used by one
 * {@link TckRunner#run()} from one thread; {@link #close()} abandons the call thread.
 */
final class CallThread implements AutoCloseable {

  private final Activation impl;
  private final Duration timeout;
  private final boolean overridesFloat32;
  private final boolean overridesBits16;
  private ExecutorService executor = newExecutor();

  CallThread(Activation impl, Duration timeout) {
    this.impl = Objects.requireNonNull(impl);
    this.timeout = Objects.requireNonNull(timeout);
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

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * What one call answered: values (one per output position of the arrangement), or that it
   * declined, or why it gave no result.
   */
  record Answer(double[] values, String declined, String failure, boolean timedOut) {
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
  Answer[] present(Call call, double[] x, List<Arrangement> group) {
    Answer[] answers = new Answer[group.size()];
    Progress progress = new Progress();
    Future<?> f = executor.submit(() -> {
      for (int g = 0; g < group.size() && !Thread.currentThread().isInterrupted(); g++) {
        progress.start(g);
        answers[g] = answer(call, x, group.get(g));
      }
    });
    long limit = timeout.toNanos();
    while (true) {
      int running = progress.index;
      long started = progress.started;
      long wait = started + limit - System.nanoTime();
      try {
        f.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
        return answers;
      } catch (TimeoutException e) {
        if (progress.index == running && progress.started == started) {
          f.cancel(true);
          executor.shutdownNow();
          executor = newExecutor();
          answers[running] = Answer.failed("no answer within " + timeout.toMillis() + " ms", true);
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

  /**
   * Whether the implementation declares the call; one that throws an exception declares nothing.
   *
   * @throws SupportsError when {@code supports} itself fails with an {@link Error} (a stack
   *     overflow, a failing static initialiser): its calls fail, they are not "not implemented"
   */
  boolean supports(Call call) {
    try {
      return impl.supports(call.function(), call.dialect(), call.dtype(), call.derivative());
    } catch (RuntimeException e) {
      return false;
    } catch (Error e) {
      throw new SupportsError("supports() threw " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /** {@code supports} failed with an {@link Error}; the message says which. */
  static final class SupportsError extends RuntimeException {
    SupportsError(String message) {
      super(message, null, false, false);
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
          in[i] = Bits16.encode(x[i], call.dtype());
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
          out[i] = Bits16.decode(y[i], call.dtype());
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

  /** Daemon threads of this name: a stuck implementation never keeps the JVM alive. */
  static ThreadFactory daemon(String name) {
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
}
