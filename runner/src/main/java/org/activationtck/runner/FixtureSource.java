package org.activationtck.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.activationtck.fixtures.FixtureFile;
import org.activationtck.fixtures.Fixtures;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;

/**
 * Where a run's fixtures come from: the jar's shipped set, or a folder of fixture files. Files are
 * handed out as independent readers so that the runner can parse them on several threads while it
 * checks the ones already read (parsing the 18 MB shipped set is most of a default run's work).
 */
final class FixtureSource {

  private FixtureSource() {}

  /**
   * One reader per fixture file for the functions asked (all when empty), in run order (catalog
   * order for the shipped set, each function's cases then its hard cases; file-name order for a
   * folder). A reader yields empty when its file
   * holds a function that was not asked for (a folder's files are named by nothing but their
   * content).
   *
   * @throws IllegalArgumentException for an unknown function or a missing folder; the readers throw
   *     it for an unreadable or malformed file (named)
   */
  static List<Callable<Optional<FixtureFile>>> readers(Path dir, List<String> functions) {
    Catalog catalog = Catalog.standard();
    for (String f : functions) {
      catalog.require(f);
    }
    List<Callable<Optional<FixtureFile>>> out = new ArrayList<>();
    if (dir == null) {
      for (FunctionSpec f : catalog.functions()) {
        if (functions.isEmpty() || functions.contains(f.id())) {
          out.add(() -> Fixtures.shipped(f.id()));
          out.add(() -> Fixtures.shippedHardCases(f.id()));
        }
      }
      return out;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("fixture folder not found: " + dir);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        if (!Files.isRegularFile(p)) {
          // a FIFO or device would block the reader or never end
          throw new IllegalArgumentException(p + ": not a regular file");
        }
        if (!Files.isReadable(p)) {
          throw new IllegalArgumentException(p + ": permission denied (not readable)");
        }
        out.add(() -> {
          FixtureFile f = Fixtures.read(p);
          return functions.isEmpty() || functions.contains(f.function()) ? Optional.of(f) : Optional.empty();
        });
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
    }
    return out;
  }
}
