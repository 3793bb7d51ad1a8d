package org.activationtck.cli.exhaustive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.SplittableRandom;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** The bound of {@link SigmoidEstimate} against the oracle at 40 digits. */
class SigmoidEstimateTest {

  private static final ElementwiseFunction ORACLE =
      (ElementwiseFunction) FunctionRegistry.lookup("sigmoid").orElseThrow();
  private static final Params PARAMS =
      Params.resolve(Catalog.standard().require("sigmoid"), "keras3", Map.of(), Dtype.FLOAT64);

  /** |y - exact| / |y|, in units of the claimed bound. */
  private static double errorInBounds(double x) {
    double y = new SigmoidEstimate().estimate(x);
    BigDecimal exact = ORACLE.value(x, PARAMS, 40).value();
    BigDecimal err = new BigDecimal(y).subtract(exact).abs();
    return err.divide(new BigDecimal(y).abs(), MathContext.DECIMAL64).doubleValue()
        / SigmoidEstimate.BOUND;
  }

  @Test
  void estimate_isWithinItsBoundAcrossItsDomain() {
    SplittableRandom random = new SplittableRandom(6);
    double worst = 0;
    for (int i = 0; i < 3000; i++) {
      double x = random.nextDouble(SigmoidEstimate.LOWEST, 40);
      worst = Math.max(worst, errorInBounds(x));
    }
    for (double x : new double[] {SigmoidEstimate.LOWEST, -100, -1, -0x1p-30, 0, 0x1p-30, 1, 30, 700,
        750, 1e300}) {
      worst = Math.max(worst, errorInBounds(x));
    }
    // The derivation gives at most 5.002 * 2^-53 = 0.63 of the bound; a plain double formula
    // typically shows 2 to 3 units of 2^-53 (0.25 to 0.4 of the bound).
    assertTrue(worst <= 0.63, "worst error " + worst + " of the bound");
    assertTrue(worst > 0.05, "the check can see an error at all: " + worst);
  }

  /** Below -700 the estimate is +0.0, standing for a value below 2^-200: the oracle agrees. */
  @Test
  void estimate_isANegligibleZeroBelowItsDomain() {
    SigmoidEstimate e = new SigmoidEstimate();
    for (double x : new double[] {Math.nextDown(SigmoidEstimate.LOWEST), -745, -1500, -1e30}) {
      assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(e.estimate(x)));
      BigDecimal exact = ORACLE.value(x, PARAMS, 40).value();
      assertTrue(exact == null || exact.signum() >= 0
          && exact.compareTo(new BigDecimal(FastEstimate.NEGLIGIBLE)) < 0, x + ": " + exact);
    }
    assertEquals(0.0, e.estimate(Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN(e.estimate(Double.NaN)));
    assertEquals(1.0, e.estimate(Double.POSITIVE_INFINITY));
  }

  @Test
  void lookup_hasSigmoidOnly() {
    assertTrue(FastEstimate.lookup("sigmoid", false).orElseThrow() instanceof SigmoidEstimate);
    assertTrue(FastEstimate.lookup("sigmoid", true).isEmpty());
    assertTrue(FastEstimate.lookup("tanh", false).isEmpty());
  }
}
