package org.activationtck.adapters.onnxruntime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one protocol-buffers message in the binary wire format, field by field, in the order the
 * fields are added. Only what an ONNX model needs: varint scalars (wire type 0), 32-bit floats
 * (wire type 5) and length-delimited strings, bytes and nested messages (wire type 2).
 *
 * <p>Wire format (https://protobuf.dev/programming-guides/encoding/): each field is a key
 * {@code (field_number << 3) | wire_type} written as a varint, then the value. A varint stores 7
 * bits per byte, least significant group first, with the high bit set on every byte but the last;
 * negative int64 values take ten bytes (two's complement, as protobuf's int32/int64 require). A
 * float is its IEEE 754 bits, little-endian. A length-delimited value is its byte length as a
 * varint followed by the bytes.
 *
 * <p>Not thread-safe; one writer per message.
 */
final class ProtoWriter {

  private static final int WIRE_VARINT = 0;
  private static final int WIRE_FIXED32 = 5;
  private static final int WIRE_LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** An int32, int64 or enum field (varint). */
  ProtoWriter varint(int field, long value) {
    key(field, WIRE_VARINT);
    writeVarint(value);
    return this;
  }

  /** A float field (fixed32, little-endian IEEE bits). */
  ProtoWriter float32(int field, float value) {
    key(field, WIRE_FIXED32);
    int bits = Float.floatToRawIntBits(value);
    for (int i = 0; i < 4; i++) {
      out.write(bits >>> (8 * i));
    }
    return this;
  }

  /** A string field, UTF-8. */
  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A bytes field. */
  ProtoWriter bytes(int field, byte[] value) {
    key(field, WIRE_LENGTH_DELIMITED);
    writeVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  /** A nested message field: the message's bytes, length-delimited. */
  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  /** The message written so far. */
  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void key(int field, int wireType) {
    if (field < 1) {
      throw new IllegalArgumentException("field numbers start at 1, got " + field);
    }
    writeVarint(((long) field << 3) | wireType);
  }

  private void writeVarint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
