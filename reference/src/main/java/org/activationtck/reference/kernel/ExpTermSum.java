package org.activationtck.reference.kernel;

import java.util.Arrays;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.ShiftedExp;
import org.activationtck.reference.internal.ShiftedExpBlock;

/**
 * The fast paths' sum of shifted exponentials, sum_i e^(sign x_i - shift), for softmax, softmin
 * and log_softmax: each term as a double-double by {@link ShiftedExp} (kept for the caller), the
 * sum as a double-double with a proved relative error bound ({@link #relativeError}).
 *
 * <p>Requirements: sign = 1 or -1; sign x_i - shift finite and <= 0 for every i in the range, and
 * the sum at least 1 (one term is e^0, the callers' maximum). Terms of differences below -680
 * are taken as 0 ({@link ShiftedExp}): together below n 2^-981, i.e. n 2^-981 relative to a sum
 * >= 1, inside the 2^-106 (n/256 + 1) term of the bound below for every n.
 *
 * <p>Summation (why: a running compensated sum is a chain of dependent additions, four cycles
 * per term on this hardware; lanes make it a loop C2 vectorizes). The terms come in blocks of
 * {@link #BLOCK} = 256 ({@link ShiftedExpBlock}); term i of each block goes to lane i, a pair (s_i,
 * c_i): s_i the running double sum of its terms' high parts, c_i the double sum of the TwoSum
 * errors and of the low parts. A chunk is at most {@link #CHUNK_BLOCKS} = 64 blocks, so a lane
 * takes m <= 64 terms, and then the L <= 256 lanes are summed the same way (a TwoSum of s and s_i,
 * its error plus c_i added to c).
 * <ul>
 *   <li>A lane (Ogita-Rump-Oishi style bound): the TwoSum errors are exact and each below 2^-53
 *       E_i (E_i: the exact sum of the lane's terms, all positive), and so are the low parts
 *       together; after j steps |c_i| <= (j + 1) 2^-53 E_i, and step j rounds twice (error plus
 *       low part, then into c_i), each below 2^-53 (j + 2) 2^-53 E_i: in all below (m^2 + 4m)
 *       2^-106 E_i = 4352 2^-106 E_i, and |c_i| <= (m + 2) 2^-53 E_i.
 *   <li>The lanes: after k lanes |c| <= (k + m + 2) 2^-53 E (E = sum of E_i; the k TwoSum errors
 *       below 2^-53 E each, the c_i together below (m + 2) 2^-53 E), two roundings per lane each
 *       below 2^-53 of that: sum over k <= L of 2 (k + m + 2) 2^-106 E = (L(L + 1) + 2L(m + 2))
 *       2^-106 E = 99584 2^-106 E.
 * </ul>
 * A chunk's sum s + c is thus within 103936 2^-106 E < 2^17 2^-106 E = 2^-89 E. Chunks are added in
 * double-double (relative error 3 u^2 = 3 2^-106 each, positive terms, Joldes et al. 2017), n/16384
 * + 1 additions at most. Adding the terms' own relative error ({@link ShiftedExp#RELATIVE_ERROR},
 * below 2^-76.99): |sum~ - sum| <= {@link #relativeError}(n) sum = (RELATIVE_ERROR + (2^17 + 3
 * (n/16384 + 1)) 2^-106) sum.
 *
 * <p>Not thread-safe: scratch for one caller at a time ({@link AxisScratch}).
 */
public final class ExpTermSum {

  public static final int BLOCK = ShiftedExpBlock.LENGTH;

  private final ShiftedExpBlock block = new ShiftedExpBlock();
  /** The block's terms, high parts. */
  private final double[] termHi = new double[BLOCK];
  /** The block's terms, low parts. */
  private final double[] termLo = new double[BLOCK];

  /** Blocks per chunk: a lane takes at most this many terms before the lanes are summed. */
  public static final int CHUNK_BLOCKS = 64;

  /** Terms per chunk. */
  private static final int CHUNK = CHUNK_BLOCKS * BLOCK;

  /** The lanes' running sums of high parts (zero between calls). */
  private final double[] laneHi = new double[BLOCK];
  /** The lanes' running sums of errors and low parts (zero between calls). */
  private final double[] laneLo = new double[BLOCK];

  /** Lanes in use in the current chunk, blocks added to it, and the chunks' sum so far. */
  private int lanes;
  private int blocks;
  private DoubleDouble total;

  /** Relative error bound of {@link #terms}' sum of n terms (see the class comment). */
  public static double relativeError(int n) {
    return ShiftedExp.RELATIVE_ERROR + (0x1p17 + 3 * ((double) n / CHUNK + 1)) * 0x1p-106;
  }

  /**
   * Writes e^(sign x_i - shift) to hi[i] + lo[i] for from <= i < to and returns their sum (ZERO
   * for an empty range). lowest is the least sign x_i (or anything at most that).
   */
  public DoubleDouble terms(double[] x, double sign, double shift, double[] hi, double[] lo, int from,
      int to, double lowest) {
    return sum(x, sign, shift, hi, lo, from, to, lowest);
  }

  /**
   * The sum of e^(x_i - shift) over every i but {@code skip} (a double-double, ZERO for a vector
   * of one element), the terms not kept; the same bound as {@link #terms} for n = x.length.
   * lowest is the least element (or anything at most that).
   */
  public DoubleDouble sumExcept(double[] x, double shift, int skip, double lowest) {
    lanes = 0;
    blocks = 0;
    total = DoubleDouble.ZERO;
    accumulate(x, 1, shift, null, null, 0, skip, lowest - shift >= ShiftedExp.LOWEST);
    accumulate(x, 1, shift, null, null, skip + 1, x.length, lowest - shift >= ShiftedExp.LOWEST);
    return blocks == 0 ? total : DoubleDouble.add(total, flush());
  }

  private DoubleDouble sum(double[] x, double sign, double shift, double[] hi, double[] lo,
      int from, int to, double lowest) {
    lanes = 0;
    blocks = 0;
    total = DoubleDouble.ZERO;
    accumulate(x, sign, shift, hi, lo, from, to, lowest - shift >= ShiftedExp.LOWEST);
    return blocks == 0 ? total : DoubleDouble.add(total, flush());
  }

  /** Adds the terms from <= i < to to the lanes, summing the lanes into total per chunk. */
  private void accumulate(double[] x, double sign, double shift, double[] hi, double[] lo,
      int from, int to, boolean allInDomain) {
    double[] th = termHi;
    double[] tl = termLo;
    double[] sh = laneHi;
    double[] sc = laneLo;
    for (int start = from; start < to; start += BLOCK) {
      int n = Math.min(to - start, BLOCK);
      block.shifted(x, start, n, sign, shift, th, tl, allInDomain);
      for (int i = 0; i < n; i++) {
        double s = sh[i];
        double h = th[i];
        double t = s + h;
        double hv = t - s;
        sc[i] += ((s - (t - hv)) + (h - hv)) + tl[i]; // TwoSum error of s + h, and the low part
        sh[i] = t;
      }
      if (hi != null) {
        System.arraycopy(th, 0, hi, start, n);
        System.arraycopy(tl, 0, lo, start, n);
      }
      lanes = Math.max(lanes, n);
      if (++blocks == CHUNK_BLOCKS) {
        total = DoubleDouble.add(total, flush());
        blocks = 0;
      }
    }
  }

  /** The sum of the lanes in use (see the class comment), which are reset to 0. */
  private DoubleDouble flush() {
    double[] sh = laneHi;
    double[] sc = laneLo;
    double s = 0;
    double c = 0;
    for (int i = 0; i < lanes; i++) {
      double h = sh[i];
      double t = s + h;
      double hv = t - s;
      c += ((s - (t - hv)) + (h - hv)) + sc[i];
      s = t;
    }
    Arrays.fill(sh, 0, lanes, 0.0);
    Arrays.fill(sc, 0, lanes, 0.0);
    lanes = 0;
    return DoubleDouble.of(s, c);
  }
}
