package org.activationtck.reference.function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.oracle.OracleValue;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;


/**
 * The table and plain-double fast paths of arctan, tanh, softplus and log_sigmoid against the
 * accurate paths they fall back to (independent methods, themselves held to the oracle by
 * ReferenceAgreementTest and DoubleDoubleReferenceTest) on many seeded random inputs, and against
 * the oracle on a smaller sample: float64 correctly rounded where the fast path decides, float32
 * correctly rounded.
 */
class FastPathAgreementTest {

  private static final int SAMPLES = 200_000;
  private static final int ORACLE_SAMPLES = 400;

  /** Uniform on [-10, 10] (the benchmark's inputs), [-1, 1] and log-uniform 2^-30 .. 2^30. */
  private static double input(Random rnd, int i) {
    switch (i % 3) {
      case 0:
        return rnd.nextDouble() * 20 - 10;
      case 1:
        return rnd.nextDouble() * 2 - 1;
      default:
        double m = Math.pow(2, rnd.nextDouble() * 60 - 30);
        return rnd.nextBoolean() ? m : -m;
    }
  }

  @Test
  void arctan_tableMethod_agreesWithHalvingMethod() {
    Random rnd = new Random(20261124L);
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < SAMPLES; i++) {
      double x = input(rnd, i);
      for (FinalRounding rounding : FinalRounding.values()) {
        double fast = atan(x, rounding);
        double slow = Arctan.accurate(x, rounding);
        boolean same = rounding.toOdd() ? (float) fast == (float) slow : fast == slow;
        if (!same && failures.length() < 2000) {
          failures.append(String.format("%n  x=%s rounding=%s: fast %s, accurate %s",
              Double.toHexString(x), rounding, fast, slow));
        }
      }
    }
    assertTrue(failures.length() == 0, "arctan fast path disagrees:" + failures);
  }

  @Test
  void softplus_fastPaths_agreeWithDoubleDoubleMethod() {
    Random rnd = new Random(20261125L);
    StringBuilder failures = new StringBuilder();
    for (double beta : new double[] {1, 2, 0.3, 7.5}) {
      for (int i = 0; i < SAMPLES / 2; i++) {
        double x = i % 7 == 6 ? rnd.nextDouble() * 1600 - 800 : input(rnd, i);
        double z = beta * x;
        double zl = Math.fma(beta, x, -z);
        for (FinalRounding rounding : FinalRounding.values()) {
          double fast = softplus(z, zl, beta, rounding);
          double slow = Softplus.accurate(z, zl, beta, rounding);
          boolean same = rounding.toOdd() ? (float) fast == (float) slow
              : Double.doubleToLongBits(fast) == Double.doubleToLongBits(slow);
          if (!same && failures.length() < 2000) {
            failures.append(String.format("%n  x=%s beta=%s rounding=%s: fast %s, accurate %s",
                Double.toHexString(x), beta, rounding, fast, slow));
          }
        }
      }
    }
    assertTrue(failures.length() == 0, "softplus fast path disagrees:" + failures);
  }

  /**
   * The float32 array forms of softplus (pytorch's beta and threshold) and log_sigmoid keep the
   * block's rounded double where NarrowShortcut decides it (SoftplusBlock.NARROW_BOUND): after
   * narrowing they must give what the double-double method gives, also for betas whose
   * quotients reach the subnormal range (2^100: z = beta x in [-700, 40] for float32 x).
   */
  @Test
  void softplusAndLogSigmoid_float32ArrayForms_agreeWithDoubleDoubleMethod() {
    Random rnd = new Random(20261127L);
    StringBuilder failures = new StringBuilder();
    FunctionSpec softplus = Catalog.standard().require("softplus");
    // float32 values: Params resolved for float32 keeps beta as a float32.
    for (double beta : new double[] {1, 0.375, 7.5, 0x1p60, 0x1p100}) {
      Map<String, String> given = Map.of("beta", Double.toString(beta), "threshold", "20");
      ReferenceFunction.Kernel k = new Softplus().bind(
          Params.resolve(softplus, "pytorch", given, Dtype.FLOAT32), Dtype.FLOAT32);
      float[] x = new float[SAMPLES / 5];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) (beta > 100 ? (rnd.nextDouble() * 740 - 700) / beta : input(rnd, i));
      }
      float[] y = new float[x.length];
      k.values(x, y);
      for (int i = 0; i < x.length; i++) {
        double z = beta * x[i];
        float want = z > 20 ? x[i]
            : (float) Softplus.accurate(z, Math.fma(beta, x[i], -z), beta, FinalRounding.TO_ODD);
        if (Float.floatToIntBits(want) != Float.floatToIntBits(y[i]) && failures.length() < 2000) {
          failures.append(String.format("%n  softplus x=%s beta=%s: array %s, accurate %s",
              Float.toHexString(x[i]), beta, y[i], want));
        }
      }
    }
    FunctionSpec logSigmoid = Catalog.standard().require("log_sigmoid");
    ReferenceFunction.Kernel k = new LogSigmoid().bind(
        Params.resolve(logSigmoid, "keras3", Map.of(), Dtype.FLOAT32), Dtype.FLOAT32);
    float[] x = new float[SAMPLES / 5];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (i % 4 == 3 ? rnd.nextDouble() * 1600 - 800 : input(rnd, i));
    }
    float[] y = new float[x.length];
    k.values(x, y);
    for (int i = 0; i < x.length; i++) {
      float want = (float) -Softplus.accurate(-x[i], 0, 1, FinalRounding.TO_ODD);
      if (Float.floatToIntBits(want) != Float.floatToIntBits(y[i]) && failures.length() < 2000) {
        failures.append(String.format("%n  log_sigmoid x=%s: array %s, accurate %s",
            Float.toHexString(x[i]), y[i], want));
      }
    }
    assertTrue(failures.length() == 0, "float32 array form disagrees:" + failures);
  }

  @Test
  void softplus_agreesWithOracle_correctlyRounded() {
    checkOracle("softplus", "keras3", Map.of(), x -> softplus(x, 0, 1, FinalRounding.NEAREST),
        x -> softplus(x, 0, 1, FinalRounding.TO_ODD));
  }

  @Test
  void tanh_fastPaths_agreeWithExpm1Method() {
    Random rnd = new Random(20261126L);
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < SAMPLES; i++) {
      double x = i % 5 == 4 ? rnd.nextDouble() * 50 - 25 : input(rnd, i);
      for (FinalRounding rounding : FinalRounding.values()) {
        double fast = tanh(x, rounding);
        double slow = Tanh.accurate(x, rounding);
        boolean same = rounding.toOdd() ? (float) fast == (float) slow
            : Double.doubleToLongBits(fast) == Double.doubleToLongBits(slow);
        if (!same && failures.length() < 2000) {
          failures.append(String.format("%n  x=%s rounding=%s: fast %s, accurate %s",
              Double.toHexString(x), rounding, fast, slow));
        }
      }
    }
    assertTrue(failures.length() == 0, "tanh fast path disagrees:" + failures);
  }

  @Test
  void tanh_agreesWithOracle_correctlyRounded() {
    checkOracle("tanh", "keras3", Map.of(), x -> tanh(x, FinalRounding.NEAREST), x -> tanh(x, FinalRounding.TO_ODD));
  }

  @Test
  void arctan_agreesWithOracle_correctlyRounded() {
    checkOracle("arctan", "keras3", Map.of(), x -> atan(x, FinalRounding.NEAREST), x -> atan(x, FinalRounding.TO_ODD));
  }

  /** A fast path's result where it decides, else the accurate path's: FastPathKernel's value(x). */
  private static double firstOf(double fast, DoubleSupplier accurate) {
    return fast == fast ? fast : accurate.getAsDouble();
  }

  private static double atan(double x, FinalRounding rounding) {
    return firstOf(Arctan.fast(x, rounding), () -> Arctan.accurate(x, rounding));
  }

  private static double softplus(double z, double zl, double beta, FinalRounding rounding) {
    return firstOf(Softplus.fast(z, zl, beta, rounding, new double[1]),
        () -> Softplus.accurate(z, zl, beta, rounding));
  }

  private static double tanh(double x, FinalRounding rounding) {
    return firstOf(Tanh.fast(x, rounding, new double[1]), () -> Tanh.accurate(x, rounding));
  }

  private static void checkOracle(String id, String dialect, Map<String, String> explicit,
      java.util.function.DoubleUnaryOperator float64, java.util.function.DoubleUnaryOperator narrow) {
    FunctionSpec f = Catalog.standard().require(id);
    ElementwiseFunction oracle = (ElementwiseFunction) FunctionRegistry.lookup(id).get();
    Random rnd = new Random(7L);
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < ORACLE_SAMPLES; i++) {
      double x64 = input(rnd, i);
      double x32 = (float) x64;
      Params p64 = Params.resolve(f, dialect, explicit, Dtype.FLOAT64);
      Params p32 = Params.resolve(f, dialect, explicit, Dtype.FLOAT32);
      double e64 = new OracleValue(d -> oracle.value(x64, p64, d)).rounded(Dtype.FLOAT64);
      double e32 = new OracleValue(d -> oracle.value(x32, p32, d)).rounded(Dtype.FLOAT32);
      double g64 = float64.applyAsDouble(x64);
      double g32 = (float) narrow.applyAsDouble(x32);
      if (Double.doubleToLongBits(g64) != Double.doubleToLongBits(e64)) {
        failures.append(String.format("%n  float64 x=%s: expected %s, got %s", x64, e64, g64));
      }
      if (Double.doubleToLongBits(g32) != Double.doubleToLongBits(e32)) {
        failures.append(String.format("%n  float32 x=%s: expected %s, got %s", x32, e32, g32));
      }
    }
    assertTrue(failures.length() == 0, id + " disagrees with the oracle:" + failures);
  }
}
