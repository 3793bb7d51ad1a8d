// Unit tests of the JavaScript client: node --test clients/javascript/
// (run by the runner's ClientModulesTest).
import test from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { Client, Unsupported, readValue, roundTo, writeValue } from './activation-tck-client.mjs';

const request = (id, fn, dtype, x, { derivative = false, dialect = 'pytorch', params = {} } = {}) =>
  JSON.stringify({ id, function: fn, dialect, params, dtype, derivative, x, shape: [x.length], axis: -1 });

test('float32 rounding is Math.fround; float16 and bfloat16 round to nearest even', () => {
  assert.equal(roundTo(0.1, 'float32'), Math.fround(0.1));
  assert.equal(roundTo(1 + 2 ** -11, 'float16'), 1); // halfway: even
  assert.equal(roundTo(1 + 3 * 2 ** -11, 'float16'), 1 + 2 ** -9); // halfway: even above
  assert.equal(roundTo(65519.99, 'float16'), 65504);
  assert.equal(roundTo(65520, 'float16'), Infinity);
  assert.equal(roundTo(2 ** -25, 'float16'), 0); // half the smallest subnormal: to even, zero
  assert.equal(roundTo(3 * 2 ** -26, 'float16'), 2 ** -24);
  assert.equal(roundTo(1.00390625, 'bfloat16'), 1);
  assert.equal(roundTo(3.3961e38, 'bfloat16'), 3.3895313892515355e38);
  assert.equal(roundTo(3.3962e38, 'bfloat16'), Infinity);
  assert.ok(Object.is(roundTo(-1e-50, 'bfloat16'), -0));
});

test('a float32 decimal is read as the float32 it names', () => {
  assert.equal(readValue('0.1', 'float32'), 0.10000000149011612);
  assert.equal(readValue('0.1', 'float64'), 0.1);
  assert.equal(readValue('0.33325', 'float16'), 0.333251953125);
  assert.equal(readValue('1.4E-45', 'float32'), 1.401298464324817e-45);
});

test('a double on a tie of the dtype lets the decimal decide', () => {
  // 1 + 2^-24 (halfway between float32 1 and 1 + 2^-23) plus or minus 2^-60, exactly.
  const above = '1.000000059604644776257986737988403547205962240695953369140625';
  const below = '1.000000059604644774523263262011596452794037759304046630859375';
  assert.equal(Number(above), 1 + 2 ** -24);
  assert.equal(readValue(above, 'float32'), 1 + 2 ** -23);
  assert.equal(readValue(below, 'float32'), 1);
  assert.equal(readValue('1.000000059604644775390625', 'float32'), 1); // a true tie: even
  assert.equal(readValue(`-${above}`, 'float32'), -1 - 2 ** -23);
});

test('specials and signed zero', () => {
  assert.ok(Number.isNaN(readValue('NaN', 'float32')));
  assert.equal(readValue('-Infinity', 'float16'), -Infinity);
  assert.ok(Object.is(readValue('-0.0', 'bfloat16'), -0));
  assert.deepEqual([NaN, Infinity, -Infinity, -0, Math.fround(0.1)].map(writeValue),
    ['"NaN"', '"Infinity"', '"-Infinity"', '-0.0', '0.10000000149011612']);
});

function client() {
  const seen = [];
  const c = new Client({ name: 't', version: '2', dialects: ['pytorch', 'jax'] });
  c.value('relu', (x, call) => {
    seen.push(call);
    if (call.params.threshold) throw new Unsupported();
    return x.map((v) => (v < 0 ? 0 : v));
  });
  c.derivative('relu', () => {
    throw new RangeError('boom');
  });
  return { c, seen };
}

test('describe', async () => {
  const { c } = client();
  assert.deepEqual(JSON.parse(await c.answer('{"id":0,"describe":true,"protocol":1}')),
    { id: 0, name: 't', version: '2', dialects: ['pytorch', 'jax'] });
  assert.deepEqual(JSON.parse(await new Client().answer('{"id":0,"describe":true}')), { id: 0 });
});

test('values are rounded to the dtype and written exactly', async () => {
  const { c } = client();
  // JSON.stringify writes -0 as 0: the TCK writes -0.0.
  const line = request(3, 'relu', 'float32', [0.1, '-Infinity', 0, 'NaN', 5e-324]).replace(',0,', ',-0.0,');
  assert.equal(await c.answer(line), '{"id":3,"y":[0.10000000149011612,0,-0.0,"NaN",0]}');
  // A tie of float32 as a double, written with more digits than a double keeps.
  const tie = request(4, 'relu', 'float32', [0]).replace('"x":[0]',
    '"x":[1.000000059604644776257986737988403547205962240695953369140625]');
  assert.equal(await c.answer(tie), `{"id":4,"y":[${1 + 2 ** -23}]}`);
});

test('dispatch: declines and errors', async () => {
  const { c } = client();
  const reply = async (line) => JSON.parse(await c.answer(line));
  assert.deepEqual(await reply(request(4, 'gelu', 'float64', [1])), { id: 4, unsupported: true });
  assert.deepEqual(await reply(request(5, 'relu', 'float64', [1], { dialect: 'keras3' })),
    { id: 5, unsupported: true });
  assert.deepEqual(await reply(request(6, 'relu', 'float64', [1], { params: { threshold: 5 } })),
    { id: 6, unsupported: true });
  assert.deepEqual(await reply(request(7, 'relu', 'float64', [1], { derivative: true })),
    { id: 7, error: 'RangeError: boom' });
  assert.equal((await reply('not json')).id, null);
});

test('params keep their JSON types', async () => {
  const { c, seen } = client();
  await c.answer(request(8, 'relu', 'float32', [1], { params: { negative_slope: 0.3, flag: true, mode: 'tanh' } }));
  assert.deepEqual(seen.at(-1).params, { negative_slope: 0.3, flag: true, mode: 'tanh' });
  assert.equal(seen.at(-1).dtype, 'float32');
});

test('serve answers each line at once and keeps console.log off stdout', async () => {
  const c = new Client();
  c.value('linear', (x) => {
    console.log('debugging'); // must not reach the protocol's stdout
    return x;
  });
  const input = new PassThrough();
  const output = new PassThrough();
  const lines = [];
  output.on('data', (chunk) => lines.push(String(chunk)));
  const served = c.serve({ input, output });
  input.write(`${request(1, 'linear', 'float64', [2.5])}\n`);
  for (let i = 0; i < 50 && lines.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.deepEqual(lines, ['{"id":1,"y":[2.5]}\n'], 'answered before stdin ends');
  input.end('\n');
  await served;
});
