"""A client for activation-tck's JSON-lines process protocol (docs/PROTOCOL.md).

Standard library only, Python 3.9 or later. Register the functions your library implements and
serve; the TCK starts your program and talks to it over stdin and stdout:

    from activation_tck_client import Client, Unsupported

    client = Client(name="mylib", version="1.0", dialects=["pytorch"])

    @client.value("hard_tanh")
    def hard_tanh(x, call):
        lo = call.params.get("min_val", -1.0)  # omitted: the dialect's default
        hi = call.params.get("max_val", 1.0)
        return [min(max(v, lo), hi) for v in x]

    client.serve()

    $ ./tck run --impl-command "python3 mylib_tck.py"

What the client does for you:

- framing: one request line in, one reply line out, flushed at once; blank lines skipped;
- the describe request: answered with the name, version and dialects given to Client;
- inputs: each element of x is a Python float holding exactly the value of the request's dtype.
  A float32 request's decimal names a float32 (0.1 names 0.100000001490116...); reading it as a
  double gives another input (0.1000000000000000055...). The client rounds the decimal to the
  dtype correctly, also where rounding to double first would land on a tie. NaN, Infinity and
  -Infinity, sent as strings, become float('nan'), float('inf'), float('-inf'); -0.0 stays -0.0;
- outputs: each value your function returns (float, int, NumPy scalar...) is rounded to the
  request's dtype (float32, float16, bfloat16; float64 as it is) and written so that it reads back
  exactly as that value; NaN and the infinities are written as the protocol's strings;
- dispatch: by (function, derivative) to what you registered; anything else, a dialect outside
  the declared ones, and a function that raises Unsupported or NotImplementedError is answered
  {"unsupported": true} (reported not implemented, never passed); any other exception is
  answered {"error": "..."} (that request fails, the run goes on);
- print() inside your functions goes to stderr, so that it cannot break the protocol.

Parameters come as the request has them: canonical catalog names (spec/ACTIVATIONS.md: Keras 3
spellings, e.g. leaky_relu's negative_slope, never tf.keras's alpha), real values as int or float
(the JSON number, e.g. 0.3, read as the nearest double), booleans as bool, enum values as str.
The dialect's defaults are NOT filled in: a parameter the request omits takes the default of
call.dialect, which your function supplies (call.params.get(name, default)).
"""
import json
import math
import sys
from fractions import Fraction

__all__ = ["Client", "Call", "Unsupported", "PROTOCOL", "read_value", "round_to", "write_value"]

PROTOCOL = 1
"""The protocol version this client speaks (the describe request's "protocol")."""

# Narrow formats: (precision in bits with the leading one, smallest normal exponent, largest
# exponent). A value is m * 2^q with |m| < 2^p and q >= emin - (p - 1).
_FORMATS = {
    "float32": (24, -126, 127),
    "float16": (11, -14, 15),
    "bfloat16": (8, -126, 127),
}
_MAX_FINITE = {t: math.ldexp(2 - math.ldexp(1, 1 - p), emax) for t, (p, _, emax) in _FORMATS.items()}
_DTYPES = ("float64",) + tuple(_FORMATS)
_SPECIALS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


class Unsupported(Exception):
    """Raise it in a registered function to answer {"unsupported": true}: a parameter value or a
    dtype the function does not compute. Reported not implemented, never passed or failed."""


class Call:
    """One request, as a registered function sees it.

    Attributes:
        function: the catalog id, e.g. "gelu"
        dialect: the dialect id whose semantics are asked for: keras3, tf_keras2, pytorch, jax, onnx
        params: dict of canonical parameter names to values; omitted ones mean the dialect's default
        dtype: "float64", "float32", "float16" or "bfloat16"; inputs are values of it, outputs are
            rounded to it
        derivative: whether d/dx (elementwise) is asked for instead of the value
        shape: the input's shape, [len(x)] (one vector)
        axis: the axis of an axis function (softmax, glu, ...): -1, the vector itself
    """

    __slots__ = ("function", "dialect", "params", "dtype", "derivative", "shape", "axis")

    def __init__(self, function, dialect, params, dtype, derivative, shape, axis):
        self.function = function
        self.dialect = dialect
        self.params = params
        self.dtype = dtype
        self.derivative = derivative
        self.shape = shape
        self.axis = axis

    def __repr__(self):
        return "Call(%s%s, %s, %r, %s)" % (self.function, "'" if self.derivative else "",
                                          self.dialect, self.params, self.dtype)


class _Number(str):
    """A JSON number kept as the text it was written with (json's parse_float/parse_int hook)."""


def _grid(v, dtype):
    """(scaled, q) with v = scaled * 2^q, 2^q the last place of finite non-zero v in dtype's
    grid; None when |v| >= 2^(emax + 1), beyond every finite value and its rounding interval."""
    p, emin, emax = _FORMATS[dtype]
    e = math.frexp(v)[1] - 1  # 2^e <= |v| < 2^(e + 1)
    if e > emax:
        return None
    q = max(e, emin) - (p - 1)
    return math.ldexp(v, -q), q


def _on_grid(n, q, dtype, sign_of):
    """The integer n times 2^q as a value of dtype: +-Infinity beyond the largest finite value,
    a zero with the sign of sign_of at 0."""
    r = math.ldexp(n, q)
    if abs(r) > _MAX_FINITE[dtype]:
        return math.copysign(math.inf, sign_of)
    return r if r != 0 else math.copysign(0.0, sign_of)


def round_to(v, dtype):
    """The double v rounded to the nearest value of dtype (ties to even), as a float.

    Overflow gives +-Infinity, underflow a signed zero (or a subnormal of the format); NaN, the
    infinities and float64 are returned as they are."""
    if dtype == "float64" or v != v or v in (math.inf, -math.inf) or v == 0:
        return v
    grid = _grid(v, dtype)
    if grid is None:
        return math.copysign(math.inf, v)
    return _on_grid(round(grid[0]), grid[1], dtype, v)


def read_value(text, dtype):
    """The value of dtype a request's element names: a JSON number's text (or the strings NaN,
    Infinity, -Infinity) correctly rounded to dtype.

    float() rounds the decimal to double, exactly what float64 wants. For a narrower dtype that
    double is then rounded again, which gives the correctly rounded result unless the double lands
    exactly halfway between two values of the dtype while the decimal does not: then the decimal
    itself decides, exactly."""
    if text in _SPECIALS:
        return _SPECIALS[text]
    v = float(text)
    if dtype == "float64" or v != v or v in (math.inf, -math.inf) or v == 0:
        return v
    grid = _grid(v, dtype)
    if grid is None:
        return math.copysign(math.inf, v)
    scaled, q = grid
    below = math.floor(scaled)
    if scaled - below != 0.5 or Fraction(text) == Fraction(v):  # not a tie, or a true one
        return _on_grid(round(scaled), q, dtype, v)
    return _on_grid(below + 1 if Fraction(text) > Fraction(v) else below, q, dtype, v)


def write_value(v):
    """A value as the protocol writes it: a JSON number that reads back exactly as this double
    (repr), -0.0 with its sign, or the strings "NaN", "Infinity", "-Infinity"."""
    if v != v:
        return '"NaN"'
    if v == math.inf:
        return '"Infinity"'
    if v == -math.inf:
        return '"-Infinity"'
    return repr(v)


def _plain(value):
    """A parameter value as json.loads would give it (int, float, bool, str, ...)."""
    if isinstance(value, _Number):
        text = str(value)
        return float(text) if any(c in text for c in ".eE") else int(text)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Client:
    """Answers the TCK's requests with the functions registered on it.

    Args:
        name: your library's name for the TCK's reports, e.g. "mylib"; None: undeclared
        version: its version, e.g. "1.0"; None: undeclared
        dialects: the catalog dialect ids whose semantics your library has (keras3, tf_keras2,
            pytorch, jax, onnx); the TCK then checks only these, and the client declines requests
            in any other. None or empty: undeclared, every dialect is asked for and call.dialect
            says which.
    """

    def __init__(self, name=None, version=None, dialects=None):
        self.name = name
        self.version = version
        self.dialects = list(dialects) if dialects else []
        self._functions = {}

    def value(self, function):
        """Decorator: fn(x, call) -> sequence of numbers computes function's values; x is a list
        of floats (values of call.dtype), the result has one number per output element."""
        return self._register(function, False)

    def derivative(self, function):
        """Decorator: fn(x, call) -> sequence of numbers computes d/dx of function, element by
        element (axis functions have no derivative in the protocol)."""
        return self._register(function, True)

    def _register(self, function, derivative):
        def register(fn):
            self._functions[(function, derivative)] = fn
            return fn
        return register

    def describe(self):
        """The reply to the describe request (without id): the declared fields only."""
        reply = {}
        if self.name is not None:
            reply["name"] = str(self.name)
        if self.version is not None:
            reply["version"] = str(self.version)
        if self.dialects:
            reply["dialects"] = list(self.dialects)
        return reply

    def answer(self, line):
        """The reply line (without newline) to one request line."""
        try:
            request = json.loads(line, parse_float=_Number, parse_int=_Number)
            rid = int(request["id"]) if isinstance(request, dict) and "id" in request else None
        except (ValueError, TypeError) as e:
            return json.dumps({"id": None, "error": "cannot read the request: %s" % e})
        try:
            if request.get("describe"):
                return json.dumps(dict({"id": rid}, **self.describe()))
            call, x = self._call(request)
            fn = self._functions.get((call.function, call.derivative))
            if fn is None or (self.dialects and call.dialect not in self.dialects):
                raise Unsupported
            y = fn(x, call)
            return '{"id":%d,"y":[%s]}' % (rid, ",".join(
                write_value(round_to(float(v), call.dtype)) for v in y))
        except (Unsupported, NotImplementedError):
            return json.dumps({"id": rid, "unsupported": True})
        except Exception as e:  # the request fails, the program goes on
            return json.dumps({"id": rid, "error": "%s: %s" % (type(e).__name__, e)})

    @staticmethod
    def _call(request):
        dtype = request["dtype"]
        if dtype not in _DTYPES:
            raise Unsupported
        call = Call(request["function"], request["dialect"], _plain(request.get("params") or {}),
                    dtype, bool(request.get("derivative")), _plain(request.get("shape")),
                    _plain(request.get("axis", -1)))
        return call, [read_value(str(v), dtype) for v in request["x"]]

    def serve(self, stdin=None, stdout=None):
        """Answers requests until stdin ends. While it runs, sys.stdout is sys.stderr, so that
        print() in your functions cannot break the protocol."""
        stdin = stdin or sys.stdin
        out = stdout or sys.stdout
        saved, sys.stdout = sys.stdout, sys.stderr
        try:
            for line in stdin:
                if line.strip():
                    out.write(self.answer(line) + "\n")
                    out.flush()
        finally:
            sys.stdout = saved
