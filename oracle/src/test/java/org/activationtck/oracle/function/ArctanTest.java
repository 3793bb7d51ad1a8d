package org.activationtck.oracle.function;

import static org.activationtck.oracle.testing.Truth.apfloat;
import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.activationtck.spec.params.Params;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** arctan against Apfloat's atan and pi. */
class ArctanTest {

  private static final Arctan AT = new Arctan();
  private static final Params P = Params.of("onnx", Map.of());
  private static final int PREC = 120;

  @ParameterizedTest
  @ValueSource(doubles = {4.9e-324, 1e-300, 1e-30, 1e-10, 0.3, 0.99, 1, 1.5, 7, 1e10, 1e300, -0.7, -1e20})
  void required_arctan_value_matchesApfloat(double x) {
    for (int d : new int[] {20, 40, 60}) {
      assertAgrees(ApfloatMath.atan(apfloat(x, PREC)), AT.value(x, P, d), d);
    }
  }

  @Test
  void required_arctan_value_infinities_andIdentity() {
    Apfloat halfPi = ApfloatMath.pi(PREC).divide(new Apfloat(2, PREC));
    assertAgrees(halfPi, AT.value(Double.POSITIVE_INFINITY, P, 40), 40);
    assertAgrees(halfPi.negate(), AT.value(Double.NEGATIVE_INFINITY, P, 40), 40);
    assertExact("-0", AT.value(-0.0, P, 20));
    // arctan 4 + arctan(1/4) = pi/2
    BigDecimal sum = AT.value(4, P, 50).value().add(AT.value(0.25, P, 50).value());
    assertTrue(sum.subtract(new BigDecimal(halfPi.toString(true))).abs()
        .compareTo(new BigDecimal("1e-48")) < 0);
  }

  @Test
  void required_arctan_derivative() {
    assertExact("0.5", AT.derivative(1, P, 20));
    assertExact("0.8", AT.derivative(0.5, P, 20));
    assertExact("1", AT.derivative(0.0, P, 20));
    assertExact("0", AT.derivative(Double.POSITIVE_INFINITY, P, 20));
    Apfloat x = new Apfloat(3, PREC);
    assertAgrees(new Apfloat(1, PREC).divide(new Apfloat(1, PREC).add(x.multiply(x))),
        AT.derivative(3, P, 40), 40);
  }

  @Test
  void required_arctan_boundedTime() {
    Duration limit = Duration.ofSeconds(2);
    for (double x : new double[] {Double.MIN_VALUE, Double.MAX_VALUE, 1e-310, -0.5}) {
      assertTimeoutPreemptively(limit, () -> AT.value(x, P, 40));
      assertTimeoutPreemptively(limit, () -> AT.derivative(x, P, 40));
    }
  }
}
