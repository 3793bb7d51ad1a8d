package org.activationtck.spec.catalog;

import java.util.List;
import java.util.Objects;
import org.activationtck.spi.API;

/**
 * Which framework release a {@link Dialect} describes, from the catalog's {@code index.json}: the
 * catalog pins one behaviour per dialect, and frameworks change between releases, so a value or
 * derivative is normative for the versions named here. Where the newest release read differs from
 * the pinned behaviour, a version note says so.
 *
 * @param id the dialect id ({@link Dialect#id()}); never {@code null}
 * @param framework the framework and the part of it whose code was read (e.g. Keras 3 with its
 *     TensorFlow backend); never {@code null}
 * @param version the release or range of releases whose behaviour the catalog pins, e.g.
 *     {@code "3.10 to 3.14"}; never {@code null}
 * @param describes what was read, at which tag or commit, and how far the behaviour holds;
 *     never {@code null}
 * @param versionNotes known differences between releases that change a value or a derivative
 *     the catalog states, each with its source and the rule it bears on, and which release the
 *     catalog follows; empty (never {@code null}) when none is known
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DialectSpec(String id, String framework, String version, String describes,
    List<Note> versionNotes) {

  public DialectSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(describes, "describes");
    versionNotes = versionNotes == null ? List.of() : List.copyOf(versionNotes);
  }
}
