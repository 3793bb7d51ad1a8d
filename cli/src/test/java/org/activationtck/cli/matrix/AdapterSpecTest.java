package org.activationtck.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdapterSpecTest {

  private static final String VALID = String.join("\n",
      "name=tensorflow-java",
      "library=TensorFlow Java",
      "coordinates=org.tensorflow:tensorflow-core-api:1.1.0",
      "version=1.1.0",
      "impl-class=org.example.TfActivation",
      "native=true",
      "jvm-args=-Dorg.bytedeco.javacpp.cachedir=${module}/target/javacpp   -Dai.djl.offline=true",
      "env.DJL_CACHE_DIR=${module}/target/djl-cache",
      "timeout=120", "");

  @TempDir Path root;

  private Path adapter(String dir, String text) throws IOException {
    Path m = root.resolve("adapters").resolve(dir);
    Files.createDirectories(m);
    Files.writeString(m.resolve(AdapterSpec.FILE_NAME), text, StandardCharsets.UTF_8);
    return m;
  }

  @Test
  void readsEveryKeyAndSubstitutesTheModule() throws IOException {
    Path m = adapter("tensorflow", VALID);
    AdapterSpec a = AdapterSpec.read(m, "adapters/tensorflow/adapter.properties");
    String mod = m.toAbsolutePath().normalize().toString();
    assertEquals("tensorflow", a.dir());
    assertEquals("tensorflow-java", a.name());
    assertEquals("org.example.TfActivation", a.implClass());
    assertNull(a.implCommand());
    assertFalse(a.isProcess());
    assertTrue(a.nativeBuild());
    assertEquals(List.of("-Dorg.bytedeco.javacpp.cachedir=" + mod + "/target/javacpp", "-Dai.djl.offline=true"), a.jvmArgs());
    assertEquals(mod + "/target/djl-cache", a.env().get("DJL_CACHE_DIR"));
    assertEquals(120.0, a.timeoutSeconds());
  }

  @Test
  void aProcessAdapterNeedsNoClass() throws IOException {
    Path m = adapter("numpy", "name=numpy\nlibrary=NumPy\ncoordinates=python3 + numpy\nversion=2\n"
        + "impl-command=python3 adapters/numpy/numpy_activation.py\n");
    AdapterSpec a = AdapterSpec.read(m, "x");
    assertTrue(a.isProcess());
    assertFalse(a.nativeBuild());
    assertEquals(0, a.timeoutSeconds());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "name=tensorflow-java|name=|key 'name' is empty",
      "name=tensorflow-java|#|key 'name' is missing",
      "version=1.1.0|#|key 'version' is missing",
      "native=true|native=yes|key 'native': must be true or false, got 'yes'",
      "timeout=120|timeout=abc|key 'timeout': must be a positive number of seconds, got 'abc'",
      "timeout=120|timeout=-1|key 'timeout': must be a positive number of seconds, got '-1'",
      "timeout=120|timeout=Infinity|key 'timeout': must be a positive number",
      "impl-class=org.example.TfActivation|impl_class=org.example.TfActivation|unknown key 'impl_class'",
      "impl-class=org.example.TfActivation|#|key 'impl-class' or 'impl-command': exactly one must be given (neither is)",
      "impl-class=org.example.TfActivation|impl-class=org.example.X\\nimpl-command=python3 x.py|exactly one must be given (both are)",
      "impl-class=org.example.TfActivation|impl-class=org.example.2Bad|key 'impl-class': not a Java class name",
      "env.DJL_CACHE_DIR=${module}/target/djl-cache|env.BAD-NAME=1|key 'env.BAD-NAME': not an environment variable name",
  })
  void aBadFileNamesTheFileAndTheKey(String line, String replacement, String message) throws IOException {
    String text = VALID.replace(line, replacement.replace("\\n", "\n"));
    Path m = adapter("tf", text);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AdapterSpec.read(m, "adapters/tf/adapter.properties"));
    assertTrue(e.getMessage().startsWith("adapters/tf/adapter.properties: "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void discoveryFindsAdaptersInDirectoryOrderAndSkipsDirectoriesWithoutTheFile() throws IOException {
    adapter("zeta", VALID.replace("name=tensorflow-java", "name=z"));
    adapter("alpha", VALID.replace("name=tensorflow-java", "name=a"));
    Files.createDirectories(root.resolve("adapters/src-only"));
    List<AdapterSpec> all = AdapterDiscovery.discover(root, List.of());
    assertEquals(List.of("alpha", "zeta"), all.stream().map(AdapterSpec::dir).toList());
    assertEquals(List.of("zeta"), AdapterDiscovery.discover(root, List.of("z")).stream().map(AdapterSpec::dir).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AdapterDiscovery.discover(root, List.of("beta")));
    assertEquals("--adapters: no adapter named 'beta' (found: [alpha, zeta])", e.getMessage());
  }

  @Test
  void discoveryWithoutAdaptersIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AdapterDiscovery.discover(root, List.of()));
    assertTrue(e.getMessage().startsWith("no adapters found"), e.getMessage());
  }

  @Test
  void readsSetupRequiresAndTheHint() throws IOException {
    Path m = adapter("tfjs", "name=tfjs\nlibrary=TF.js\ncoordinates=npm\nversion=4\n"
        + "impl-command=node adapters/tfjs/a.mjs\nsetup=npm ci  --ignore-scripts\n"
        + "requires=node ${module}/a.mjs --probe\nrequires-hint=apt-get install nodejs\n");
    AdapterSpec a = AdapterSpec.read(m, "adapters/tfjs/adapter.properties");
    String mod = m.toAbsolutePath().normalize().toString();
    assertEquals(List.of("npm", "ci", "--ignore-scripts"), a.setup());
    assertEquals(List.of("node", mod + "/a.mjs", "--probe"), a.requires());
    assertEquals("apt-get install nodejs", a.requiresHint());
    assertEquals("apt-get install nodejs", a.skipReason());
    AdapterSpec plain = AdapterSpec.read(adapter("tensorflow", VALID), "x");
    assertTrue(plain.setup().isEmpty() && plain.requires().isEmpty());
    assertNull(plain.requiresHint());
  }

  @Test
  void aHintWithoutProbeIsAnError() throws IOException {
    Path m = adapter("p", "name=p\nlibrary=P\ncoordinates=c\nversion=1\nimpl-command=p\n"
        + "requires-hint=apt-get install p\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AdapterSpec.read(m, "adapters/p/adapter.properties"));
    assertTrue(e.getMessage().contains("'requires-hint'"), e.getMessage());
  }
}
