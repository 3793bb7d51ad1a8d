package org.activationtck.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.activationtck.spi.API;

/** The hard-case check of {@code ./tck fixtures check}, for tests outside this package. */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class HardCasesCheck {

  private HardCasesCheck() {}

  /**
   * The number of problems found in the hard-case folder (each printed on stdout), regenerating
   * every {@code stride}-th case of each file (coverage of the blocks is checked in full).
   */
  public static int problems(Path dir, int stride) throws IOException, InterruptedException {
    return HardCasesCommand.check(dir, stride);
  }
}
