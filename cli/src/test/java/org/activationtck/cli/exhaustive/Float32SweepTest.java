package org.activationtck.cli.exhaustive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.runner.Tier;
import org.activationtck.reference.ReferenceActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class Float32SweepTest {

  private static SweepResult sweep(Supplier<Activation> impl, String function, BitRange range) {
    return sweep(impl, function, range, 2);
  }

  private static SweepResult sweep(Supplier<Activation> impl, String function, BitRange range, int threads) {
    return sweep(impl, function, range, threads, Duration.ofSeconds(60));
  }

  private static SweepResult sweep(Supplier<Activation> impl, String function, BitRange range,
      int threads, Duration timeout) {
    Float32Truth truth = Float32TruthTest.truth(function, "keras3", false);
    return new Float32Sweep(impl, function, "keras3", Map.of(), false, truth, 0, Tier.STRICT, true,
        timeout).run(range, threads, null, Duration.ofSeconds(1));
  }

  /** Around 1.0, the special values and the near-midpoint input of Float32TruthTest. */
  @Test
  void reference_conformsOnRestrictedRanges() {
    for (BitRange r : new BitRange[] {
        new BitRange(0x3f7f8000L, 0x3f808000L), // around 1.0
        new BitRange(0x7f7fff00L, 0x7f800100L), // largest finite, +Infinity, NaNs
        new BitRange(0x80000000L, 0x80000100L), // -0.0 and the smallest negative subnormals
        new BitRange(0x34c00000L - 64, 0x34c00000L + 64)}) { // 1.5 * 2^-22: an oracle fallback
      SweepResult s = sweep(ReferenceActivation::new, "sigmoid", r);
      assertEquals(r.size(), s.checked(), r.toString());
      assertEquals(0, s.failed(), () -> r + ": " + s.classes());
      assertTrue(SweepReport.conforms(s));
    }
    SweepResult near = sweep(ReferenceActivation::new, "sigmoid", new BitRange(0x34c00000L, 0x34c00001L));
    assertEquals(1, near.oracleFallbacks());
  }

  /** The reference, except one wrong ulp at every 256th input in [2, 4). */
  static class BrokenSigmoid implements Activation {
    private final ReferenceActivation reference = new ReferenceActivation();

    @Override
    public String name() {
      return "broken";
    }

    @Override
    public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
      return function.equals("sigmoid") && !derivative;
    }

    @Override
    public double[] apply(Call call, double[] x) {
      throw new UnsupportedOperationException("float32 only");
    }

    @Override
    public float[] applyFloat32(Call call, float[] x) {
      float[] y = reference.applyFloat32(call, x);
      for (int i = 0; i < x.length; i++) {
        int b = Float.floatToRawIntBits(x[i]);
        if (x[i] >= 2 && x[i] < 4 && (b & 0xff) == 0) {
          y[i] = Math.nextUp(y[i]);
        }
      }
      return y;
    }
  }

  @Test
  void brokenImplementation_isCaughtInItsInputClass() {
    BitRange r = new BitRange(0x3ffff000L, 0x40001000L); // across 2.0
    SweepResult s = sweep(BrokenSigmoid::new, "sigmoid", r);
    assertEquals(16, s.failed()); // 0x40000000 .. 0x40000f00, every 256th
    assertEquals(r.size() - 16, s.passed());
    assertEquals(1, s.classes().size());
    SweepResult.FailingClass c = s.classes().get(0);
    assertEquals("+[2^1, 2^2)", c.label());
    assertEquals(16, c.failures());
    assertEquals(1.0, c.maxUlps());
    assertEquals(0x40000000, c.examples().get(0).bits(), "the smallest failing inputs are the examples");
    assertEquals(SweepTally.EXAMPLES_PER_CLASS, c.examples().size());
    assertFalse(SweepReport.conforms(s));
  }

  @Test
  void throwingAndUndeclaringImplementations_failOrAreNotImplemented() {
    BitRange r = new BitRange(0x3f800000L, 0x3f800000L + 3 * Float32Sweep.CHUNK / 2);
    Supplier<Activation> throwing = () -> new BrokenSigmoid() {
      @Override
      public float[] applyFloat32(Call call, float[] x) {
        throw new IllegalStateException("boom");
      }
    };
    SweepResult t = sweep(throwing, "sigmoid", r);
    assertEquals(r.size(), t.failed());
    assertTrue(t.worst().reason().contains("boom"), t.worst().reason());
    SweepResult n = sweep(BrokenSigmoid::new, "tanh", r); // declares sigmoid only
    assertEquals(r.size(), n.notImplemented());
    assertEquals(0, n.checked());
    assertFalse(SweepReport.conforms(n), "nothing checked is no pass");
  }

  @Test
  void errorsOfTheImplementation_failTheirChunks_andTheSweepGoesOn() {
    BitRange r = new BitRange(0x3f800000L, 0x3f800000L + 3 * Float32Sweep.CHUNK / 2);
    Supplier<Activation> outOfMemory = () -> new BrokenSigmoid() {
      @Override
      public float[] applyFloat32(Call call, float[] x) {
        throw new OutOfMemoryError("planted");
      }
    };
    SweepResult t = sweep(outOfMemory, "sigmoid", r);
    assertEquals(r.size(), t.failed());
    assertTrue(t.worst().reason().contains("OutOfMemoryError: planted"), t.worst().reason());
    Supplier<Activation> badSupports = () -> new BrokenSigmoid() {
      @Override
      public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
        throw new ExceptionInInitializerError("planted");
      }
    };
    SweepResult s = sweep(badSupports, "sigmoid", r);
    assertEquals(r.size(), s.failed());
    assertTrue(s.worst().reason().startsWith("supports() threw java.lang.ExceptionInInitializerError"),
        s.worst().reason());
  }

  /** Sleeps until the sweep interrupts the abandoned call, then answers nothing. */
  private static float[] hangUntilInterrupted() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new float[0];
  }

  /**
   * An instance that never answers for the chunk holding 2.0: that chunk is asked once more, of a
   * fresh instance, and fails with the time-out's reason when that one hangs too; each stuck
   * instance is closed and the thread goes on with a fresh one, so the chunks after it pass.
   */
  @Test
  @Timeout(30) // without the time-out the sweep would wait for ever
  void hangingCall_failsItsChunkAndTheSweepGoesOnWithAFreshInstance() {
    AtomicInteger made = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    class Hanging extends BrokenSigmoid implements AutoCloseable {
      @Override
      public float[] applyFloat32(Call call, float[] x) {
        if (x[0] == 2.0f) {
          return hangUntilInterrupted();
        }
        return new ReferenceActivation().applyFloat32(call, x);
      }

      @Override
      public void close() {
        closed.incrementAndGet();
      }
    }
    int chunk = Float32Sweep.CHUNK;
    BitRange r = new BitRange(0x40000000L - chunk, 0x40000000L + 2L * chunk); // 3 chunks, 2.0 starts the second
    SweepResult s = sweep(() -> {
      made.incrementAndGet();
      return new Hanging();
    }, "sigmoid", r, 1, Duration.ofMillis(300));
    assertEquals(chunk, s.failed());
    assertEquals(2L * chunk, s.passed());
    assertEquals("no answer within 300 ms, twice", s.worst().reason());
    assertEquals(0x40000000, s.classes().get(0).examples().get(0).bits());
    assertEquals(3, made.get(), "a fresh instance after each time-out");
    assertEquals(3, closed.get(), "the two stuck instances and the last one are closed");
  }

  /**
   * A call that misses the time-out once and answers when asked again, as a sweep suspended for
   * longer than the time-out does (kill -STOP, a batch scheduler's suspend): no input fails.
   */
  @Test
  @Timeout(30)
  void callThatTimesOutOnce_isAskedAgain_andNothingFails() {
    AtomicInteger made = new AtomicInteger();
    AtomicInteger stalls = new AtomicInteger();
    class StallsOnce extends BrokenSigmoid {
      @Override
      public float[] applyFloat32(Call call, float[] x) {
        if (x[0] == 2.0f && stalls.getAndIncrement() == 0) {
          return hangUntilInterrupted();
        }
        return new ReferenceActivation().applyFloat32(call, x);
      }
    }
    int chunk = Float32Sweep.CHUNK;
    BitRange r = new BitRange(0x40000000L - chunk, 0x40000000L + 2L * chunk);
    SweepResult s = sweep(() -> {
      made.incrementAndGet();
      return new StallsOnce();
    }, "sigmoid", r, 1, Duration.ofMillis(300));
    assertEquals(0, s.failed());
    assertEquals(3L * chunk, s.passed());
    assertEquals(2, stalls.get(), "the chunk holding 2.0 was asked twice");
    assertEquals(2, made.get(), "one fresh instance after the time-out");
  }

  @Test
  void shards_addUpToTheWholeRange() {
    BitRange whole = new BitRange(0x40000000L - 5000, 0x40000000L + 5000);
    SweepResult all = sweep(BrokenSigmoid::new, "sigmoid", whole, 1);
    long checked = 0;
    long failed = 0;
    for (int i = 1; i <= 3; i++) {
      SweepResult s = sweep(BrokenSigmoid::new, "sigmoid", whole.shard(i, 3), 2);
      checked += s.checked();
      failed += s.failed();
    }
    assertEquals(all.checked(), checked);
    assertEquals(all.failed(), failed);
    assertEquals(whole.size(), checked);
  }
}
