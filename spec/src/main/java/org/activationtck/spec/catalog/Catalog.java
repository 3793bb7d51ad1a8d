package org.activationtck.spec.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activationtck.spi.API;

/**
 * The activation catalog, loaded from the {@code catalog/} resources of this module: {@code
 * index.json} (the version, the function ids in order and the framework release each dialect
 * describes) and one {@code <id>.json} per function. The JSON is the source of truth;
 * {@code spec/ACTIVATIONS.md} is generated from it.
 *
 * <p>Immutable and thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Catalog {

  /** Classpath folder of the catalog: {@code index.json} lists the ids, one {@code <id>.json} each. */
  public static final String RESOURCE_DIR = "/org/activationtck/spec/catalog/";

  private static volatile Catalog standard;

  private final String version;
  private final List<DialectSpec> dialects;
  private final Map<String, FunctionSpec> functions;

  private Catalog(String version, List<DialectSpec> dialects, List<FunctionSpec> list) {
    this.version = version;
    this.dialects = dialects;
    Map<String, FunctionSpec> m = new LinkedHashMap<>();
    for (FunctionSpec f : list) {
      if (m.put(f.id(), f) != null) {
        throw new IllegalStateException("catalog: duplicate function id '" + f.id() + "'");
      }
    }
    this.functions = Collections.unmodifiableMap(m);
  }

  /** The catalog shipped in this jar, loaded once. */
  public static Catalog standard() {
    Catalog c = standard;
    if (c == null) {
      synchronized (Catalog.class) {
        c = standard;
        if (c == null) {
          c = load(name -> Catalog.class.getResourceAsStream(RESOURCE_DIR + name), RESOURCE_DIR);
          standard = c;
        }
      }
    }
    return c;
  }

  /** Opens a catalog file by name ({@code index.json}, {@code relu.json}); null when missing. */
  @FunctionalInterface
  public interface Source {
    InputStream open(String name) throws IOException;
  }

  /**
   * Reads a catalog: the index, then one file per listed function.
   *
   * @param origin the folder name used in error messages
   * @throws IllegalArgumentException naming file, line and field when a file is missing or malformed
   */
  public static Catalog load(Source source, String origin) {
    Index index = parse(source, origin, "index.json", Index.class);
    CatalogChecks.check(index.dialects(), origin + "index.json");
    List<FunctionSpec> list = new ArrayList<>();
    for (String id : index.functions()) {
      FunctionSpec f = parse(source, origin, id + ".json", FunctionSpec.class);
      if (!id.equals(f.id())) {
        throw new IllegalArgumentException(origin + id + ".json: field 'id' is '" + f.id()
            + "', expected '" + id + "'");
      }
      if (f.kind() == null) {
        throw new IllegalArgumentException(origin + id + ".json: field 'kind' is missing");
      }
      CatalogChecks.check(f, origin + id + ".json");
      list.add(f);
    }
    return new Catalog(index.version(), index.dialects(), list);
  }

  private static <T> T parse(Source source, String origin, String name, Class<T> type) {
    String file = origin + name;
    try (InputStream in = source.open(name)) {
      if (in == null) {
        throw new IllegalArgumentException(file + ": no such catalog file");
      }
      return MAPPER.readValue(in, type);
    } catch (JsonMappingException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      throw new IllegalArgumentException(file + where + ": field " + pointer(e) + ": "
          + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      throw new IllegalArgumentException(file + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
  }

  /** The JSON pointer of the failing field, e.g. {@code /parameters/0/defaults}. */
  static String pointer(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      b.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
    }
    return b.length() == 0 ? "/" : b.toString();
  }

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** The catalog's version string. */
  public String version() {
    return version;
  }

  /** The framework release each dialect describes, in the order of {@code index.json}. */
  public List<DialectSpec> dialects() {
    return dialects;
  }

  /** What the dialect with this id describes, if the index says. */
  public Optional<DialectSpec> dialect(String id) {
    return dialects.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** All functions in catalog order. */
  public List<FunctionSpec> functions() {
    return new ArrayList<>(functions.values());
  }

  /** The function with this canonical id, or with this name in any dialect. */
  public Optional<FunctionSpec> find(String idOrAlias) {
    FunctionSpec f = functions.get(idOrAlias);
    if (f != null) {
      return Optional.of(f);
    }
    for (FunctionSpec g : functions.values()) {
      for (List<String> ns : g.names().values()) {
        if (ns.contains(idOrAlias)) {
          return Optional.of(g);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The function with this id or alias.
   *
   * @throws IllegalArgumentException naming the token when there is none
   */
  public FunctionSpec require(String idOrAlias) {
    return find(idOrAlias).orElseThrow(() -> new IllegalArgumentException(
        "unknown function '" + idOrAlias + "'"));
  }

  /**
   * The index file's shape: the catalog version, the dialects with the releases they describe,
   * and the function ids in catalog order.
   */
  record Index(String version, List<DialectSpec> dialects, List<String> functions) {
    Index {
      dialects = dialects == null ? List.of() : List.copyOf(dialects);
      functions = functions == null ? List.of() : List.copyOf(functions);
    }
  }
}
