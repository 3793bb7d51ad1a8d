package org.activationtck.cli.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.activationtck.spi.API;

/**
 * Finds the adapters of a checkout: every {@code adapters/<dir>/adapter.properties}, in directory
 * order. A directory without the file is not an adapter (the parent pom, a work in progress).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AdapterDiscovery {

  private AdapterDiscovery() {}

  /**
   * All adapters under {@code root/adapters}, or those named in {@code only} (by directory or by
   * {@code name}; empty means all).
   *
   * @throws IllegalArgumentException for a malformed properties file (naming it and the key), a
   *     name in {@code only} that matches no adapter, or no adapters at all
   */
  public static List<AdapterSpec> discover(Path root, List<String> only) {
    Path dir = root.resolve("adapters");
    List<Path> modules = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(m -> Files.isRegularFile(m.resolve(AdapterSpec.FILE_NAME))).sorted().forEach(modules::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<AdapterSpec> all = new ArrayList<>();
    for (Path m : modules) {
      all.add(AdapterSpec.read(m, "adapters/" + m.getFileName() + "/" + AdapterSpec.FILE_NAME));
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no adapters found: no " + dir + "/*/" + AdapterSpec.FILE_NAME);
    }
    if (only.isEmpty()) {
      return all;
    }
    Set<String> known = new HashSet<>();
    for (AdapterSpec a : all) {
      known.add(a.dir());
      known.add(a.name());
    }
    for (String o : only) {
      if (!known.contains(o)) {
        List<String> dirs = all.stream().map(AdapterSpec::dir).toList();
        throw new IllegalArgumentException("--adapters: no adapter named '" + o + "' (found: " + dirs + ")");
      }
    }
    return all.stream().filter(a -> only.contains(a.dir()) || only.contains(a.name())).toList();
  }
}
