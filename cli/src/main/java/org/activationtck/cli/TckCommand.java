package org.activationtck.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.activationtck.spec.catalog.Catalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./tck} entry point. Exit codes: 0 success, 1 conformance failure, 2 bad input (unknown
 * names, malformed numbers, options or files, unwritable outputs), 3 internal error (a bug in the
 * TCK). Every error is one line on stderr, {@code tck <command>: <message>}; the stack trace of an
 * internal error is printed only when the environment variable {@code TCK_DEBUG} is set.
 */
@Command(name = "tck", mixinStandardHelpOptions = true, version = "activation-tck 0.1.0",
    description = "Exact values and conformance tests for neural-network activation functions.")
public final class TckCommand implements Runnable {

  /**
   * The subcommands by name, in the order {@code --help} lists them. picocli reads every
   * registered command's options by reflection when the command line is built (about 0.1 s of a
   * single {@code ./tck oracle} query for all nine), so a command line naming one registers that
   * one. The names are written out (each is its class's {@code @Command} name, which a test
   * checks) so that choosing one reads no annotation.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
      "run", RunCommand.class, "exhaustive", ExhaustiveCommand.class, "oracle", OracleCommand.class,
      "fixtures", FixturesCommand.class, "spec", SpecCommand.class, "matrix", MatrixCommand.class,
      "bench", BenchCommand.class, "export", ExportCommand.class, "audit", AuditCommand.class);

  private static Map<String, Class<?>> subcommands(Object... namesAndClasses) {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndClasses.length; i += 2) {
      m.put((String) namesAndClasses[i], (Class<?>) namesAndClasses[i + 1]);
    }
    return m;
  }

  /** Exit code for bad input: unknown names, malformed numbers or files, bad options. */
  public static final int USAGE = 2;

  /** Exit code for an internal error: an exception the TCK did not anticipate, i.e. a TCK bug. */
  public static final int INTERNAL = 3;

  /** Set (to anything) to print the stack trace of internal errors. */
  static final String DEBUG_ENV = "TCK_DEBUG";

  @Override
  public void run() {
    commandLine(null).usage(System.out);
  }

  /** The command line with the named subcommand only, or with all of them for {@code null}. */
  static CommandLine commandLine(String subcommand) {
    CommandLine cl = new CommandLine(new TckCommand());
    if (subcommand != null && SUBCOMMANDS.containsKey(subcommand)) {
      cl.addSubcommand(subcommand, SUBCOMMANDS.get(subcommand));
    } else {
      SUBCOMMANDS.forEach(cl::addSubcommand);
    }
    return cl;
  }

  /** Runs the CLI and returns its exit code. */
  public static int execute(String... args) {
    String subcommand = args.length > 0 ? args[0] : null;
    if (subcommand != null && SUBCOMMANDS.containsKey(subcommand)) {
      // Every command reads the catalog; reading it (Jackson, about 0.2 s from a cold start) on
      // a second core while picocli builds the command line takes it off a short query's path.
      Thread preload = new Thread(() -> {
        try {
          Catalog.standard();
        } catch (Throwable e) {
          // not loaded: the command reads it again and reports the failure in its one line
        }
      }, "tck-catalog-preload");
      preload.setDaemon(true);
      preload.start();
    }
    CommandLine cl = commandLine(subcommand);
    cl.setParameterExceptionHandler((ex, args1) -> {
      // picocli's default prints the whole usage text after the message; one line is easier to
      // read in a CI log, and the usage is one --help away.
      CommandLine cmd = ex.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println(prefix(cmd) + visible(ex.getMessage()) + " (see: "
          + cmd.getCommandSpec().qualifiedName() + " --help)");
      err.flush();
      return USAGE;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      int code;
      if (ex instanceof IllegalArgumentException) {
        err.println(prefix(cmd) + visible(ex.getMessage()));
        code = USAGE;
      } else if (ex instanceof UncheckedIOException) {
        err.println(prefix(cmd) + visible(IoErrors.describe(((UncheckedIOException) ex).getCause())));
        code = USAGE;
      } else if (ex instanceof java.io.IOException) {
        err.println(prefix(cmd) + visible(IoErrors.describe((java.io.IOException) ex)));
        code = USAGE;
      } else {
        err.println(prefix(cmd) + "internal error: " + visible(String.valueOf(ex)) + (debug() ? ""
            : " (a bug in the TCK; set " + DEBUG_ENV + "=1 for the stack trace)"));
        code = INTERNAL;
      }
      if (debug()) {
        ex.printStackTrace(err);
      }
      err.flush();
      return code;
    });
    try {
      return cl.execute(args);
    } catch (Error e) {
      // an Error from an in-process implementation outside a call (its constructor, dialects(),
      // a static initialiser), or the TCK's own: one line, as for every other failure
      System.err.println("tck: internal error: " + visible(String.valueOf(e)) + (debug() ? ""
          + "" : " (from the implementation or the TCK; set " + DEBUG_ENV + "=1 for the stack trace)"));
      if (debug()) {
        e.printStackTrace();
      }
      return INTERNAL;
    }
  }

  /**
   * The message with control characters written as escapes ({@code \u001b}): an error line may
   * quote the user's input or an implementation's text, and must not drive the terminal (retitle
   * it, move the cursor) or break the line in two.
   */
  static String visible(String message) {
    if (message == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(message.length());
    message.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }

  private static String prefix(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName() + ": ";
  }

  private static boolean debug() {
    String v = System.getenv(DEBUG_ENV);
    return v != null && !v.isEmpty() && !v.equals("0");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
