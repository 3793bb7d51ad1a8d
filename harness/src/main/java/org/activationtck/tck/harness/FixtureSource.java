package org.activationtck.tck.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.activationtck.fixtures.FixtureFile;
import org.activationtck.fixtures.Fixtures;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;

/** Where a run's fixtures come from: the jar's shipped set, or a folder of fixture files. */
final class FixtureSource {

  private FixtureSource() {}

  /**
   * The fixture files for the functions asked (all when empty), in catalog order.
   *
   * @throws IllegalArgumentException for an unknown function or an unreadable file (named)
   */
  static List<FixtureFile> load(Path dir, List<String> functions) {
    Catalog catalog = Catalog.standard();
    for (String f : functions) {
      catalog.require(f);
    }
    List<FixtureFile> out = new ArrayList<>();
    if (dir == null) {
      for (FunctionSpec f : catalog.functions()) {
        if (functions.isEmpty() || functions.contains(f.id())) {
          Fixtures.shipped(f.id()).ifPresent(out::add);
        }
      }
      return out;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("fixture folder not found: " + dir);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        FixtureFile f = Fixtures.read(p);
        if (functions.isEmpty() || functions.contains(f.function())) {
          out.add(f);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
    }
    return out;
  }
}
