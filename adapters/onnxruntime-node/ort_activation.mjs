#!/usr/bin/env node
/**
 * onnxruntime-node under activation-tck, speaking the JSON-lines process protocol through the
 * JavaScript client (clients/javascript/activation-tck-client.mjs).
 *
 *   (cd adapters/onnxruntime-node && npm ci --ignore-scripts)
 *   ./tck run --impl-command "node adapters/onnxruntime-node/ort_activation.mjs"
 *
 * Library: onnxruntime-node 1.30.0 (the N-API binding and the libonnxruntime.so shipped in the npm
 * package; --ignore-scripts skips its install script, which only fetches GPU binaries), CPU
 * execution provider, one intra-op and one inter-op thread. The catalog's onnx dialect only.
 *
 * Every call runs a one-node model, y = Op(x[, slope]), built here as ONNX ModelProto bytes
 * (onnx-model.mjs): ai.onnx opset 21, IR version 10, the same kind of models as the Java adapter
 * adapters/onnxruntime (onnxruntime 1.22.0), so that the two rows differ by the runtime only.
 * Sessions are cached per model.
 *
 *   function          operator
 *   exponential       Exp
 *   linear            Identity
 *   softmax           Softmax(axis = -1)
 *   log_softmax       LogSoftmax(axis = -1)
 *   relu              Relu
 *   leaky_relu        LeakyRelu(alpha)
 *   prelu             PRelu(x, slope), slope an initializer of shape [1] in the input's type
 *   thresholded_relu  ThresholdedRelu(alpha = theta)
 *   hard_shrink       Shrink(lambd = threshold, bias = 0)
 *   soft_shrink       Shrink(lambd = threshold, bias = threshold)
 *   hard_sigmoid      HardSigmoid(alpha, beta)
 *   hard_silu         HardSwish
 *   elu               Elu(alpha)
 *   selu              Selu(alpha, gamma = scale)
 *   celu              Celu(alpha)
 *   softplus          Softplus (beta 1 and no threshold only)
 *   mish              Mish
 *   softsign          Softsign
 *   arctan            Atan
 *   sigmoid           Sigmoid
 *   tanh              Tanh
 *   gelu              Gelu(approximate = "none" | "tanh")
 *
 * Parameters the request omits take the onnx dialect's default (spec/ACTIVATIONS.md) and are
 * always written into the node. Float attributes are float32 in ONNX (AttributeProto.f), also for
 * float64 tensors: a parameter is rounded once to float32 (Math.fround of the request's number).
 *
 * Declined ({"unsupported": true}, reported not implemented): derivatives (ONNX defines none, and
 * onnxruntime-node has no training API); float16 and bfloat16; other dialects; softplus with beta
 * or threshold; a softmax axis other than the vector's; and every (operator, type) for which
 * onnxruntime refuses to create the session because it has no kernel for the type or the
 * operator's schema excludes it ("Could not find an implementation", "Type ... is invalid"): the
 * library does not implement it. Any other failure is an error reply.
 */
import { createRequire } from 'node:module';
import ort from 'onnxruntime-node';
import { Client, Unsupported } from '../../clients/javascript/activation-tck-client.mjs';
import { encodeModel, OPSET } from './onnx-model.mjs';

const require = createRequire(import.meta.url);
const version = require('onnxruntime-node/package.json').version;

const DIALECT = 'onnx';

/** The onnx dialect's defaults, by canonical parameter name (spec/ACTIVATIONS.md). */
const DEFAULTS = {
  leaky_relu: { negative_slope: 0.01 },
  prelu: { alpha: 0.25 },
  thresholded_relu: { theta: 1.0 },
  hard_shrink: { threshold: 0.5 },
  soft_shrink: { threshold: 0.5 },
  hard_sigmoid: { alpha: 0.2, beta: 0.5 },
  elu: { alpha: 1.0 },
  selu: { alpha: 1.67326319217681884765625, scale: 1.05070102214813232421875 },
  celu: { alpha: 1.0 },
  softplus: { beta: 1, threshold: 'none' },
  gelu: { approximate: false },
  softmax: { axis: -1 },
  log_softmax: { axis: -1 },
};

function param(call, name) {
  const given = call.params[name];
  return given === undefined ? DEFAULTS[call.function][name] : given;
}

const f32 = (call, name) => ({ float: Math.fround(Number(param(call, name))) });

function axis(call) {
  const a = Number(param(call, 'axis'));
  if (a !== -1 && a !== 0) throw new Unsupported(`axis ${a} on a vector`);
  return { int: -1 };
}

/** The node of a call: {op, attributes, slope?}. */
function node(call) {
  const known = DEFAULTS[call.function] ?? {};
  for (const name of Object.keys(call.params)) {
    if (!(name in known)) throw new Unsupported(`${call.function} has no parameter ${name} in onnx`);
  }
  switch (call.function) {
    case 'exponential': return { op: 'Exp' };
    case 'linear': return { op: 'Identity' };
    case 'softmax': return { op: 'Softmax', attributes: { axis: axis(call) } };
    case 'log_softmax': return { op: 'LogSoftmax', attributes: { axis: axis(call) } };
    case 'relu': return { op: 'Relu' };
    case 'leaky_relu': return { op: 'LeakyRelu', attributes: { alpha: f32(call, 'negative_slope') } };
    case 'prelu': return { op: 'PRelu', slope: Number(param(call, 'alpha')) };
    case 'thresholded_relu': return { op: 'ThresholdedRelu', attributes: { alpha: f32(call, 'theta') } };
    case 'hard_shrink':
      return { op: 'Shrink', attributes: { lambd: f32(call, 'threshold'), bias: { float: 0 } } };
    case 'soft_shrink':
      return { op: 'Shrink', attributes: { lambd: f32(call, 'threshold'), bias: f32(call, 'threshold') } };
    case 'hard_sigmoid':
      return { op: 'HardSigmoid', attributes: { alpha: f32(call, 'alpha'), beta: f32(call, 'beta') } };
    case 'hard_silu': return { op: 'HardSwish' };
    case 'elu': return { op: 'Elu', attributes: { alpha: f32(call, 'alpha') } };
    case 'selu': return { op: 'Selu', attributes: { alpha: f32(call, 'alpha'), gamma: f32(call, 'scale') } };
    case 'celu': return { op: 'Celu', attributes: { alpha: f32(call, 'alpha') } };
    case 'softplus': {
      const t = param(call, 'threshold');
      if (Number(param(call, 'beta')) !== 1 || (t !== 'none' && t !== null)) {
        throw new Unsupported('ONNX Softplus takes neither beta nor threshold');
      }
      return { op: 'Softplus' };
    }
    case 'mish': return { op: 'Mish' };
    case 'softsign': return { op: 'Softsign' };
    case 'arctan': return { op: 'Atan' };
    case 'sigmoid': return { op: 'Sigmoid' };
    case 'tanh': return { op: 'Tanh' };
    case 'gelu': {
      const a = param(call, 'approximate');
      return { op: 'Gelu', attributes: { approximate: { string: a === true || a === 'true' ? 'tanh' : 'none' } } };
    }
    default: throw new Unsupported(`ONNX has no operator for ${call.function}`);
  }
}

const TYPES = { float32: { name: 'float32', array: Float32Array }, float64: { name: 'float64', array: Float64Array } };

/** Session creation failures that mean "no kernel for this operator and type". */
const NO_KERNEL = /Could not find an implementation|Type \(tensor\(double\)\)|Type 'tensor\(double\)'|is invalid/;

const sessions = new Map();
const options = { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' };

async function session(n, type) {
  const key = JSON.stringify([n, type.name]);
  let s = sessions.get(key);
  if (s === undefined) {
    s = ort.InferenceSession.create(encodeModel(n, type.name), options).catch((e) => {
      if (NO_KERNEL.test(String(e?.message ?? e))) return null;
      sessions.delete(key);
      throw e;
    });
    sessions.set(key, s);
  }
  const created = await s;
  if (created === null) throw new Unsupported(`onnxruntime has no ${n.op} kernel for ${type.name}`);
  return created;
}

async function run(x, call) {
  const type = TYPES[call.dtype];
  if (type === undefined || call.dialect !== DIALECT || call.derivative) throw new Unsupported();
  const s = await session(node(call), type);
  const out = await s.run({ x: new ort.Tensor(type.name, type.array.from(x), [x.length]) });
  return out.y.data;
}

const client = new Client({ name: 'onnxruntime-node', version, dialects: [DIALECT] });
for (const f of ['exponential', 'linear', 'softmax', 'log_softmax', 'relu', 'leaky_relu', 'prelu',
  'thresholded_relu', 'hard_shrink', 'soft_shrink', 'hard_sigmoid', 'hard_silu', 'elu', 'selu', 'celu',
  'softplus', 'mish', 'softsign', 'arctan', 'sigmoid', 'tanh', 'gelu']) {
  client.value(f, run);
}

if (process.argv.includes('--probe')) {
  // Exits 0 when the native binding loads and runs a model: for adapter.properties' requires=.
  const y = await run([0], { function: 'sigmoid', dialect: DIALECT, dtype: 'float32', derivative: false, params: {} });
  process.exit(y[0] === 0.5 ? 0 : 1);
} else if (process.argv.includes('--kernels')) {
  // Prints, per function and dtype, whether onnxruntime accepts the model (FINDINGS.md's table).
  for (const f of client.functions.keys()) {
    const fn = f.split('/')[0];
    const row = [];
    for (const dtype of ['float32', 'float64']) {
      try {
        await run([0.5], { function: fn, dialect: DIALECT, dtype, derivative: false, params: {} });
        row.push(`${dtype} yes`);
      } catch (e) {
        row.push(`${dtype} ${e instanceof Unsupported ? 'no' : 'error: ' + e.message}`);
      }
    }
    console.log(`${fn} (opset ${OPSET}): ${row.join(', ')}`);
  }
} else {
  await client.serve();
}
