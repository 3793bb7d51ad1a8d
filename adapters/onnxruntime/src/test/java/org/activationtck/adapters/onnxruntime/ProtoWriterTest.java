package org.activationtck.adapters.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Encodings worked out by hand from the wire-format rules, byte by byte. */
class ProtoWriterTest {

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void varintOfOneByte() {
    // key (1 << 3) | 0 = 0x08; 10 < 128 fits one byte.
    assertArrayEquals(bytes(0x08, 0x0A), new ProtoWriter().varint(1, 10).toByteArray());
  }

  @Test
  void varintOfTwoBytes() {
    // 300 = 0b10_0101100: low group 0101100 with the continuation bit (0xAC), then 0b10 (0x02).
    assertArrayEquals(bytes(0x10, 0xAC, 0x02), new ProtoWriter().varint(2, 300).toByteArray());
  }

  @Test
  void negativeVarintTakesTenBytes() {
    // -1 as int64: 64 one-bits, nine groups of seven with continuation, then the last bit.
    assertArrayEquals(bytes(0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01),
        new ProtoWriter().varint(3, -1).toByteArray());
  }

  @Test
  void fieldNumberAbove15NeedsATwoByteKey() {
    // AttributeProto.type is field 20: (20 << 3) | 0 = 160 = 0xA0 0x01; FLOAT = 1.
    assertArrayEquals(bytes(0xA0, 0x01, 0x01), new ProtoWriter().varint(20, 1).toByteArray());
  }

  @Test
  void floatIsLittleEndianFixed32() {
    // key (2 << 3) | 5 = 0x15; 0.01f = 0x3C23D70A, least significant byte first.
    assertArrayEquals(bytes(0x15, 0x0A, 0xD7, 0x23, 0x3C),
        new ProtoWriter().float32(2, 0.01f).toByteArray());
  }

  @Test
  void stringIsLengthDelimitedUtf8() {
    // key (4 << 3) | 2 = 0x22, length 4, "Relu".
    assertArrayEquals(bytes(0x22, 0x04, 'R', 'e', 'l', 'u'),
        new ProtoWriter().string(4, "Relu").toByteArray());
  }

  @Test
  void nestedMessageIsItsBytesLengthDelimited() {
    // OperatorSetIdProto {domain "", version 21} = 0A 00 10 15, inside ModelProto field 8 (0x42).
    ProtoWriter opset = new ProtoWriter().string(1, "").varint(2, 21);
    assertArrayEquals(bytes(0x42, 0x04, 0x0A, 0x00, 0x10, 0x15),
        new ProtoWriter().message(8, opset).toByteArray());
  }

  @Test
  void floatAttributeAsOnnxWritesIt() {
    // AttributeProto {name "alpha", f 0.01f, type FLOAT}.
    assertArrayEquals(
        bytes(0x0A, 0x05, 'a', 'l', 'p', 'h', 'a', 0x15, 0x0A, 0xD7, 0x23, 0x3C, 0xA0, 0x01, 0x01),
        SingleNodeModel.attribute("alpha", 0.01f).toByteArray());
  }

  @Test
  void fieldNumberZeroIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ProtoWriter().varint(0, 1));
  }
}
