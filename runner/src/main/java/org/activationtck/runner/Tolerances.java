package org.activationtck.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The ULP budgets of the spec ({@code tolerances.json} beside the catalog): for every catalog
 * function, tier and dtype one budget, and user overrides ({@code gelu:float32=4}) on top.
 * {@code docs/TIERS.md} gives the evidence for every budget. Immutable.
 *
 * <p>The file is checked when it is read: every catalog function, every {@link Tier} and every
 * {@link Dtype} must have a budget (a finite number &ge; 0), nothing else may be there, and the
 * budgets of a function and dtype must not shrink from one tier to the next
 * (strict &le; libm &le; framework).
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class Tolerances {

  private static final String RESOURCE = "tolerances.json";

  /** function -> its class and budgets. */
  private final Map<String, Entry> entries;
  private final Map<String, Double> overrides;

  private record Entry(String functionClass, Map<Tier, Map<Dtype, Double>> budgets) {}

  private Tolerances(Map<String, Entry> entries, Map<String, Double> overrides) {
    this.entries = entries;
    this.overrides = Map.copyOf(overrides);
  }

  /** The spec's budgets, no overrides. */
  public static Tolerances standard() {
    try (InputStream in = Catalog.class.getResourceAsStream(Catalog.RESOURCE_DIR + RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the spec jar");
      }
      return parse(in.readAllBytes(), RESOURCE, Catalog.standard());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a tolerances document and checks it against a catalog.
   *
   * @param origin how the document is named in error messages
   * @throws IllegalArgumentException naming {@code origin} and the path of the first problem
   */
  static Tolerances parse(byte[] json, String origin, Catalog catalog) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(origin + ": not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode functions = root == null ? null : root.get("functions");
    if (functions == null || !functions.isObject()) {
      throw new IllegalArgumentException(origin + ": /functions must be an object");
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (FunctionSpec f : catalog.functions()) {
      JsonNode e = functions.get(f.id());
      if (e == null) {
        throw new IllegalArgumentException(origin + ": /functions/" + f.id() + " missing (every catalog function needs budgets)");
      }
      entries.put(f.id(), entry(e, origin + ": /functions/" + f.id()));
    }
    for (Iterator<String> it = functions.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      if (!entries.containsKey(id)) {
        throw new IllegalArgumentException(origin + ": /functions/" + id + ": not a catalog function");
      }
    }
    return new Tolerances(Map.copyOf(entries), Map.of());
  }

  private static Entry entry(JsonNode e, String at) {
    if (!e.isObject()) {
      throw new IllegalArgumentException(at + " must be an object");
    }
    JsonNode cls = e.get("class");
    if (cls == null || !cls.isTextual()) {
      throw new IllegalArgumentException(at + "/class must be a string");
    }
    Map<Tier, Map<Dtype, Double>> budgets = new EnumMap<>(Tier.class);
    for (Tier t : Tier.values()) {
      JsonNode b = e.get(t.id());
      if (b == null || !b.isObject()) {
        throw new IllegalArgumentException(at + "/" + t.id() + " missing (every tier needs budgets)");
      }
      Map<Dtype, Double> m = new EnumMap<>(Dtype.class);
      for (Dtype d : Dtype.values()) {
        JsonNode u = b.get(d.id());
        if (u == null) {
          throw new IllegalArgumentException(at + "/" + t.id() + "/" + d.id() + " missing (every dtype needs a budget)");
        }
        if (!u.isNumber() || !(u.asDouble() >= 0) || Double.isInfinite(u.asDouble())) {
          throw new IllegalArgumentException(at + "/" + t.id() + "/" + d.id() + " must be a number >= 0, got " + u);
        }
        m.put(d, u.asDouble());
      }
      unknown(b, dtypeIds(), at + "/" + t.id());
      budgets.put(t, m);
    }
    Set<String> keys = new HashSet<>(Set.of("class"));
    for (Tier t : Tier.values()) {
      keys.add(t.id());
    }
    unknown(e, keys, at);
    for (Dtype d : Dtype.values()) {
      Tier previous = null;
      for (Tier t : Tier.values()) {
        if (previous != null && budgets.get(t).get(d) < budgets.get(previous).get(d)) {
          throw new IllegalArgumentException(at + ": the " + t.id() + " budget for " + d.id() + " ("
              + fmt(budgets.get(t).get(d)) + ") is below the " + previous.id() + " budget ("
              + fmt(budgets.get(previous).get(d)) + "); budgets must not shrink from one tier to the next");
        }
        previous = t;
      }
    }
    return new Entry(cls.asText(), budgets);
  }

  private static Set<String> dtypeIds() {
    Set<String> s = new HashSet<>();
    for (Dtype d : Dtype.values()) {
      s.add(d.id());
    }
    return s;
  }

  private static void unknown(JsonNode o, Set<String> allowed, String at) {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(at + "/" + k + ": unknown key (expected one of " + new TreeSet<>(allowed) + ")");
      }
    }
  }

  /**
   * Adds an override {@code FUNCTION:DTYPE=ULPS} (DTYPE may be {@code *}), which applies in every
   * tier.
   *
   * @throws IllegalArgumentException naming the spec when malformed
   */
  public Tolerances withOverride(String spec) {
    String[] kv = spec.split("=", 2);
    String[] fd = kv[0].split(":", 2);
    if (kv.length != 2 || fd.length != 2 || fd[0].isEmpty()) {
      throw new IllegalArgumentException("--tolerance '" + spec + "': expected FUNCTION:DTYPE=ULPS, e.g. gelu:float32=4");
    }
    String function;
    try {
      function = Catalog.standard().require(fd[0]).id();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--tolerance '" + spec + "': " + e.getMessage());
    }
    if (!fd[1].equals("*")) {
      Dtype.fromId(fd[1]);
    }
    double ulps;
    try {
      ulps = Double.parseDouble(kv[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--tolerance '" + spec + "': '" + kv[1] + "' is not a number");
    }
    if (!(ulps >= 0)) {
      throw new IllegalArgumentException("--tolerance '" + spec + "': ULPS must be >= 0");
    }
    Map<String, Double> m = new HashMap<>(overrides);
    m.put(function + ":" + fd[1], ulps);
    return new Tolerances(entries, m);
  }

  /**
   * The overrides given with {@link #withOverride}, {@code FUNCTION:DTYPE} (DTYPE may be
   * {@code *}) to ulps, sorted; empty for the spec's budgets.
   */
  public java.util.SortedMap<String, Double> overrides() {
    return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(overrides));
  }

  /**
   * The function's class in the spec: {@code exact} (piecewise-linear and rational),
   * {@code transcendental} or {@code composite}; the strict tier's budgets follow from it.
   *
   * @throws IllegalArgumentException for a function the catalog does not have
   */
  public String functionClass(String function) {
    return entry(function).functionClass();
  }

  /**
   * The budget in ulps for a function, dtype and tier, overrides applied.
   *
   * @throws IllegalArgumentException for a function the catalog does not have
   */
  public double budget(String function, Dtype dtype, Tier tier) {
    Double o = overrides.get(function + ":" + dtype.id());
    if (o == null) {
      o = overrides.get(function + ":*");
    }
    if (o != null) {
      return o;
    }
    return entry(function).budgets().get(tier).get(dtype);
  }

  private Entry entry(String function) {
    Entry e = entries.get(function);
    if (e == null) {
      throw new IllegalArgumentException("no budgets for '" + function + "': not a catalog function");
    }
    return e;
  }

  private static String fmt(double b) {
    return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
  }
}
