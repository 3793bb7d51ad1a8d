package org.activationtck.adapters.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import org.activationtck.adapters.onnxruntime.SingleNodeModel.ElementType;
import org.junit.jupiter.api.Test;

/** The encoded models decode: byte for byte where small, and by ONNX Runtime loading them. */
class SingleNodeModelTest {

  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  @Test
  void reluModelIsTheHandWorkedEncoding() {
    // Built field by field from onnx.proto's field numbers.
    byte[] dim = {0x12, 0x01, 'n'};                                 // Dimension.dim_param "n"
    byte[] shape = concat(new byte[] {0x0A, (byte) dim.length}, dim); // TensorShapeProto.dim
    byte[] tensor = concat(new byte[] {0x08, 0x01, 0x12, (byte) shape.length}, shape); // FLOAT
    byte[] type = concat(new byte[] {0x0A, (byte) tensor.length}, tensor);   // tensor_type
    byte[] x = concat(new byte[] {0x0A, 0x01, 'x', 0x12, (byte) type.length}, type);
    byte[] y = concat(new byte[] {0x0A, 0x01, 'y', 0x12, (byte) type.length}, type);
    byte[] node = {0x0A, 0x01, 'x', 0x12, 0x01, 'y', 0x22, 0x04, 'R', 'e', 'l', 'u'};
    byte[] graph = concat(
        new byte[] {0x0A, (byte) node.length}, node,
        new byte[] {0x12, 0x04, 'r', 'e', 'l', 'u'},
        new byte[] {0x5A, (byte) x.length}, x,                          // input, field 11
        new byte[] {0x62, (byte) y.length}, y);                         // output, field 12
    byte[] producer = "activation-tck".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] model = concat(
        new byte[] {0x08, 0x0A},                                        // ir_version 10
        new byte[] {0x12, (byte) producer.length}, producer,
        new byte[] {0x3A, (byte) graph.length}, graph,                  // graph, field 7
        new byte[] {0x42, 0x04, 0x0A, 0x00, 0x10, 0x15});               // opset ai.onnx 21
    assertArrayEquals(model, SingleNodeModel.encode(OnnxNode.of("Relu"), ElementType.FLOAT));
  }

  @Test
  void onnxRuntimeReadsInputOutputAndTypes() throws Exception {
    byte[] model = SingleNodeModel.encode(OnnxNode.of("Relu"), ElementType.DOUBLE);
    try (OrtSession s = ENV.createSession(model, new OrtSession.SessionOptions())) {
      TensorInfo in = (TensorInfo) s.getInputInfo().get("x").getInfo();
      TensorInfo out = (TensorInfo) s.getOutputInfo().get("y").getInfo();
      assertEquals(OnnxJavaType.DOUBLE, in.type);
      assertEquals(OnnxJavaType.DOUBLE, out.type);
      assertArrayEquals(new long[] {-1}, in.getShape(), "symbolic length n reads back as -1");
    }
  }

  @Test
  void floatAttributeAndConstantInputReachTheKernel() throws Exception {
    float[] x = {-2f, 3f};
    assertArrayEquals(new float[] {-1f, 3f},
        run(OnnxNode.of("LeakyRelu").with("alpha", 0.5f), x), "alpha = 0.5 halves negatives");
    assertArrayEquals(new float[] {-0.5f, 3f},
        run(OnnxNode.of("PRelu").withConstantInput(0.25), x), "slope input 0.25");
    assertArrayEquals(new float[] {-1f, 2f},
        run(OnnxNode.of("Shrink").with("lambd", 0.5f).with("bias", 1f), x), "bias 1 shrinks");
  }

  private static float[] run(OnnxNode node, float[] x) throws Exception {
    try (OrtSession s = ENV.createSession(SingleNodeModel.encode(node, ElementType.FLOAT));
        OnnxTensor t = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(x), new long[] {x.length});
        OrtSession.Result r = s.run(Map.of("x", t))) {
      return (float[]) r.get(0).getValue();
    }
  }

  private static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
