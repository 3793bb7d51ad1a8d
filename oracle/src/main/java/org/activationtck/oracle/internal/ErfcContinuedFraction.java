package org.activationtck.oracle.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * erfc(t) for t >= 1 with relative error at most 10^-digits, by Laplace's continued fraction
 * (DLMF 7.9.2) with a stopping rule that proves its truncation error.
 *
 * <p>Method. For t > 0,
 *
 * <pre>
 *   f(t) = sqrt(pi) e^(t^2) erfc(t) = 2/(2t + 2/(2t + 4/(2t + 6/(2t + ...))))
 * </pre>
 *
 * (DLMF 7.9.2 with every level multiplied by 2: partial numerators c_1 = 2, c_k = 2(k - 1),
 * denominators 2t). Its convergents C_k = A_k / B_k follow A_k = 2t A_(k-1) + c_k A_(k-2) from
 * A_(-1) = 1, A_0 = 0 (B likewise from B_(-1) = 0, B_0 = 1). Every c_k and 2t is positive, so the
 * fraction is a Stieltjes fraction: the even convergents increase, the odd ones decrease and the
 * limit f lies between any two consecutive ones. Hence |f - C_n| <= |C_n - C_(n-1)|, which the loop
 * measures: no truncation formula is needed, and the last two convergents are the proof. The
 * loop stops at the first n with |C_n - C_(n-1)| <= 2^-(P+2) C_n, P = ceil((d + 3) log2 10).
 * Then erfc(t) = C_n e^(-t^2) / sqrt(pi).
 *
 * <p>Arithmetic, in binary fixed point of W = P + {@link #GUARD_BITS} bits (integers, no decimal
 * rounding). 2t is held as T = floor(2t 2^W), within relative 2^-(W+1) below (t >= 1). A_k and
 * B_k are integers: the product term is floor(T A_(k-1) / 2^W), and whenever the older pair
 * (A_(k-1), B_(k-1), the smaller values: both sequences increase) exceeds 2^(W+{@link
 * #RESCALE_BITS}) all four are shifted right by the same amount, keeping each >= 2^W. Each of
 * these truncations is a relative error of at most 2^-W on a positive quantity, and sums of positives take the larger relative error of their terms, so
 * after n steps A_n and B_n are within 2n 2^-W of the exact recurrence with T. T's own error
 * moves A_n and B_n, polynomials of degree <= n in T with nonnegative coefficients, by at most
 * n 2^-(W+1) relative. So each computed convergent is within 6n 2^-W of the exact C_n(t), the
 * measured gap within 12n 2^-W of the exact one, and |f - computed C_n| <= (2^-(P+2) + 18n 2^-W)
 * C_n < 2^-(P+1) C_n for n <= {@link #MAX_TERMS} = 2^20 (18 * 2^20 * 2^-(P+28) < 2^-(P+3.8)).
 * The quotient C_n is taken with P + 40 fraction bits (C_n >= 1/(2t) > 2^-18 for t <= 70,000:
 * relative 2^-(P+22)) and truncated to d + 10 decimals (relative 10^-(d+10) 2t < 10^-(d+4)).
 * e^(-t^2) at the exact square t^2, sqrt(pi) and the two operations at d + {@link #GUARD} digits
 * add below 4 * 10^-(d+10). Total below 10^-(d+2) before the final rounding at {@link
 * Precision#working}: within 10^-d.
 *
 * <p>Cost: the number of steps falls with t and grows with d (measured: about 54 steps at t = 3
 * and 16 at t = 10 for d = 20; 850 at t = 3 and 130 at t = 10 for d = 100; near the cut-over,
 * t = 6 at d = 100, about 250); each step is two
 * W-bit multiplications. {@link Erfc} and {@link Erf} use it above {@link #cutOver}. A double
 * estimate of the gap runs alongside, so the exact gap (two more multiplications) is measured only
 * from the step where the estimate says it is nearly small enough.
 */
public final class ErfcContinuedFraction {

  /** W - P: 18n 2^-W < 2^-(P+3.8) for n <= MAX_TERMS = 2^20, see the class comment. */
  static final int GUARD_BITS = 28;

  /** Bits above 2^W the smallest live value may reach before all four are shifted down. */
  static final int RESCALE_BITS = 64;

  /** Upper bound on the steps (the error bound assumes it). */
  static final int MAX_TERMS = 1 << 20;

  /** Decimal guard digits of the final products (see the error bound). */
  static final int GUARD = 11;

  private ErfcContinuedFraction() {}

  /**
   * The smallest t at which the continued fraction is used for d digits, max(2, 0.5 sqrt(d) + 1):
   * below it the fraction needs more steps than the power series of erf costs. Chosen by gelu's
   * throughput on 300 inputs in [-20, 20] at 20, 40 and 100 digits ({@code ./tck bench oracle
   * --functions gelu}): factors 0.3, 0.4, 0.5, 0.6, 0.75 and 1 with offsets 0, 0.5 and 1 were
   * tried; 0.5 sqrt(d) + 1 was fastest at all three, 0.75 within 3-15% and 1.0 22-44% slower.
   * Beyond, erfc alone at full-precision t: at d = 1000 the fraction already wins from t = 8.5
   * (81 against 94 ms; the cut-over 16.8 is conservative there, 45 against 90 ms at t = 17); at
   * d = 6400 ({@code OracleValue#MAX_DIGITS}) the crossing is near the cut-over 41 (3.5 against
   * 3.0 s at t = 41, 6.7 against 1.1 s at t = 29): the fraction's steps grow like d^2 / t^2, the
   * series' terms like d + t^2, so a cut-over growing like sqrt(d) keeps the fraction where it
   * pays. A cut-over of 2.2 log10(d) + 1.3, which fits d <= 1000, made d = 6400 24 times slower.
   */
  public static double cutOver(int digits) {
    return Math.max(2.0, 0.5 * Math.sqrt(digits) + 1);
  }

  /**
   * erfc(t) within relative 10^-digits.
   *
   * @throws IllegalArgumentException when t < 1 (the error bound assumes t >= 1)
   * @throws ArithmeticException when t > {@link Erfc#MAX_ARGUMENT}
   */
  public static BigDecimal erfc(BigDecimal t, int digits) {
    if (t.compareTo(BigDecimal.ONE) < 0) {
      throw new IllegalArgumentException("continued fraction needs t >= 1: " + t);
    }
    if (t.compareTo(Erfc.MAX_ARGUMENT) > 0) {
      throw new ArithmeticException("erfc argument out of range: " + t);
    }
    int p = FixedPoint.bitsFor(digits + 3);
    BigDecimal f = fraction(t, p, digits);
    MathContext mc = Precision.of(digits + GUARD);
    BigDecimal e = Exp.exp(t.multiply(t).negate(), digits + GUARD);
    BigDecimal sqrtPi = PiConstants.sqrtPi(mc.getPrecision());
    return f.multiply(e, mc).divide(sqrtPi, mc).round(Precision.working(digits));
  }

  /** sqrt(pi) e^(t^2) erfc(t) within relative 2^-(P+1), as a decimal with d + 10 decimals. */
  private static BigDecimal fraction(BigDecimal t, int p, int digits) {
    int w = p + GUARD_BITS;
    BigInteger twoT = FixedPoint.of(t.add(t), w);
    double twoTd = 2 * FixedPoint.approximate(t);
    BigInteger floor = BigInteger.ONE.shiftLeft(w);
    BigInteger rescaleAbove = BigInteger.ONE.shiftLeft(w + RESCALE_BITS);
    // A_1 = 2, B_1 = 2t, A_2 = 4t, B_2 = 4t^2 + 2 (c_1 = c_2 = 2, A_0 = 0, B_0 = 1), scaled by 2^W
    BigInteger aPrev = floor.shiftLeft(1);
    BigInteger bPrev = twoT;
    BigInteger aCur = twoT.multiply(aPrev).shiftRight(w);
    BigInteger bCur = twoT.multiply(bPrev).shiftRight(w).add(floor.shiftLeft(1));
    // double shadow of the recurrence: log2 of the relative gap c_1...c_k / (A_k B_(k-1))
    double da0 = 2;
    double da1 = 2 * twoTd;
    double db0 = twoTd;
    double db1 = twoTd * twoTd + 2;
    double logScale = 0;
    double logNumerators = 2; // log2(c_1 c_2) = log2(2 * 2)
    double target = -(p + 2) + 8;
    for (int k = 2; ; k++) {
      if (k > MAX_TERMS) {
        throw new ArithmeticException("erfc continued fraction did not converge for t = " + t);
      }
      double logGap = logNumerators - (Math.log(da1) + Math.log(db0)) / LN2 - 2 * logScale;
      if (logGap <= target && measuredGapSmall(aCur, bCur, aPrev, bPrev, p)) {
        return quotient(aCur, bCur, p, digits);
      }
      long c = 2L * k; // c_(k+1) = 2k
      BigInteger aNext = twoT.multiply(aCur).shiftRight(w).add(aPrev.multiply(BigInteger.valueOf(c)));
      BigInteger bNext = twoT.multiply(bCur).shiftRight(w).add(bPrev.multiply(BigInteger.valueOf(c)));
      aPrev = aCur;
      bPrev = bCur;
      aCur = aNext;
      bCur = bNext;
      if (aPrev.compareTo(rescaleAbove) > 0 && bPrev.compareTo(rescaleAbove) > 0) {
        int s = Math.min(aPrev.bitLength(), bPrev.bitLength()) - w - 1;
        aPrev = aPrev.shiftRight(s);
        bPrev = bPrev.shiftRight(s);
        aCur = aCur.shiftRight(s);
        bCur = bCur.shiftRight(s);
      }
      double na = twoTd * da1 + c * da0;
      double nb = twoTd * db1 + c * db0;
      da0 = da1;
      db0 = db1;
      da1 = na;
      db1 = nb;
      logNumerators += Math.log(c) / LN2;
      if (db1 > 0x1p500) {
        da0 *= 0x1p-500;
        da1 *= 0x1p-500;
        db0 *= 0x1p-500;
        db1 *= 0x1p-500;
        logScale += 500;
      }
    }
  }

  private static final double LN2 = Math.log(2);

  /** |A_k B_(k-1) - A_(k-1) B_k| <= 2^-(P+2) A_k B_(k-1), tested by bit lengths (conservative). */
  private static boolean measuredGapSmall(BigInteger a, BigInteger b, BigInteger aPrev,
      BigInteger bPrev, int p) {
    BigInteger scale = a.multiply(bPrev);
    BigInteger gap = scale.subtract(aPrev.multiply(b)).abs();
    return gap.bitLength() <= scale.bitLength() - (p + 3);
  }

  private static BigDecimal quotient(BigInteger a, BigInteger b, int p, int digits) {
    int g = p + 40;
    BigInteger q = a.shiftLeft(g).divide(b);
    return FixedPoint.toDecimal(q, g, digits + 10, 0);
  }
}
