package org.activationtck.interop;

/**
 * Field numbers and enum values of the ONNX messages this module reads and writes.
 *
 * <p>Source: {@code onnx/onnx.proto} in github.com/onnx/onnx at commit
 * {@code 6be0677fc22e74563e6eb472f931513aefe5648d} (the commit whose node-test data the audit
 * tests use): {@code ModelProto}, {@code OperatorSetIdProto}, {@code GraphProto}, {@code
 * NodeProto}, {@code AttributeProto} (with its {@code AttributeType}), {@code ValueInfoProto},
 * {@code TypeProto.Tensor}, {@code TensorShapeProto.Dimension} and {@code TensorProto} (with its
 * {@code DataType}). These numbers are part of ONNX's wire format and never change.
 */
final class OnnxProto {

  private OnnxProto() {}

  /** {@code ModelProto}. */
  static final class Model {
    static final int IR_VERSION = 1;
    static final int PRODUCER_NAME = 2;
    static final int PRODUCER_VERSION = 3;
    static final int DOC_STRING = 6;
    static final int GRAPH = 7;
    static final int OPSET_IMPORT = 8;

    private Model() {}
  }

  /** {@code OperatorSetIdProto}. */
  static final class OpsetId {
    static final int DOMAIN = 1;
    static final int VERSION = 2;

    private OpsetId() {}
  }

  /** {@code GraphProto}. */
  static final class Graph {
    static final int NODE = 1;
    static final int NAME = 2;
    static final int INITIALIZER = 5;
    static final int INPUT = 11;
    static final int OUTPUT = 12;

    private Graph() {}
  }

  /** {@code NodeProto}. */
  static final class Node {
    static final int INPUT = 1;
    static final int OUTPUT = 2;
    static final int NAME = 3;
    static final int OP_TYPE = 4;
    static final int ATTRIBUTE = 5;
    static final int DOMAIN = 7;

    private Node() {}
  }

  /** {@code AttributeProto} and its {@code AttributeType} enum. */
  static final class Attribute {
    static final int NAME = 1;
    static final int F = 2;
    static final int I = 3;
    static final int S = 4;
    static final int FLOATS = 7;
    static final int INTS = 8;
    static final int TYPE = 20;

    static final int TYPE_FLOAT = 1;
    static final int TYPE_INT = 2;
    static final int TYPE_STRING = 3;
    static final int TYPE_FLOATS = 6;
    static final int TYPE_INTS = 7;

    private Attribute() {}
  }

  /** {@code ValueInfoProto}, {@code TypeProto}, {@code TypeProto.Tensor}, {@code TensorShapeProto}. */
  static final class ValueInfo {
    static final int NAME = 1;
    static final int TYPE = 2;
    /** {@code TypeProto.tensor_type}. */
    static final int TYPE_TENSOR = 1;
    /** {@code TypeProto.Tensor.elem_type}. */
    static final int TENSOR_ELEM_TYPE = 1;
    /** {@code TypeProto.Tensor.shape}. */
    static final int TENSOR_SHAPE = 2;
    /** {@code TensorShapeProto.dim}. */
    static final int SHAPE_DIM = 1;
    /** {@code TensorShapeProto.Dimension.dim_value}. */
    static final int DIM_VALUE = 1;
    /** {@code TensorShapeProto.Dimension.dim_param}. */
    static final int DIM_PARAM = 2;

    private ValueInfo() {}
  }

  /** {@code TensorProto} and its {@code DataType} enum. */
  static final class Tensor {
    static final int DIMS = 1;
    static final int DATA_TYPE = 2;
    static final int SEGMENT = 3;
    static final int FLOAT_DATA = 4;
    static final int INT32_DATA = 5;
    static final int INT64_DATA = 7;
    static final int NAME = 8;
    static final int RAW_DATA = 9;
    static final int DOUBLE_DATA = 10;
    static final int EXTERNAL_DATA = 13;
    static final int DATA_LOCATION = 14;

    static final int FLOAT = 1;
    static final int FLOAT16 = 10;
    static final int DOUBLE = 11;
    static final int BFLOAT16 = 16;

    /** {@code DataLocation.EXTERNAL}. */
    static final int LOCATION_EXTERNAL = 1;

    private Tensor() {}
  }
}
