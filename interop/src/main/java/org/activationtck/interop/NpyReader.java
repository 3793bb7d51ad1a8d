package org.activationtck.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;

/**
 * Reads NumPy {@code .npy} arrays (format versions 1.0, 2.0 and 3.0) of {@code float16}, {@code
 * float32} or {@code float64} in C order, either byte order, and {@code .npz} archives of them.
 *
 * <p>Format: NumPy's {@code numpy/lib/format.py} documentation: the magic {@code \x93NUMPY}, a
 * major and minor version byte, the header length (2 bytes little-endian in 1.0, 4 bytes in 2.0
 * and 3.0), then a Python dict literal with {@code descr}, {@code fortran_order} and {@code
 * shape}, then the data. An {@code .npz} is a zip file of {@code <name>.npy} entries.
 */
public final class NpyReader {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  /** Reads one {@code .npy} file. @throws IllegalArgumentException naming the file and field */
  public static Tensor read(Path file) {
    return parse(NodeTestFolder.bytes(file), file.toString(), baseName(file.getFileName().toString()));
  }

  /**
   * Reads every array of an {@code .npz} archive, by name (without {@code .npy}), in archive order.
   *
   * @throws IllegalArgumentException naming the file (and entry) when it is not a zip of .npy
   */
  public static Map<String, Tensor> readNpz(Path file) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        String name = e.getName();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        zip.transferTo(b);
        out.put(baseName(name), parse(b.toByteArray(), file + "!" + name, baseName(name)));
      }
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException(file + ": not a readable .npz (" + e.getMessage() + ")", e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": not an .npz archive (no .npy entries)");
    }
    return out;
  }

  private static String baseName(String name) {
    return name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
  }

  /** Parses the bytes of an {@code .npy} file. */
  static Tensor parse(byte[] b, String origin, String name) {
    if (b.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(b, 6), MAGIC)) {
      throw new IllegalArgumentException(origin + ": field magic: not a NumPy .npy file");
    }
    int major = b[6];
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength;
    int start;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(buf.getShort(8));
      start = 10;
    } else if (major == 2 || major == 3) {
      if (b.length < 12) {
        throw new IllegalArgumentException(origin + ": field header: truncated");
      }
      headerLength = buf.getInt(8);
      start = 12;
    } else {
      throw new IllegalArgumentException(origin + ": field version: " + major + " is not 1, 2 or 3");
    }
    if (headerLength < 0 || start + headerLength > b.length) {
      throw new IllegalArgumentException(origin + ": field header: truncated");
    }
    String header = new String(b, start, headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher descr = DESCR.matcher(header);
    Matcher fortran = FORTRAN.matcher(header);
    Matcher shape = SHAPE.matcher(header);
    if (!descr.find() || !fortran.find() || !shape.find()) {
      throw new IllegalArgumentException(origin + ": field header: not a dict with descr,"
          + " fortran_order and shape: " + header.strip());
    }
    String d = descr.group(1);
    ByteOrder order = d.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    String kind = d.replaceFirst("^[<>|=]", "");
    Dtype t = switch (kind) {
      case "f2" -> Dtype.FLOAT16;
      case "f4" -> Dtype.FLOAT32;
      case "f8" -> Dtype.FLOAT64;
      default -> throw new IllegalArgumentException(origin + ": field descr: '" + d
          + "' is not float16, float32 or float64");
    };
    if (fortran.group(1).equals("True")) {
      throw new IllegalArgumentException(origin + ": field fortran_order: Fortran order is not"
          + " supported (save the array in C order)");
    }
    List<Long> dims = new ArrayList<>();
    for (String s : shape.group(1).split(",")) {
      if (!s.isBlank()) {
        try {
          dims.add(Long.parseLong(s.strip().replaceFirst("L$", "")));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(origin + ": field shape: '" + shape.group(1)
              + "' is not a tuple of integers");
        }
      }
    }
    long[] shapeDims = dims.stream().mapToLong(Long::longValue).toArray();
    long n = Tensor.elementCount(shapeDims);
    int w = TensorProtoCodec.width(t);
    int dataStart = start + headerLength;
    if (n < 0 || (long) b.length - dataStart != n * w) {
      throw new IllegalArgumentException(origin + ": field data: " + (b.length - dataStart)
          + " bytes, the shape " + dims + " of " + t.id() + " needs " + n * w);
    }
    ByteBuffer data = ByteBuffer.wrap(b, dataStart, b.length - dataStart).slice().order(order);
    double[] values = new double[(int) n];
    for (int i = 0; i < n; i++) {
      values[i] = switch (t) {
        case FLOAT64 -> data.getDouble();
        case FLOAT32 -> data.getFloat();
        default -> Rounding.fromBits16(data.getShort(), t);
      };
    }
    return new Tensor(name, t, shapeDims, values);
  }
}
