package org.activationtck.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a module counts as built, and which log line explains a failure. */
class AdapterBuildTest {

  @TempDir Path root;

  private AdapterSpec spec(boolean nativeBuild) {
    Properties p = new Properties();
    p.setProperty("name", "x");
    p.setProperty("library", "X");
    p.setProperty("coordinates", "g:a:1");
    p.setProperty("version", "1");
    p.setProperty("impl-class", "a.B");
    p.setProperty("native", Boolean.toString(nativeBuild));
    return AdapterSpec.parse(p, root.resolve("adapters/x"), "x");
  }

  private void touch(String path, long secondsAgo) throws IOException {
    Path f = root.resolve(path);
    Files.createDirectories(f.getParent());
    if (!Files.exists(f)) {
      Files.writeString(f, path.endsWith("matrix-build.txt") ? "native=false\n" : "x");
    }
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - secondsAgo * 1000));
  }

  private void builtModule() throws IOException {
    touch("adapters/pom.xml", 100);
    touch("adapters/x/pom.xml", 100);
    touch("adapters/x/src/main/java/a/B.java", 100);
    touch("adapters/x/target/classpath.txt", 50);
    touch("cli/target/activation-tck-cli.jar", 50);
    touch("adapters/x/" + AdapterBuild.MARKER, 10);
  }

  @Test
  void upToDateOnlyWhenTheMarkerIsNewerThanEverySourceAndHasTheSameNativeFlag() throws IOException {
    builtModule();
    assertTrue(AdapterBuild.upToDate(spec(false), root));
    assertFalse(AdapterBuild.upToDate(spec(true), root), "built without -Pnative");
    touch("adapters/x/src/main/java/a/B.java", 0);
    assertFalse(AdapterBuild.upToDate(spec(false), root), "a source changed since");
  }

  @Test
  void notUpToDateWhenAnotherBuildRewroteTheClassPathFile() throws IOException {
    builtModule();
    assertTrue(AdapterBuild.upToDate(spec(false), root));
    // e.g. `mvn verify` without -Pnative after the matrix build: the file lacks the native jars
    touch("adapters/x/target/classpath.txt", 0);
    assertFalse(AdapterBuild.upToDate(spec(false), root));
  }

  @Test
  void notUpToDateWithoutTheCliJarOrTheClassPathFile() throws IOException {
    builtModule();
    Files.delete(root.resolve("cli/target/activation-tck-cli.jar"));
    assertFalse(AdapterBuild.upToDate(spec(false), root));
    builtModule();
    Files.delete(root.resolve("adapters/x/target/classpath.txt"));
    assertFalse(AdapterBuild.upToDate(spec(false), root));
  }

  @Test
  void theCliErrorLineWinsThenTheFirstMavenErrorThenTheLastLine() throws IOException {
    Path log = root.resolve("a.log");
    Files.writeString(log, "starting\n[ERROR] /x/B.java:[3,1] cannot find symbol\n[ERROR] -> [Help 1]\n[ERROR] Re-run Maven\n");
    assertEquals("[ERROR] /x/B.java:[3,1] cannot find symbol", LogTail.lastMeaningfulLine(log));
    Files.writeString(log, "Exception in thread main\ntck run: --impl-class: class not found: a.B\n\n");
    assertEquals("tck run: --impl-class: class not found: a.B", LogTail.lastMeaningfulLine(log));
    Files.writeString(log, "line one\n\u001B[31mkilled\u001B[0m\n");
    assertEquals("killed", LogTail.lastMeaningfulLine(log));
  }
}
