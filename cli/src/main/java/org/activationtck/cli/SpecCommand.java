package org.activationtck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.CatalogMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tck spec markdown}: regenerates spec/ACTIVATIONS.md from the catalog. */
@Command(name = "spec", mixinStandardHelpOptions = true,
    description = "Catalog maintenance.", subcommands = {SpecCommand.Markdown.class})
final class SpecCommand {

  @Command(name = "markdown", mixinStandardHelpOptions = true,
      description = "Writes the catalog as Markdown (default: spec/ACTIVATIONS.md under the project root).")
  static final class Markdown implements Callable<Integer> {

    @Option(names = "--out", description = "output file")
    Path out;

    @Override
    public Integer call() throws IOException {
      Path target = out != null ? out : ProjectRoot.path().resolve("spec/ACTIVATIONS.md");
      AtomicFiles.checkWritable("--out", target);
      AtomicFiles.write(target, CatalogMarkdown.render(Catalog.standard()).getBytes(StandardCharsets.UTF_8));
      System.out.println("wrote " + target);
      return 0;
    }
  }
}
