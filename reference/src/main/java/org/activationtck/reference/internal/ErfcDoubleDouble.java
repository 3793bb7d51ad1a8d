package org.activationtck.reference.internal;

import static org.activationtck.reference.internal.DoubleDouble.add;
import static org.activationtck.reference.internal.DoubleDouble.div;
import static org.activationtck.reference.internal.DoubleDouble.mul;
import static org.activationtck.reference.internal.DoubleDouble.sub;

import org.activationtck.spi.API;

/**
 * erf and erfc in double-double for the gelu reference (java.lang.Math has no erf). Written
 * from the textbook formulas, not ported.
 *
 * <p>Method.
 * <ol>
 *   <li>0 <= t < {@link #SERIES_LIMIT} = 3: erf(t) = (2/sqrt pi) e^(-t^2) sum_n 2^n t^(2n+1) /
 *       (2n+1)!! (DLMF 7.6.2, positive terms, no cancellation); the sum stops once the term
 *       ratio 2t^2/(2n+3) is at most 1/2 and the term is below 2^-110 of the sum (tail at most
 *       the last term). erfc = 1 - erf loses at most log2(1/erfc(3)) = 15.5 of the 106 bits.
 *   <li>t >= 3: erfc(t) = e^(-t^2) * 2t / (sqrt(pi) F) with Laplace's continued fraction
 *       F = 2t^2 + 1 - 1*2/(2t^2 + 5 - 3*4/(2t^2 + 9 - ...)) (the even contraction of DLMF
 *       7.9.2), evaluated backwards from a fixed depth: 60 levels for t < 4, 40 for t < 6, 20
 *       beyond. Truncation error measured against 50-digit values at t = 3, 4 and 6 (the worst
 *       point of each range; convergence improves with t): below 10^-34 relative.
 * </ol>
 *
 * <p>Accuracy: relative error below 10^-27 for erf on [0, 3), erfc on [0, 3) below 10^-22, the
 * continued-fraction factor below 10^-29; the exponential is
 * {@link ExpDoubleDouble#exp(DoubleDouble)} (below 2^-102).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ErfcDoubleDouble {

  /** Cut-over between the series and the continued fraction. */
  public static final double SERIES_LIMIT = 3;

  /** 2/sqrt(pi) = 0x1.20dd750429b6dp+0 + 0x1.1ae3a914fed80p-56 (1.1283791670955126). */
  public static final DoubleDouble TWO_OVER_SQRT_PI =
      DoubleDouble.of(0x1.20dd750429b6dp+0, 0x1.1ae3a914fed80p-56);

  private static final double STOP = 0x1p-110;

  private ErfcDoubleDouble() {}

  /** erf(t) for 0 <= t < 3. */
  public static DoubleDouble erf(DoubleDouble t) {
    if (t.hi == 0) {
      return t;
    }
    DoubleDouble t2 = mul(t, t);
    DoubleDouble twoT2 = DoubleDouble.scalb(t2, 1);
    DoubleDouble a = t;
    DoubleDouble s = t;
    for (int n = 0; n < 200; n++) {
      double denominator = 2 * n + 3;
      a = div(mul(a, twoT2), DoubleDouble.of(denominator));
      s = add(s, a);
      if (2 * twoT2.hi <= denominator && a.hi <= s.hi * STOP) {
        break;
      }
    }
    DoubleDouble e = ExpDoubleDouble.exp(DoubleDouble.negate(t2));
    return mul(mul(s, e), TWO_OVER_SQRT_PI);
  }

  /** erfc(t) for 0 <= t < 3 (a normal double-double, at least 2e-5). */
  public static DoubleDouble erfcSmall(DoubleDouble t) {
    return sub(DoubleDouble.ONE, erf(t));
  }

  /** 2t / (sqrt(pi) F): erfc(t) = e^(-t^2) times this, for t >= 3. */
  public static DoubleDouble tailFactor(DoubleDouble t) {
    int depth = t.hi < 4 ? 60 : t.hi < 6 ? 40 : 20;
    DoubleDouble z = DoubleDouble.scalb(mul(t, t), 1);
    DoubleDouble f = add(z, DoubleDouble.of(4.0 * depth + 1));
    for (int k = depth; k >= 1; k--) {
      DoubleDouble b = add(z, DoubleDouble.of(4.0 * (k - 1) + 1));
      double a = (2.0 * k - 1) * (2.0 * k);
      f = sub(b, div(DoubleDouble.of(a), f));
    }
    return div(mul(t, TWO_OVER_SQRT_PI), f);
  }
}
