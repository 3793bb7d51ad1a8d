package org.activationtck.tck.process;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.activationtck.oracle.Rounding;
import org.activationtck.spi.API;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.ParameterSpec;

/**
 * An implementation in any language, spoken to over its stdin and stdout in JSON lines (see the
 * README's protocol section). One request per line, one reply per line, matched by id. The
 * program is started without a shell (unless {@code useShell}), restarted after it crashes, times
 * out, answers out of order or prints garbage; every such fault fails that request only.
 * Its stderr is passed through to ours.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProcessActivation implements Activation, AutoCloseable {

  /** Longest reply line accepted: 64 MiB, far above any real batch, a guard against garbage. */
  static final int MAX_LINE = 64 << 20;

  private static final Object EOF = new Object();

  private final List<String> command;
  private final Duration timeout;
  private final ObjectMapper mapper = new ObjectMapper(); // writes requests only
  private final Replies replies = new Replies(MAX_LINE);
  private Process process;
  private OutputStream stdin;
  private BlockingQueue<Object> lines;
  private long nextId = 1;

  /**
   * @param command the command line, split into arguments (or run by /bin/sh -c when useShell)
   * @param useShell whether to start the command through the shell
   * @param timeout how long one reply may take
   */
  public ProcessActivation(String command, boolean useShell, Duration timeout) {
    this.command = useShell ? List.of("/bin/sh", "-c", command) : CommandLineSplitter.split(command);
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return String.join(" ", command);
  }

  /** Every call is offered; the program answers {@code unsupported} for what it lacks. */
  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return true;
  }

  /**
   * Starts the program now rather than at the first call, so that a command that cannot start at
   * all is reported once, as bad input.
   *
   * @throws IllegalArgumentException naming the command when it cannot be started
   */
  public synchronized void start() {
    try {
      ensureStarted();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot start " + command + ": " + e.getMessage());
    }
  }

  @Override
  public synchronized double[] apply(Call call, double[] x) {
    long id = nextId++;
    String request = request(id, call, x);
    Object line;
    try {
      ensureStarted();
      stdin.write((request + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      restart();
      throw new IllegalStateException("cannot write to the program: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      restart();
      throw new IllegalStateException("interrupted");
    }
    if (line == null) {
      restart();
      throw new IllegalStateException("no reply within " + timeout.toMillis() + " ms");
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
      process.destroyForcibly();
      process = null;
    }
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      try {
        stdin.close();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException | InterruptedException e) {
        process.destroyForcibly();
      }
      process = null;
    }
  }

  /** For tests: the arguments the command was split into. */
  List<String> command() {
    return new ArrayList<>(command);
  }
}
