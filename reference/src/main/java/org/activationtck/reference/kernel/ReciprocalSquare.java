package org.activationtck.reference.kernel;

import org.activationtck.spi.API;

/**
 * 1 / (1 + a)^2 and 1 / (1 + a^2) for a >= 0 to about 0.5 ulp: the derivatives of softsign and
 * arctan. The denominator is formed as a double-double (TwoSum and the fma two-product, exact) and
 * inverted with one Newton correction; above {@link #LARGE} the 1 is negligible and 1 / a^2 is
 * formed from 1 / a and its fma residual instead, so that (1 + a)^2 never overflows.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReciprocalSquare {

  /** Above this a, 1 + a and 1 + a^2 equal a and a^2 to within 2^-60 relative. */
  public static final double LARGE = 0x1p60;

  private ReciprocalSquare() {}

  /** 1 / (1 + a)^2 (or 1 / (1 + a^2) when squareFirst) for a >= 0, about 0.5 ulp. */
  public static double of(double a, boolean squareFirst) {
    if (a != a) {
      return a;
    }
    if (a == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    if (a > LARGE) {
      // 1 + a or 1 + a^2 equals a or a^2 to within 2^-60 relative.
      double r = 1 / a;
      double rl = Math.fma(-r, a, 1) / a;
      double hi = r * r;
      return hi + (Math.fma(r, r, -hi) + 2 * r * rl);
    }
    double dh;
    double dl;
    if (squareFirst) {
      double p = a * a;
      double pl = Math.fma(a, a, -p);
      dh = 1 + p;
      dl = (p > 1 ? (1 - (dh - p)) : (p - (dh - 1))) + pl;
    } else {
      double sh = 1 + a;
      double sl = a > 1 ? (1 - (sh - a)) : (a - (sh - 1));
      dh = sh * sh;
      dl = Math.fma(sh, sh, -dh) + 2 * sh * sl;
    }
    double q = 1 / dh;
    return q + (Math.fma(-q, dh, 1) - q * dl) / dh;
  }
}
