package org.activationtck.reference.kernel;

/**
 * Case splits as arithmetic, for the loops of {@link BranchFreeKernel}: indicators that are
 * exactly 0 or 1 (NaN for a NaN argument) and a select driven by one. Only multiplications by
 * powers of two and Math.min/max, which C2 vectorizes; a comparison would be a branch.
 *
 * <p>Why the indicators are exact: every nonzero double has magnitude at least 2^-1074, so
 * x 2^1074 (two exact scalings, 2^1023 then 2^51; overflow to infinity is harmless) has magnitude
 * at least 1 unless x is a zero, and clamping it to [0, 1] leaves 1 for x > 0 and 0 for x <= 0,
 * both zeros included (Math.max(-0.0, 0.0) is +0.0). Math.min and Math.max return NaN for a NaN
 * argument, so NaN propagates. Comparisons with a threshold t are indicators of x - t: for finite
 * x and t the rounded difference is zero only when x = t (gradual underflow) and otherwise has the
 * sign of the exact one.
 */
public final class Step {

  private Step() {}

  /** 1 for x > 0, 0 for x <= 0 (either zero, -Infinity), NaN for NaN. */
  public static double positive(double x) {
    return Math.min(Math.max(x * 0x1p1023 * 0x1p51, 0.0), 1.0);
  }

  /** 1 for x >= 0 (either zero, +Infinity), 0 for x < 0, NaN for NaN. */
  public static double nonNegative(double x) {
    // x 2^1074 is <= -1 for x < 0, so adding 1 leaves <= 0; it is +-0 for a zero, giving 1.
    return Math.min(Math.max(x * 0x1p1023 * 0x1p51 + 1, 0.0), 1.0);
  }

  /**
   * a where s = 1, b where s = 0, bit for bit, for finite b and a not NaN (a NaN a or s gives NaN).
   * Method: clamp a to [b - w, b + w] with w = +Infinity for s = 1 (s 2^1023 2 overflows) and
   * w = +0.0 for s = 0. The upper wall is written -((-b) - w) so that it is b itself, sign of zero
   * included, when w = 0 (b + 0 would turn -0.0 into +0.0); clamping to [b, b] then returns the
   * wall b, since Math.min/max order -0.0 below +0.0.
   */
  public static double select(double s, double a, double b) {
    double w = s * 0x1p1023 * 2;
    return Math.min(Math.max(a, b - w), -((-b) - w));
  }

  /**
   * max(x, 0) with the catalog's zeros: x itself for x >= 0, -0.0 and NaN, +0.0 for x < 0
   * (-Infinity included), branch-free with a single Math.max (each one is several vector
   * instructions under Java's NaN and signed-zero rules; a division is one). Math.max(x, 0.0)
   * alone would turn -0.0 into +0.0, so the second operand is k = -0.0 / d with
   * d = fma(x, 2^1023, 2^-52), whose sign is that of x except that both zeros give d = 2^-52 > 0:
   * the fma rounds once, so d has the sign of the exact x 2^1023 + 2^-52, which is never zero
   * (it would need x = -2^-1075) and is negative exactly when x < 0, since every negative double
   * is at most -2^-1074 and so x 2^1023 <= -2^-51; overflow to -Infinity keeps the sign, and
   * -Infinity gives d = -Infinity. Hence k = +0.0 for x < 0 (-0.0 / -Infinity too) and k = -0.0
   * for x >= -0.0 (+0.0 included, and -0.0 / +Infinity for large x); a NaN x gives a NaN k.
   * Math.max(x, k) is then +0.0 for x < 0; x for x > 0; max(-0.0, -0.0) = -0.0 and
   * max(+0.0, -0.0) = +0.0 for the zeros; NaN for NaN.
   */
  public static double positivePart(double x) {
    return Math.max(x, -0.0 / Math.fma(x, 0x1p1023, 0x1p-52));
  }
}
