#!/usr/bin/env node
/**
 * A naive implementation of relu, leaky_relu, sigmoid and tanh, values and derivatives, in
 * PyTorch's semantics, on the JavaScript client. Each function computes in double on inputs that
 * are values of the request's dtype; the client rounds the results to the dtype.
 *
 *   ./tck run --impl-command "node clients/javascript/example-relu-sigmoid.mjs" \
 *       --functions relu,leaky_relu,sigmoid,tanh
 */
import { Client, Unsupported, roundTo } from './activation-tck-client.mjs';

const client = new Client({ name: 'example-relu-sigmoid-js', version: '1.0', dialects: ['pytorch'] });

/** 1 / (1 + e^-x), written so that e^... never overflows; NaN stays NaN. */
const sigmoid = (v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));

/** PyTorch holds a real parameter in the op-math type: double for float64, float32 otherwise. */
const opMath = (value, call) => roundTo(value, call.dtype === 'float64' ? 'float64' : 'float32');

client.value('relu', (x, call) => {
  if (Object.keys(call.params).length > 0) throw new Unsupported(); // PyTorch's relu has none
  return x.map((v) => (v < 0 ? 0 : v)); // keeps -0 and NaN
});
client.derivative('relu', (x) => x.map((v) => (v <= 0 ? 0 : 1))); // NaN: 1, as PyTorch

client.value('leaky_relu', (x, call) => {
  const slope = opMath(call.params.negative_slope ?? 0.01, call); // PyTorch's default
  return x.map((v) => (v > 0 ? v : slope * v));
});
client.derivative('leaky_relu', (x, call) => {
  const slope = opMath(call.params.negative_slope ?? 0.01, call);
  return x.map((v) => (v > 0 ? 1 : slope));
});

client.value('sigmoid', (x) => x.map(sigmoid));
client.derivative('sigmoid', (x) => x.map((v) => sigmoid(v) * sigmoid(-v)));

client.value('tanh', (x) => x.map(Math.tanh));
client.derivative('tanh', (x) => x.map((v) => 1 - Math.tanh(v) ** 2)); // naive: 0 once tanh is 1

await client.serve();
