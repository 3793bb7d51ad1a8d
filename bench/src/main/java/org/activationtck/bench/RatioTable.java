package org.activationtck.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JMH CSV result of {@link ElementwiseBenchmark}, {@link AxisBenchmark} and
 * {@link OnnxRuntimeBenchmark} and prints one row per function and dtype (or vector length): the
 * reference's and the naive loop's ns per element, measured in the same run, their ratio (the
 * goal), and ONNX Runtime's ns per element where it was measured (for scale). Beside the ratio,
 * its range from JMH's 99.9% confidence intervals of both scores (the reference's low end over the
 * naive loop's high end, and the reverse): a row whose range straddles the goal was not settled
 * by the run, and is counted apart.
 */
public final class RatioTable {

  /** The goal of issue 6: the reference within this factor of the naive loop. */
  static final double GOAL = 1.5;

  private RatioTable() {}

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    List<String> header = fields(lines.get(0));
    int benchmark = header.indexOf("Benchmark");
    int score = header.indexOf("Score");
    int error = header.indexOf("Score Error (99.9%)");
    int function = header.indexOf("Param: function");
    int dtype = header.indexOf("Param: dtype");
    int length = header.indexOf("Param: length");
    // key -> {reference, naive, onnxruntime, their three errors}
    Map<String, double[]> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = fields(line);
      String b = f.get(benchmark);
      boolean axis = b.contains("AxisBenchmark");
      double perElement = Double.parseDouble(f.get(score));
      double errorPerElement = error < 0 ? Double.NaN : parseOrNaN(f.get(error));
      String what;
      if (axis) {
        int n = Integer.parseInt(f.get(length));
        perElement /= n;
        errorPerElement /= n;
        what = "float64 n=" + n;
      } else {
        what = f.get(dtype);
      }
      double[] r = rows.computeIfAbsent(f.get(function) + "|" + what, k -> nans(6));
      int column = b.endsWith(".reference") ? 0 : b.endsWith(".naive") ? 1 : 2;
      r[column] = perElement;
      r[column + 3] = errorPerElement;
    }
    System.out.printf("%-18s %-14s %15s %12s %7s %13s %16s%n", "function", "dtype", "reference ns/el",
        "naive ns/el", "ratio", "99.9% range", "onnxruntime ns/el");
    int within = 0;
    int compared = 0;
    int unsettled = 0;
    for (Map.Entry<String, double[]> e : rows.entrySet()) {
      String[] k = e.getKey().split("\\|");
      double[] r = e.getValue();
      double ratio = r[0] / r[1];
      double low = Math.max(0, (r[0] - r[3]) / (r[1] + r[4]));
      double high = r[1] > r[4] ? (r[0] + r[3]) / (r[1] - r[4]) : Double.POSITIVE_INFINITY;
      if (!Double.isNaN(ratio)) {
        compared++;
      }
      if (ratio <= GOAL) {
        within++;
      }
      boolean straddles = low <= GOAL && high > GOAL;
      if (straddles) {
        unsettled++;
      }
      String range = Double.isNaN(low) ? "-" : String.format("%.2f-%s", low, Double.isInfinite(high) ? "inf" : String.format("%.2f", high));
      System.out.printf("%-18s %-14s %15s %12s %6.2fx %13s %16s%s%n", k[0], k[1], ns(r[0]), ns(r[1]),
          ratio, range, ns(r[2]), ratio <= GOAL || Double.isNaN(ratio) ? "" : "  > " + GOAL + "x");
    }
    System.out.printf("%n%d of %d rows within %.1fx of the naive loop%n", within, compared, GOAL);
    System.out.printf("%d rows with a 99.9%% range that straddles %.1fx%n", unsettled, GOAL);
  }

  private static double[] nans(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  private static double parseOrNaN(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN; // JMH writes NaN, or nothing, when one iteration gives no interval
    }
  }

  private static String ns(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.2f", v);
  }

  /** The fields of one JMH CSV line (quoted, comma-separated, no embedded quotes). */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(b.toString());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    out.add(b.toString());
    return out;
  }
}
