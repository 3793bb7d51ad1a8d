package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.ToOddShortcut;
import org.activationtck.reference.internal.ZivRounding;

/**
 * The last step of the gelu and tanh_shrink fast paths: hi + lo, within an absolute error err of
 * the exact value, rounded for the kernel's dtype by Ziv's test, or NaN when the bound does not
 * decide (the kernel then runs its accurate path).
 */
public final class FastPathRounding {

  private FastPathRounding() {}

  /**
   * float64 ({@link FinalRounding#NEAREST}): {@link ZivRounding#nearest} with the bound made relative to
   * |hi + lo|; narrow dtypes: {@link ToOddShortcut#round}.
   */
  public static double round(double hi, double lo, double err, FinalRounding rounding) {
    return rounding.toOdd() ? ToOddShortcut.round(hi, lo, err)
        : ZivRounding.nearest(hi, lo, err / Math.abs(hi + lo));
  }
}
