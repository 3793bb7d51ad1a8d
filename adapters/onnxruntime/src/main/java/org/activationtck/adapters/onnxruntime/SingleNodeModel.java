package org.activationtck.adapters.onnxruntime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Encodes a model of one node, {@code y = op(x, c0, c1, ...)}, as ONNX ModelProto bytes: a graph
 * with the 1-D input {@code x} of symbolic length {@code n}, the output {@code y} of the same
 * element type, and each constant input as an initializer of shape {@code [1]}.
 *
 * <p>Field numbers are those of onnx/onnx.proto (ONNX 1.16): ModelProto ir_version 1, graph 7,
 * opset_import 8; OperatorSetIdProto domain 1, version 2; GraphProto node 1, name 2, initializer 5,
 * input 11, output 12; NodeProto input 1, output 2, op_type 4, attribute 5; AttributeProto name 1,
 * f 2, i 3, s 4, type 20; TensorProto dims 1, data_type 2, name 8, raw_data 9; ValueInfoProto name
 * 1, type 2; TypeProto tensor_type 1; TypeProto.Tensor elem_type 1, shape 2; TensorShapeProto dim
 * 1; Dimension dim_param 2.
 */
final class SingleNodeModel {

  /** IR version 10 (ONNX 1.16), the one that goes with opset 21. */
  static final long IR_VERSION = 10;

  /**
   * The ai.onnx opset the models import. 21 (ONNX 1.16, 2024) has every operator the catalog names
   * for the onnx dialect, Gelu (opset 20) included, and is what exporters of the time emit.
   */
  static final long OPSET = 21;

  static final String INPUT = "x";
  static final String OUTPUT = "y";
  private static final String LENGTH = "n";

  // AttributeProto.AttributeType
  private static final int ATTRIBUTE_FLOAT = 1;
  private static final int ATTRIBUTE_INT = 2;
  private static final int ATTRIBUTE_STRING = 3;

  /** TensorProto.DataType of the two element types the adapter runs. */
  enum ElementType {
    FLOAT(1, Float.BYTES),
    DOUBLE(11, Double.BYTES);

    final int code;
    final int bytes;

    ElementType(int code, int bytes) {
      this.code = code;
      this.bytes = bytes;
    }
  }

  private SingleNodeModel() {}

  /** The serialized ModelProto. */
  static byte[] encode(OnnxNode node, ElementType type) {
    ProtoWriter nodeProto = new ProtoWriter().string(1, INPUT);
    ProtoWriter graph = new ProtoWriter();
    for (int i = 0; i < node.constantInputs().size(); i++) {
      String name = "c" + i;
      nodeProto.string(1, name);
      graph.message(5, scalarTensor(name, node.constantInputs().get(i), type));
    }
    nodeProto.string(2, OUTPUT).string(4, node.opType());
    for (Map.Entry<String, Object> a : node.attributes().entrySet()) {
      nodeProto.message(5, attribute(a.getKey(), a.getValue()));
    }
    graph.message(1, nodeProto)
        .string(2, node.opType().toLowerCase(java.util.Locale.ROOT))
        .message(11, vector(INPUT, type))
        .message(12, vector(OUTPUT, type));
    return new ProtoWriter()
        .varint(1, IR_VERSION)
        .string(2, "activation-tck")
        .message(7, graph)
        .message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
        .toByteArray();
  }

  static ProtoWriter attribute(String name, Object value) {
    ProtoWriter a = new ProtoWriter().string(1, name);
    if (value instanceof Float f) {
      a.float32(2, f).varint(20, ATTRIBUTE_FLOAT);
    } else if (value instanceof Long i) {
      a.varint(3, i).varint(20, ATTRIBUTE_INT);
    } else {
      a.string(4, (String) value).varint(20, ATTRIBUTE_STRING);
    }
    return a;
  }

  /** ValueInfoProto of a 1-D tensor of symbolic length n. */
  private static ProtoWriter vector(String name, ElementType type) {
    ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, LENGTH));
    ProtoWriter tensorType = new ProtoWriter().varint(1, type.code).message(2, shape);
    return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
  }

  /** TensorProto of shape [1] holding value in the element type, as little-endian raw_data. */
  private static ProtoWriter scalarTensor(String name, double value, ElementType type) {
    ByteBuffer raw = ByteBuffer.allocate(type.bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (type == ElementType.FLOAT) {
      raw.putFloat((float) value);
    } else {
      raw.putDouble(value);
    }
    return new ProtoWriter().varint(1, 1).varint(2, type.code).string(8, name).bytes(9, raw.array());
  }
}
