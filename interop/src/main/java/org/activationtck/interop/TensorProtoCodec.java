package org.activationtck.interop;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;

/**
 * Reads and writes ONNX {@code TensorProto} messages (the {@code .pb} files of a node test) for
 * the four floating-point formats: FLOAT, DOUBLE, FLOAT16, BFLOAT16 (field numbers in {@link
 * OnnxProto.Tensor}).
 *
 * <p>Writing always uses {@code raw_data} (little-endian, as onnx.proto requires), the way ONNX's
 * own {@code numpy_helper.from_array} stores node-test data. Reading accepts {@code raw_data} and
 * the typed fields: {@code float_data} (FLOAT), {@code double_data} (DOUBLE), {@code int32_data}
 * holding the bit patterns (FLOAT16, BFLOAT16), packed or not. Anything else (other data types,
 * external data, segments, a length that does not match the shape, a truncated message) is
 * rejected with an {@link IllegalArgumentException} naming the origin and the field.
 */
public final class TensorProtoCodec {

  private TensorProtoCodec() {}

  /** The ONNX {@code TensorProto.DataType} of a format. */
  public static int dataType(Dtype t) {
    return switch (t) {
      case FLOAT32 -> OnnxProto.Tensor.FLOAT;
      case FLOAT64 -> OnnxProto.Tensor.DOUBLE;
      case FLOAT16 -> OnnxProto.Tensor.FLOAT16;
      case BFLOAT16 -> OnnxProto.Tensor.BFLOAT16;
    };
  }

  /** The format of an ONNX data type, or {@code null} when it is not one of the four. */
  public static Dtype dtypeOf(int dataType) {
    return switch (dataType) {
      case OnnxProto.Tensor.FLOAT -> Dtype.FLOAT32;
      case OnnxProto.Tensor.DOUBLE -> Dtype.FLOAT64;
      case OnnxProto.Tensor.FLOAT16 -> Dtype.FLOAT16;
      case OnnxProto.Tensor.BFLOAT16 -> Dtype.BFLOAT16;
      default -> null;
    };
  }

  /** Bytes per element. */
  static int width(Dtype t) {
    return switch (t) {
      case FLOAT64 -> 8;
      case FLOAT32 -> 4;
      case FLOAT16, BFLOAT16 -> 2;
    };
  }

  /** Serializes a tensor: dims, data_type, name, raw_data. */
  public static byte[] encode(Tensor t) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      for (long d : t.dims()) {
        out.writeInt64(OnnxProto.Tensor.DIMS, d);
      }
      out.writeInt32(OnnxProto.Tensor.DATA_TYPE, dataType(t.dtype()));
      if (!t.name().isEmpty()) {
        out.writeString(OnnxProto.Tensor.NAME, t.name());
      }
      out.writeByteArray(OnnxProto.Tensor.RAW_DATA, rawData(t));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The elements as little-endian bytes of the tensor's format. */
  static byte[] rawData(Tensor t) {
    ByteBuffer b = ByteBuffer.allocate(t.size() * width(t.dtype())).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < t.size(); i++) {
      double v = t.at(i);
      switch (t.dtype()) {
        case FLOAT64 -> b.putDouble(v);
        case FLOAT32 -> b.putFloat((float) v);
        default -> b.putShort(Rounding.toBits16(v, t.dtype()));
      }
    }
    return b.array();
  }

  /**
   * Parses a serialized tensor.
   *
   * @param origin the name errors give (the file)
   * @throws IllegalArgumentException {@code <origin>: field <name>: <problem>} for a malformed or
   *     truncated message, a data type other than the four, external or segmented data, or
   *     element data that does not match the shape
   */
  public static Tensor decode(byte[] bytes, String origin) {
    return decode(CodedInputStream.newInstance(bytes), origin, "");
  }

  /** Parses a tensor from a stream limited to the message (an embedded TensorProto). */
  static Tensor decode(CodedInputStream in, String origin, String path) {
    List<Long> dims = new ArrayList<>();
    Integer dataType = null;
    String name = "";
    ByteString raw = null;
    List<Float> floats = new ArrayList<>();
    List<Double> doubles = new ArrayList<>();
    List<Integer> int32s = new ArrayList<>();
    String field = path + "TensorProto";
    try {
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        int number = WireFormat.getTagFieldNumber(tag);
        int wire = WireFormat.getTagWireType(tag);
        switch (number) {
          case OnnxProto.Tensor.DIMS -> {
            field = path + "dims";
            readPackable(in, wire, () -> dims.add(in.readInt64()));
          }
          case OnnxProto.Tensor.DATA_TYPE -> {
            field = path + "data_type";
            expect(wire, WireFormat.WIRETYPE_VARINT, origin, field);
            dataType = in.readInt32();
          }
          case OnnxProto.Tensor.NAME -> {
            field = path + "name";
            expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED, origin, field);
            name = in.readStringRequireUtf8();
          }
          case OnnxProto.Tensor.RAW_DATA -> {
            field = path + "raw_data";
            expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED, origin, field);
            raw = in.readBytes();
          }
          case OnnxProto.Tensor.FLOAT_DATA -> {
            field = path + "float_data";
            readPackable(in, wire, () -> floats.add(in.readFloat()));
          }
          case OnnxProto.Tensor.DOUBLE_DATA -> {
            field = path + "double_data";
            readPackable(in, wire, () -> doubles.add(in.readDouble()));
          }
          case OnnxProto.Tensor.INT32_DATA -> {
            field = path + "int32_data";
            readPackable(in, wire, () -> int32s.add(in.readInt32()));
          }
          case OnnxProto.Tensor.SEGMENT -> throw bad(origin, path + "segment",
              "segmented tensors are not supported");
          case OnnxProto.Tensor.EXTERNAL_DATA -> throw bad(origin, path + "external_data",
              "tensors with external data are not supported");
          case OnnxProto.Tensor.DATA_LOCATION -> {
            field = path + "data_location";
            if (in.readEnum() == OnnxProto.Tensor.LOCATION_EXTERNAL) {
              throw bad(origin, field, "tensors with external data are not supported");
            }
          }
          default -> {
            field = path + "field " + number;
            in.skipField(tag);
          }
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw bad(origin, field, "not a TensorProto (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw bad(origin, field, e.getMessage());
    }
    if (dataType == null) {
      throw bad(origin, path + "data_type", "missing: not a TensorProto");
    }
    Dtype t = dtypeOf(dataType);
    if (t == null) {
      throw bad(origin, path + "data_type", dataType + " is not FLOAT (1), FLOAT16 (10), DOUBLE (11)"
          + " or BFLOAT16 (16)");
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    long n = Tensor.elementCount(shape);
    if (n < 0) {
      throw bad(origin, path + "dims", dims + " is not a valid shape");
    }
    double[] values = new double[(int) n];
    int count;
    if (raw != null) {
      int w = width(t);
      if (raw.size() != n * w) {
        throw bad(origin, path + "raw_data", raw.size() + " bytes, the shape " + dims + " of "
            + t.id() + " needs " + n * w);
      }
      ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        values[i] = switch (t) {
          case FLOAT64 -> b.getDouble();
          case FLOAT32 -> b.getFloat();
          default -> Rounding.fromBits16(b.getShort(), t);
        };
      }
      count = (int) n;
    } else {
      String typed;
      List<? extends Number> data;
      switch (t) {
        case FLOAT32 -> { typed = "float_data"; data = floats; }
        case FLOAT64 -> { typed = "double_data"; data = doubles; }
        default -> { typed = "int32_data"; data = int32s; }
      }
      count = data.size();
      if (count != n) {
        throw bad(origin, path + typed, count + " elements, the shape " + dims + " needs " + n);
      }
      for (int i = 0; i < n; i++) {
        Number v = data.get(i);
        values[i] = t == Dtype.FLOAT16 || t == Dtype.BFLOAT16
            ? Rounding.fromBits16((short) v.intValue(), t) : v.doubleValue();
      }
    }
    return new Tensor(name, t, shape, values);
  }

  private interface Reader {
    void read() throws IOException;
  }

  /** A repeated scalar field, packed (one length-delimited run) or not (one value per tag). */
  private static void readPackable(CodedInputStream in, int wire, Reader one) throws IOException {
    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      int limit = in.pushLimit(in.readRawVarint32());
      while (in.getBytesUntilLimit() > 0) {
        one.read();
      }
      in.popLimit(limit);
    } else {
      one.read();
    }
  }

  static void expect(int wire, int expected, String origin, String field) {
    if (wire != expected) {
      throw bad(origin, field, "wire type " + wire + ", expected " + expected);
    }
  }

  static IllegalArgumentException bad(String origin, String field, String problem) {
    return new IllegalArgumentException(origin + ": field " + field + ": " + problem);
  }
}
