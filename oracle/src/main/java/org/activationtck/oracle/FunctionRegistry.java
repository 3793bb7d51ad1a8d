package org.activationtck.oracle;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.activationtck.spi.API;

/**
 * Finds the oracle's implementation of a catalog function by naming convention: catalog id
 * {@code hard_silu} is the class {@code org.activationtck.oracle.function.HardSilu}. A function
 * without a class is <em>not implemented</em>, which callers must report as such.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FunctionRegistry {

  static final String PACKAGE = "org.activationtck.oracle.function.";

  private static final ConcurrentHashMap<String, Optional<Object>> CACHE = new ConcurrentHashMap<>();

  private FunctionRegistry() {}

  /** The class name for a catalog id: snake case to upper camel case. */
  public static String className(String id) {
    StringBuilder b = new StringBuilder(PACKAGE);
    for (String part : id.split("_")) {
      if (!part.isEmpty()) {
        b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return b.toString();
  }

  /** The elementwise or axis implementation of a catalog id, if there is one. */
  public static Optional<Object> lookup(String id) {
    return CACHE.computeIfAbsent(id, FunctionRegistry::load);
  }

  private static Optional<Object> load(String id) {
    try {
      Class<?> c = Class.forName(className(id));
      Object o = c.getConstructor().newInstance();
      if (!(o instanceof ElementwiseFunction) && !(o instanceof AxisFunction)) {
        throw new IllegalStateException(c + " is neither an ElementwiseFunction nor an AxisFunction");
      }
      return Optional.of(o);
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate oracle function for " + id, e);
    }
  }
}
