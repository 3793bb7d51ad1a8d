package org.activationtck.tck.reference.function;

import static org.activationtck.tck.reference.internal.DoubleDouble.add;
import static org.activationtck.tck.reference.internal.DoubleDouble.div;
import static org.activationtck.tck.reference.internal.DoubleDouble.mul;
import static org.activationtck.tck.reference.internal.DoubleDouble.sub;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.DoubleRounding;

/**
 * tanh_shrink: x - tanh(x) in double-double, rounded once; odd (the sign is restored from x).
 *
 * <p>Method.
 * <ol>
 *   <li>|x| < 2^-30: x^3/3 (1 - 2x^2/5); the next term is below x^4 < 2^-120 relative. Inputs
 *       below 2^-300 are scaled by 2^400 first (exactly) and the result by 2^-1200 once, so
 *       subnormal results are rounded once from a 106-bit value.
 *   <li>2^-30 <= |x| <= 1: N/cosh with N = x cosh x - sinh x = sum_{n>=1} 2n x^(2n+1)/(2n+1)!
 *       (positive terms, ratio below 1/10: 30 terms reach 2^-110) and cosh from the
 *       double-double exp.
 *   <li>1 < |x| <= 40: |x| - tanh|x| with tanh = m/(m + 2), m = e^(2|x|) - 1 in double-double;
 *       the difference loses at most 2.1 bits (it is at least 0.238 |x|).
 *   <li>|x| > 40: |x| - 1 + 2e^(-2|x|) - ... with the tiny term only breaking a tie of |x| - 1:
 *       the exact two-sum error e of |x| - 1 shows when |x| - 1 was an exact midpoint rounded
 *       down, in which case the true value lies above the midpoint and rounds up; when |x| - 1
 *       is exact but a float32 midpoint, the result moves one double ulp up so that (float)
 *       rounds up too (float32 inputs in [2^24, 2^25]).
 * </ol>
 *
 * <p>Accuracy: below 10^-25 relative before the final rounding: within 1 ulp.
 *
 * <p>Special cases (catalog): NaN → NaN; ±Inf → ±Inf; ±0 → +0.0 (x - tanh x = -0.0 - -0.0).
 * Derivative tanh(x)^2: ±Inf → 1; ±0 → +0.0; for |x| < 2^-27, x^2 (1 - 2x^2/3) (the
 * double-double m = e^(2|x|) - 1 keeps only about 106 - log2(1/m) bits, too few below 2^-27).
 */
public final class TanhShrink extends RoundingFunction {

  /** The kernel for one final rounding: nearest (float64) or to odd (narrower dtypes). */
  private static final class RoundingKernel implements Kernel {
    private final boolean toOdd;

    RoundingKernel(boolean toOdd) {
      this.toOdd = toOdd;
    }

    @Override
    public double value(double x) {
      if (x != x || x == 0) {
        return x == 0 ? 0.0 : x;
      }
      if (Double.isInfinite(x)) {
        return x;
      }
      return Math.copySign(positive(Math.abs(x), toOdd), x);
    }

    @Override
    public double derivative(double x) {
      if (x != x) {
        return x;
      }
      if (x == 0) {
        return 0.0;
      }
      double a = Math.abs(x);
      if (a > 22) {
        return 1.0; // 1 - tanh^2 < 8e^-44 < 2^-54
      }
      if (a < 0x1p-27) {
        // tanh(a)^2 = a^2 (1 - 2a^2/3 + ...); the double-double e^(2a) - 1 would keep too few
        // bits of m ~ 2a here.
        return DoubleDouble.round(mul(mul(DoubleDouble.of(a), a), add(DoubleDouble.ONE, DoubleDouble.of(-2 * a * a / 3))), toOdd);
      }
      DoubleDouble t = tanh(a);
      return DoubleDouble.round(mul(t, t), toOdd);
    }
  }

  private static double positive(double a, boolean toOdd) {
    if (a < 0x1p-30) {
      int scale = a < 0x1p-300 ? 400 : 0;
      double y = Math.scalb(a, scale);
      DoubleDouble y3 = mul(mul(DoubleDouble.of(y), y), y);
      DoubleDouble p = div(y3, DoubleDouble.of(3));
      p = mul(p, add(DoubleDouble.ONE, DoubleDouble.of(-0.4 * a * a)));
      return scale == 0 ? DoubleDouble.round(p, toOdd) : DoubleRounding.scaleDown(p.hi, p.lo, 3 * scale);
    }
    if (a <= 1) {
      DoubleDouble x2 = mul(DoubleDouble.of(a), a);
      DoubleDouble t = div(mul(x2, a), DoubleDouble.of(3));
      DoubleDouble s = t;
      for (int n = 1; n < 40; n++) {
        t = div(mul(t, x2), DoubleDouble.of(2.0 * n * (2 * n + 3)));
        s = add(s, t);
        if (t.hi < s.hi * 0x1p-110) {
          break;
        }
      }
      DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(a));
      DoubleDouble cosh = DoubleDouble.scalb(add(e, div(DoubleDouble.ONE, e)), -1);
      return DoubleDouble.round(div(s, cosh), toOdd);
    }
    if (a <= 40) {
      return DoubleDouble.round(sub(DoubleDouble.of(a), tanh(a)), toOdd);
    }
    double s = a - 1;
    double e = (a - s) - 1; // exact (fast two-sum, |a| > 1)
    // The true value a - 1 + 2e^(-2a) - ... lies just above a - 1 = s + e: when a - 1 is an exact
    // midpoint that was rounded down (e > 0), it rounds up and the remainder is negative;
    // otherwise s is nearest and the remainder has e's sign, or is the positive tail (e = 0).
    if (e > 0 && e == (Math.nextUp(s) - s) * 0.5) {
      return DoubleRounding.finish(Math.nextUp(s), -1, toOdd);
    }
    return DoubleRounding.finish(s, e != 0 ? e : 1, toOdd);
  }

  /** tanh(a) in double-double for 2^-27 <= a <= 40 (below, m = e^(2a) - 1 loses too much). */
  static DoubleDouble tanh(double a) {
    DoubleDouble m = sub(DoubleDouble.exp(DoubleDouble.of(2 * a)), DoubleDouble.ONE);
    return div(m, add(m, DoubleDouble.of(2)));
  }

  @Override
  Kernel bind(Params p, boolean toOdd) {
    return new RoundingKernel(toOdd);
  }
}
