package org.activationtck.cli.matrix;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.runner.FailureKind;
import org.activationtck.spi.API;

/**
 * A heuristic guess at why a row fails, from the pattern of its listed failures: each failure is
 * put in one {@link Cause} by the first test below that it meets, and the row is summarised by the
 * causes in order of frequency. It reads values only, never the implementation, so it names the
 * likely mechanism, not the line of code: a starting point for a bug report, not a verdict.
 *
 * <ol>
 *   <li>{@link Cause#SIGNED_ZERO}: the report's failure kind is {@code signed_zero} (the TCK's
 *       {@code FailureKind.SIGNED_ZERO});
 *   <li>{@link Cause#NAN}: NaN where a number is due, or a number where NaN is due;
 *   <li>{@link Cause#OVERFLOW}: ±Infinity where the exact value is finite;
 *   <li>{@link Cause#INFINITY}: a finite value (or the other infinity) where ±Infinity is due;
 *   <li>{@link Cause#FLUSH_TO_ZERO}: zero where the exact value is a subnormal of the dtype;
 *   <li>{@link Cause#ZERO_IN_TAIL}: zero where the exact value is a normal number below
 *       {@value #TAIL_MAGNITUDE} (a larger one answered by zero is a wrong value);
 *   <li>{@link Cause#SATURATION}: three or more inputs with different expected values got one and
 *       the same nonzero answer (a clamp of the input or the output);
 *   <li>{@link Cause#SMALL_ULPS}: at most {@value #SMALL_ULPS} ulps;
 *   <li>{@link Cause#CANCELLATION}: the exact result is nonzero and tiny compared with the size of
 *       its terms, t = max(|x|, 1) (|f(x)| &lt; 2^-10 t), and the absolute error is within a few
 *       rounding errors of the terms (|got - f(x)| &lt;= {@value #CANCELLATION_SLACK} u t, u the
 *       unit roundoff): what is left after subtracting nearly equal rounded numbers. A larger
 *       absolute error is a wrong formula, not a cancellation;
 *   <li>{@link Cause#WRONG_VALUE}: a relative error above {@value #GROSS_RELATIVE_ERROR};
 *       when every such failure lies on one side of 0, the summary says so: a wrong default
 *       parameter or a different formula on that side;
 *   <li>{@link Cause#MODERATE_ULPS}: anything else (more than a few ulps, a small relative error).
 * </ol>
 *
 * @param causes failures per cause among the listed ones, most frequent first
 * @param sampled how many failures were classified (the report lists at most 50 per row)
 * @param oneSide {@code "x < 0"} or {@code "x > 0"} when every {@link Cause#WRONG_VALUE} failure
 *     has its input on that side (elementwise functions only), else {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Diagnosis(Map<Cause, Integer> causes, int sampled, String oneSide) {

  /** Errors up to this many ulps count as the accuracy of a kernel, not a defect of the formula. */
  static final double SMALL_ULPS = 4;

  /** A relative error above this is a wrong value, not a precision problem. */
  static final double GROSS_RELATIVE_ERROR = 1e-2;

  /** Rounding errors of the terms that a cancellation may expose (a formula of a few operations). */
  static final double CANCELLATION_SLACK = 64;

  /** A zero answer for an exact value below this is a tail effect (2^-24: far below any O(1) value). */
  static final double TAIL_MAGNITUDE = 0x1p-24;

  /** |f(x)| below 2^-10 of max(|x|, 1) means the result is much smaller than its terms. */
  static final double CANCELLATION_RATIO = 0x1p-10;

  /** The likely mechanisms, each with the sentence the matrix prints. */
  public enum Cause {
    SIGNED_ZERO("signed zero only: -0.0 where +0.0 is due or the reverse"),
    NAN("NaN handling: NaN where a number is due, or a number where NaN is due"),
    OVERFLOW("overflow of an intermediate: ±Infinity where the exact value is finite (e.g. e^x or x*x overflowing inside the formula)"),
    INFINITY("infinity handling: a finite value where ±Infinity is due (a bound or clamp instead of overflow)"),
    FLUSH_TO_ZERO("flush to zero: 0 where the exact value is a subnormal number"),
    ZERO_IN_TAIL("zero in a tail where the exact value is a normal number: premature underflow, or a cancellation such as 1 - y*y once y rounds to ±1"),
    SATURATION("saturation: many inputs get the same answer, as if the input or the output were clamped to a fixed range"),
    SMALL_ULPS("accuracy of the kernel: small errors (≤ 4 ulp) spread over ordinary inputs, as from a fast or libm-grade approximation that is not correctly rounded"),
    CANCELLATION("loss of precision near a cancellation point: the result is much smaller than the terms it is computed from"),
    WRONG_VALUE("wrong value: relative error above 1%"),
    MODERATE_ULPS("moderate errors (more than 4 ulp, relative error below 1%): an approximation or a numerically unstable formula");

    private final String text;

    Cause(String text) {
      this.text = text;
    }

    /** One sentence for people. */
    public String text() {
      return text;
    }
  }

  public Diagnosis {
    causes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(causes));
  }

  /** The most frequent cause, or {@code null} when nothing was classified. */
  public Cause primary() {
    return causes.isEmpty() ? null : causes.keySet().iterator().next();
  }

  /** A one-line summary: the causes with their counts, most frequent first. */
  public String summary() {
    if (causes.isEmpty()) {
      return "no failures listed";
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Cause, Integer> e : causes.entrySet()) {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(e.getValue()).append('/').append(sampled).append(' ').append(e.getKey().text());
      if (e.getKey() == Cause.WRONG_VALUE && oneSide != null) {
        b.append(", all at ").append(oneSide)
            .append(" (errors everywhere on one side: a wrong default parameter or a different formula there)");
      }
    }
    return b.toString();
  }

  /** Classifies the failures of one row of the given dtype. */
  public static Diagnosis of(List<TierReport.Failure> failures, String dtype) {
    Map<Cause, Integer> counts = new EnumMap<>(Cause.class);
    Map<String, Integer> sameAnswer = new HashMap<>();
    Map<String, java.util.Set<String>> expectedPerAnswer = new HashMap<>();
    for (TierReport.Failure f : failures) {
      if (f.actual() != null) {
        sameAnswer.merge(f.actual(), 1, Integer::sum);
        expectedPerAnswer.computeIfAbsent(f.actual(), k -> new java.util.HashSet<>()).add(f.expected());
      }
    }
    List<Double> wrongInputs = new ArrayList<>();
    for (TierReport.Failure f : failures) {
      Cause c = classify(f, dtype, expectedPerAnswer);
      counts.merge(c, 1, Integer::sum);
      if (c == Cause.WRONG_VALUE) {
        wrongInputs.add(inputValue(f.input()));
      }
    }
    String side = null;
    if (!wrongInputs.isEmpty() && wrongInputs.stream().allMatch(x -> !Double.isNaN(x))) {
      if (wrongInputs.stream().allMatch(x -> x < 0)) {
        side = "x < 0";
      } else if (wrongInputs.stream().allMatch(x -> x > 0)) {
        side = "x > 0";
      }
    }
    Map<Cause, Integer> sorted = new java.util.LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue()
            : a.getKey().compareTo(b.getKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return new Diagnosis(sorted, failures.size(), side);
  }

  static Cause classify(TierReport.Failure f, String dtype, Map<String, java.util.Set<String>> expectedPerAnswer) {
    if (FailureKind.SIGNED_ZERO.id().equals(f.kind())) {
      return Cause.SIGNED_ZERO;
    }
    double e = number(f.expected());
    double a = f.actual() == null ? Double.NaN : number(f.actual());
    if (Double.isNaN(e) != Double.isNaN(a)) {
      return Cause.NAN;
    }
    if (Double.isInfinite(a) && !Double.isInfinite(e)) {
      return Cause.OVERFLOW;
    }
    if (Double.isInfinite(e) && a != e) {
      return Cause.INFINITY;
    }
    double minNormal = dtype.equals("float32") ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    if (a == 0 && e != 0 && Math.abs(e) < minNormal) {
      return Cause.FLUSH_TO_ZERO;
    }
    if (a == 0 && e != 0 && Math.abs(e) < TAIL_MAGNITUDE) {
      return Cause.ZERO_IN_TAIL;
    }
    java.util.Set<String> sharing = f.actual() == null ? null : expectedPerAnswer.get(f.actual());
    if (sharing != null && sharing.size() >= 3 && a != 0) {
      return Cause.SATURATION;
    }
    if (f.ulps() <= SMALL_ULPS) {
      return Cause.SMALL_ULPS;
    }
    double relative = e == 0 ? Double.POSITIVE_INFINITY : Math.abs((a - e) / e);
    double x = inputValue(f.input());
    double terms = Math.max(Math.abs(x), 1);
    double unitRoundoff = dtype.equals("float32") ? 0x1p-24 : 0x1p-53;
    if (!Double.isNaN(x) && e != 0 && Math.abs(e) < CANCELLATION_RATIO * terms
        && Math.abs(a - e) <= CANCELLATION_SLACK * unitRoundoff * terms) {
      return Cause.CANCELLATION;
    }
    if (relative > GROSS_RELATIVE_ERROR) {
      return Cause.WRONG_VALUE;
    }
    return Cause.MODERATE_ULPS;
  }

  /** The decimal of an elementwise input {@code "dec (hex)"}; NaN for a vector or anything else. */
  static double inputValue(String input) {
    if (input == null || input.startsWith("[")) {
      return Double.NaN;
    }
    int sp = input.indexOf(' ');
    return number(sp < 0 ? input : input.substring(0, sp));
  }

  /** A decimal, {@code NaN}, {@code Infinity} or {@code -Infinity}; NaN when unreadable. */
  static double number(String s) {
    if (s == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
