package org.activationtck.cli.matrix;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.activationtck.spi.API;

/**
 * One adapter as its {@code adapters/<dir>/adapter.properties} describes it: how {@code ./tck matrix}
 * builds and runs it.
 *
 * <p>Keys (values on one line): {@code name}, {@code library}, {@code coordinates}, {@code version}
 * (all required); exactly one of {@code impl-class} (a JVM adapter) or {@code impl-command} (a
 * process adapter, relative to the repository root); optional {@code native} ({@code true} or
 * {@code false}: build with {@code -Pnative}), {@code jvm-args} (split at whitespace),
 * {@code timeout} (per-call seconds, &gt; 0) and any number of {@code env.NAME}. {@code ${module}}
 * in {@code jvm-args}, {@code env.*}, {@code impl-command}, {@code setup} and {@code requires}
 * stands for the absolute path of the adapter's directory.
 *
 * <p>Two optional keys prepare a process adapter that needs more than the repository:
 * <ul>
 *   <li>{@code requires}: a probe command (split at whitespace, run from the repository root
 *       without a shell), e.g. {@code /usr/bin/python3 adapters/pytorch/torch_activation.py --probe}.
 *       It runs first; when it exits non-zero, cannot start or takes more than a minute, the
 *       adapter is not run and the matrix reports it as {@code skipped: <requires-hint>} (status
 *       {@code skipped}), never as a pass. {@code requires-hint} is the text shown, e.g.
 *       {@code apt-get install python3-torch}; without it the probe command is shown.
 *       {@code requires-hint} without {@code requires} is an error.</li>
 *   <li>{@code setup}: a command (split at whitespace, no shell) run in the adapter's directory
 *       before the adapter runs, e.g. {@code npm ci --ignore-scripts --no-audit --no-fund}. It
 *       is skipped while its marker {@code target/matrix-setup.txt} (written after a successful
 *       setup, holding the command) is newer than the adapter's {@code adapter.properties},
 *       {@code package.json}, {@code package-lock.json} and {@code requirements.txt} (those
 *       present). When it fails (non-zero exit, cannot start, or runs longer than the run
 *       time-out) the adapter is not run: status {@code setup_failed} with the command's last
 *       output line, never a pass. {@code ./tck matrix --skip-build} skips it too.</li>
 * </ul>
 *
 * @param dir the adapter's directory name (its short name, e.g. {@code commons-math})
 * @param module the absolute path of the adapter's directory
 * @param name the row name in the matrix
 * @param library the library's human name
 * @param coordinates Maven coordinates or a free description
 * @param version the library's version
 * @param implClass the {@code Activation} class, or {@code null} for a process adapter
 * @param implCommand the protocol program, or {@code null} for a JVM adapter
 * @param nativeBuild whether the build needs {@code -Pnative}
 * @param jvmArgs extra child JVM arguments, {@code ${module}} substituted
 * @param env extra environment variables for the child, {@code ${module}} substituted
 * @param timeoutSeconds per-call time-out, or {@code 0} for the TCK's default
 * @param setup the setup command, split at whitespace, {@code ${module}} substituted; empty when
 *     there is none
 * @param requires the probe command, split likewise; empty when there is none
 * @param requiresHint what to install when the probe fails, or {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AdapterSpec(String dir, Path module, String name, String library, String coordinates,
    String version, String implClass, String implCommand, boolean nativeBuild, List<String> jvmArgs,
    Map<String, String> env, double timeoutSeconds, List<String> setup, List<String> requires,
    String requiresHint) {

  /** The file name looked for in each adapter directory. */
  public static final String FILE_NAME = "adapter.properties";

  private static final Set<String> KEYS = Set.of("name", "library", "coordinates", "version",
      "impl-class", "impl-command", "native", "jvm-args", "timeout", "setup", "requires",
      "requires-hint");
  private static final String ENV_PREFIX = "env.";
  private static final String MODULE_VARIABLE = "${module}";

  public AdapterSpec {
    jvmArgs = List.copyOf(jvmArgs);
    env = Map.copyOf(env);
    setup = List.copyOf(setup);
    requires = List.copyOf(requires);
  }

  /** An adapter without {@code setup} and {@code requires}. */
  public AdapterSpec(String dir, Path module, String name, String library, String coordinates,
      String version, String implClass, String implCommand, boolean nativeBuild, List<String> jvmArgs,
      Map<String, String> env, double timeoutSeconds) {
    this(dir, module, name, library, coordinates, version, implClass, implCommand, nativeBuild, jvmArgs,
        env, timeoutSeconds, List.of(), List.of(), null);
  }

  /** What the matrix reports for a failed {@code requires} probe: the hint, else the probe. */
  public String skipReason() {
    return requiresHint != null ? requiresHint : String.join(" ", requires);
  }

  /** Whether this adapter is a protocol program rather than a JVM class. */
  public boolean isProcess() {
    return implCommand != null;
  }

  /**
   * Reads {@code module/adapter.properties}.
   *
   * @param shown how the file is named in error messages (e.g. {@code adapters/x/adapter.properties})
   * @throws IllegalArgumentException naming {@code shown} and the key for a missing, unknown or
   *     malformed key
   * @throws UncheckedIOException when the file cannot be read
   */
  public static AdapterSpec read(Path module, String shown) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(module.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(shown + ": malformed properties file: " + e.getMessage());
    }
    return parse(p, module.toAbsolutePath().normalize(), shown);
  }

  static AdapterSpec parse(Properties p, Path module, String shown) {
    Set<String> unknown = new TreeSet<>();
    for (String k : p.stringPropertyNames()) {
      if (!KEYS.contains(k) && !(k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length())) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(shown + ": unknown key '" + unknown.iterator().next()
          + "' (known: " + new TreeSet<>(KEYS) + " and env.NAME)");
    }
    String moduleText = module.toString();
    String implClass = optional(p, "impl-class", shown);
    String implCommand = optional(p, "impl-command", shown);
    if ((implClass == null) == (implCommand == null)) {
      throw new IllegalArgumentException(shown + ": key 'impl-class' or 'impl-command': exactly one"
          + " must be given (" + (implClass == null ? "neither is" : "both are") + ")");
    }
    if (implClass != null && !implClass.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
      throw new IllegalArgumentException(shown + ": key 'impl-class': not a Java class name: '" + implClass + "'");
    }
    boolean nativeBuild = false;
    String nat = optional(p, "native", shown);
    if (nat != null) {
      if (!nat.equals("true") && !nat.equals("false")) {
        throw new IllegalArgumentException(shown + ": key 'native': must be true or false, got '" + nat + "'");
      }
      nativeBuild = nat.equals("true");
    }
    double timeout = 0;
    String t = optional(p, "timeout", shown);
    if (t != null) {
      try {
        timeout = Double.parseDouble(t);
      } catch (NumberFormatException e) {
        timeout = Double.NaN;
      }
      if (!(timeout > 0) || Double.isInfinite(timeout)) {
        throw new IllegalArgumentException(shown + ": key 'timeout': must be a positive number of seconds, got '" + t + "'");
      }
    }
    List<String> jvmArgs = new ArrayList<>();
    String ja = optional(p, "jvm-args", shown);
    if (ja != null) {
      for (String a : ja.trim().split("\\s+")) {
        jvmArgs.add(a.replace(MODULE_VARIABLE, moduleText));
      }
    }
    List<String> setup = words(optional(p, "setup", shown), moduleText);
    List<String> requires = words(optional(p, "requires", shown), moduleText);
    String requiresHint = optional(p, "requires-hint", shown);
    if (requiresHint != null && requires.isEmpty()) {
      throw new IllegalArgumentException(shown + ": key 'requires-hint' needs a 'requires' probe command");
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (String k : new TreeSet<>(p.stringPropertyNames())) {
      if (k.startsWith(ENV_PREFIX)) {
        String var = k.substring(ENV_PREFIX.length());
        if (!var.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new IllegalArgumentException(shown + ": key '" + k + "': not an environment variable name");
        }
        env.put(var, p.getProperty(k).trim().replace(MODULE_VARIABLE, moduleText));
      }
    }
    return new AdapterSpec(module.getFileName().toString(), module, required(p, "name", shown),
        required(p, "library", shown), required(p, "coordinates", shown), required(p, "version", shown),
        implClass, implCommand == null ? null : implCommand.replace(MODULE_VARIABLE, moduleText),
        nativeBuild, jvmArgs, env, timeout, setup, requires, requiresHint);
  }

  private static List<String> words(String value, String moduleText) {
    List<String> w = new ArrayList<>();
    if (value != null) {
      for (String a : value.split("\\s+")) {
        w.add(a.replace(MODULE_VARIABLE, moduleText));
      }
    }
    return w;
  }

  private static String required(Properties p, String key, String shown) {
    String v = optional(p, key, shown);
    if (v == null) {
      throw new IllegalArgumentException(shown + ": key '" + key + "' is missing");
    }
    return v;
  }

  private static String optional(Properties p, String key, String shown) {
    String v = p.getProperty(key);
    if (v == null) {
      return null;
    }
    v = v.trim();
    if (v.isEmpty()) {
      throw new IllegalArgumentException(shown + ": key '" + key + "' is empty");
    }
    if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(shown + ": key '" + key + "': the value must be one line");
    }
    return v;
  }
}
