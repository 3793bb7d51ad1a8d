import java.lang.reflect.*;
import java.net.*;
import java.util.*;

/**
 * Two builds of the reference, bit for bit, on the accurate paths of the double-double kernels
 * (the code a fast path falls back to, which the fixtures and the benchmarks rarely reach): gelu
 * (both forms, value and derivative), sigmoid, silu, tanh, tanh_shrink, glu's gate, softmax's and
 * log_softmax's exact paths, each for float64 (round to nearest) and the narrow dtypes (round to
 * odd), on seeded inputs over each function's whole range (uniform, log-uniform, near integers).
 * For a kernel change meant to change no result, beside the whole float32 sweeps (which reach
 * these paths for float32 only). The methods are package-private: they are called by reflection,
 * so a renamed method fails here by name.
 *
 * <pre>
 *   java bench/AccuratePathDiff.java OLD-cli.jar NEW-cli.jar [COUNT]   # COUNT inputs per path and rounding
 *   SWAP=1 java bench/AccuratePathDiff.java ...   # self-check: the new side rounds the other way, so rows must differ
 * </pre>
 * Exit 1 when any result differs.
 */
public class AccuratePathDiff {
  static final String R = "org.activationtck.reference.";
  static class Side {
    final ClassLoader l; final Object[] rounding; final Map<String, Method> m = new HashMap<>(); final Object exact, tanhForm;
    Side(String jar) throws Exception {
      l = new URLClassLoader(new URL[]{new java.io.File(jar).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> fr = l.loadClass(R + "internal.FinalRounding");
      rounding = fr.getEnumConstants();
      Class<?> params = l.loadClass("org.activationtck.spec.params.Params");
      Method of = params.getMethod("of", String.class, Map.class);
      Class<?> gs = l.loadClass(R + "kernel.GeluScales");
      Method gof = gs.getMethod("of", params);
      exact = gof.invoke(null, of.invoke(null, "keras3", Map.of("approximate", false)));
      tanhForm = gof.invoke(null, of.invoke(null, "keras3", Map.of("approximate", true)));
      for (String s : List.of("Gelu.accurateExactValue", "Gelu.accurateExactDerivative", "Gelu.accurateTanhValue",
          "Gelu.accurateTanhDerivative", "Sigmoid.accurateValue", "Sigmoid.accurateDerivative", "Silu.accurateValue",
          "Tanh.accurate", "TanhShrink.accurateValue", "TanhShrink.accurateDerivative", "Glu.gated", "Softmax.exact",
          "LogSoftmax.exact")) {
        String[] p = s.split("\\.");
        Class<?> c = l.loadClass(R + "function." + p[0]);
        for (Method x : c.getDeclaredMethods()) {
          if (x.getName().equals(p[1])) { x.setAccessible(true); m.put(s, x); }
        }
        if (!m.containsKey(s)) throw new IllegalStateException(s);
      }
    }
    Object call(String s, Object... a) throws Exception { return m.get(s).invoke(null, a); }
  }

  static double draw(SplittableRandom r, double lo, double hi) {
    switch (r.nextInt(3)) {
      case 0: return lo + (hi - lo) * r.nextDouble();
      case 1: { double v = Math.scalb(1 + r.nextDouble(), -r.nextInt(80) + 10); v = Math.min(v, Math.max(-lo, hi)); return r.nextBoolean() ? Math.max(-v, lo) : Math.min(v, hi); }
      default: return Math.rint(lo + (hi - lo) * r.nextDouble()) + (r.nextDouble() - 0.5) * 1e-3;
    }
  }

  public static void main(String[] a) throws Exception {
    Side o = new Side(a[0]), n = new Side(a[1]);
    int count = a.length > 2 ? Integer.parseInt(a[2]) : 1_000_000;
    long compared = 0, differ = 0;
    String[][] elementwise = {
      {"Gelu.accurateExactValue", "-40", "10"}, {"Gelu.accurateExactDerivative", "-40", "10"},
      {"Gelu.accurateTanhValue", "-60", "10"}, {"Gelu.accurateTanhDerivative", "-60", "10"},
      {"Sigmoid.accurateValue", "-800", "800"}, {"Sigmoid.accurateDerivative", "-800", "800"},
      {"Silu.accurateValue", "-800", "100"}, {"Tanh.accurate", "-400", "400"},
      {"TanhShrink.accurateValue", "-30", "30"}, {"TanhShrink.accurateDerivative", "-30", "30"}};
    for (String[] e : elementwise) {
      long d0 = differ;
      for (int ri = 0; ri < 2; ri++) {
        SplittableRandom r = new SplittableRandom(42 + ri);
        for (int i = 0; i < count; i++) {
          double x = draw(r, Double.parseDouble(e[1]), Double.parseDouble(e[2]));
          Object yo, yn;
          if (e[0].startsWith("Gelu")) {
            boolean t = e[0].contains("Tanh");
            yo = o.call(e[0], t ? o.tanhForm : o.exact, x, o.rounding[ri]);
            yn = n.call(e[0], t ? n.tanhForm : n.exact, x, n.rounding[ri]);
          } else {
            yo = o.call(e[0], x, o.rounding[ri]);
            yn = n.call(e[0], x, n.rounding[System.getenv("SWAP") != null ? 1 - ri : ri]);
          }
          compared++;
          if (Double.doubleToRawLongBits((Double) yo) != Double.doubleToRawLongBits((Double) yn)) {
            if (differ++ < 20) System.out.println("DIFF " + e[0] + " " + o.rounding[ri] + " x=" + x + " old=" + yo + " new=" + yn);
          }
        }
      }
      System.out.println(e[0] + ": " + (2L * count) + " inputs, " + (differ - d0) + " differ");
    }
    // glu: gated(a, b)
    long d0 = differ;
    for (int ri = 0; ri < 2; ri++) {
      SplittableRandom r = new SplittableRandom(7 + ri);
      for (int i = 0; i < count; i++) {
        double x = draw(r, -1e3, 1e3), b = draw(r, -800, 800);
        Object yo = o.call("Glu.gated", x, b, o.rounding[ri]), yn = n.call("Glu.gated", x, b, n.rounding[ri]);
        compared++;
        if (Double.doubleToRawLongBits((Double) yo) != Double.doubleToRawLongBits((Double) yn) && differ++ < 20)
          System.out.println("DIFF glu " + x + " " + b + " " + yo + " " + yn);
      }
    }
    System.out.println("Glu.gated: " + (2L * count) + " inputs, " + (differ - d0) + " differ");
    for (String s : List.of("Softmax.exact", "LogSoftmax.exact")) {
      d0 = differ; long elems = 0;
      for (int ri = 0; ri < 2; ri++) {
        SplittableRandom r = new SplittableRandom(11 + ri);
        for (int i = 0; i < count / 16; i++) {
          int len = 1 + r.nextInt(16);
          double spread = Math.scalb(1.0, r.nextInt(11));
          double[] x = new double[len];
          for (int j = 0; j < len; j++) x[j] = (r.nextDouble() - 0.5) * spread;
          double[] yo = (double[]) (s.startsWith("Softmax") ? o.call(s, x, 1.0, o.rounding[ri]) : o.call(s, x, o.rounding[ri]));
          double[] yn = (double[]) (s.startsWith("Softmax") ? n.call(s, x, 1.0, n.rounding[ri]) : n.call(s, x, n.rounding[ri]));
          for (int j = 0; j < len; j++) {
            compared++; elems++;
            if (Double.doubleToRawLongBits(yo[j]) != Double.doubleToRawLongBits(yn[j]) && differ++ < 20)
              System.out.println("DIFF " + s + " " + Arrays.toString(x) + " j=" + j + " " + yo[j] + " " + yn[j]);
          }
        }
      }
      System.out.println(s + ": " + elems + " elements, " + (differ - d0) + " differ");
    }
    System.out.println("total " + compared + " compared, " + differ + " differ");
    System.exit(differ == 0 ? 0 : 1);
  }
}
