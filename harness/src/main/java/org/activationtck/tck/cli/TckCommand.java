package org.activationtck.tck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./tck} entry point. Exit codes: 0 success, 1 conformance failure, 2 usage error. */
@Command(name = "tck", mixinStandardHelpOptions = true, version = "activation-tck 0.1.0",
    description = "Exact values and conformance tests for neural-network activation functions.",
    subcommands = {RunCommand.class, OracleCommand.class, FixturesCommand.class, SpecCommand.class})
public final class TckCommand implements Runnable {

  /** Exit code for bad input: unknown names, malformed numbers or files, bad options. */
  public static final int USAGE = 2;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the CLI and returns its exit code. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new TckCommand());
    cl.setExitCodeExceptionMapper(t -> USAGE);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
        PrintWriter err = cmd.getErr();
        err.println("tck " + cmd.getCommandName() + ": " + ex.getMessage());
        err.flush();
        return USAGE;
      }
      throw ex;
    });
    return cl.execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
