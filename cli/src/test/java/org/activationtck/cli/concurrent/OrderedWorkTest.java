package org.activationtck.cli.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderedWorkTest {

  @Test
  void results_comeInSubmissionOrder_whenLaterTasksFinishFirst() {
    List<Integer> got = new ArrayList<>();
    CountDownLatch lastDone = new CountDownLatch(1);
    try (OrderedWork<Integer> work = new OrderedWork<>(4, 8, got::add)) {
      for (int i = 0; i < 8; i++) {
        int index = i;
        work.submit(() -> {
          if (index == 0) {
            // the first task waits until the last one has finished
            assertTrue(lastDone.await(30, TimeUnit.SECONDS));
          }
          if (index == 7) {
            lastDone.countDown();
          }
          return index;
        });
      }
      work.drain();
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), got);
  }

  @Test
  void aFailure_isThrownAfterEveryEarlierResult_andLaterResultsAreDropped() {
    List<Integer> got = new ArrayList<>();
    IllegalArgumentException bad = new IllegalArgumentException("input 3");
    try (OrderedWork<Integer> work = new OrderedWork<>(2, 4, got::add)) {
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> {
        for (int i = 0; i < 6; i++) {
          int index = i;
          work.submit(() -> {
            if (index == 3) {
              throw bad;
            }
            return index;
          });
        }
        work.drain();
      });
      assertSame(bad, thrown);
    }
    assertEquals(List.of(0, 1, 2), got);
  }

  @Test
  void atMostMaxPending_areUndelivered() {
    AtomicInteger undelivered = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> got = new ArrayList<>();
    try (OrderedWork<Integer> work = new OrderedWork<>(2, 3, r -> {
      undelivered.decrementAndGet();
      got.add(r);
    })) {
      for (int i = 0; i < 100; i++) {
        int index = i;
        most.accumulateAndGet(undelivered.incrementAndGet(), Math::max);
        work.submit(() -> index);
      }
      work.drain();
    }
    assertEquals(100, got.size());
    // the count includes the task being submitted
    assertTrue(most.get() <= 4, "at most 3 pending before a submit, got " + most.get());
  }

  @Test
  void aSingleTask_runsOnTheCallersThread() {
    List<Thread> ran = new ArrayList<>();
    try (OrderedWork<Thread> work = new OrderedWork<>(4, 8, ran::add)) {
      work.submit(Thread::currentThread);
      work.drain();
    }
    assertEquals(List.of(Thread.currentThread()), ran);
  }

  @Test
  void oneThread_runsEachTaskAtOnce() {
    List<Integer> got = new ArrayList<>();
    try (OrderedWork<Integer> work = new OrderedWork<>(1, 1, got::add)) {
      work.submit(() -> 1);
      assertEquals(List.of(1), got);
      work.submit(() -> 2);
      assertEquals(List.of(1, 2), got);
    }
  }
}
