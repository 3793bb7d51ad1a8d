package org.activationtck.runner.gate;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.activationtck.spi.API;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.runner.Check;
import org.activationtck.runner.FailureKind;

/**
 * Writes the deviation list a run calls for ({@code ./tck run --write-expectations}): the
 * entries of the list it was gated by that still occur or were not exercised, and one new entry
 * per distinct deviation among the failures no entry admitted, never one per input.
 *
 * <p>A distinct deviation is a function, dtype, value or derivative, parameter set and failure
 * kind, with the dialects that share it. Its inputs are given as a class (NaN, +Infinity,
 * -Infinity) or as the ranges of consecutive failing inputs when there are at most
 * {@value #MAX_RANGES} (a range reaching the smallest or the largest input checked is open at
 * that end: a tail); scattered failures get no input set. Ulp failures get a ceiling: the
 * largest error seen, rounded up to two significant digits. Reasons are {@code TODO}, for the
 * author to fill in; {@code observed} says what the run saw.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DeviationListWriter {

  /** More ranges than this for one deviation are written as no input set at all. */
  static final int MAX_RANGES = 3;

  private DeviationListWriter() {}

  /** The list as UTF-8 JSON, ending with a newline. */
  public static byte[] bytes(GateResult g) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("$schema", "https://github.com/activation-tck/activation-tck/docs/deviations.schema.json");
    root.put("format", DeviationList.FORMAT);
    String impl = g.gate().deviations().implementation();
    root.put("implementation", impl.isEmpty() ? g.run().implementation() : impl);
    ArrayNode out = root.putArray("deviations");
    for (Map.Entry<Deviation, List<Check>> e : g.admitted().entrySet()) {
      if (!e.getValue().isEmpty() || g.notExercised().contains(e.getKey())) {
        out.add(entry(m, e.getKey(), e.getValue()));
      }
    }
    for (Deviation d : distinct(g.run().checks(), g.unexpected())) {
      List<Check> mine = g.unexpected().stream().filter(d::admits).toList();
      out.add(entry(m, d, mine));
    }
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("").withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      String s = m.writer(pp).writeValueAsString(root) + "\n";
      return s.getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** One entry per distinct deviation among the failures, dialects that share one merged. */
  static List<Deviation> distinct(List<Check> all, List<Check> failures) {
    Map<String, List<Check>> groups = new LinkedHashMap<>();
    for (Check c : failures) {
      groups.computeIfAbsent(scopeKey(c) + "|" + c.kind(), k -> new ArrayList<>()).add(c);
    }
    Map<String, List<Check>> answeredByScope = new LinkedHashMap<>();
    for (Check c : all) {
      if (c.status() != Check.Status.NOT_IMPLEMENTED) {
        answeredByScope.computeIfAbsent(scopeKey(c), k -> new ArrayList<>()).add(c);
      }
    }
    List<Deviation> perDialect = new ArrayList<>();
    for (List<Check> g : groups.values()) {
      Check first = g.get(0);
      boolean axis = Catalog.standard().require(first.function()).kind() == Kind.AXIS;
      for (InputSet inputs : axis ? java.util.Collections.<InputSet>singletonList(null)
          : inputSets(answeredByScope.get(scopeKey(first)), first.kind())) {
        List<Check> mine = g.stream().filter(c -> inputs == null || inputs.contains(c.x(), c.dtype()))
            .toList();
        if (mine.isEmpty()) {
          continue;
        }
        double ceiling = Double.NaN;
        if (first.kind() == FailureKind.ULPS) {
          ceiling = ceiling(mine.stream().mapToDouble(c -> c.verdict().ulps()).max().orElse(0));
        }
        perDialect.add(new Deviation(first.function(), List.of(first.dialect()), first.dtype(),
            first.derivative(), first.kind(), null, new TreeMap<>(first.params()), inputs, ceiling,
            "TODO", null, 0));
      }
    }
    return mergeDialects(perDialect);
  }

  /** Function, dialect, dtype, value/derivative and parameters: what one behaviour is. */
  private static String scopeKey(Check c) {
    return c.function() + "|" + c.dialect() + "|" + c.dtype() + "|" + c.derivative() + "|"
        + new TreeMap<>(c.params());
  }

  /**
   * The input sets of one deviation: the special classes its failures have, and the ranges of
   * consecutive failing finite inputs among the answered checks of the same behaviour.
   */
  private static List<InputSet> inputSets(List<Check> answered, FailureKind kind) {
    List<InputSet> out = new ArrayList<>();
    boolean nan = false;
    boolean plus = false;
    boolean minus = false;
    List<Check> finite = new ArrayList<>();
    for (Check c : answered) {
      boolean failing = c.status() == Check.Status.FAILED && c.kind() == kind;
      if (Double.isNaN(c.x())) {
        nan |= failing;
      } else if (c.x() == Double.POSITIVE_INFINITY) {
        plus |= failing;
      } else if (c.x() == Double.NEGATIVE_INFINITY) {
        minus |= failing;
      } else {
        finite.add(c);
      }
    }
    if (nan) {
      out.add(InputSet.of("nan"));
    }
    if (plus && minus) {
      out.add(InputSet.of("infinity"));
    } else if (plus) {
      out.add(InputSet.of("+infinity"));
    } else if (minus) {
      out.add(InputSet.of("-infinity"));
    }
    finite.sort(Comparator.comparingDouble(Check::x));
    List<double[]> runs = new ArrayList<>();
    double[] open = null;
    // a run ends at a check of the behaviour that is not this failure (consecutive checks at one
    // input: the run breaks only if none of them failed this way)
    for (int i = 0; i < finite.size(); ) {
      double x = finite.get(i).x();
      boolean failing = false;
      int j = i;
      for (; j < finite.size() && finite.get(j).x() == x; j++) {
        Check c = finite.get(j);
        failing |= c.status() == Check.Status.FAILED && c.kind() == kind;
      }
      if (failing) {
        if (open == null) {
          open = new double[] {x, x};
          runs.add(open);
        }
        open[1] = x;
      } else {
        open = null;
      }
      i = j;
    }
    if (runs.isEmpty()) {
      return out;
    }
    if (runs.size() > MAX_RANGES) {
      out.add(InputSet.range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
      return out;
    }
    double lowest = finite.get(0).x();
    double highest = finite.get(finite.size() - 1).x();
    for (double[] r : runs) {
      if (r[0] == 0 && r[1] == 0) {
        out.add(InputSet.of("zero"));
        continue;
      }
      out.add(InputSet.range(r[0] == lowest ? Double.NEGATIVE_INFINITY : r[0],
          r[1] == highest ? Double.POSITIVE_INFINITY : r[1]));
    }
    return out;
  }

  private static List<Deviation> mergeDialects(List<Deviation> perDialect) {
    Map<String, List<Deviation>> same = new LinkedHashMap<>();
    for (Deviation d : perDialect) {
      String key = d.function() + "|" + d.dtype() + "|" + d.derivative() + "|" + d.kind() + "|"
          + d.params() + "|" + d.inputs() + "|" + d.maxUlps();
      same.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
    }
    List<Deviation> out = new ArrayList<>();
    for (List<Deviation> ds : same.values()) {
      Deviation d = ds.get(0);
      List<String> dialects = ds.stream().map(x -> x.dialects().get(0)).distinct().toList();
      FunctionSpec f = Catalog.standard().require(d.function());
      if (dialects.size() == f.names().size()) {
        dialects = List.of();
      }
      out.add(new Deviation(d.function(), dialects, d.dtype(), d.derivative(), d.kind(), d.rule(),
          d.params(), d.inputs(), d.maxUlps(), d.reason(), d.link(), 0));
    }
    return out;
  }

  private static ObjectNode entry(ObjectMapper m, Deviation d, List<Check> seen) {
    ObjectNode o = m.createObjectNode();
    o.put("function", d.function());
    if (d.dialects().isEmpty()) {
      o.put("dialect", "*");
    } else if (d.dialects().size() == 1) {
      o.put("dialect", d.dialects().get(0));
    } else {
      ArrayNode a = o.putArray("dialect");
      d.dialects().forEach(a::add);
    }
    o.put("dtype", d.dtype() == null ? "*" : d.dtype().id());
    o.put("of", d.derivative() ? "derivative" : "value");
    if (d.kind() != null) {
      o.put("kind", d.kind().id());
    }
    if (d.rule() != null) {
      o.put("rule", d.rule());
    }
    if (d.params() != null) {
      ObjectNode p = o.putObject("params");
      d.params().forEach(p::put);
    }
    InputSet in = d.inputs();
    if (in != null && !(in.kind() == InputSet.Kind.RANGE && in.min() == Double.NEGATIVE_INFINITY
        && in.max() == Double.POSITIVE_INFINITY)) {
      if (in.kind() == InputSet.Kind.RANGE) {
        ObjectNode x = o.putObject("x");
        if (in.min() != Double.NEGATIVE_INFINITY) {
          x.put("min", in.min());
        }
        if (in.max() != Double.POSITIVE_INFINITY) {
          x.put("max", in.max());
        }
      } else {
        o.put("x", in.kind().id());
      }
    }
    if (!Double.isNaN(d.maxUlps())) {
      o.put("max_ulps", new BigDecimal(ulps(d.maxUlps())));
    }
    o.put("reason", d.reason());
    if (d.link() != null) {
      o.put("link", d.link());
    }
    if (!seen.isEmpty()) {
      o.put("observed", observed(seen));
    }
    return o;
  }

  private static String observed(List<Check> seen) {
    Check worst = seen.get(0);
    for (Check c : seen) {
      if (c.measured() && worst.measured() && c.verdict().ulps() > worst.verdict().ulps()) {
        worst = c;
      }
    }
    return seen.size() + " failed check" + (seen.size() == 1 ? "" : "s") + "; e.g. x = "
        + worst.input() + " [" + worst.dialect() + "]: expected " + worst.expected() + ", got "
        + Objects.toString(worst.actual(), "no result") + " (" + worst.reason() + ")";
  }

  /** An ulp error rounded up to two significant digits: the ceiling written for it. */
  static double ceiling(double ulps) {
    if (!(ulps > 0)) {
      return 0;
    }
    return new BigDecimal(ulps).round(new MathContext(2, RoundingMode.CEILING)).doubleValue();
  }

  /** An ulp figure as written in a list: no exponent, no trailing zeros. */
  static String ulps(double u) {
    return new BigDecimal(Double.toString(u)).stripTrailingZeros().toPlainString();
  }
}
