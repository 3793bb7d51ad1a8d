package org.activationtck.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/**
 * Implementations that misbehave never break the run: each fault fails the affected checks with
 * its reason, and every other function still runs.
 */
class HostileImplementationTest {

  /** linear is answered by {@code onLinear}; exponential correctly, to prove the run goes on. */
  private static Activation impl(BiFunction<Call, double[], double[]> onLinear) {
    return new Activation() {
      @Override
      public String name() {
        return "hostile";
      }

      @Override
      public boolean supports(String f, String d, Dtype t, boolean derivative) {
        return f.equals("linear") || f.equals("exponential");
      }

      @Override
      public double[] apply(Call call, double[] x) {
        if (call.function().equals("exponential")) {
          double[] y = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            y[i] = call.dtype() == Dtype.FLOAT32 ? (float) StrictMath.exp(x[i]) : StrictMath.exp(x[i]);
          }
          return y;
        }
        return onLinear.apply(call, x);
      }
    };
  }

  private static RunResult run(Activation a) {
    TckConfig c = TckConfig.builder().functions(List.of("linear", "exponential"))
        .dtypes(List.of(Dtype.FLOAT64)).callTimeout(Duration.ofSeconds(2)).build();
    return new TckRunner(a, c).run();
  }

  private static void assertLinearFailsWith(RunResult r, String reason) {
    for (Check c : r.checks()) {
      if (c.function().equals("linear")) {
        assertEquals(Check.Status.FAILED, c.status(), c.toString());
        assertTrue(c.reason().contains(reason), c.reason());
      } else {
        assertEquals(Check.Status.PASSED, c.status(), "exponential must still run: " + c);
      }
    }
  }

  @Test
  void throwing() {
    assertLinearFailsWith(run(impl((c, x) -> {
      throw new IllegalStateException("boom");
    })), "threw java.lang.IllegalStateException: boom");
  }

  @Test
  void returningNull() {
    assertLinearFailsWith(run(impl((c, x) -> null)), "returned null");
  }

  @Test
  void wrongLength() {
    assertLinearFailsWith(run(impl((c, x) -> new double[x.length + 1])), "values for");
  }

  @Test
  void mutatingItsInput() {
    assertLinearFailsWith(run(impl((c, x) -> {
      double[] y = x.clone();
      x[0] = 42;
      return y;
    })), "mutated its input array");
  }

  @Test
  void mutatingItsFloat32Input() {
    Activation a = new Activation() {
      @Override
      public String name() {
        return "mutates float32";
      }

      @Override
      public boolean supports(String f, String d, Dtype t, boolean derivative) {
        return f.equals("linear");
      }

      @Override
      public double[] apply(Call call, double[] x) {
        return x.clone();
      }

      @Override
      public float[] applyFloat32(Call call, float[] x) {
        float[] y = x.clone();
        x[0] = 42;
        return y;
      }
    };
    TckConfig c = TckConfig.builder().functions(List.of("linear")).dtypes(List.of(Dtype.FLOAT32)).build();
    RunResult r = new TckRunner(a, c).run();
    assertTrue(r.checks().stream().allMatch(ch -> ch.status() == Check.Status.FAILED
        && ch.reason().equals("mutated its input array")), "float32 mutation not detected");
  }

  @Test
  void neverReturning() {
    assertLinearFailsWith(run(impl((c, x) -> {
      while (true) {
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException e) {
          // ignore interrupts: a truly stuck implementation
        }
      }
    })), "no answer within 2000 ms");
  }

  @Test
  void unsupportedByException_isNotImplemented_neverPassed() {
    RunResult r = run(impl((c, x) -> {
      throw new UnsupportedOperationException("no");
    }));
    assertTrue(r.checks().stream().filter(c -> c.function().equals("linear"))
        .allMatch(c -> c.status() == Check.Status.NOT_IMPLEMENTED));
    assertEquals(0, r.failed());
  }
}
