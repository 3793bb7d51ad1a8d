package org.activationtck.cli.exhaustive;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;

/**
 * One sweep thread's implementation instance, called on a thread of its own so that a call can
 * be given up after a time-out. A Java call cannot be stopped: after a time-out the calling
 * thread (a daemon) is interrupted and abandoned, the instance is closed when it is
 * {@link AutoCloseable} (a process adapter's process is killed) and replaced by a fresh one from
 * the supplier, since the stuck instance may hold locks or half-updated state. Not thread-safe:
 * one per sweep thread.
 */
final class TimedImplementation implements AutoCloseable {

  private final Supplier<Activation> implementations;
  private final long timeoutMillis;
  private Activation impl;
  private ExecutorService caller;
  private RuntimeException broken;

  TimedImplementation(Supplier<Activation> implementations, Duration timeout) {
    this.implementations = Objects.requireNonNull(implementations);
    this.timeoutMillis = timeout.toMillis();
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("call time-out must be at least 1 ms, got " + timeout);
    }
    this.impl = implementations.get();
    this.caller = newCaller();
  }

  /** The current instance (for {@link Activation#supports}, which is not timed). */
  Activation instance() {
    return impl;
  }

  long timeoutMillis() {
    return timeoutMillis;
  }

  /**
   * impl.applyFloat32(call, x) on the calling thread, waiting at most the time-out. After a
   * {@link TimeoutException} the abandoned call may still read x: the caller must not reuse it.
   * Exceptions and errors of the call are rethrown as they are.
   */
  float[] applyFloat32(Call call, float[] x) throws TimeoutException {
    if (broken != null) {
      throw new IllegalStateException("no fresh instance after a time-out: " + broken, broken);
    }
    Activation current = impl;
    Future<float[]> f = caller.submit(() -> current.applyFloat32(call, x));
    try {
      return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      try {
        replace();
      } catch (RuntimeException restart) {
        broken = restart;                   // every later call reports it
        e.addSuppressed(restart);
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new IllegalStateException("interrupted", e);
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

  private void replace() {
    caller.shutdownNow();
    closeQuietly(impl);
    caller = newCaller();
    impl = implementations.get();
  }

  @Override
  public void close() {
    caller.shutdownNow();
    closeQuietly(impl);
  }

  private static void closeQuietly(Activation a) {
    if (a instanceof AutoCloseable) {
      try {
        ((AutoCloseable) a).close();
      } catch (Exception ignored) {
        // the tally stands
      }
    }
  }

  private static ExecutorService newCaller() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tck-exhaustive-call");
      t.setDaemon(true);
      return t;
    });
  }
}
