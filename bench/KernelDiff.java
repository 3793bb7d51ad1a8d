import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.regex.*;

/**
 * Two builds of the reference, bit for bit, on every elementwise behaviour of the hard-cases table
 * (read at run time from docs/hard-cases-table.md: each row's function and dialect/parameters,
 * and each command {@code ./tck exhaustive --function F --dialect D [--param k=v ...]} of the
 * behaviours not searched yet), through the public provider API only: for
 * each behaviour, value and derivative (both, whatever the line's {@code --derivative} says), in
 * float64 ({@code apply} on double[]), float32 ({@code applyFloat32} on float[]), float16 and
 * bfloat16 ({@code applyBits16} on all 65,536 bit patterns, once in order and once shuffled). For a
 * refactor meant to change no result, in particular of the array-form block loops: inputs go in
 * arrays of varying length (1..5000, a third of them within 2 of a multiple of 256, so the blocks of
 * 256 and 512 end with every kind of remainder), some chunks of one kind of input and one sign, some
 * mixed. The float64 and float32 inputs, COUNT per row, are seeded per row (both sides get the same
 * arrays) and drawn from: uniformly random bit patterns (NaN payloads, infinities, subnormals),
 * uniform in [-50, 50] and [-1000, 1000], log-uniform magnitudes 2^-1080..2^12 (float32:
 * 2^-151..2^12) of either sign, small integers and half-integers (-20..20) exactly, a few ulps off
 * and at tiny offsets, and the specials (±0, ±Inf, NaN, ±MIN_VALUE, ±MIN_NORMAL, ±MAX_VALUE, ±1),
 * which also open every row. Results are compared as raw bits, except that a NaN against a NaN with
 * other bits (sign or payload) is counted apart and is not a difference unless STRICT_NAN is set:
 * the sign of a NaN the kernels make is not a property of the build (hard_silu(-Infinity) = -Inf * 0
 * is 0xfff8... while interpreted and 0x7ff8... once C2 has compiled the array loop, so one build
 * against itself differs there), and the TCK takes every NaN for every other. A behaviour
 * that throws must throw on both sides with the same exception and message (counted as "both
 * throw", not compared); throwing on one side only counts the whole array as differing. Rows run in
 * parallel, one provider instance per thread and side (the SPI allows one thread at a time), and
 * print in order.
 *
 * <pre>
 *   java bench/KernelDiff.java OLD-cli.jar NEW-cli.jar [COUNT [TABLE]]   # COUNT float64/float32 inputs per row (default 1,000,000);
 *                                                                        # TABLE defaults to docs/hard-cases-table.md
 *   SWAP=1 java bench/KernelDiff.java ...   # self-check: the new side computes the derivative where the old computes the value and
 *                                           # the other way round, so rows must differ
 *   STRICT_NAN=1 java bench/KernelDiff.java ...   # NaN results that differ in sign or payload count as differences too
 * </pre>
 * One line per row: function, dialect, params, dtype, value|derivative, inputs compared, how many
 * differ, and the first 3 differing inputs with both results as raw bits in hex; then a total line.
 * Exit 1 when any result differs, 2 on bad arguments or an empty table. Not covered: the axis
 * functions, and {@code apply} on double[] with a float32 call (float32 goes to
 * {@code applyFloat32}, as the TCK's calls do; float16 and bfloat16 reach {@code apply} through
 * {@code applyBits16}'s default).
 */
public class KernelDiff {
  static final String SPI = "org.activationtck.spi.";
  static final boolean SWAP = System.getenv("SWAP") != null;
  static final boolean STRICT_NAN = System.getenv("STRICT_NAN") != null;
  static final String[] DTYPES = {"FLOAT64", "FLOAT32", "FLOAT16", "BFLOAT16"};

  /** One build: its class loader and the public API, found by reflection. */
  static final class Side {
    final Constructor<?> callNew;
    final Map<String, Object> dtypes = new HashMap<>();
    final Method apply, applyFloat32, applyBits16;
    final ThreadLocal<Object> impl;

    Side(String jar) throws Exception {
      ClassLoader l = new URLClassLoader(new URL[]{Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> call = l.loadClass(SPI + "Call"), dtype = l.loadClass(SPI + "Dtype");
      for (Object d : dtype.getEnumConstants()) dtypes.put(((Enum<?>) d).name(), d);
      callNew = call.getConstructor(String.class, String.class, Map.class, dtype, boolean.class, int.class);
      Class<?> ref = l.loadClass("org.activationtck.reference.ReferenceActivation");
      apply = ref.getMethod("apply", call, double[].class);
      applyFloat32 = ref.getMethod("applyFloat32", call, float[].class);
      applyBits16 = ref.getMethod("applyBits16", call, short[].class);
      Constructor<?> c = ref.getConstructor();
      impl = ThreadLocal.withInitial(() -> {
        try { return c.newInstance(); } catch (ReflectiveOperationException e) { throw new IllegalStateException(e); }
      });
    }

    Object call(Behaviour b, String dtype, boolean derivative) throws ReflectiveOperationException {
      return callNew.newInstance(b.function, b.dialect, b.params, dtypes.get(dtype), derivative, -1);
    }

    /** The result array, or a String naming what was thrown. */
    Object run(Object call, Object in) {
      Method m = in instanceof double[] ? apply : in instanceof float[] ? applyFloat32 : applyBits16;
      try {
        Object y = m.invoke(impl.get(), call, in);
        return y == null ? "returned null" : y;
      } catch (InvocationTargetException e) {
        Throwable t = e.getCause();
        return "throws " + t.getClass().getName() + ": " + t.getMessage();
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  record Behaviour(String function, String dialect, Map<String, String> params) {
    @Override public String toString() {
      StringJoiner p = new StringJoiner(",").setEmptyValue("default");
      new TreeMap<>(params).forEach((k, v) -> p.add(k + "=" + v));
      return function + " " + dialect + " " + p;
    }
  }

  record Row(Behaviour b, String dtype, boolean derivative) {
    @Override public String toString() {
      return b + " " + dtype.toLowerCase(Locale.ROOT) + " " + (derivative ? "derivative" : "value");
    }
  }

  static final class Result {
    long compared, differ, bothThrowChunks, nanBits;
    final List<String> first = new ArrayList<>();
    String firstNan;
    final Set<String> bothThrow = new TreeSet<>();

    void differ(String s) {
      differ++;
      if (first.size() < 3) first.add(s);
    }

    /** Results that differ; NaN against NaN with other bits goes apart unless STRICT_NAN. */
    void differ(boolean bothNan, String s) {
      if (bothNan && !STRICT_NAN) {
        nanBits++;
        if (firstNan == null) firstNan = s;
      } else {
        differ(s);
      }
    }
  }

  static List<Behaviour> behaviours(Path table) throws Exception {
    Pattern cmd = Pattern.compile("\\./tck exhaustive --function (\\S+) --dialect (\\S+)((?: --param \\S+)*)");
    // A searched behaviour's row: | function | dialect/params | dtype | ... (params "default" or k=v,k=v).
    Pattern row = Pattern.compile("^\\| ([a-z0-9_]+) \\| ([a-z0-9_]+)/(\\S+) \\| ");
    Set<Behaviour> out = new LinkedHashSet<>();
    for (String line : Files.readAllLines(table)) {
      Matcher r = row.matcher(line);
      if (r.find()) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!r.group(3).equals("default")) {
          for (String p : r.group(3).split(",")) {
            int eq = p.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("bad parameters in: " + line);
            params.put(p.substring(0, eq), p.substring(eq + 1));
          }
        }
        out.add(new Behaviour(r.group(1), r.group(2), Map.copyOf(params)));
        continue;
      }
      Matcher m = cmd.matcher(line);
      if (!m.find()) continue;
      Map<String, String> params = new LinkedHashMap<>();
      for (String p : m.group(3).trim().split(" ")) {
        if (p.isEmpty() || p.equals("--param")) continue;
        int eq = p.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("bad --param in: " + line);
        params.put(p.substring(0, eq), p.substring(eq + 1));
      }
      out.add(new Behaviour(m.group(1), m.group(2), Map.copyOf(params)));
    }
    return new ArrayList<>(out);
  }

  // ---- inputs -----------------------------------------------------------------------------

  static final double[] SPECIAL_D = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0};
  static final float[] SPECIAL_F = {0.0f, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
      Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1.0f, -1.0f};
  static final int KINDS = 7;

  static double nearD(SplittableRandom r, double c) {
    switch (r.nextInt(3)) {
      case 0: return c;
      case 1: return c + r.nextInt(-8, 9) * Math.ulp(c);
      default: return c + (r.nextBoolean() ? 1 : -1) * Math.scalb(1 + r.nextDouble(), -r.nextInt(1, 60));
    }
  }

  static double drawD(SplittableRandom r, int kind) {
    switch (kind) {
      case 0: return Double.longBitsToDouble(r.nextLong());
      case 1: return -50 + 100 * r.nextDouble();
      case 2: return -1000 + 2000 * r.nextDouble();
      case 3: { double v = Math.scalb(1 + r.nextDouble(), r.nextInt(-1081, 12)); return r.nextBoolean() ? v : -v; }
      case 4: return nearD(r, r.nextInt(-20, 21));
      case 5: return nearD(r, r.nextInt(-20, 21) + 0.5);
      default: return SPECIAL_D[r.nextInt(SPECIAL_D.length)];
    }
  }

  static float nearF(SplittableRandom r, float c) {
    switch (r.nextInt(3)) {
      case 0: return c;
      case 1: return c + r.nextInt(-8, 9) * Math.ulp(c);
      default: return c + (r.nextBoolean() ? 1 : -1) * Math.scalb(1 + r.nextFloat(), -r.nextInt(1, 30));
    }
  }

  static float drawF(SplittableRandom r, int kind) {
    switch (kind) {
      case 0: return Float.intBitsToFloat(r.nextInt());
      case 1: return (float) (-50 + 100 * r.nextDouble());
      case 2: return (float) (-1000 + 2000 * r.nextDouble());
      case 3: { float v = Math.scalb(1 + r.nextFloat(), r.nextInt(-151, 12)); return r.nextBoolean() ? v : -v; }
      case 4: return nearF(r, r.nextInt(-20, 21));
      case 5: return nearF(r, r.nextInt(-20, 21) + 0.5f);
      default: return SPECIAL_F[r.nextInt(SPECIAL_F.length)];
    }
  }

  /** A chunk length: uniform in 1..5000, or (a third of the time) within 2 of a multiple of 256. */
  static int chunkLength(SplittableRandom r) {
    return r.nextInt(3) == 0 ? Math.max(1, 256 * r.nextInt(0, 20) + r.nextInt(-2, 3)) : r.nextInt(1, 5001);
  }

  /**
   * A chunk: half the time each element of a random kind, else all of one kind; a third of the
   * time all made negative, a sixth all positive (the block loops split elements by sign).
   */
  static Object chunk(SplittableRandom r, boolean dbl, int len, boolean first) {
    boolean mixed = r.nextBoolean();
    int kind = r.nextInt(KINDS), sign = r.nextInt(6);
    double[] d = dbl ? new double[len] : null;
    float[] f = dbl ? null : new float[len];
    for (int i = 0; i < len; i++) {
      int k = mixed ? r.nextInt(KINDS) : kind;
      if (dbl) {
        double v = drawD(r, k);
        d[i] = sign < 2 ? -Math.abs(v) : sign == 2 ? Math.abs(v) : v;
      } else {
        float v = drawF(r, k);
        f[i] = sign < 2 ? -Math.abs(v) : sign == 2 ? Math.abs(v) : v;
      }
    }
    if (first) { // every special, with its sign, at the start of a row
      for (int i = 0; i < Math.min(len, SPECIAL_D.length); i++) {
        if (dbl) d[i] = SPECIAL_D[i]; else f[i] = SPECIAL_F[i];
      }
    }
    return dbl ? d : f;
  }

  // ---- comparison -------------------------------------------------------------------------

  static String hex(Object a, int i) {
    if (a instanceof double[]) return String.format("0x%016x", Double.doubleToRawLongBits(((double[]) a)[i]));
    if (a instanceof float[]) return String.format("0x%08x", Float.floatToRawIntBits(((float[]) a)[i]));
    return String.format("0x%04x", ((short[]) a)[i] & 0xffff);
  }

  static String show(Object a, int i) {
    if (a instanceof double[]) return hex(a, i) + " (" + ((double[]) a)[i] + ")";
    if (a instanceof float[]) return hex(a, i) + " (" + ((float[]) a)[i] + "f)";
    return hex(a, i);
  }

  static long bits(Object a, int i) {
    if (a instanceof double[]) return Double.doubleToRawLongBits(((double[]) a)[i]);
    if (a instanceof float[]) return Float.floatToRawIntBits(((float[]) a)[i]);
    return ((short[]) a)[i];
  }

  /** Whether the 16-bit pattern is a NaN of the dtype. */
  static boolean nan16(short b, boolean bfloat) {
    return bfloat ? (b & 0x7f80) == 0x7f80 && (b & 0x7f) != 0 : (b & 0x7c00) == 0x7c00 && (b & 0x3ff) != 0;
  }

  static void compare(Object callOld, Object callNew, Side o, Side n, Object in, boolean bfloat, Result res) {
    Object yo = o.run(callOld, in), yn = n.run(callNew, in);
    int len = Array.getLength(in);
    if (yo instanceof String || yn instanceof String) {
      if (yo.equals(yn)) {
        res.bothThrowChunks++;
        res.bothThrow.add((String) yo);
        return;
      }
      res.compared += len;
      res.differ(len + " inputs from x=" + show(in, 0) + " old " + (yo instanceof String ? yo : "returns")
          + ", new " + (yn instanceof String ? yn : "returns"));
      res.differ += len - 1;
      return;
    }
    int lo = Array.getLength(yo), ln = Array.getLength(yn);
    if (lo != len || ln != len) {
      res.compared += len;
      res.differ(len + " inputs from x=" + show(in, 0) + ": output lengths old " + lo + ", new " + ln);
      res.differ += len - 1;
      return;
    }
    if (in instanceof double[]) {
      double[] x = (double[]) in, a = (double[]) yo, b = (double[]) yn;
      for (int i = 0; i < len; i++) {
        if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) res.differ(a[i] != a[i] && b[i] != b[i], "x=" + show(x, i) + " old=" + hex(a, i) + " new=" + hex(b, i));
      }
    } else if (in instanceof float[]) {
      float[] x = (float[]) in, a = (float[]) yo, b = (float[]) yn;
      for (int i = 0; i < len; i++) {
        if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) res.differ(a[i] != a[i] && b[i] != b[i], "x=" + show(x, i) + " old=" + hex(a, i) + " new=" + hex(b, i));
      }
    } else {
      short[] a = (short[]) yo, b = (short[]) yn;
      for (int i = 0; i < len; i++) {
        if (a[i] != b[i]) res.differ(nan16(a[i], bfloat) && nan16(b[i], bfloat), "x=" + hex(in, i) + " old=" + hex(a, i) + " new=" + hex(b, i));
      }
    }
    res.compared += len;
  }

  static Result runRow(Row row, Side o, Side n, int count) throws Exception {
    Object callOld = o.call(row.b, row.dtype, row.derivative);
    Object callNew = n.call(row.b, row.dtype, SWAP != row.derivative);
    // String.hashCode is specified, so the seed (and the inputs) are the same in every run
    SplittableRandom r = new SplittableRandom(0x6a09e667f3bcc908L ^ (row.toString().hashCode() * 0x9e3779b97f4a7c15L));
    Result res = new Result();
    if (row.dtype.equals("FLOAT64") || row.dtype.equals("FLOAT32")) {
      boolean dbl = row.dtype.equals("FLOAT64");
      for (int done = 0; done < count; ) {
        int len = Math.min(chunkLength(r), count - done);
        compare(callOld, callNew, o, n, chunk(r, dbl, len, done == 0), false, res);
        done += len;
      }
    } else {
      short[] all = new short[65536];
      for (int i = 0; i < all.length; i++) all[i] = (short) i;
      for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) { // shuffled: every kind of input in every block
          for (int i = all.length - 1; i > 0; i--) { int j = r.nextInt(i + 1); short t = all[i]; all[i] = all[j]; all[j] = t; }
        }
        for (int start = 0; start < all.length; ) {
          int len = Math.min(chunkLength(r), all.length - start);
          compare(callOld, callNew, o, n, Arrays.copyOfRange(all, start, start + len), row.dtype.equals("BFLOAT16"), res);
          start += len;
        }
      }
    }
    return res;
  }

  public static void main(String[] a) throws Exception {
    if (a.length < 2) {
      System.err.println("usage: java bench/KernelDiff.java OLD.jar NEW.jar [COUNT [TABLE]]");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Side o = new Side(a[0]), n = new Side(a[1]);
    int count = a.length > 2 ? Integer.parseInt(a[2].replace("_", "").replace(",", "")) : 1_000_000;
    Path table = Path.of(a.length > 3 ? a[3] : "docs/hard-cases-table.md");
    List<Behaviour> bs = behaviours(table);
    if (bs.isEmpty()) {
      System.err.println("no ./tck exhaustive commands in " + table);
      System.exit(2);
    }
    List<Row> rows = new ArrayList<>();
    for (Behaviour b : bs) for (String dt : DTYPES) for (boolean d : new boolean[]{false, true}) rows.add(new Row(b, dt, d));
    int threads = Runtime.getRuntime().availableProcessors();
    System.out.println(bs.size() + " behaviours from " + table + ", " + rows.size() + " rows, " + count
        + " float64/float32 inputs per row, " + threads + " threads" + (SWAP ? ", SWAP (new side: value and derivative swapped)" : ""));
    ExecutorService pool = Executors.newFixedThreadPool(threads, t -> { Thread th = new Thread(t); th.setDaemon(true); return th; });
    List<Future<Result>> fs = new ArrayList<>();
    for (Row row : rows) fs.add(pool.submit(() -> runRow(row, o, n, count)));
    long compared = 0, differ = 0, throwRows = 0, nanBits = 0;
    int differRows = 0;
    for (int i = 0; i < rows.size(); i++) {
      Result res = fs.get(i).get();
      compared += res.compared;
      differ += res.differ;
      nanBits += res.nanBits;
      if (res.differ > 0) differRows++;
      StringBuilder s = new StringBuilder(rows.get(i) + ": " + res.compared + " compared, " + res.differ + " differ");
      if (!res.bothThrow.isEmpty()) {
        throwRows++;
        s.append(", both throw on ").append(res.bothThrowChunks).append(" arrays (").append(String.join(" | ", res.bothThrow)).append(')');
      }
      if (res.nanBits > 0) s.append(", ").append(res.nanBits).append(" NaN results differ in sign or payload only (first: ").append(res.firstNan).append(')');
      if (!res.first.isEmpty()) s.append("; first: ").append(String.join("; ", res.first));
      System.out.println(s);
    }
    pool.shutdown();
    System.out.printf("total %d rows, %d compared, %d differ in %d rows, %d rows throw on both sides, %d NaN results differ in sign or"
        + " payload only (%s), %.1f s%n", rows.size(), compared, differ, differRows, throwRows, nanBits,
        STRICT_NAN ? "counted in the differences: STRICT_NAN" : "not counted; STRICT_NAN=1 counts them", (System.nanoTime() - t0) / 1e9);
    System.exit(differ == 0 ? 0 : 1);
  }
}
