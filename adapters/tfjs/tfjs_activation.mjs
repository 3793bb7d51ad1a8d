#!/usr/bin/env node
/**
 * TensorFlow.js under activation-tck, speaking the JSON-lines process protocol through the
 * JavaScript client (clients/javascript/activation-tck-client.mjs).
 *
 *   (cd adapters/tfjs && npm ci --ignore-scripts)
 *   ./tck run --impl-command "node adapters/tfjs/tfjs_activation.mjs"
 *
 * Library: @tensorflow/tfjs-core 4.22.0 with @tensorflow/tfjs-backend-cpu 4.22.0 (the pure
 * JavaScript CPU backend: every kernel is a loop over a Float32Array that computes each element as
 * a JavaScript double and stores it back as float32), and @tensorflow/tfjs-layers 4.22.0 for the
 * activations core does not have. float32 only (TF.js has no float64 tensors). Values are the
 * function applied to a 1-D float32 tensor; derivatives are tf.grad of it (the gradient of the sum,
 * so d/dx element by element for an elementwise function).
 *
 * Dialects, per function, as TF.js behaves (read in node_modules; findings in FINDINGS.md):
 *
 *   function          TF.js                                    dialects
 *   exponential       tf.exp                                   keras3, tf_keras2
 *   linear            tfl activation 'linear'                  keras3, tf_keras2
 *   softmax           tf.softmax (last axis)                   keras3, tf_keras2
 *   log_softmax       tf.logSoftmax (last axis)                keras3 (tf_keras2 has none)
 *   relu              tf.relu (no parameters)                  keras3, tf_keras2
 *   relu6             tf.relu6                                 keras3, tf_keras2
 *   leaky_relu        tf.leakyRelu(x, alpha = 0.2)             keras3, tf_keras2
 *   prelu             tf.prelu(x, scalar alpha)                keras3, tf_keras2
 *   thresholded_relu  tfl.layers.thresholdedReLU({theta})      tf_keras2 (keras3 has none);
 *                     values only: tf.grad of the layer throws (no gradient for Greater)
 *   hard_sigmoid      tfl activation 'hardSigmoid', clip(0.2x + 0.5, 0, 1)   tf_keras2 only:
 *                     keras3's is relu6(x + 3) / 6, another function at the breakpoints
 *   elu               tf.elu (alpha 1 only)                    keras3, tf_keras2
 *   selu              tf.selu (the default constants only)     keras3, tf_keras2
 *   softplus          tf.softplus (beta 1, no threshold)       keras3, tf_keras2
 *   log_sigmoid       tf.logSigmoid                            keras3, tf_keras2
 *   mish              tfl activation 'mish'                    keras3, tf_keras2
 *   softsign          tfl activation 'softsign'                keras3, tf_keras2
 *   arctan            tf.atan                                  keras3, tf_keras2
 *   sigmoid           tf.sigmoid                               keras3, tf_keras2
 *   tanh              tf.tanh                                  keras3, tf_keras2
 *   silu              tfl activation 'swish'                   keras3, tf_keras2
 *   gelu              tfl activation 'gelu' (approximate = false: 0.5 x (1 + erf(x / sqrt 2)))
 *                     and 'gelu_new' (approximate = true, the tanh form)   keras3, tf_keras2
 *
 * Declined ({"unsupported": true}, reported not implemented): float64, float16 and bfloat16;
 * derivatives of the axis functions (the TCK does not ask for them); a parameter value TF.js
 * cannot express (relu's negative_slope, max_value, threshold; elu's alpha != 1; selu's and
 * hard_sigmoid's constants; softplus' beta and threshold; a softmax axis other than the last);
 * every function TF.js does not have (celu, hard_tanh, hard_silu, hard_shrink, ...).
 * Parameters are passed to TF.js as the JavaScript numbers of the request (TF.js keeps attributes
 * such as leakyRelu's alpha as doubles, where TensorFlow holds a float32 attr).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { Client, Unsupported } from '../../clients/javascript/activation-tck-client.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const coreVersion = require(join(here, 'node_modules/@tensorflow/tfjs-core/package.json')).version;

await tf.setBackend('cpu');
if (tf.getBackend() !== 'cpu') {
  throw new Error(`TF.js backend is ${tf.getBackend()}, not cpu`);
}

const BOTH = ['keras3', 'tf_keras2'];

/** Declines every parameter not in allowed; allowed maps a name to a predicate on its value. */
function params(call, allowed = {}) {
  for (const [name, value] of Object.entries(call.params)) {
    const ok = allowed[name];
    if (ok === undefined || !ok(value)) {
      throw new Unsupported(`${call.function}: parameter ${name}=${value}`);
    }
  }
  return call.params;
}

const is = (v) => (value) => Number(value) === v;
const lastAxis = { axis: (a) => Number(a) === -1 || Number(a) === 0 };

/** A layers activation by its TF.js identifier. */
const activation = (id) => {
  const layer = tfl.layers.activation({ activation: id });
  return (x) => layer.apply(x);
};

/**
 * Per catalog function: its dialects, whether derivatives are computed (tf.grad), and the TF.js
 * function of a float32 tensor for a call.
 */
const FUNCTIONS = {
  exponential: { dialects: BOTH, grad: true, fn: (call) => (params(call), tf.exp) },
  linear: { dialects: BOTH, grad: true, fn: (call) => (params(call), activation('linear')) },
  softmax: { dialects: BOTH, grad: false, fn: (call) => (params(call, lastAxis), (x) => tf.softmax(x)) },
  log_softmax: {
    dialects: ['keras3'], grad: false, fn: (call) => (params(call, lastAxis), (x) => tf.logSoftmax(x)),
  },
  relu: { dialects: BOTH, grad: true, fn: (call) => (params(call), tf.relu) },
  relu6: { dialects: BOTH, grad: true, fn: (call) => (params(call), tf.relu6) },
  leaky_relu: {
    dialects: BOTH,
    grad: true,
    fn: (call) => {
      const { negative_slope: s } = params(call, { negative_slope: Number.isFinite });
      return s === undefined ? (x) => tf.leakyRelu(x) : (x) => tf.leakyRelu(x, Number(s));
    },
  },
  prelu: {
    dialects: BOTH,
    grad: true,
    fn: (call) => {
      const alpha = Number(params(call, { alpha: Number.isFinite }).alpha ?? 0); // PReLU's zeros
      return (x) => tf.prelu(x, tf.scalar(alpha, 'float32'));
    },
  },
  thresholded_relu: {
    dialects: ['tf_keras2'],
    grad: false, // tf.grad throws: "gradient function not found for Greater" (FINDINGS.md)
    fn: (call) => {
      const theta = Number(params(call, { theta: Number.isFinite }).theta ?? 1.0);
      const layer = tfl.layers.thresholdedReLU({ theta });
      return (x) => layer.apply(x);
    },
  },
  hard_sigmoid: {
    dialects: ['tf_keras2'],
    grad: true,
    fn: (call) => (params(call, { alpha: is(0.2), beta: is(0.5) }), activation('hardSigmoid')),
  },
  elu: { dialects: BOTH, grad: true, fn: (call) => (params(call, { alpha: is(1) }), tf.elu) },
  selu: { dialects: BOTH, grad: true, fn: (call) => (params(call), tf.selu) },
  softplus: {
    dialects: BOTH,
    grad: true,
    fn: (call) => (params(call, { beta: is(1), threshold: (t) => t === 'none' || t === null }), tf.softplus),
  },
  log_sigmoid: { dialects: BOTH, grad: true, fn: (call) => (params(call), tf.logSigmoid) },
  mish: { dialects: BOTH, grad: true, fn: (call) => (params(call), activation('mish')) },
  softsign: { dialects: BOTH, grad: true, fn: (call) => (params(call), activation('softsign')) },
  arctan: { dialects: BOTH, grad: true, fn: (call) => (params(call), tf.atan) },
  sigmoid: { dialects: BOTH, grad: true, fn: (call) => (params(call), tf.sigmoid) },
  tanh: { dialects: BOTH, grad: true, fn: (call) => (params(call), tf.tanh) },
  silu: { dialects: BOTH, grad: true, fn: (call) => (params(call), activation('swish')) },
  gelu: {
    dialects: BOTH,
    grad: true,
    fn: (call) => {
      const a = params(call, { approximate: (v) => typeof v === 'boolean' || v === 'true' || v === 'false' })
        .approximate;
      return activation(a === true || a === 'true' ? 'gelu_new' : 'gelu');
    },
  },
};

/** The function's values (derivative false) or tf.grad of it, as an array of float32 values. */
function run(entry, x, call) {
  if (call.dtype !== 'float32' || !entry.dialects.includes(call.dialect)) {
    throw new Unsupported();
  }
  if (call.derivative && !entry.grad) {
    throw new Unsupported();
  }
  const f = entry.fn(call);
  return tf.tidy(() => {
    const t = tf.tensor1d(Float32Array.from(x), 'float32');
    const y = call.derivative ? tf.grad(f)(t) : f(t);
    if (y.dtype !== 'float32') {
      throw new Error(`result dtype ${y.dtype}`);
    }
    return Array.from(y.dataSync());
  });
}

const client = new Client({ name: 'tfjs', version: `${coreVersion} (cpu backend)`, dialects: BOTH });
for (const [id, entry] of Object.entries(FUNCTIONS)) {
  client.value(id, (x, call) => run(entry, x, call));
  if (entry.grad) {
    client.derivative(id, (x, call) => run(entry, x, call));
  }
}

if (process.argv.includes('--probe')) {
  // Exits 0 when the packages load and the CPU backend runs: for adapter.properties' requires=.
  const y = run(FUNCTIONS.sigmoid, [0], { dtype: 'float32', dialect: 'keras3', derivative: false, params: {} });
  process.exit(y[0] === 0.5 ? 0 : 1);
}
await client.serve();
