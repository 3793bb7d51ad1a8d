package org.activationtck.cli.concurrent;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Runs tasks on a pool of threads and hands their results to a sink one at a time, in the order
 * the tasks were submitted, as if they had run one after the other on the caller's thread.
 *
 * <p>Bounded: at most {@code maxPending} tasks are submitted and not yet delivered; {@link #submit}
 * blocks (delivering the oldest) beyond that, so memory stays constant however many tasks come.
 * The sink runs on the caller's thread only.
 *
 * <p>Failures keep their order too: when a task throws, the results of every earlier task are
 * delivered first, then its exception is rethrown (a {@link RuntimeException} or {@link Error}
 * as thrown, a checked one wrapped in a {@link RuntimeException}) by the call that reached it;
 * later tasks' results are discarded. No thread is started until a second task is pending: a
 * single task (a query on the command line) runs on the caller's thread when it is drained.
 *
 * <p>Not thread-safe: one thread submits, drains and closes.
 *
 * @param <T> a task's result
 */
public final class OrderedWork<T> implements AutoCloseable {

  private final int threads;
  private final int maxPending;
  private final Consumer<? super T> sink;
  private final ArrayDeque<Future<T>> pending = new ArrayDeque<>();
  /** The one task not yet handed to the pool, while no pool exists. */
  private Callable<T> held;
  private ExecutorService pool;

  /**
   * @param threads the pool's size, at least 1 (1: every task runs on the caller's thread)
   * @param maxPending tasks submitted and not yet delivered before {@link #submit} waits, at least
   *     {@code threads}
   * @param sink receives each result, in submission order, on the caller's thread
   */
  public OrderedWork(int threads, int maxPending, Consumer<? super T> sink) {
    if (threads < 1 || maxPending < threads) {
      throw new IllegalArgumentException("threads " + threads + ", maxPending " + maxPending);
    }
    this.threads = threads;
    this.maxPending = maxPending;
    this.sink = sink;
  }

  /** Submits a task; may first deliver earlier results (and throw an earlier task's failure). */
  public void submit(Callable<T> task) {
    if (threads == 1) {
      sink.accept(call(task));
      return;
    }
    if (pool == null) {
      if (held == null) {
        held = task;
        return;
      }
      pool = Executors.newFixedThreadPool(threads, daemons());
      pending.add(pool.submit(held));
      held = null;
    }
    while (pending.size() >= maxPending) {
      deliverOldest();
    }
    pending.add(pool.submit(task));
  }

  /** Delivers every submitted task's result, in order; throws the first failure in order. */
  public void drain() {
    if (held != null) {
      Callable<T> task = held;
      held = null;
      sink.accept(call(task));
    }
    while (!pending.isEmpty()) {
      deliverOldest();
    }
  }

  private void deliverOldest() {
    Future<T> oldest = pending.poll();
    T result;
    try {
      result = oldest.get();
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a result", e);
    }
    sink.accept(result);
  }

  private static <T> T call(Callable<T> task) {
    try {
      return task.call();
    } catch (Exception e) {
      throw rethrown(e);
    }
  }

  private static RuntimeException rethrown(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new RuntimeException(t);
  }

  private static ThreadFactory daemons() {
    return r -> {
      Thread t = new Thread(r, "tck-worker");
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops the pool; results not yet delivered are discarded. */
  @Override
  public void close() {
    held = null;
    if (pool != null) {
      for (Future<T> f : pending) {
        f.cancel(true);
      }
      pending.clear();
      pool.shutdownNow();
    }
  }
}
