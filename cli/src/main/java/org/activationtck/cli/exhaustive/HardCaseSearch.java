package org.activationtck.cli.exhaustive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.activationtck.fixtures.generator.HardCaseProof;
import org.activationtck.fixtures.generator.HardCaseSet;
import org.activationtck.fixtures.generator.HardCaseSet.Behaviour;
import org.activationtck.oracle.Oracle;
import org.activationtck.oracle.OracleValue;
import org.activationtck.reference.ReferenceFunction;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spec.params.Params;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The hard-case search of one behaviour, format and result: candidates from a fast estimate with a
 * proven bound ({@link HardCaseCollector}), distances from the oracle ({@link HardCaseProof}).
 * float32 candidates come from a sweep ({@link Float32Sweep} with its search on); the 16-bit
 * formats are searched here outright, all 65,536 inputs against the reference's float64 kernel
 * (within 2 ulp of float64 of the exact value, the bound argument of {@link Float32Truth}: about
 * 2^-41 ulp of float16, 2^-44 of bfloat16).
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class HardCaseSearch {

  private HardCaseSearch() {}

  /** The input whose bits in format t are {@code bits} (float32: all 32; 16-bit: the low 16). */
  public static double input(int bits, Dtype t) {
    return t == Dtype.FLOAT32 ? Float.intBitsToFloat(bits) : Rounding.fromBits16((short) bits, t);
  }

  /** Every finite input of a 16-bit format offered to a collector of the nearest {@link HardCaseSet#NEAREST}. */
  public static HardCaseCollector search16(ReferenceFunction reference, FunctionSpec f, Behaviour b,
      Dtype t, boolean derivative) {
    if (t != Dtype.FLOAT16 && t != Dtype.BFLOAT16) {
      throw new IllegalArgumentException("search16 is for float16 and bfloat16, got " + t.id());
    }
    Params p = Params.resolve(f, b.dialect(), b.params(), t);
    ReferenceFunction.Kernel k = reference.bind(p, Dtype.FLOAT64);
    HardCaseCollector c = new HardCaseCollector(HardCaseSet.NEAREST, t);
    for (int bits = 0; bits < 0x10000; bits++) {
      double x = input(bits, t);
      if (!Double.isFinite(x)) {
        continue;
      }
      double r = derivative ? k.derivative(x) : k.value(x);
      if (Double.isFinite(r)) {
        c.offer(bits, r, 2 * Math.ulp(r), t);
      }
    }
    return c;
  }

  /**
   * Proves every candidate with the oracle, checking that each proven distance lies within the
   * candidate's estimate and error (the search's premise).
   *
   * @throws IllegalStateException naming the input when a proven distance contradicts its estimate
   */
  /**
   * A candidate whose distance from a midpoint the prover cannot separate from 0 within the
   * oracle's digits (tanh_shrink's float32 value: docs/HARD-CASES.md, Limits): the nearest inputs
   * are then not known, a known limit rather than a bug.
   */
  public static final class BeyondPrecision extends RuntimeException {
    private final int bits;

    BeyondPrecision(int bits, String message, Throwable cause) {
      super(message, cause);
      this.bits = bits;
    }

    /** The candidate's input bits. */
    public int bits() {
      return bits;
    }
  }

  /**
   * The candidates' proven distances, in order; none for an input that rounds to zero or
   * overflows.
   *
   * @throws BeyondPrecision for a candidate the prover cannot separate from a midpoint
   */
  public static List<HardCaseSet.Proven> prove(Oracle oracle, Behaviour b, Dtype t,
      boolean derivative, List<HardCaseCollector.Candidate> candidates) {
    List<HardCaseSet.Proven> out = new ArrayList<>();
    for (HardCaseCollector.Candidate c : candidates) {
      double x = input(c.bits(), t);
      OracleValue v = oracle.evaluate(b.function(), b.dialect(), b.params(), t, derivative,
          new double[] {x}).get(0);
      HardCaseProof.Distance d;
      try {
        d = HardCaseProof.of(v, t);
      } catch (ArithmeticException e) {
        throw new BeyondPrecision(c.bits(), String.format("%s %s %s %s at x = %s (bits 0x%x): %s",
            b.function(), b.key(), t.id(), derivative ? "derivative" : "value", x, c.bits(),
            e.getMessage()), e);
      }
      if (d == null) {
        continue; // rounds to zero or overflows: no midpoint to be near
      }
      BigDecimal slack = BigDecimal.valueOf(c.error()).add(d.error());
      if (d.distance().subtract(BigDecimal.valueOf(c.estimate())).abs().compareTo(slack) > 0) {
        throw new IllegalStateException(String.format(
            "%s %s %s at x = %s (bits 0x%x): the oracle's distance %s ulp is not within %s of the"
                + " estimate %s: the estimate's error bound does not hold", b.function(), b.key(),
            derivative ? "derivative" : "value", x, c.bits(), d.printed(), c.error(), c.estimate()));
      }
      out.add(new HardCaseSet.Proven(x, d));
    }
    return out;
  }
}
