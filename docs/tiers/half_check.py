#!/usr/bin/env python3
"""Float16 and bfloat16 through float32: the libm column's 16-bit budgets, measured.

    python3 docs/tiers/half_check.py [FUNCTION ...]       (needs numpy and mpmath; a few minutes)

For every one of the 65,536 bit patterns of float16 and of bfloat16 (finite, non-NaN) and every
elementwise function of libm_bounds.py, value and derivative: evaluate the function's formula in
float32 arithmetic (numpy's float32 exp, expm1, log1p, log, tanh, arctan; erfc rounded from
double), round the result to the 16-bit format, and count its distance in 16-bit ulps from the
correctly rounded value (the same formula in float64, and in mpmath at 60 digits wherever the
float64 value lies within 2^-30 relative of a rounding boundary of the 16-bit format). Prints the
largest distance per function and format, and where it occurs.
"""
import math
import sys
import warnings

import mpmath as mp
import numpy as np

import libm_bounds as L

warnings.filterwarnings("ignore")
mp.mp.dps = 60
F32 = np.float32


class Arith:
    """Ops with the interface of libm_bounds.Ops, computing in float32 (or float64, or mpmath)."""

    def __init__(self, kind):
        self.kind = kind
        self.dtype = "float32"

    def r(self, v):
        return F32(v) if self.kind == "f32" else v

    def _prim(self, np_f, math_f, mp_f, x):
        if self.kind == "f32":
            return np_f(F32(x))
        if self.kind == "f64":
            try:
                return math_f(float(x))
            except OverflowError:
                return math.inf
        return mp_f(x)

    def exp(self, x): return self._prim(np.exp, math.exp, mp.exp, x)
    def expm1(self, x): return self._prim(np.expm1, math.expm1, mp.expm1, x)
    def log1p(self, x): return self._prim(np.log1p, math.log1p, mp.log1p, x)
    def log(self, x): return self._prim(np.log, math.log, mp.log, x)
    def tanh(self, x): return self._prim(np.tanh, math.tanh, mp.tanh, x)
    def atan(self, x): return self._prim(np.arctan, math.atan, mp.atan, x)

    def erfc(self, x):
        if self.kind == "f32":
            return F32(math.erfc(float(x)))
        return math.erfc(float(x)) if self.kind == "f64" else mp.erfc(x)

    def add(self, a, b): return self.r(a + b)
    def sub(self, a, b): return self.r(a - b)
    def mul(self, a, b): return self.r(a * b)
    def div(self, a, b): return self.r(a / b)
    def sqrt(self, a): return self.r(np.sqrt(a) if self.kind != "mp" else mp.sqrt(a))

    def fma(self, a, b, c):
        if self.kind == "f32":
            return F32(float(mp.mpf(float(a)) * mp.mpf(float(b)) + mp.mpf(float(c))))
        return a * b + c

    def const(self, c): return self.r(float(c)) if self.kind != "mp" else mp.mpf(c)

    def scale(self, a, c):
        return self.r(a * (float(c) if self.kind != "mp" else mp.mpf(c)))


FORMATS = {"float16": (11, -14), "bfloat16": (8, -126)}


def all_inputs(fmt):
    bits = np.arange(65536, dtype=np.uint32)
    if fmt == "float16":
        xs = bits.astype(np.uint16).view(np.float16).astype(np.float64)
    else:
        xs = (bits << 16).astype(np.uint32).view(np.float32).astype(np.float64)
    return [x for x in xs if math.isfinite(x)]


def round_to(v, fmt):
    """v (a double or mpf) correctly rounded to the format, as a double (inf beyond its range)."""
    p, emin = FORMATS[fmt]
    v = mp.mpf(v)
    if v == 0:
        return 0.0
    e = int(mp.floor(mp.log(abs(v), 2)))
    if mp.ldexp(1, e) > abs(v):
        e -= 1
    elif mp.ldexp(1, e + 1) <= abs(v):
        e += 1
    q = mp.ldexp(1, max(e, emin) - p + 1)
    n = v / q
    fl = mp.floor(n)
    rem = n - fl
    if rem > 0.5 or (rem == 0.5 and int(fl) % 2 == 1):
        fl += 1
    out = float(fl * q)
    top = {"float16": 65504.0, "bfloat16": float(np.finfo(np.float32).max) * (1 - 2 ** -8) / (1 - 2 ** -24)}[fmt]
    return out if abs(out) <= top else math.copysign(math.inf, out)


def near_boundary(v, fmt):
    p, emin = FORMATS[fmt]
    if v == 0 or not math.isfinite(v):
        return False
    m, e = math.frexp(abs(v))
    q = 2.0 ** (max(e - 1, emin) - p + 1)
    frac = (abs(v) / q) % 1
    return abs(frac - 0.5) < 2 ** -30 * (abs(v) / q)


def ulps16(a, b, fmt):
    if a == b:
        return 0
    if not (math.isfinite(a) and math.isfinite(b)):
        return math.inf
    p, emin = FORMATS[fmt]
    # count format values between a and b
    def index(v):
        if v == 0:
            return 0.0
        m, e = math.frexp(abs(v))
        q = 2.0 ** (max(e - 1, emin) - p + 1)
        # position: number of format values from 0 to |v|
        n = 0
        exp = max(e - 1, emin)
        n = (exp - emin) * 2 ** (p - 1) + abs(v) / q - (2 ** (p - 1) if exp > emin else 0)
        return math.copysign(n, v)
    return abs(index(a) - index(b))


# The dialects and parameters checked besides keras3's defaults.
VARIANTS = {
    "gelu": [("keras3", {"approximate": "true"})],
    "hard_sigmoid": [("onnx", {})],
    "hard_silu": [("onnx", {})],
    "soft_exponential": [("keras3", {"alpha": "0.5"}), ("keras3", {"alpha": "-0.5"})],
    "elu": [("keras3", {"alpha": "0.5"})],
    "celu": [("keras3", {"alpha": "2"})],
    "softplus": [("pytorch", {"beta": "2"})],
    "squareplus": [("keras3", {"b": "1"})],
    "relu": [("keras3", {"max_value": "6", "negative_slope": "0.1", "threshold": "1"})],
    "leaky_relu": [("pytorch", {})],
    "prelu": [("pytorch", {})],
    "rrelu": [("pytorch", {})],
}


def main(argv):
    names = argv or sorted(L.ELEMENTWISE)
    for fn in names:
        formula = L.ELEMENTWISE[fn]
        for fmt in ("float16", "bfloat16"):
            worst = (0, None, None, None)
            for x in all_inputs(fmt):
              for dialect, params in [("keras3", {})] + VARIANTS.get(fn, []):
                for der in (False, True):
                    try:
                        exact64 = float(formula(Arith("f64"), x, params, dialect, der))
                        got32 = float(formula(Arith("f32"), F32(x), params, dialect, der))
                    except (ZeroDivisionError, ValueError, OverflowError):
                        continue
                    if not math.isfinite(exact64):
                        continue
                    ref = exact64
                    if near_boundary(exact64, fmt):
                        ref = formula(Arith("mp"), mp.mpf(x), params, dialect, der)
                    want = round_to(ref, fmt)
                    got = round_to(got32, fmt) if math.isfinite(got32) else got32
                    if want == 0 and got == 0:
                        continue
                    d = ulps16(want, got, fmt)
                    if d > worst[0]:
                        worst = (d, x, der, (dialect, params))
            print(f"{fn:17s} {fmt:8s} max {worst[0]:g} ulp at x = {worst[1]} "
                  f"({'derivative' if worst[2] else 'value'}, {worst[3]})", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
