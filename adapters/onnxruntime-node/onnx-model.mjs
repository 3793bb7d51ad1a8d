/**
 * One-node ONNX models as ModelProto bytes, written with a minimal protocol-buffers encoder.
 *
 * The model: graph input x, a 1-D tensor of symbolic length n; output y of the same element type;
 * y = Op(x) or Op(x, slope) with slope an initializer of shape [1]. ai.onnx opset 21, IR version 10.
 *
 * Wire format (https://protobuf.dev/programming-guides/encoding/): a field is the varint key
 * (number << 3 | wire type) and its value; varints hold 7 bits a byte, least significant first,
 * the high bit set on all but the last byte; wire type 0 varint, 2 length-delimited (a varint
 * length, then the bytes: strings, bytes and nested messages), 5 fixed32 (a float's IEEE bits,
 * little-endian). Field numbers from onnx/onnx.proto: ModelProto ir_version 1, producer_name 2,
 * graph 7, opset_import 8; OperatorSetIdProto domain 1, version 2; GraphProto node 1, name 2,
 * initializer 5, input 11, output 12; NodeProto input 1, output 2, op_type 4, attribute 5;
 * AttributeProto name 1, f 2, i 3, s 4, type 20 (FLOAT 1, INT 2, STRING 3); TensorProto dims 1,
 * data_type 2 (FLOAT 1, DOUBLE 11), name 8, raw_data 9; ValueInfoProto name 1, type 2; TypeProto
 * tensor_type 1; TypeProto.Tensor elem_type 1, shape 2; TensorShapeProto dim 1; Dimension
 * dim_param 2.
 */

export const OPSET = 21;
export const IR_VERSION = 10;

const ELEMENT = { float32: { code: 1, bytes: 4 }, float64: { code: 11, bytes: 8 } };

/** A message being written: a list of byte chunks. */
class Message {
  constructor() {
    this.chunks = [];
  }

  varintBytes(v) {
    let n = BigInt.asUintN(64, BigInt(v)); // negative int64: ten bytes, two's complement
    const out = [];
    while (n >= 0x80n) {
      out.push(Number(n & 0x7fn) | 0x80);
      n >>= 7n;
    }
    out.push(Number(n));
    this.chunks.push(Uint8Array.from(out));
  }

  key(field, wire) {
    this.varintBytes((field << 3) | wire);
  }

  varint(field, v) {
    this.key(field, 0);
    this.varintBytes(v);
    return this;
  }

  float(field, v) {
    this.key(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.chunks.push(b);
    return this;
  }

  bytes(field, b) {
    this.key(field, 2);
    this.varintBytes(b.length);
    this.chunks.push(b);
    return this;
  }

  string(field, s) {
    return this.bytes(field, new TextEncoder().encode(s));
  }

  message(field, m) {
    return this.bytes(field, m.toBytes());
  }

  toBytes() {
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function vector(name, type) {
  const shape = new Message().message(1, new Message().string(2, 'n'));
  const tensorType = new Message().varint(1, ELEMENT[type].code).message(2, shape);
  return new Message().string(1, name).message(2, new Message().message(1, tensorType));
}

function attribute(name, value) {
  const a = new Message().string(1, name);
  if ('float' in value) return a.float(2, value.float).varint(20, 1);
  if ('int' in value) return a.varint(3, value.int).varint(20, 2);
  return a.string(4, value.string).varint(20, 3);
}

function scalarTensor(name, value, type) {
  const raw = new Uint8Array(ELEMENT[type].bytes);
  const view = new DataView(raw.buffer);
  if (type === 'float32') view.setFloat32(0, value, true);
  else view.setFloat64(0, value, true);
  return new Message().varint(1, 1).varint(2, ELEMENT[type].code).string(8, name).bytes(9, raw);
}

/**
 * The ModelProto bytes of y = node.op(x[, slope]) on type ('float32' or 'float64').
 *
 * @param {{op: string, attributes?: object, slope?: number}} node attributes by name, each
 *     {float} (written as float32), {int} or {string}; attributes are written sorted by name
 */
export function encodeModel(node, type) {
  const n = new Message().string(1, 'x');
  const graph = new Message();
  if (node.slope !== undefined) {
    n.string(1, 'slope');
    graph.message(5, scalarTensor('slope', node.slope, type));
  }
  n.string(2, 'y').string(4, node.op);
  for (const name of Object.keys(node.attributes ?? {}).sort()) {
    n.message(5, attribute(name, node.attributes[name]));
  }
  graph.message(1, n).string(2, node.op.toLowerCase()).message(11, vector('x', type)).message(12, vector('y', type));
  return new Message()
    .varint(1, IR_VERSION)
    .string(2, 'activation-tck')
    .message(7, graph)
    .message(8, new Message().string(1, '').varint(2, OPSET))
    .toBytes();
}
