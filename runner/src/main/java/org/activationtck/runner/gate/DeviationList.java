package org.activationtck.runner.gate;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activationtck.spi.API;

/**
 * The deviations an implementation is known to have, as committed by its authors
 * (docs/DEVIATIONS.md describes the format; {@code deviations.schema.json} is its JSON Schema).
 * A run gated by the list passes when every failure is admitted by an entry; see {@link Gate}.
 *
 * @param origin where the list came from, for messages
 * @param implementation what the list is about, as its author wrote it; may be empty
 * @param entries in file order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DeviationList(String origin, String implementation, List<Deviation> entries) {

  /** The value of the {@code "format"} field this TCK reads and writes. */
  public static final String FORMAT = "activation-tck-deviations/1";

  /** Larger files are refused: a list is written for people to read. */
  static final long MAX_BYTES = 16L << 20;

  public DeviationList {
    entries = List.copyOf(entries);
  }

  /** The origin of {@link #empty()}: no list was given. */
  private static final String NONE = "(none)";

  /** A list with no entries: every failure fails the run. */
  public static DeviationList empty() {
    return new DeviationList(NONE, "", List.of());
  }

  /** Whether the list was given (read or parsed), as opposed to {@link #empty()}, no list at all. */
  public boolean given() {
    return !origin.equals(NONE);
  }

  /**
   * Reads and checks a list against the catalog.
   *
   * @throws IllegalArgumentException naming the file, the line and the field that is wrong: a
   *     malformed file, an unknown field, function, dialect, dtype, kind, rule or parameter, a
   *     missing reason, an entry that can match no check of the catalog
   * @throws IOException when the file cannot be read
   */
  public static DeviationList read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + ": is a folder, not a deviation list");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException(file + ": larger than " + MAX_BYTES + " bytes");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    }
    return parse(text, file.toString());
  }

  /** Parses a list held in memory; {@code origin} names it in messages. */
  public static DeviationList parse(String json, String origin) {
    return new DeviationListReader(origin).read(json);
  }
}
