package org.activationtck.adapters.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtException.OrtErrorCode;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;
import org.activationtck.adapters.onnxruntime.SingleNodeModel.ElementType;

/**
 * One ONNX Runtime session per node and element type, created on first use and kept until
 * {@link #close()}. A model ONNX Runtime refuses (no CPU kernel for the type, or a type the
 * operator's schema does not allow) is remembered too, so it is refused again without a retry.
 *
 * <p>Sessions run on one intra-op and one inter-op thread: the arrays are short, and the TCK shares
 * the machine with other work. Thread-safe.
 */
final class SessionCache implements AutoCloseable {

  private record Key(OnnxNode node, ElementType type) {}

  private final OrtEnvironment env;
  private final Map<Key, OrtSession> sessions = new HashMap<>();
  private final Map<Key, String> refused = new HashMap<>();

  SessionCache(OrtEnvironment env) {
    this.env = env;
  }

  /**
   * The session for the node in the element type.
   *
   * @throws UnsupportedOperationException when ONNX Runtime has no kernel for the node in that type
   *     or the operator does not accept the type (error codes NOT_IMPLEMENTED, INVALID_GRAPH)
   * @throws IllegalStateException for any other failure to create the session
   */
  synchronized OrtSession session(OnnxNode node, ElementType type) {
    Key key = new Key(node, type);
    String why = refused.get(key);
    if (why != null) {
      throw new UnsupportedOperationException(why);
    }
    OrtSession s = sessions.get(key);
    if (s != null) {
      return s;
    }
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      s = env.createSession(SingleNodeModel.encode(node, type), options);
    } catch (OrtException e) {
      if (e.getCode() == OrtErrorCode.ORT_NOT_IMPLEMENTED
          || e.getCode() == OrtErrorCode.ORT_INVALID_GRAPH) {
        why = node + " on " + type + ": " + e.getCode() + ": " + e.getMessage();
        refused.put(key, why);
        throw new UnsupportedOperationException(why, e);
      }
      throw new IllegalStateException(node + " on " + type + ": " + e.getMessage(), e);
    }
    sessions.put(key, s);
    return s;
  }

  /** Closes every session. */
  @Override
  public synchronized void close() {
    for (OrtSession s : sessions.values()) {
      try {
        s.close();
      } catch (OrtException e) {
        // Closing releases native memory only; nothing to recover.
      }
    }
    sessions.clear();
  }
}
