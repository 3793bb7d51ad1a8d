package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.FastExpBlock;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.ZivRounding;

/**
 * The block forms of the fast paths built on e^t, as pipelines around {@link FastExpBlock}: per
 * block of up to {@link #LENGTH} elements, copy the inputs into scratch, compute the argument t
 * (a vector loop), e^t = eh + el ({@link FastExpBlock#exp}), the kernel's fast approximation h +
 * l of its result (vector loops), and then one scalar pass that keeps the fast result where a
 * rounding test decides it and lists the others: the {@link FastPathKernel} redoes those by its
 * accurate path.
 *
 * <p>Why this shape (measured on JDK 17, C2): the same arithmetic per element, fused with the
 * decision, does not vectorize and costs about twice as much. SuperWord vectorizes only short
 * straight-line loops over arrays indexed by the loop variable alone, so every vector loop
 * reads and writes this object's scratch arrays (never the caller's at an offset), has no
 * branch, select or bit operation, and a kernel's case split by the sign of x uses {@link Step}'s
 * exact 0/1 indicators. The rounding decisions (an equality of two doubles, a test on bits) are
 * not vectorizable and stay in the scalar pass, where the branch to the list is rare and so
 * predictable.
 *
 * <p>Two decisions:
 * <ul>
 *   <li>{@link #nearest}: {@link ZivRounding#nearest} split in two, the ends of the interval
 *       h + l -+ b in a vector loop ({@link #ends}) and their comparison in the scalar pass. The
 *       result is, bit for bit, {@code ZivRounding.nearest(h, l, bound)} (NaN where listed), so
 *       a scalar form that computes h and l by the same IEEE operations and then calls
 *       ZivRounding.nearest agrees with the array form.
 *   <li>{@link #narrow}: y = h + l rounded to a double, kept where {@link NarrowShortcut#decides}
 *       proves that y rounds, in every narrow dtype, like every value within bound |y| of it.
 * </ul>
 *
 * <p>Not thread-safe: an instance is scratch (at most 36 KiB with FastExpBlock's, in L1 and L2)
 * for one array call at a time (kernels make one per call; glu keeps one per thread).
 */
public final class ExpBlockPipeline {

  /** Elements per block: {@link FastExpBlock#LENGTH}. */
  public static final int LENGTH = FastExpBlock.LENGTH;

  /**
   * One kernel's arithmetic around e^t. Implementations read and write the pipeline's scratch
   * arrays with short vector loops (see the class comment).
   */
  public interface Stages {
    /** t[i], the argument of the exponential, from x[i] (and w[i]) for i < n. */
    public void argument(ExpBlockPipeline p, int n);

    /**
     * h[i] + l[i], the fast approximation of the result, from x[i], w[i] and e^t[i] = eh[i] +
     * el[i] (NaN in both parts outside FastExpBlock's domain), for i < n; s0..s3 are free.
     */
    public void approximate(ExpBlockPipeline p, int n);
  }

  private final FastExpBlock exp = new FastExpBlock();

  /** The block of the first operand (the kernel's x). */
  public final double[] x;
  /** The block of the second operand, for binary kernels (glu's a). */
  public final double[] w;
  /** The argument of the exponential. */
  public final double[] t;
  /** e^t = eh + el. */
  public final double[] eh;
  public final double[] el;
  /**
   * Free scratch for {@link Stages#approximate}; afterwards s0 and s1 hold the ends of the Ziv
   * interval ({@link #nearest}) or y = h + l ({@link #narrow}).
   */
  public final double[] s0;
  public final double[] s1;
  public final double[] s2;
  public final double[] s3;
  /** The fast approximation h + l. */
  public final double[] h;
  public final double[] l;

  /**
   * Scratch for arrays of the given length: blocks of min(length, {@link #LENGTH}) (short
   * arrays, such as glu's axis vectors, do not pay for zeroing unused scratch).
   */
  public ExpBlockPipeline(int length) {
    int capacity = Math.max(1, Math.min(LENGTH, length));
    x = new double[capacity];
    w = new double[capacity];
    t = new double[capacity];
    eh = new double[capacity];
    el = new double[capacity];
    s0 = new double[capacity];
    s1 = new double[capacity];
    s2 = new double[capacity];
    s3 = new double[capacity];
    h = new double[capacity];
    l = new double[capacity];
  }

  /**
   * out[i] = ZivRounding.nearest(h, l, bound) for the kernel's h + l at in[i], i in [from, to),
   * where it decides; the other indices listed in pending (their out NaN); returns how many.
   */
  public int nearest(Stages stages, double bound, double[] in, int from, int to, double[] out, int[] pending) {
    return nearest(stages, bound, in, from, null, 0, out, from, to - from, pending);
  }

  /**
   * As {@link #nearest(Stages, double, double[], int, int, double[], int[])} for the elements
   * in[inFrom + i] and, when other is not null, the second operands other[otherFrom + i], i <
   * length, into out[outFrom + i]; pending (of capacity length) lists the undecided out indices.
   */
  public int nearest(Stages stages, double bound, double[] in, int inFrom, double[] other, int otherFrom,
      double[] out, int outFrom, int length, int[] pending) {
    int listed = 0;
    for (int done = 0, n; done < length; done += n) {
      n = Math.min(x.length, length - done);
      load(in, inFrom + done, other, other == null ? 0 : otherFrom + done, n);
      block(stages, n);
      double[] lo = s0;
      double[] up = s1;
      ends(h, l, bound, lo, up, n);
      int base = outFrom + done;
      for (int i = 0; i < n; i++) {
        double r = lo[i];
        if (r == up[i]) {
          out[base + i] = r;
        } else {
          out[base + i] = Double.NaN;
          pending[listed++] = base + i;
        }
      }
    }
    return listed;
  }

  /**
   * out[i] = y = h + l rounded for the kernel's h + l at in[i], i in [from, to) (to - from <=
   * {@link #LENGTH}), where {@link NarrowShortcut#decides}(y, bound); the other indices listed in
   * pending; returns how many.
   */
  public int narrow(Stages stages, double bound, double[] in, int from, int to, double[] out, int[] pending) {
    int n = to - from;
    System.arraycopy(in, from, x, 0, n);
    block(stages, n);
    sums(n);
    double[] y = s0;
    long k = NarrowShortcut.margin(bound);
    int listed = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i];
      if (NarrowShortcut.decidesWithin(r, k)) {
        out[from + i] = r;
      } else {
        out[from + i] = Double.NaN;
        pending[listed++] = from + i;
      }
    }
    return listed;
  }

  /** As {@link #narrow(Stages, double, double[], int, int, double[], int[])}, each result narrowed to float32. */
  public int narrow(Stages stages, double bound, float[] in, int from, int to, float[] out, int[] pending) {
    int n = to - from;
    double[] xs = x;
    for (int i = 0; i < n; i++) {
      xs[i] = in[from + i];
    }
    block(stages, n);
    sums(n);
    double[] y = s0;
    long k = NarrowShortcut.margin(bound);
    int listed = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i];
      if (NarrowShortcut.decidesWithin(r, k)) {
        out[from + i] = (float) r;
      } else {
        out[from + i] = Float.NaN;
        pending[listed++] = from + i;
      }
    }
    return listed;
  }

  /**
   * The fast part for the n elements already in {@link #x} (and {@link #w}): the argument, the
   * exponential and the approximation into {@link #h} and {@link #l}. For kernels that decide
   * their own way (glu's rounding to odd).
   */
  public void block(Stages stages, int n) {
    stages.argument(this, n);
    exp.exp(t, eh, el, n);
    stages.approximate(this, n);
  }

  /** Copies n elements into {@link #x} and, when other is not null, {@link #w}. */
  public void load(double[] in, int inFrom, double[] other, int otherFrom, int n) {
    System.arraycopy(in, inFrom, x, 0, n);
    if (other != null) {
      System.arraycopy(other, otherFrom, w, 0, n);
    }
  }

  private void sums(int n) {
    double[] hh = h;
    double[] ll = l;
    double[] y = s0;
    for (int i = 0; i < n; i++) {
      y[i] = hh[i] + ll[i];
    }
  }

  // The shared vector loops of the kernels (each a few operations, see the class comment).

  /** out[i] = -|in[i]|. */
  public static void negativeAbs(double[] in, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = -Math.abs(in[i]);
    }
  }

  /**
   * nh + nl = 1 for x >= 0 (either zero), e = eh + el for x < 0, exactly: with the indicator neg
   * of x < 0 ({@link Step#positive}(-x), exactly 0 or 1; NaN for NaN x), fma(neg, eh, 1 - neg)
   * is 1 or eh and neg el is a zero or el. The numerator of sigma(x) = n / (1 + e^-|x|).
   */
  public static void sigmoidNumerator(double[] x, double[] eh, double[] el, double[] nh, double[] nl,
      int n) {
    for (int i = 0; i < n; i++) {
      double neg = Step.positive(-x[i]);
      nh[i] = Math.fma(neg, eh[i], 1 - neg);
      nl[i] = neg * el[i];
    }
  }

  /**
   * dh + dl = 1 + (eh + el) for 0 <= eh <= 1: TwoSum's error term of 1 + eh, exact as 1 >= eh
   * (FastTwoSum), plus el (one rounding, below 2^-105 of dh).
   */
  public static void onePlus(double[] eh, double[] el, double[] dh, double[] dl, int n) {
    for (int i = 0; i < n; i++) {
      double e = eh[i];
      double d = 1 + e;
      dh[i] = d;
      dl[i] = (e - (d - 1)) + el[i];
    }
  }

  /**
   * q + c = (nh + nl) / (dh + dl): q = nh (1/dh) and one correction c = (nh - q dh + nl - q dl)
   * (1/dh) with the residual nh - q dh exact by fma. See {@link Sigmoid#FAST64_VALUE_BOUND} for
   * the error (below 2^-102 of q beyond the errors of n and d).
   */
  public static void quotient(double[] nh, double[] nl, double[] dh, double[] dl, double[] q, double[] c,
      int n) {
    for (int i = 0; i < n; i++) {
      double d = dh[i];
      double a = nh[i];
      double inv = 1 / d;
      double qi = a * inv;
      q[i] = qi;
      c[i] = (Math.fma(-qi, d, a) + nl[i] - qi * dl[i]) * inv;
    }
  }

  /**
   * One element of {@link #onePlus} then {@link #quotient}, the same operations: returns q and
   * stores c in c[0], q + c = (nh + nl) / (1 + eh + el) for 0 <= eh <= 1. The scalar fast paths
   * of the stages that end in that quotient (sigmoid, silu) call it.
   */
  public static double overOnePlus(double nh, double nl, double eh, double el, double[] c) {
    double dh = 1 + eh;
    double dl = (eh - (dh - 1)) + el;
    double inv = 1 / dh;
    double q = nh * inv;
    c[0] = (Math.fma(-q, dh, nh) + nl - q * dl) * inv;
    return q;
  }

  /** The ends of {@link ZivRounding#nearest}'s interval for h[i] + l[i] (see there). */
  public static void ends(double[] h, double[] l, double bound, double[] lower, double[] upper, int n) {
    double widened = ZivRounding.widened(bound);
    for (int i = 0; i < n; i++) {
      double hi = h[i];
      double li = l[i];
      double b = ZivRounding.halfWidth(widened, hi);
      lower[i] = hi + (li - b);
      upper[i] = hi + (li + b);
    }
  }
}
