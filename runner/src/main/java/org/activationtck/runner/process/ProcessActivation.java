package org.activationtck.runner.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.ParameterSpec;

/**
 * An implementation in any language, spoken to over its stdin and stdout in JSON lines
 * (docs/PROTOCOL.md). One request per line, one reply per line, matched by id. The program is
 * started without a shell (unless {@code useShell}), restarted after it crashes, times out,
 * answers out of order or prints garbage; every such fault fails that request only. Its stderr is
 * passed through to ours.
 *
 * <p>The first exchange with the program is the describe request (id 0), sent once, when the
 * program is started by {@link #start()} or when {@link #name()}, {@link #version()},
 * {@link #dialects()} or a call first needs it. Its reply gives the name, version and dialects;
 * {@code unsupported} or {@code error} declares nothing; a crash, garbage or no reply declares
 * nothing either, with one warning line on stderr, and the program is restarted as after any
 * fault. So a program that does not know the request costs at most one time-out at start.
 *
 * <p>The adapter waits for a reply a little less than the time-out (a tenth of it, at most
 * 0.5 s, less), so that it gives up before the runner's watchdog of the same time-out does and
 * its own reason, which says more, is the one reported: a program that has written nothing since
 * it started is told that it probably does not flush its stdout.
 *
 * <p>Thread-safe: every method is synchronized, one request is in flight at a time.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProcessActivation implements Activation, AutoCloseable {

  /** Longest reply line accepted: 64 MiB, far above any real batch, a guard against garbage. */
  static final int MAX_LINE = 64 << 20;

  /** The longest the adapter gives up before its time-out (see the class comment). */
  static final Duration MAX_MARGIN = Duration.ofMillis(500);

  /** Why a program that is alive may have written nothing since it started. */
  static final String SILENT_HINT = "it is running but has written nothing since it started: "
      + "it probably does not flush stdout after each reply line (Python: print(..., flush=True) "
      + "or sys.stdout.flush(); C: fflush(stdout); Node: process.stdout.write each line when it "
      + "is ready, not at exit), or it reads all of stdin before answering (stdin stays open "
      + "until the run ends: read it line by line)";

  private static final Object EOF = new Object();

  private final List<String> command;
  private final Duration timeout;
  private final long waitNanos;
  private final Consumer<String> warnings;
  private final ObjectMapper mapper = new ObjectMapper(); // writes requests only
  private final Replies replies = new Replies(MAX_LINE);
  private Process process;
  private OutputStream stdin;
  private BlockingQueue<Object> lines;
  private boolean heard; // whether the running process has written a line
  private boolean unread; // whether the last request could not be written in time
  private java.util.concurrent.ExecutorService writer; // writes requests to the running process
  private long nextId = Declaration.ID + 1;
  private Declaration declaration; // null until the describe exchange took place
  private String badDeclaration; // why the declaration cannot hold, or null

  /**
   * @param command the command line, split into arguments (or run by /bin/sh -c when useShell)
   * @param useShell whether to start the command through the shell
   * @param timeout how long one reply may take
   */
  public ProcessActivation(String command, boolean useShell, Duration timeout) {
    this(command, useShell, timeout, System.err::println);
  }

  /** As the public constructor, with the warning lines going to {@code warnings}. */
  ProcessActivation(String command, boolean useShell, Duration timeout, Consumer<String> warnings) {
    this.command = useShell ? List.of("/bin/sh", "-c", command) : CommandLineSplitter.split(command);
    this.timeout = timeout;
    this.waitNanos = timeout.toNanos() - Math.min(timeout.toNanos() / 10, MAX_MARGIN.toNanos());
    this.warnings = warnings;
  }

  /** The name the program declares, else the command line. */
  @Override
  public synchronized String name() {
    String declared = declaredOrNone().name();
    return declared.isEmpty() ? String.join(" ", command) : declared;
  }

  /** The version the program declares, else empty. */
  @Override
  public synchronized String version() {
    return declaredOrNone().version();
  }

  /**
   * The dialects the program declares, else empty.
   *
   * @throws IllegalArgumentException when the program cannot start, or declares a dialect the
   *     catalog does not know (or fields of the wrong type)
   */
  @Override
  public synchronized Set<String> dialects() {
    return declaration().dialects();
  }

  /** Every call is offered; the program answers {@code unsupported} for what it lacks. */
  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return true;
  }

  /**
   * Starts the program now rather than at the first call, and asks it to describe itself, so
   * that a command that cannot start at all, or declares what cannot hold, is reported once, as
   * bad input.
   *
   * @throws IllegalArgumentException naming the command when it cannot be started, or when it
   *     declares a dialect the catalog does not know (or fields of the wrong type)
   */
  public synchronized void start() {
    declaration();
  }

  @Override
  public synchronized double[] apply(Call call, double[] x) {
    declaration();
    long id = nextId++;
    Object line;
    try {
      line = exchange(request(id, call, x));
    } catch (IOException e) {
      restart();
      throw new IllegalStateException("cannot write to the program: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      restart();
      throw new IllegalStateException("interrupted");
    }
    if (line == null) {
      String why = unread ? "the program read no request for " + timeout.toMillis()
          + " ms (does it read its stdin?); it was stopped"
          : "no reply within " + timeout.toMillis() + " ms" + (silent() ? "; " + SILENT_HINT : "");
      restart();
      throw new IllegalStateException(why);
    }
    if (line == EOF) {
      restart();
      throw new IllegalStateException("the program closed its stdout (exited or crashed)");
    }
    try {
      return replies.parse((String) line, id, call.dtype());
    } catch (Replies.BadReply e) {
      if (e.restart()) {
        restart();
      }
      throw e;
    }
  }

  /**
   * Writes one request line and waits for the reply line: the line, {@link #EOF}, or
   * {@code null} when none came in time. Starts the program first when it is not running.
   */
  private Object exchange(String request) throws IOException, InterruptedException {
    ensureStarted();
    long deadline = System.nanoTime() + waitNanos;
    // The write happens on the process's writer thread: a program that does not read its stdin
    // fills the pipe, and a write on this thread would then block past every time-out.
    byte[] bytes = (request + "\n").getBytes(StandardCharsets.UTF_8);
    OutputStream out = stdin;
    java.util.concurrent.Future<?> written = writer.submit(() -> {
      out.write(bytes);
      out.flush();
      return null;
    });
    try {
      written.get(waitNanos, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      unread = true;
      return null; // the caller restarts the program, which ends the blocked write
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException ? (IOException) e.getCause()
          : new IOException(String.valueOf(e.getCause()), e.getCause());
    }
    Object line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    heard |= line != null && line != EOF;
    return line;
  }

  /** Whether the program is alive and has written no line since it started. */
  private boolean silent() {
    return !heard && process != null && process.isAlive();
  }

  /**
   * The declaration, from the describe exchange the first time.
   *
   * @throws IllegalArgumentException when the program cannot start, or declares what cannot hold
   */
  private Declaration declaration() {
    if (badDeclaration != null) {
      throw new IllegalArgumentException(badDeclaration);
    }
    if (declaration == null) {
      declaration = describe();
    }
    return declaration;
  }

  /** The declaration, or none when the program cannot start or declares what cannot hold. */
  private Declaration declaredOrNone() {
    try {
      return declaration();
    } catch (IllegalArgumentException e) {
      return Declaration.NONE;
    }
  }

  /** The describe exchange (see the class comment). */
  private Declaration describe() {
    Object line;
    try {
      line = exchange(Declaration.REQUEST);
    } catch (IOException e) {
      return undeclared("cannot write the describe request: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      restart();
      throw new IllegalStateException("interrupted");
    }
    if (line == null) {
      return undeclared("no reply to the describe request within " + timeout.toMillis()
          + " ms (a program that does not know it should answer it with unsupported or error)"
          + (silent() ? "; if it never answers: " + SILENT_HINT : ""));
    }
    if (line == EOF) {
      return undeclared("it closed its stdout on the describe request (exited or crashed)");
    }
    try {
      return Declaration.of(replies.object((String) line, Declaration.ID), Catalog.standard());
    } catch (Replies.BadReply e) {
      return undeclared("describe request: " + e.getMessage());
    } catch (IllegalArgumentException e) { // it declares what cannot hold: for good
      badDeclaration = String.join(" ", command) + ": " + e.getMessage();
      throw new IllegalArgumentException(badDeclaration);
    }
  }

  /** After a fault on the describe exchange: one warning line, a restart, nothing declared. */
  private Declaration undeclared(String why) {
    restart();
    warnings.accept("activation-tck: warning: " + String.join(" ", command) + ": " + why
        + "; its name, version and dialects are undeclared");
    return Declaration.NONE;
  }

  private String request(long id, Call call, double[] x) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", id);
    o.put("function", call.function());
    o.put("dialect", call.dialect());
    ObjectNode params = o.putObject("params");
    for (Map.Entry<String, String> e : call.params().entrySet()) {
      String type = Catalog.standard().find(call.function())
          .flatMap(f -> f.parameter(e.getKey())).map(ParameterSpec::type).orElse("real");
      switch (type) {
        case "boolean": params.put(e.getKey(), Boolean.parseBoolean(e.getValue())); break;
        case "enum": params.put(e.getKey(), e.getValue()); break;
        default: params.put(e.getKey(), new BigDecimal(e.getValue()));
      }
    }
    o.put("dtype", call.dtype().id());
    o.put("derivative", call.derivative());
    ArrayNode xs = o.putArray("x");
    for (double v : x) {
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        xs.add(Rounding.shortest(v, call.dtype()));
      } else {
        xs.addRawValue(new com.fasterxml.jackson.databind.util.RawValue(Rounding.shortest(v, call.dtype())));
      }
    }
    o.putArray("shape").add(x.length);
    o.put("axis", call.axis());
    try {
      return mapper.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void ensureStarted() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot start " + command + ": " + e.getMessage());
    }
    stdin = process.getOutputStream();
    heard = false;
    unread = false;
    writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tck-process-writer");
      t.setDaemon(true);
      return t;
    });
    LIVE.add(process);
    BlockingQueue<Object> q = new LinkedBlockingQueue<>();
    lines = q;
    BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> {
      try {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = r.read()) != -1) {
          if (c == '\n') {
            q.add(b.toString());
            b.setLength(0);
          } else if (b.length() < MAX_LINE) {
            b.append((char) c);
          }
        }
      } catch (IOException ignored) {
        // the process is gone: EOF below
      }
      q.add(EOF);
    }, "tck-process-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void restart() {
    if (process != null) {
      destroyTree(process);
      writer.shutdownNow();
      process = null;
    }
  }

  /**
   * Stops the program: its stdin is closed, it gets 2 s to exit, then it and every process it
   * started are killed (a child that kept stdout open used to outlive the TCK).
   */
  @Override
  public synchronized void close() {
    if (process != null) {
      Process p = process;
      java.util.concurrent.Future<?> closed = writer.submit(() -> {
        stdin.close();
        return null;
      });
      try {
        closed.get(1, TimeUnit.SECONDS); // a program that reads nothing cannot block this
        p.waitFor(2, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // it is killed below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      destroyTree(p);
      writer.shutdownNow();
      process = null;
    }
  }

  /** Programs started and not yet stopped, killed with their descendants when the JVM exits. */
  private static final Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ProcessActivation::stopAll, "tck-process-reaper"));
  }

  /** Kills every program started and not yet stopped, with its descendants. */
  public static void stopAll() {
    LIVE.forEach(ProcessActivation::destroyTree);
  }

  /** Kills the process and everything it started, children first. */
  private static void destroyTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    LIVE.remove(p);
  }

  /** For tests: the arguments the command was split into. */
  List<String> command() {
    return new ArrayList<>(command);
  }
}
