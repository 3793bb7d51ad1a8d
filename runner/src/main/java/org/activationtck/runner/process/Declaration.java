package org.activationtck.runner.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.DialectSpec;

/**
 * What a program says about itself in reply to the protocol's describe request
 * ({@code {"id":0,"describe":true,"protocol":1}}, docs/PROTOCOL.md): its name, its version and the
 * dialects whose semantics it has. Each field is optional; an empty string or set means
 * undeclared.
 *
 * @param name the library's name, e.g. {@code "numpy"}; empty when undeclared, never {@code null}
 * @param version its version, e.g. {@code "2.4.6"}; empty when undeclared, never {@code null}
 * @param dialects catalog dialect ids; empty when undeclared, never {@code null}
 */
record Declaration(String name, String version, Set<String> dialects) {

  /** The id of the describe request; requests proper count from 1. */
  static final long ID = 0;

  /** The describe request, one line without its newline. */
  static final String REQUEST = "{\"id\":0,\"describe\":true,\"protocol\":1}";

  /** Nothing declared: a program that does not know the describe request. */
  static final Declaration NONE = new Declaration("", "", Set.of());

  Declaration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    dialects = Set.copyOf(dialects);
  }

  /**
   * The declaration in a reply to the describe request (its id already checked). A reply
   * {@code unsupported} or {@code error} declares nothing; fields other than {@code name},
   * {@code version} and {@code dialects} are ignored, so that a program answering describe as if
   * it were a request ({@code "y": []}) declares nothing either.
   *
   * @param reply the reply object; never {@code null}
   * @param catalog the catalog whose dialect ids are valid
   * @return the declaration; {@link #NONE} when the reply declares nothing
   * @throws IllegalArgumentException naming the field when {@code name} or {@code version} is not
   *     a string, {@code dialects} not an array of strings, or one of them not a dialect id of the
   *     catalog: the program declares something that cannot hold, which is bad input to a run
   */
  static Declaration of(JsonNode reply, Catalog catalog) {
    if (reply.path("unsupported").asBoolean(false) || reply.has("error")) {
      return NONE;
    }
    return new Declaration(text(reply, "name"), text(reply, "version"), dialects(reply, catalog));
  }

  private static String text(JsonNode reply, String field) {
    JsonNode v = reply.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("describe reply: \"" + field + "\" must be a string, got "
          + Replies.abbreviate(v.toString()));
    }
    return v.asText().strip();
  }

  private static Set<String> dialects(JsonNode reply, Catalog catalog) {
    JsonNode v = reply.get("dialects");
    if (v == null || v.isNull()) {
      return Set.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("describe reply: \"dialects\" must be an array of "
          + "dialect ids, got " + Replies.abbreviate(v.toString()));
    }
    Set<String> known = catalog.dialects().stream().map(DialectSpec::id)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode d : v) {
      if (!d.isTextual() || !known.contains(d.asText())) {
        throw new IllegalArgumentException("describe reply: unknown dialect "
            + Replies.abbreviate(d.toString()) + " (the catalog's dialects: "
            + String.join(", ", known) + ")");
      }
      ids.add(d.asText());
    }
    return ids;
  }
}
