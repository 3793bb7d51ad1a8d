package org.activationtck.reference.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The constants both table-driven exponentials reduce with ({@link ExpDoubleDouble},
 * {@link FastExpDoubleDouble}): x = k ln2/256 + r, so e^x = 2^(k div 256) 2^((k mod 256)/256) e^r.
 * ln2/256 comes in three parts, the first with 32 significant bits (fdlibm's ln2HI / 256) so that
 * k times it is exact for |k| < 2^21; the 256 values 2^(j/256) come to 60 digits, from which each
 * kernel takes the double-double layout it needs. Computed once, at class initialization.
 */
final class ExpReductionTable {

  static final int LOG2_N = 8;
  static final int N = 1 << LOG2_N;
  static final double INV_LN2_N = N / Math.log(2);

  /** The precision of {@link #power}. */
  static final MathContext DIGITS_60 = new MathContext(60);

  /** fdlibm's ln2HI, 0x3fe62e42fee00000 (32 significant bits), divided by 256: exact. */
  static final double LN2_N_HI = Double.longBitsToDouble(0x3fe62e42fee00000L) / N;
  /** The nearest double to ln2/256 - LN2_N_HI. */
  static final double LN2_N_MID;
  /** The nearest double to what LN2_N_MID leaves (below 2^-110 in all). */
  static final double LN2_N_LO;

  /** 2^(j/256), j = 0 .. 255. */
  private static final BigDecimal[] POWERS = new BigDecimal[N];

  static {
    BigDecimal ln2 = new BigDecimal(
        "0.6931471805599453094172321214581765680755001343602552541206800094933936219696947");
    BigDecimal rest = ln2.subtract(new BigDecimal(Double.longBitsToDouble(0x3fe62e42fee00000L)));
    double mid = rest.doubleValue();
    LN2_N_MID = mid / N;
    LN2_N_LO = rest.subtract(new BigDecimal(mid)).doubleValue() / N;
    // roots[i] = 2^(2^i / 256) by repeated square roots of 2 (60 digits, error about 10^-58);
    // 2^(j/256) is the product of the roots of j's one bits (error about 10^-57, far below the
    // 2^-106 a double-double table entry resolves).
    BigDecimal[] roots = new BigDecimal[LOG2_N];
    BigDecimal v = BigDecimal.valueOf(2);
    for (int i = LOG2_N - 1; i >= 0; i--) {
      v = v.sqrt(DIGITS_60);
      roots[i] = v;
    }
    for (int j = 0; j < N; j++) {
      BigDecimal t = BigDecimal.ONE;
      for (int i = 0; i < LOG2_N; i++) {
        if ((j & (1 << i)) != 0) {
          t = t.multiply(roots[i], DIGITS_60);
        }
      }
      POWERS[j] = t;
    }
  }

  private ExpReductionTable() {}

  /** 2^(j/256) to 60 significant digits, 0 <= j < 256. */
  static BigDecimal power(int j) {
    return POWERS[j];
  }
}
