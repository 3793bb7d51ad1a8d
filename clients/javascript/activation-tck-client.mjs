/**
 * A client for activation-tck's JSON-lines process protocol (docs/PROTOCOL.md).
 *
 * Node 18 or later, no dependencies. Register the functions your library implements and serve;
 * the TCK starts your program and talks to it over stdin and stdout:
 *
 *   import { Client, Unsupported } from './activation-tck-client.mjs';
 *
 *   const client = new Client({ name: 'mylib', version: '1.0', dialects: ['pytorch'] });
 *   client.value('hard_tanh', (x, call) => {
 *     const lo = call.params.min_val ?? -1; // omitted: the dialect's default
 *     const hi = call.params.max_val ?? 1;
 *     return x.map((v) => Math.min(Math.max(v, lo), hi));
 *   });
 *   await client.serve();
 *
 *   $ ./tck run --impl-command "node mylib-tck.mjs"
 *
 * What the client does for you:
 *
 * - framing: one request line in, one reply line out, written at once; blank lines skipped;
 * - the describe request: answered with the name, version and dialects given to the Client;
 * - inputs: each element of x is a Number holding exactly the value of the request's dtype. A
 *   float32 request's decimal names a float32 (0.1 names 0.100000001490116...); Number('0.1') is
 *   another input (0.1000000000000000055...). The client rounds the decimal to the dtype
 *   correctly (Math.fround for float32), also where rounding to double first lands on a tie.
 *   NaN, Infinity and -Infinity, sent as strings, become NaN, Infinity, -Infinity; -0.0 stays -0;
 * - outputs: each value your function returns is rounded to the request's dtype (float32,
 *   float16, bfloat16; float64 as it is) and written so that it reads back exactly as that value
 *   (-0 as -0.0; NaN and the infinities as the protocol's strings);
 * - dispatch: by (function, derivative) to what you registered; anything else, a dialect outside
 *   the declared ones, and a function that throws Unsupported is answered {"unsupported": true}
 *   (reported not implemented, never passed); any other exception is answered {"error": "..."}
 *   (that request fails, the run goes on). A function may return a Promise;
 * - console.log inside your functions goes to stderr while serve() runs, so that it cannot break
 *   the protocol.
 *
 * Parameters come as the request has them: canonical catalog names (spec/ACTIVATIONS.md: Keras 3
 * spellings, e.g. leaky_relu's negative_slope, never tf.keras's alpha), real values as Numbers
 * (the JSON number, e.g. 0.3, read as the nearest double), booleans, enum values as strings. The
 * dialect's defaults are NOT filled in: a parameter the request omits takes the default of
 * call.dialect, which your function supplies (call.params.name ?? default).
 */
import readline from 'node:readline';

/** The protocol version this client speaks (the describe request's "protocol"). */
export const PROTOCOL = 1;

// Narrow formats: precision in bits with the leading one, smallest normal exponent, largest
// exponent. A value is m * 2^q with |m| < 2^p and q >= emin - (p - 1).
const FORMATS = {
  float32: { p: 24, emin: -126, emax: 127 },
  float16: { p: 11, emin: -14, emax: 15 },
  bfloat16: { p: 8, emin: -126, emax: 127 },
};
for (const f of Object.values(FORMATS)) {
  f.maxFinite = (2 - 2 ** (1 - f.p)) * 2 ** f.emax;
}
const DTYPES = new Set(['float64', ...Object.keys(FORMATS)]);
const SPECIALS = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/**
 * Throw it in a registered function to answer {"unsupported": true}: a parameter value or a dtype
 * the function does not compute. Reported not implemented, never passed or failed.
 */
export class Unsupported extends Error {
  constructor(message = 'unsupported') {
    super(message);
    this.name = 'Unsupported';
  }
}

const bits = new DataView(new ArrayBuffer(8));

/** floor(log2(a)) for finite a > 0, exactly (from the double's exponent field). */
function exponentOf(a) {
  bits.setFloat64(0, a);
  const field = (bits.getUint16(0) >> 4) & 0x7ff;
  return field === 0 ? exponentOf(a * 2 ** 64) - 64 : field - 1023;
}

/**
 * The grid of dtype around finite a > 0: {scaled, q} with a = scaled * 2^q and 2^q the last place
 * of a in dtype; null when a >= 2^(emax + 1), beyond every finite value and its rounding.
 */
function grid(a, f) {
  const e = exponentOf(a);
  if (e > f.emax) {
    return null;
  }
  const q = Math.max(e, f.emin) - (f.p - 1);
  return { scaled: a * 2 ** -q, q };
}

/** n * 2^q with the sign of v as a value of format f: Infinity beyond its largest, signed zero. */
function onGrid(n, q, f, v) {
  const r = n * 2 ** q;
  const signed = v < 0 ? -r : r;
  return r > f.maxFinite ? (v < 0 ? -Infinity : Infinity) : signed;
}

/** Round half to even of s >= 0. */
function roundHalfEven(s) {
  const k = Math.floor(s);
  const frac = s - k;
  return frac > 0.5 || (frac === 0.5 && k % 2 === 1) ? k + 1 : k;
}

/**
 * The Number v rounded to the nearest value of dtype (ties to even). Overflow gives ±Infinity,
 * underflow a signed zero (or a subnormal of the format); NaN, the infinities, zeros and float64
 * are returned as they are.
 */
export function roundTo(v, dtype) {
  if (dtype === 'float64' || !Number.isFinite(v) || v === 0) {
    return v;
  }
  if (dtype === 'float32') {
    return Math.fround(v);
  }
  const f = FORMATS[dtype];
  const g = grid(Math.abs(v), f);
  return g === null ? (v < 0 ? -Infinity : Infinity) : onGrid(roundHalfEven(g.scaled), g.q, f, v);
}

/** A JSON number's text as {digits, exp10} with |value| = digits * 10^exp10, digits a BigInt. */
function decimal(text) {
  const m = /^-?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null) {
    throw new Error(`not a JSON number: ${text}`);
  }
  const fraction = m[2] ?? '';
  return { digits: BigInt(m[1] + fraction), exp10: Number(m[3] ?? 0) - fraction.length };
}

/** Compares |decimal text| with (2k + 1) * 2^(q - 1), exactly: -1, 0 or 1. */
function compareWithMidpoint(text, k, q) {
  const { digits, exp10 } = decimal(text);
  let left = digits;
  let right = 2n * BigInt(k) + 1n;
  if (exp10 >= 0) left *= 10n ** BigInt(exp10); else right *= 10n ** BigInt(-exp10);
  if (q - 1 >= 0) right *= 2n ** BigInt(q - 1); else left *= 2n ** BigInt(1 - q);
  return left > right ? 1 : left < right ? -1 : 0;
}

/**
 * The value of dtype a request's element names: a JSON number's text, or the strings NaN,
 * Infinity, -Infinity, correctly rounded to dtype.
 *
 * Number() rounds the decimal to double, exactly what float64 wants. For a narrower dtype that
 * double is then rounded again, which gives the correctly rounded result unless the double lands
 * exactly halfway between two values of the dtype while the decimal does not: then the decimal
 * itself decides, exactly.
 */
export function readValue(text, dtype) {
  if (Object.hasOwn(SPECIALS, text)) {
    return SPECIALS[text];
  }
  const v = Number(text);
  if (!onTie(v, dtype)) {
    return roundTo(v, dtype);
  }
  const f = FORMATS[dtype];
  const g = grid(Math.abs(v), f);
  const k = Math.floor(g.scaled);
  const side = compareWithMidpoint(String(text), k, g.q); // of the magnitudes
  return onGrid(side === 0 ? roundHalfEven(g.scaled) : side > 0 ? k + 1 : k, g.q, f, v);
}

/** Whether the Number v lies exactly halfway between two neighbouring values of dtype. */
function onTie(v, dtype) {
  if (dtype === 'float64' || !Number.isFinite(v) || v === 0) {
    return false;
  }
  const g = grid(Math.abs(v), FORMATS[dtype]);
  return g !== null && g.scaled - Math.floor(g.scaled) === 0.5;
}

/**
 * A value as the protocol writes it: a JSON number that reads back exactly as this Number, -0 as
 * -0.0, or the strings "NaN", "Infinity", "-Infinity".
 */
export function writeValue(v) {
  if (Number.isNaN(v)) return '"NaN"';
  if (v === Infinity) return '"Infinity"';
  if (v === -Infinity) return '"-Infinity"';
  if (Object.is(v, -0)) return '-0.0';
  return String(v);
}

/**
 * The texts of the elements of the top-level "x" array of a request line, as written (numbers)
 * or unquoted (strings). JSON.parse keeps only the nearest double, which is not enough where that
 * double lies on a tie of the dtype.
 */
function rawX(line) {
  let depth = 0;
  let key = null;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '"') {
      const end = endOfString(line, i);
      const text = JSON.parse(line.slice(i, end));
      if (depth === 1) key = text;
      i = end;
    } else if (c === '[' && depth === 1 && key === 'x') {
      const end = line.indexOf(']', i);
      return line.slice(i + 1, end).split(',').map((t) => t.trim().replace(/^"|"$/g, ''));
    } else {
      if (c === '{' || c === '[') depth++;
      if (c === '}' || c === ']') depth--;
      if (c === ',' && depth === 1) key = null;
      i++;
    }
  }
  return [];
}

function endOfString(line, start) {
  let i = start + 1;
  while (line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * The inputs of a request in its dtype, from the parsed elements and, where one is a tie of the
 * dtype as a double, from the text of the line.
 */
function inputs(xs, line, dtype) {
  let texts = null;
  return xs.map((e, i) => {
    if (typeof e === 'string') return readValue(e, dtype);
    if (!onTie(e, dtype)) return roundTo(e, dtype);
    texts ??= rawX(line);
    return readValue(texts[i], dtype);
  });
}

/** Answers the TCK's requests with the functions registered on it. */
export class Client {
  /**
   * @param {object} [declaration]
   * @param {string} [declaration.name] your library's name for the TCK's reports; undeclared if absent
   * @param {string} [declaration.version] its version; undeclared if absent
   * @param {string[]} [declaration.dialects] the catalog dialect ids whose semantics your library
   *     has (keras3, tf_keras2, pytorch, jax, onnx): the TCK then checks only these, and the client
   *     declines requests in any other. Absent or empty: undeclared, every dialect is asked for
   *     and call.dialect says which.
   */
  constructor({ name, version, dialects } = {}) {
    this.name = name;
    this.version = version;
    this.dialects = dialects ? [...dialects] : [];
    this.functions = new Map();
  }

  /**
   * Registers fn(x, call) -> array of numbers (or a Promise of one) for function's values; x is an
   * array of Numbers, values of call.dtype; call has function, dialect, params, dtype, derivative,
   * shape and axis. Returns this.
   */
  value(functionId, fn) {
    this.functions.set(`${functionId}/value`, fn);
    return this;
  }

  /** Registers fn(x, call) for d/dx of function, element by element. Returns this. */
  derivative(functionId, fn) {
    this.functions.set(`${functionId}/derivative`, fn);
    return this;
  }

  /** The reply to the describe request (without id): the declared fields only. */
  describe() {
    const reply = {};
    if (this.name !== undefined) reply.name = String(this.name);
    if (this.version !== undefined) reply.version = String(this.version);
    if (this.dialects.length > 0) reply.dialects = [...this.dialects];
    return reply;
  }

  /** The reply line (without newline) to one request line. */
  async answer(line) {
    let request;
    try {
      request = JSON.parse(line);
    } catch (e) {
      return JSON.stringify({ id: null, error: `cannot read the request: ${e.message}` });
    }
    const id = request?.id ?? null;
    try {
      if (request.describe) {
        return JSON.stringify({ id, ...this.describe() });
      }
      const kind = request.derivative ? 'derivative' : 'value';
      const fn = this.functions.get(`${request.function}/${kind}`);
      const declined = this.dialects.length > 0 && !this.dialects.includes(request.dialect);
      if (fn === undefined || declined || !DTYPES.has(request.dtype)) {
        throw new Unsupported();
      }
      const call = {
        function: request.function,
        dialect: request.dialect,
        params: request.params ?? {},
        dtype: request.dtype,
        derivative: Boolean(request.derivative),
        shape: request.shape,
        axis: request.axis ?? -1,
      };
      const y = await fn(inputs(request.x, line, request.dtype), call);
      const out = Array.from(y, (v) => writeValue(roundTo(Number(v), request.dtype)));
      return `{"id":${JSON.stringify(id)},"y":[${out.join(',')}]}`;
    } catch (e) {
      if (e instanceof Unsupported) {
        return JSON.stringify({ id, unsupported: true });
      }
      return JSON.stringify({ id, error: `${e?.name ?? 'Error'}: ${e?.message ?? e}` });
    }
  }

  /**
   * Answers requests until stdin ends, one at a time, in order. While it runs, console.log writes
   * to stderr, so that it cannot break the protocol.
   */
  async serve({ input = process.stdin, output = process.stdout } = {}) {
    const log = console.log;
    console.log = console.error;
    try {
      const lines = readline.createInterface({ input, crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() !== '') {
          output.write((await this.answer(line)) + '\n');
        }
      }
    } finally {
      console.log = log;
    }
  }
}
