package org.activationtck.cli.matrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one adapter in one tier in its own child JVM (native libraries of different libraries must
 * never meet in one process, and a crash must not take the matrix down):
 *
 * <pre>
 * java &lt;jvm-args&gt; -cp &lt;cli jar&gt;:&lt;module&gt;/target/classes:&lt;target/classpath.txt&gt;
 *     org.activationtck.cli.TckCommand run --impl-class FQCN | --impl-command CMD
 *     --tier T --signed-zero T --report-json FILE [--functions ...] [--timeout S]
 * </pre>
 *
 * in the repository root, with the adapter's {@code env.*} variables. Exit 0, 1 or 4 (nothing checked) with a report is
 * a result; exit 2 is a start failure (the CLI's one-line reason is kept); anything else, a missing
 * report or a time-out is a run failure.
 *
 * <p>Before that, {@link #missingRequirement} runs the adapter's {@code requires} probe and {@link
 * #setup} its {@code setup} command ({@link AdapterSpec}).
 */
final class AdapterRunner {

  /**
   * The two runs the matrix makes: strict, and framework (which forgives the sign of zero too).
   * The libm tier needs no run of its own: it is the strict tier with larger budgets.
   */
  enum Tier {
    STRICT("strict", "strict"),
    FRAMEWORK("framework", "lenient");

    final String tier;
    final String signedZero;

    Tier(String tier, String signedZero) {
      this.tier = tier;
      this.signedZero = signedZero;
    }
  }

  /** A report, or the status and reason of a failure. */
  record Outcome(TierReport report, Matrix.Status status, String message, double seconds) {}

  private AdapterRunner() {}

  /** Written after a successful setup; holds the setup command. */
  static final String SETUP_MARKER = "target/matrix-setup.txt";

  /** The files whose change makes a setup run again (those that exist). */
  static final List<String> SETUP_INPUTS = List.of(AdapterSpec.FILE_NAME, "package.json",
      "package-lock.json", "requirements.txt");

  /** How long the requires probe may take. */
  static final Duration PROBE_LIMIT = Duration.ofSeconds(60);

  /**
   * Runs the adapter's {@code requires} probe from the root.
   *
   * @return {@code null} when there is no probe or it exited 0, else why it failed (for the log)
   */
  static String missingRequirement(AdapterSpec a, Path root, Path workDir) {
    if (a.requires().isEmpty()) {
      return null;
    }
    Command c = execute(a.requires(), root, a, root, workDir.resolve("requires.log"), PROBE_LIMIT);
    return c.ok() ? null : "probe `" + String.join(" ", a.requires()) + "` " + c.failure();
  }

  /** The result of a setup: whether the adapter may run, whether the command ran, and why not. */
  record Setup(boolean ok, boolean ran, String message) {}

  /**
   * Runs the adapter's {@code setup} command in its directory unless there is none or it is up to
   * date ({@link #setupUpToDate}); writes the marker after a success.
   */
  static Setup setup(AdapterSpec a, Path root, Path workDir, Duration limit) {
    if (a.setup().isEmpty()) {
      return new Setup(true, false, null);
    }
    if (setupUpToDate(a)) {
      return new Setup(true, false, null);
    }
    Command c = execute(a.setup(), a.module(), a, root, workDir.resolve("setup.log"), limit);
    if (!c.ok()) {
      return new Setup(false, true, "setup `" + String.join(" ", a.setup()) + "` " + c.failure());
    }
    try {
      Path marker = a.module().resolve(SETUP_MARKER);
      Files.createDirectories(marker.getParent());
      Files.writeString(marker, String.join(" ", a.setup()) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      // it ran fine; without a marker it runs again next time
    }
    return new Setup(true, true, null);
  }

  /**
   * Whether the setup marker holds today's command and is newer than every {@link #SETUP_INPUTS}
   * file present, and, for an npm adapter (with a {@code package.json}), {@code node_modules} is
   * still there.
   */
  static boolean setupUpToDate(AdapterSpec a) {
    Path marker = a.module().resolve(SETUP_MARKER);
    try {
      if (!Files.isRegularFile(marker)
          || !Files.readString(marker, StandardCharsets.UTF_8).trim().equals(String.join(" ", a.setup()))) {
        return false;
      }
      if (Files.isRegularFile(a.module().resolve("package.json"))
          && !Files.isDirectory(a.module().resolve("node_modules"))) {
        return false;
      }
      long done = Files.getLastModifiedTime(marker).toMillis();
      for (String input : SETUP_INPUTS) {
        Path f = a.module().resolve(input);
        if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toMillis() >= done) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** How a helper command ended: {@code failure} is null on exit 0. */
  private record Command(boolean ok, String failure) {}

  /** Runs cmd in dir, output to log, with the adapter's environment; never throws. */
  private static Command execute(List<String> cmd, Path dir, AdapterSpec a, Path root, Path log, Duration limit) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().putAll(a.env());
      pb.environment().put("TCK_HOME", root.toString());
      Process p = pb.start();
      p.getOutputStream().close(); // no input: a command that asks a question gets end of file
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        return new Command(false, "timed out after " + limit.toSeconds() + " s (log: " + root.relativize(log) + ")");
      }
      int code = p.exitValue();
      if (code == 0) {
        return new Command(true, null);
      }
      String last = LogTail.lastMeaningfulLine(log);
      return new Command(false, "exited with code " + code + (last == null || last.isEmpty() ? "" : ": " + last));
    } catch (IOException e) {
      return new Command(false, "cannot start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Command(false, "interrupted");
    }
  }

  static List<String> command(AdapterSpec a, Path root, Tier tier, List<String> functions, Path report) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(a.jvmArgs());
    String cp = CliClasspath.of(root);
    if (!a.isProcess()) {
      Path cpFile = a.module().resolve("target/classpath.txt");
      String deps = Files.isRegularFile(cpFile) ? Files.readString(cpFile, StandardCharsets.UTF_8) : "";
      cp = CliClasspath.join(cp, a.module().resolve("target/classes").toString(), deps);
    }
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add("org.activationtck.cli.TckCommand");
    cmd.add("run");
    if (a.isProcess()) {
      cmd.add("--impl-command");
      cmd.add(a.implCommand());
    } else {
      cmd.add("--impl-class");
      cmd.add(a.implClass());
    }
    cmd.add("--tier");
    cmd.add(tier.tier);
    cmd.add("--signed-zero");
    cmd.add(tier.signedZero);
    cmd.add("--report-json");
    cmd.add(report.toString());
    if (!functions.isEmpty()) {
      cmd.add("--functions");
      cmd.add(String.join(",", functions));
    }
    if (a.timeoutSeconds() > 0) {
      cmd.add("--timeout");
      cmd.add(Double.toString(a.timeoutSeconds()));
    }
    return cmd;
  }

  static Outcome run(AdapterSpec a, Path root, Tier tier, List<String> functions, Path workDir, Duration limit) {
    long start = System.nanoTime();
    Path report = workDir.resolve(tier.tier + ".json");
    Path log = workDir.resolve(tier.tier + ".log");
    try {
      Files.createDirectories(workDir);
      Files.deleteIfExists(report);
      ProcessBuilder pb = new ProcessBuilder(command(a, root, tier, functions, report))
          .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().putAll(a.env());
      pb.environment().put("TCK_HOME", root.toString());
      Process p = pb.start();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        return new Outcome(null, Matrix.Status.RUN_FAILED, tier.tier + " run timed out after "
            + limit.toSeconds() + " s (log: " + root.relativize(log) + ")", seconds(start));
      }
      int code = p.exitValue();
      if (code == 2) {
        return new Outcome(null, Matrix.Status.START_FAILED, LogTail.lastMeaningfulLine(log), seconds(start));
      }
      if ((code != 0 && code != 1 && code != 4) || !Files.isRegularFile(report)) {
        return new Outcome(null, Matrix.Status.RUN_FAILED, tier.tier + " run exited with code " + code
            + (Files.isRegularFile(report) ? "" : " and no report") + ": " + LogTail.lastMeaningfulLine(log),
            seconds(start));
      }
      try {
        return new Outcome(TierReport.parse(Files.readAllBytes(report), root.relativize(report).toString()),
            Matrix.Status.OK, null, seconds(start));
      } catch (IllegalArgumentException bad) {
        return new Outcome(null, Matrix.Status.RUN_FAILED, bad.getMessage(), seconds(start));
      }
    } catch (IOException e) {
      return new Outcome(null, Matrix.Status.START_FAILED, "cannot start the child JVM: " + e.getMessage(), seconds(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, Matrix.Status.RUN_FAILED, "interrupted", seconds(start));
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
