package org.activationtck.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.activationtck.spi.API;
import org.activationtck.spec.catalog.Catalog;

/**
 * Finds the reference implementation of a catalog id by naming convention ({@code hard_silu} →
 * {@code org.activationtck.reference.function.HardSilu}). A missing class means <em>not
 * implemented</em>. Elementwise functions come wrapped in a {@link NanDerivativeFunction}, which
 * gives their derivative at NaN the catalog's value per dialect.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReferenceRegistry {

  static final String PACKAGE = "org.activationtck.reference.function.";

  private static final ConcurrentHashMap<String, Optional<Object>> CACHE = new ConcurrentHashMap<>();

  private ReferenceRegistry() {}

  /** A {@link ReferenceFunction} or {@link ReferenceAxisFunction} for the id, if there is one. */
  public static Optional<Object> lookup(String id) {
    return CACHE.computeIfAbsent(id, ReferenceRegistry::load);
  }

  static String className(String id) {
    StringBuilder b = new StringBuilder(PACKAGE);
    for (String part : id.split("_")) {
      if (!part.isEmpty()) {
        b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return b.toString();
  }

  private static Optional<Object> load(String id) {
    try {
      Object o = Class.forName(className(id)).getConstructor().newInstance();
      if (o instanceof ReferenceFunction) {
        return Optional.of(new NanDerivativeFunction(Catalog.standard().require(id),
            (ReferenceFunction) o));
      }
      if (!(o instanceof ReferenceAxisFunction)) {
        throw new IllegalStateException(o.getClass() + " is not a reference function");
      }
      return Optional.of(o);
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate reference function for " + id, e);
    }
  }
}
