package org.activationtck.interop;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The test resources as paths. */
final class TestData {

  private TestData() {}

  static Path resource(String name) {
    try {
      return Path.of(TestData.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
