package org.activationtck.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TensorProtoCodecTest {

  static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 0x1p-24, 65504.0, -0x1p-14};

  @ParameterizedTest
  @EnumSource(Dtype.class)
  void roundTripsEveryFormat(Dtype t) {
    double[] v = Arrays.stream(SPECIAL).map(d -> org.activationtck.spec.format.Rounding.round(d, t)).toArray();
    Tensor in = new Tensor("x", t, new long[] {2, 5}, v);
    Tensor back = TensorProtoCodec.decode(TensorProtoCodec.encode(in), "mem");
    assertEquals(in, back);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.at(1)));
  }

  /** The exact bytes of a float32 [2] tensor: dims 1, data_type 2, name 8, raw_data 9. */
  @Test
  void writesTheWireFormatOfOnnxProto() {
    byte[] b = TensorProtoCodec.encode(Tensor.vector("y", Dtype.FLOAT32, 1.0, -2.0));
    assertArrayEquals(new byte[] {0x08, 0x02, 0x10, 0x01, 0x42, 0x01, 'y', 0x4a, 0x08,
        0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0}, b);
  }

  /** float_data (packed), as ONNX's make_tensor writes without raw=True. */
  @Test
  void readsTypedFloatData() {
    byte[] b = {0x08, 0x02, 0x10, 0x01, 0x22, 0x08, 0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0};
    Tensor t = TensorProtoCodec.decode(b, "mem");
    assertArrayEquals(new double[] {1.0, -2.0}, t.values());
  }

  @Test
  void truncatedIsRejectedNamingOriginAndField() {
    byte[] b = TensorProtoCodec.encode(Tensor.vector("y", Dtype.FLOAT32, 1.0, -2.0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorProtoCodec.decode(Arrays.copyOf(b, b.length - 3), "dir/output_0.pb"));
    assertTrue(e.getMessage().startsWith("dir/output_0.pb: field raw_data: "), e.getMessage());
  }

  @Test
  void wrongLengthAndTypeAreRejected() {
    byte[] shortData = {0x08, 0x03, 0x10, 0x01, 0x4a, 0x04, 0, 0, (byte) 0x80, 0x3f};
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TensorProtoCodec.decode(shortData,
        "f.pb")).getMessage().contains("field raw_data: 4 bytes, the shape [3] of float32 needs 12"));
    byte[] int64 = {0x08, 0x01, 0x10, 0x07, 0x4a, 0x08, 0, 0, 0, 0, 0, 0, 0, 0};
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TensorProtoCodec.decode(int64,
        "f.pb")).getMessage().startsWith("f.pb: field data_type: 7 is not"));
  }
}
