package org.activationtck.interop;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a {@code model.onnx} ({@code ModelProto}) a node test needs into an {@link
 * OnnxModel}; every other field is skipped (field numbers in {@link OnnxProto}).
 *
 * <p>Strict where it matters: a truncated or malformed message, a field of the wrong wire type, a
 * model without a graph or a graph without nodes fails with an {@link IllegalArgumentException}
 * {@code <origin>: field <path>: <problem>}.
 */
public final class OnnxModelReader {

  private OnnxModelReader() {}

  /** Parses a model. @param origin the name errors give (the file) */
  public static OnnxModel read(byte[] bytes, String origin) {
    Fields model = new Fields(bytes, origin, "");
    long ir = 0;
    List<Long> opsets = new ArrayList<>();
    byte[] graph = null;
    while (model.next()) {
      switch (model.number()) {
        case OnnxProto.Model.IR_VERSION -> ir = model.varint("ir_version");
        case OnnxProto.Model.GRAPH -> graph = model.bytes("graph");
        case OnnxProto.Model.OPSET_IMPORT -> {
          Fields op = model.message("opset_import");
          String domain = "";
          long version = 0;
          while (op.next()) {
            switch (op.number()) {
              case OnnxProto.OpsetId.DOMAIN -> domain = op.string("domain");
              case OnnxProto.OpsetId.VERSION -> version = op.varint("version");
              default -> op.skip();
            }
          }
          if (domain.isEmpty() || domain.equals("ai.onnx")) {
            opsets.add(version);
          }
        }
        case OnnxProto.Model.PRODUCER_NAME, OnnxProto.Model.PRODUCER_VERSION,
            OnnxProto.Model.DOC_STRING -> model.string("producer/doc_string");
        default -> model.skip();
      }
    }
    if (graph == null) {
      throw TensorProtoCodec.bad(origin, "graph", "missing: not an ONNX model");
    }
    List<OnnxNode> nodes = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    List<Tensor> initializers = new ArrayList<>();
    Fields g = new Fields(graph, origin, "graph.");
    while (g.next()) {
      switch (g.number()) {
        case OnnxProto.Graph.NODE -> nodes.add(node(g.message("node[" + nodes.size() + "]")));
        case OnnxProto.Graph.INPUT -> inputs.add(valueName(g.message("input[" + inputs.size() + "]")));
        case OnnxProto.Graph.OUTPUT -> outputs.add(valueName(g.message("output[" + outputs.size() + "]")));
        case OnnxProto.Graph.INITIALIZER -> {
          String field = "initializer[" + initializers.size() + "]";
          byte[] t = g.bytes(field);
          initializers.add(TensorProtoCodec.decode(CodedInputStream.newInstance(t), origin,
              "graph." + field + "."));
        }
        case OnnxProto.Graph.NAME -> g.string("name");
        default -> g.skip();
      }
    }
    if (nodes.isEmpty()) {
      throw TensorProtoCodec.bad(origin, "graph.node", "the graph has no nodes");
    }
    return new OnnxModel(ir, opsets.isEmpty() ? 0 : opsets.get(0), nodes, inputs, outputs,
        initializers);
  }

  private static OnnxNode node(Fields n) {
    String opType = null;
    String domain = "";
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
    while (n.next()) {
      switch (n.number()) {
        case OnnxProto.Node.INPUT -> inputs.add(n.string("input"));
        case OnnxProto.Node.OUTPUT -> outputs.add(n.string("output"));
        case OnnxProto.Node.OP_TYPE -> opType = n.string("op_type");
        case OnnxProto.Node.DOMAIN -> domain = n.string("domain");
        case OnnxProto.Node.NAME -> n.string("name");
        case OnnxProto.Node.ATTRIBUTE -> {
          OnnxAttribute a = attribute(n.message("attribute[" + attributes.size() + "]"));
          attributes.put(a.name(), a);
        }
        default -> n.skip();
      }
    }
    if (opType == null || opType.isEmpty()) {
      throw TensorProtoCodec.bad(n.origin, n.path + "op_type", "missing");
    }
    return new OnnxNode(opType, domain, inputs, outputs, attributes);
  }

  private static OnnxAttribute attribute(Fields a) {
    String name = null;
    int type = 0;
    float f = 0;
    long i = 0;
    String s = null;
    List<Float> floats = new ArrayList<>();
    List<Long> ints = new ArrayList<>();
    while (a.next()) {
      switch (a.number()) {
        case OnnxProto.Attribute.NAME -> name = a.string("name");
        case OnnxProto.Attribute.TYPE -> type = (int) a.varint("type");
        case OnnxProto.Attribute.F -> f = a.float32("f");
        case OnnxProto.Attribute.I -> i = a.varint("i");
        case OnnxProto.Attribute.S -> s = a.string("s");
        case OnnxProto.Attribute.FLOATS -> a.repeatedFloat("floats", floats);
        case OnnxProto.Attribute.INTS -> a.repeatedVarint("ints", ints);
        default -> a.skip();
      }
    }
    if (name == null) {
      throw TensorProtoCodec.bad(a.origin, a.path + "name", "missing");
    }
    return new OnnxAttribute(name, type, f, i, s, floats, ints);
  }

  private static String valueName(Fields v) {
    String name = "";
    while (v.next()) {
      if (v.number() == OnnxProto.ValueInfo.NAME) {
        name = v.string("name");
      } else {
        v.skip();
      }
    }
    return name;
  }

  /** A cursor over the fields of one message, with errors naming the origin and field path. */
  static final class Fields {
    private final CodedInputStream in;
    final String origin;
    final String path;
    private int tag;
    private String field = "";

    Fields(byte[] bytes, String origin, String path) {
      this.in = CodedInputStream.newInstance(bytes);
      this.origin = origin;
      this.path = path;
    }

    boolean next() {
      try {
        tag = in.readTag();
        field = "field " + WireFormat.getTagFieldNumber(tag);
        return tag != 0;
      } catch (IOException e) {
        throw malformed(e);
      }
    }

    int number() {
      return WireFormat.getTagFieldNumber(tag);
    }

    private void wire(String name, int expected) {
      field = name;
      TensorProtoCodec.expect(WireFormat.getTagWireType(tag), expected, origin, path + name);
    }

    long varint(String name) {
      wire(name, WireFormat.WIRETYPE_VARINT);
      return io(in::readInt64);
    }

    float float32(String name) {
      wire(name, WireFormat.WIRETYPE_FIXED32);
      return io(in::readFloat);
    }

    String string(String name) {
      wire(name, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      return io(in::readStringRequireUtf8);
    }

    byte[] bytes(String name) {
      wire(name, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      return io(in::readByteArray);
    }

    Fields message(String name) {
      return new Fields(bytes(name), origin, path + name + ".");
    }

    void repeatedFloat(String name, List<Float> out) {
      field = name;
      if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        Fields packed = new Fields(bytes(name), origin, path + name);
        while (!packed.atEnd()) {
          out.add(packed.io(packed.in::readFloat));
        }
      } else {
        out.add(float32(name));
      }
    }

    void repeatedVarint(String name, List<Long> out) {
      field = name;
      if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        Fields packed = new Fields(bytes(name), origin, path + name);
        while (!packed.atEnd()) {
          out.add(packed.io(packed.in::readInt64));
        }
      } else {
        out.add(varint(name));
      }
    }

    private boolean atEnd() {
      return io(in::isAtEnd);
    }

    void skip() {
      io(() -> in.skipField(tag));
    }

    private interface Read<T> {
      T get() throws IOException;
    }

    private <T> T io(Read<T> r) {
      try {
        return r.get();
      } catch (IOException e) {
        throw malformed(e);
      }
    }

    private IllegalArgumentException malformed(IOException e) {
      String what = e instanceof InvalidProtocolBufferException ? "malformed or truncated protobuf"
          : "read error";
      return TensorProtoCodec.bad(origin, path + field, what + " (" + e.getMessage() + ")");
    }
  }
}
