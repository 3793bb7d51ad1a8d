package org.activationtck.oracle.internal;

import static org.activationtck.oracle.testing.Truth.assertAgrees;
import static org.activationtck.oracle.testing.Truth.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import org.activationtck.oracle.Real;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/** ExactQuotient and SignedProduct: exactness where the result terminates, IEEE signs. */
class PiecewiseKernelsTest {

  @Test
  void sixth_exactWhenTerminating() {
    assertExact("0.5", ExactQuotient.sixth(new BigDecimal(3), 20));
    assertExact("0.25", ExactQuotient.sixth(new BigDecimal("1.5"), 20));
    assertExact("-0.375", ExactQuotient.sixth(new BigDecimal("-2.25"), 20));
    // 3 * 2^-60: a dyadic sixth (2^-61) of a long decimal.
    assertExact(new BigDecimal(Math.scalb(1.0, -61)).toPlainString(),
        ExactQuotient.sixth(new BigDecimal(Math.scalb(3.0, -60)), 20));
    assertEquals(Real.Kind.ZERO, ExactQuotient.sixth(BigDecimal.ZERO, 20).kind());
  }

  @Test
  void sixth_approximateOtherwise_withinBound() {
    for (String n : new String[] {"1", "-2", "0.1", "3.0000000000000004440892098500626161694526672363281"}) {
      for (int d : new int[] {5, 17, 60, 300}) {
        Real r = ExactQuotient.sixth(new BigDecimal(n), d);
        assertFalse(r.isExact(), n);
        Apfloat truth = new Apfloat(n, d + 40).divide(new Apfloat(6, d + 40));
        assertAgrees(truth, r, d);
      }
    }
  }

  @Test
  void signedProduct_ieeeSigns() {
    assertEquals(Real.NEGATIVE_ZERO, SignedProduct.of(new BigDecimal("0.5"), -0.0));
    assertEquals(Real.POSITIVE_ZERO, SignedProduct.of(new BigDecimal("-0.5"), -0.0));
    assertEquals(Real.NEGATIVE_ZERO, SignedProduct.of(BigDecimal.ZERO, -3));
    assertEquals(Real.POSITIVE_ZERO, SignedProduct.of(BigDecimal.ZERO, 3));
    assertEquals(Real.NAN, SignedProduct.of(BigDecimal.ZERO, Double.NEGATIVE_INFINITY));
    assertEquals(Real.POSITIVE_INFINITY, SignedProduct.of(new BigDecimal("-2"), Double.NEGATIVE_INFINITY));
    assertExact("-0.75", SignedProduct.of(new BigDecimal("0.25"), -3));
  }
}
