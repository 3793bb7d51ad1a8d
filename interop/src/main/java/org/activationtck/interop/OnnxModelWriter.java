package org.activationtck.interop;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.activationtck.spi.Dtype;

/**
 * Writes a {@code model.onnx} holding one node: graph inputs and outputs with their element type
 * and shape, the node with its attributes, and one ai.onnx opset import (field numbers in {@link
 * OnnxProto}).
 */
public final class OnnxModelWriter {

  /** The IR version written with {@link #OPSET}: IR 10 is ONNX 1.16's, the release of opset 21. */
  public static final long IR_VERSION = 10;

  /**
   * The ai.onnx opset the exported models import. 21 (ONNX 1.16, 2024) has every operator the
   * catalog names for the onnx dialect at its current definition (Gelu since 20, Mish since 18,
   * HardSwish and Relu since 14, Softmax/LogSoftmax per axis since 13), ONNX Runtime 1.22 runs it,
   * and it is what exporters of the time emit.
   */
  public static final long OPSET = 21;

  private OnnxModelWriter() {}

  /**
   * A graph input or output.
   *
   * @param name the value name
   * @param dtype the element format
   * @param dims per dimension a {@code Long} (fixed size) or a {@code String} (symbolic)
   */
  public record ValueInfo(String name, Dtype dtype, List<Object> dims) {
    public ValueInfo {
      dims = List.copyOf(dims);
      for (Object d : dims) {
        if (!(d instanceof Long) && !(d instanceof String)) {
          throw new IllegalArgumentException("dimension " + d + ": expected a Long or a String");
        }
      }
    }
  }

  /**
   * The bytes of a one-node model.
   *
   * @param docString the model's doc string (where the data came from), may be empty
   */
  public static byte[] write(OnnxNode node, List<ValueInfo> inputs, List<ValueInfo> outputs,
      long opset, String docString) {
    Message graph = new Message();
    graph.message(OnnxProto.Graph.NODE, node(node));
    graph.string(OnnxProto.Graph.NAME, "tck_" + node.opType());
    for (ValueInfo v : inputs) {
      graph.message(OnnxProto.Graph.INPUT, valueInfo(v));
    }
    for (ValueInfo v : outputs) {
      graph.message(OnnxProto.Graph.OUTPUT, valueInfo(v));
    }
    Message model = new Message();
    model.int64(OnnxProto.Model.IR_VERSION, IR_VERSION);
    model.string(OnnxProto.Model.PRODUCER_NAME, "activation-tck");
    model.string(OnnxProto.Model.PRODUCER_VERSION, "0.1.0");
    if (!docString.isEmpty()) {
      model.string(OnnxProto.Model.DOC_STRING, docString);
    }
    model.message(OnnxProto.Model.GRAPH, graph);
    Message opsetId = new Message();
    opsetId.string(OnnxProto.OpsetId.DOMAIN, "");
    opsetId.int64(OnnxProto.OpsetId.VERSION, opset);
    model.message(OnnxProto.Model.OPSET_IMPORT, opsetId);
    return model.bytes();
  }

  private static Message node(OnnxNode n) {
    Message m = new Message();
    for (String in : n.inputs()) {
      m.string(OnnxProto.Node.INPUT, in);
    }
    for (String out : n.outputs()) {
      m.string(OnnxProto.Node.OUTPUT, out);
    }
    m.string(OnnxProto.Node.NAME, "node");
    m.string(OnnxProto.Node.OP_TYPE, n.opType());
    for (OnnxAttribute a : n.attributes().values()) {
      m.message(OnnxProto.Node.ATTRIBUTE, attribute(a));
    }
    if (!n.domain().isEmpty()) {
      m.string(OnnxProto.Node.DOMAIN, n.domain());
    }
    return m;
  }

  private static Message attribute(OnnxAttribute a) {
    Message m = new Message();
    m.string(OnnxProto.Attribute.NAME, a.name());
    switch (a.type()) {
      case OnnxProto.Attribute.TYPE_FLOAT -> m.float32(OnnxProto.Attribute.F, a.f());
      case OnnxProto.Attribute.TYPE_INT -> m.int64(OnnxProto.Attribute.I, a.i());
      case OnnxProto.Attribute.TYPE_STRING -> m.string(OnnxProto.Attribute.S, a.s());
      case OnnxProto.Attribute.TYPE_FLOATS -> a.floats().forEach(f -> m.float32(OnnxProto.Attribute.FLOATS, f));
      case OnnxProto.Attribute.TYPE_INTS -> a.ints().forEach(i -> m.int64(OnnxProto.Attribute.INTS, i));
      default -> throw new IllegalArgumentException("attribute " + a.name() + ": type " + a.type()
          + " is not written");
    }
    m.int64(OnnxProto.Attribute.TYPE, a.type());
    return m;
  }

  private static Message valueInfo(ValueInfo v) {
    Message shape = new Message();
    for (Object d : v.dims()) {
      Message dim = new Message();
      if (d instanceof Long size) {
        dim.int64(OnnxProto.ValueInfo.DIM_VALUE, size);
      } else {
        dim.string(OnnxProto.ValueInfo.DIM_PARAM, (String) d);
      }
      shape.message(OnnxProto.ValueInfo.SHAPE_DIM, dim);
    }
    Message tensor = new Message();
    tensor.int64(OnnxProto.ValueInfo.TENSOR_ELEM_TYPE, TensorProtoCodec.dataType(v.dtype()));
    tensor.message(OnnxProto.ValueInfo.TENSOR_SHAPE, shape);
    Message type = new Message();
    type.message(OnnxProto.ValueInfo.TYPE_TENSOR, tensor);
    Message info = new Message();
    info.string(OnnxProto.ValueInfo.NAME, v.name());
    info.message(OnnxProto.ValueInfo.TYPE, type);
    return info;
  }

  /** A message under construction; nested messages are length-prefixed byte arrays. */
  private static final class Message {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    void string(int field, String s) {
      io(() -> out.writeString(field, s));
    }

    void int64(int field, long v) {
      io(() -> out.writeInt64(field, v));
    }

    void float32(int field, float v) {
      io(() -> out.writeFloat(field, v));
    }

    void message(int field, Message m) {
      io(() -> out.writeByteArray(field, m.bytes()));
    }

    byte[] bytes() {
      io(out::flush);
      return bytes.toByteArray();
    }

    private interface Write {
      void run() throws IOException;
    }

    private static void io(Write w) {
      try {
        w.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
