#!/usr/bin/env python3
"""First-order error bounds of libm-class evaluations of the catalog's functions.

Reproduces the libm column of docs/TIERS.md:

    python3 docs/tiers/libm_bounds.py [FUNCTION ...]      (needs mpmath; about 10 minutes for all)

Model. An implementation evaluates each function in the target format (float64 or float32) with
the formula given below for it (the usual cancellation-free form), calling primitives (exp, expm1,
log1p, log, tanh, erfc, atan) whose error is the published maximum of good math libraries, and
correctly rounded +, -, *, /, sqrt and fma. PRIMITIVE_ULPS holds the maxima (distance from the
correctly rounded result, the TCK's own measure): for each primitive and format the larger of
glibc 2.39's x86_64 libm-test-ulps and the CUDA Programming Guide's table.

Bookkeeping, at every fixture input of the function (value and derivative):
  - a primitive's result is within k + 1/2 ulp of its exact value (k from PRIMITIVE_ULPS), a
    rounded basic operation within 1/2 ulp, an operation whose exact result is representable
    within 0;
  - each operation's relative error reaches the result multiplied by the result's sensitivity to
    that operation, measured by perturbing it (mpmath, 60 digits), i.e. the condition number of the
    rest of the formula;
  - the contributions add (first order), in ulps of the correctly rounded result;
  - the last operation's own rounding is the rounding to the result: a correctly rounded basic
    operation adds nothing, a primitive adds its k.
The function's budget is the ceiling of the largest sum over the fixtures, values and derivatives
alike (the TCK applies one budget to both). Axis functions (softmax, log_softmax, softmin,
sparsemax, glu) are handled by the same rule with their sums written out (pairwise summation,
recursive for sparsemax's cumulative sums).
"""
import json
import math
from fractions import Fraction
import os
import sys

import mpmath as mp

mp.mp.dps = 60
H = mp.mpf(10) ** -35
# A bound is rounded up to whole ulps; contributions adding up to less than this are ignored
# (worst-case 1/2-ulp roundings of sums such as 1 + u, u subnormal, that are in fact far smaller).
SLACK = 0.01

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CASES = os.path.join(ROOT, "fixtures/src/main/resources/org/activationtck/fixtures/cases")

# Published maximum errors, ulps from the correctly rounded result (float64, float32):
# max(glibc 2.39 sysdeps/x86_64/fpu/libm-test-ulps, CUDA Programming Guide "Standard Functions").
PRIMITIVE_ULPS = {
    "float64": {"exp": 1, "expm1": 1, "log": 1, "log1p": 1, "tanh": 2, "erf": 2, "erfc": 5, "atan": 2},
    "float32": {"exp": 2, "expm1": 1, "log": 1, "log1p": 1, "tanh": 2, "erf": 2, "erfc": 4, "atan": 2},
}
PRECISION = {"float64": (53, -1022), "float32": (24, -126)}


def ulp(v, dtype):
    p, emin = PRECISION[dtype]
    if v == 0:
        return mp.ldexp(1, emin - p + 1)
    e = int(mp.floor(mp.log(abs(v), 2)))
    # mp.log may land one off at exact powers of two
    if mp.ldexp(1, e) > abs(v):
        e -= 1
    elif mp.ldexp(1, e + 1) <= abs(v):
        e += 1
    return mp.ldexp(1, max(e, emin) - p + 1)


def representable(v, dtype):
    if v == 0:
        return True
    q = v / ulp(v, dtype)
    return q == mp.floor(q)


class Ops:
    """Records every operation of one evaluation; perturbs one of them by a relative H."""

    def __init__(self, dtype, perturbed=-1):
        self.dtype = dtype
        self.perturbed = perturbed
        self.trace = []  # (kind, name, exact value)

    def _r(self, kind, name, v):
        i = len(self.trace)
        self.trace.append((kind, name, v))
        return v * (1 + H) if i == self.perturbed else v

    def prim(self, name, v):
        return self._r("prim", name, v)

    def basic(self, v):
        return self._r("basic", "", v)

    # primitives
    def exp(self, x): return self.prim("exp", mp.exp(x))
    def expm1(self, x): return self.prim("expm1", mp.expm1(x))
    def log1p(self, x): return self.prim("log1p", mp.log1p(x))
    def log(self, x): return self.prim("log", mp.log(x))
    def tanh(self, x): return self.prim("tanh", mp.tanh(x))
    def erfc(self, x): return self.prim("erfc", mp.erfc(x))
    def atan(self, x): return self.prim("atan", mp.atan(x))
    # correctly rounded operations
    def add(self, a, b): return self.basic(a + b)
    def sub(self, a, b): return self.basic(a - b)
    def mul(self, a, b): return self.basic(a * b)
    def div(self, a, b): return self.basic(a / b)
    def sqrt(self, a): return self.basic(mp.sqrt(a))
    def fma(self, a, b, c): return self.basic(a * b + c)
    def const(self, c): return self.basic(mp.mpf(c))  # a constant stored rounded

    def scale(self, a, c):
        """a * c, exact when c is a power of two."""
        c = mp.mpf(c)
        m, _ = mp.frexp(c)
        return a * c if abs(m) == mp.mpf(0.5) else self.mul(a, c)


def sigmoid(o, z):
    """1 / (1 + e^-z) for z >= 0, e^z / (1 + e^z) below."""
    if z >= 0:
        return o.div(1, o.add(1, o.exp(-z)))
    e = o.exp(z)
    return o.div(e, o.add(1, e))


def sigmoid_pair(o, z):
    """sigmoid(z) and sigmoid(-z) from one exponential."""
    t = o.exp(-abs(z))
    den = o.add(1, t)
    hi, lo = o.div(1, den), o.div(t, den)
    return (hi, lo) if z >= 0 else (lo, hi)


def log1pexp(o, y):
    """ln(1 + e^y) = y + log1p(e^-y) for y > 0, log1p(e^y) below."""
    if y > 0:
        return o.add(y, o.log1p(o.exp(-y)))
    return o.log1p(o.exp(y))


# Beyond this |x|, x^2 may overflow the format while 1 + x^2 (or x^2 + b) is x^2 to 2^-120.
HUGE = {"float32": mp.mpf(2) ** 60, "float64": mp.mpf(2) ** 500}
SELU = (mp.mpf("1.0507009873554804934193349852946"), mp.mpf("1.6732632423543772848170429916717"))
SQRT_HALF = mp.sqrt(mp.mpf(0.5))
INV_SQRT_2PI = 1 / mp.sqrt(2 * mp.pi)
SQRT_2_OVER_PI = mp.sqrt(2 / mp.pi)
KAPPA = mp.mpf("0.044715")


def tanh_shrink_coefficients(n):
    # x - tanh x = sum_{k>=2} -2^(2k) (2^(2k) - 1) B_2k x^(2k-1) / (2k)!
    return [-(mp.mpf(2) ** (2 * k)) * (mp.mpf(2) ** (2 * k) - 1) * mp.bernoulli(2 * k) / mp.factorial(2 * k)
            for k in range(2, n + 2)]


TANH_SHRINK_C = tanh_shrink_coefficients(48)


def param(p, name, default):
    return mp.mpf(p[name]) if name in p else mp.mpf(default)


# Each formula: (ops, x, params, dialect, derivative) -> value. Comments give the form.
def f_exponential(o, x, p, d, der):
    return o.exp(x)


def f_sigmoid(o, x, p, d, der):
    if not der:
        return sigmoid(o, x)
    t = o.exp(-abs(x))                       # t / (1 + t)^2
    s = o.add(1, t)
    return o.div(t, o.mul(s, s))


def f_tanh(o, x, p, d, der):
    if not der:
        return o.tanh(x)
    u = o.exp(-2 * abs(x))                   # 4u / (1 + u)^2, u = e^(-2|x|)
    s = o.add(1, u)
    return o.div(4 * u, o.mul(s, s))


def f_arctan(o, x, p, d, der):
    if not der:
        return o.atan(x)
    if abs(x) <= HUGE[o.dtype]:
        return o.div(1, o.fma(x, x, 1))      # 1 / (1 + x^2)
    r = o.div(1, x)                          # 1/x^2 where x^2 would overflow the format
    return o.mul(r, r)


def f_elu(o, x, p, d, der):
    a = param(p, "alpha", 1)
    if x > 0:
        return mp.mpf(1) if der else x
    return o.scale(o.exp(x), a) if der else o.scale(o.expm1(x), a)


def f_selu(o, x, p, d, der):
    s, a = param(p, "scale", SELU[0]), param(p, "alpha", SELU[1])
    if x > 0:
        return s if der else o.mul(s, x)
    return o.mul(s, o.mul(a, o.exp(x) if der else o.expm1(x)))


def f_celu(o, x, p, d, der):
    a = param(p, "alpha", 1)
    if x > 0:
        return mp.mpf(1) if der else x
    z = o.scale(x, 1 / a)
    return o.exp(z) if der else o.scale(o.expm1(z), a)


def f_softplus(o, x, p, d, der):
    b = param(p, "beta", 1)
    y = o.scale(x, b)
    if d == "pytorch" and y > param(p, "threshold", 20):
        return mp.mpf(1) if der else x
    return sigmoid(o, y) if der else o.scale(log1pexp(o, y), 1 / b)


def f_log_sigmoid(o, x, p, d, der):
    return sigmoid(o, -x) if der else -log1pexp(o, -x)


def subnormal_tail(x, dtype):
    """Whether x e^x (the far negative tail of silu and mish) is below the smallest normal."""
    return x < -1 and abs(x * mp.exp(x)) < mp.ldexp(1, PRECISION[dtype][1])


def f_silu(o, x, p, d, der):
    if subnormal_tail(x, o.dtype):           # x e^x = -e^(x + ln(-x)); derivative e^x (1 + x)
        return -o.exp(o.add(x, o.log(-o.sub(-1, x) if der else -x)))
    if not der:
        if x >= 0:
            return o.div(x, o.add(1, o.exp(-x)))
        e = o.exp(x)
        return o.div(o.mul(x, e), o.add(1, e))
    s, sm = sigmoid_pair(o, x)               # s (1 + x s(-x))
    return o.mul(s, o.fma(x, sm, 1))


def f_gelu(o, x, p, d, der):
    approx = p.get("approximate", "true" if d == "jax" else "false") == "true"
    if not approx:
        phi2 = o.erfc(-o.mul(x, SQRT_HALF))  # 2 Phi(x) = erfc(-x / sqrt 2)
        if not der:
            return o.mul(x / 2, phi2)        # (x/2) erfc(-x / sqrt 2)
        g = o.mul(x, o.mul(o.exp(-o.mul(x, x) / 2), INV_SQRT_2PI))
        return o.add(phi2 / 2, g)            # Phi(x) + x phi(x)
    if abs(x) > HUGE[o.dtype]:               # x sigmoid(z) is x or 0, the derivative 1 or 0
        return (mp.mpf(1) if x > 0 else mp.mpf(0)) if der else (x if x > 0 else mp.mpf(0))
    x2 = o.mul(x, x)
    z = o.mul(2 * SQRT_2_OVER_PI, o.fma(KAPPA, o.mul(x2, x), x))
    if not der:                              # x sigmoid(z)
        if z >= 0:
            return o.div(x, o.add(1, o.exp(-z)))
        e = o.exp(z)
        return o.div(o.mul(x, e), o.add(1, e))
    if z < -200:                             # below every format's smallest subnormal
        return mp.mpf(0)
    s, sm = sigmoid_pair(o, z)               # s + x s s(-z) z'
    zp = o.mul(2 * SQRT_2_OVER_PI, o.fma(3 * KAPPA, x2, 1))
    return o.fma(o.mul(x, o.mul(s, sm)), zp, s)


def f_mish(o, x, p, d, der):
    if x > 20:                               # tanh(softplus x) rounds to 1 (1 - 2 e^-2x, x > 20)
        return mp.mpf(1) if der else x
    if subnormal_tail(x, o.dtype):           # as silu: mish(x) = x e^x (1 + O(e^x))
        return -o.exp(o.add(x, o.log(-o.sub(-1, x) if der else -x)))
    t = o.exp(x)
    u = o.mul(t, o.add(t, 2))                # tanh(softplus x) = u / (u + 2), u = e^x (e^x + 2)
    den = o.add(u, 2)
    r = o.div(u, den)
    if not der:
        return o.mul(x, r)
    sech2 = o.div(4 * o.add(u, 1), o.mul(den, den))
    s = o.div(t, o.add(t, 1))                # r + x sigmoid(x) sech^2(softplus x)
    return o.fma(o.mul(x, s), sech2, r)


def f_tanh_shrink(o, x, p, d, der):
    if der:
        t = o.tanh(x)                        # tanh^2 x
        return o.mul(t, t)
    if abs(x) >= 1:
        return o.sub(x, o.tanh(x))
    z = o.mul(x, x)                          # x^3 (c3 + z (c5 + ...)), Horner, rounded coefficients
    acc = o.const(TANH_SHRINK_C[-1])
    for c in reversed(TANH_SHRINK_C[:-1]):
        acc = o.fma(acc, z, o.const(c))
    return o.mul(o.mul(x, z), acc)


def f_soft_exponential(o, x, p, d, der):
    a = param(p, "alpha", 0)
    if a == 0:
        return mp.mpf(1) if der else x
    if a < 0:
        w = o.mul(-a, o.add(x, a))           # -log1p(-a (x + a)) / a
        return o.div(1, o.add(1, w)) if der else o.scale(o.log1p(w), -1 / a)
    y = o.scale(x, a)
    return o.exp(y) if der else o.add(o.scale(o.expm1(y), 1 / a), a)


def f_softsign(o, x, p, d, der):
    s = o.add(1, abs(x))
    if der and abs(x) > HUGE[o.dtype]:       # (1/s)^2 where s^2 would overflow the format
        r = o.div(1, s)
        return o.mul(r, r)
    return o.div(1, o.mul(s, s)) if der else o.div(x, s)


def f_squareplus(o, x, p, d, der):
    b = param(p, "b", 4)
    if abs(x) > HUGE[o.dtype]:               # x and 1; b/(4|x|) and b/(4x^2), nothing overflowing
        if x > 0:
            return mp.mpf(1) if der else x
        r = o.div(1, x)
        return o.mul(o.mul(r, r), b / 4) if der else o.mul(-r, b / 4)
    r = o.sqrt(o.fma(x, x, b))
    if x >= 0:
        return (o.add(1, o.div(x, r)) if der else o.add(x, r)) / 2
    den = o.sub(r, x)                        # x < 0: b / (2 (r - x)) and b / (2 r (r - x))
    return (o.div(b, o.mul(r, den)) if der else o.div(b, den)) / 2


# The piecewise-linear functions and their relatives: only the arithmetic of the branch taken.
def f_selection(o, x, p, d, der):
    return x


def f_leaky_relu(o, x, p, d, der):
    s = param(p, "negative_slope", {"keras3": "0.2", "tf_keras2": "0.2"}.get(d, "0.01"))
    return (s if x <= 0 else 1) if der else (o.mul(s, x) if x < 0 else x)


def f_prelu(o, x, p, d, der):
    a = param(p, "alpha", "0" if d in ("keras3", "tf_keras2") else "0.25")
    return (a if x < 0 else 1) if der else (o.mul(a, x) if x < 0 else x)


def f_rrelu(o, x, p, d, der):
    a = (param(p, "lower", "0.125") + param(p, "upper", "0.333333333333333314829616256247390992939472198486328125")) / 2
    return (a if x < 0 else 1) if der else (o.mul(a, x) if x < 0 else x)


def f_relu(o, x, p, d, der):
    s, t = param(p, "negative_slope", 0), param(p, "threshold", 0)
    if x < t and s != 0:
        return s if der else o.mul(s, o.sub(x, t))   # s (x - t)
    return x


def f_soft_shrink(o, x, p, d, der):
    t = param(p, "threshold", "0.5")
    if der or abs(x) <= t:
        return x
    return o.sub(x, t) if x > 0 else o.add(x, t)


def f_hard_sigmoid(o, x, p, d, der):
    if d in ("tf_keras2", "onnx"):           # alpha x + beta in one fma, clipped to [0, 1]
        a, b = param(p, "alpha", "0.2"), param(p, "beta", "0.5")
        if not 0 < a * x + b < 1:
            return mp.mpf(0)
        return a if der else o.fma(a, x, b)
    if not -3 < x < 3:
        return mp.mpf(0)
    return mp.mpf(1) / 6 if der else o.div(o.add(x, 3), 6)


def f_hard_silu(o, x, p, d, der):
    if x <= -3 or x >= 3:                     # 0 or x (ONNX's kinks are a hair inside, exact there)
        return x
    if d == "onnx":
        c = mp.mpf("0.16666667163372039794921875")
        return o.fma(2 * c, x, mp.mpf(0.5)) if der else o.mul(x, o.fma(c, x, mp.mpf(0.5)))
    if der:
        return o.div(o.add(2 * x, 3), 6)         # (2x + 3) / 6
    return o.div(o.mul(x, o.add(x, 3)), 6)       # x (x + 3) / 6


def f_sparse_sigmoid(o, x, p, d, der):
    if not -1 < x < 1:
        return x
    return mp.mpf(0.5) if der else o.add(x, 1) / 2


def f_sparse_plus(o, x, p, d, der):
    if not -1 < x < 1:
        return x
    if der:
        return o.add(x, 1) / 2
    v = o.add(x, 1)
    return o.mul(v, v) / 4


ELEMENTWISE = {
    "exponential": f_exponential, "sigmoid": f_sigmoid, "tanh": f_tanh, "arctan": f_arctan,
    "elu": f_elu, "selu": f_selu, "celu": f_celu, "softplus": f_softplus, "log_sigmoid": f_log_sigmoid,
    "silu": f_silu, "gelu": f_gelu, "mish": f_mish, "tanh_shrink": f_tanh_shrink,
    "soft_exponential": f_soft_exponential, "softsign": f_softsign, "squareplus": f_squareplus,
    "linear": f_selection, "relu6": f_selection, "threshold": f_selection, "thresholded_relu": f_selection,
    "hard_tanh": f_selection, "hard_shrink": f_selection, "relu": f_relu, "leaky_relu": f_leaky_relu,
    "prelu": f_prelu, "rrelu": f_rrelu, "soft_shrink": f_soft_shrink, "hard_sigmoid": f_hard_sigmoid,
    "hard_silu": f_hard_silu, "sparse_sigmoid": f_sparse_sigmoid, "sparse_plus": f_sparse_plus,
}


def bound(formula, dtype, args, expected):
    """Budget for one output: sum of weighted errors (first order), rounded up."""
    base = Ops(dtype)
    f0 = formula(base, *args)
    if f0 == 0 or not base.trace:
        return 0.0
    ulp_out = ulp(expected if expected != 0 else f0, dtype)
    k = PRIMITIVE_ULPS[dtype]
    total = mp.mpf(0)
    last = len(base.trace) - 1
    for i, (kind, name, v) in enumerate(base.trace):
        if v == 0:
            continue
        if i == last:
            total += k[name] if kind == "prim" else 0
            continue
        err = (k[name] + mp.mpf(0.5)) if kind == "prim" else (0 if representable(v, dtype) else mp.mpf(0.5))
        if kind == "prim" and representable(v, dtype):
            err = k[name]
        if err == 0:
            continue
        pert = Ops(dtype, perturbed=i)
        fi = formula(pert, *args)
        sens = abs((fi - f0) / H)            # d f / d (relative error of op i)
        total += sens * err * ulp(v, dtype) / abs(v) / ulp_out
    return float(total)


def parse(s):
    return mp.mpf(float.fromhex(s)) if s.startswith(("0x", "-0x")) else mp.mpf(s)


def elementwise(fn, formula):
    data = json.load(open(os.path.join(CASES, fn + ".json")))
    worst = {}
    seen = set()
    for c in data["cases"]:
        dtype = c["dtype"]
        xs = c["x"][0]["hex"]
        if xs in ("NaN", "Infinity", "-Infinity") or "nan" in xs.lower() or "inf" in xs.lower():
            continue
        x = parse(xs)
        for der, key in ((False, "value"), (True, "derivative")):
            outs = c.get(key)
            if not outs:
                continue
            exp_s = outs[0].get(dtype)
            if exp_s in (None, "NaN", "Infinity", "-Infinity"):
                continue
            expected = mp.mpf(exp_s)
            if expected == 0:
                continue
            dialect = c["dialects"][0]
            tag = (dtype, der, xs, dialect, json.dumps(c["params"], sort_keys=True))
            if tag in seen:
                continue
            seen.add(tag)
            b = bound(formula, dtype, (x, c["params"], dialect, der), expected)
            w = worst.get((dtype, der))
            if w is None or b > w[0]:
                worst[(dtype, der)] = (b, c["x"][0]["dec"], dialect, c["params"])
    return worst


# ---- axis functions: the same bookkeeping with the sensitivities written out -----------------
def rounding(v, dtype):
    """Half an ulp of v when v is not representable, else 0 (absolute)."""
    return 0 if representable(v, dtype) else ulp(v, dtype) / 2


def pairwise_nodes(terms):
    """The partial sums of a pairwise summation (every node that rounds) and the total."""
    if len(terms) == 1:
        return [], terms[0]
    h = len(terms) // 2
    left, a = pairwise_nodes(terms[:h])
    right, b = pairwise_nodes(terms[h:])
    return left + right + [a + b], a + b


def sum_relative_error(e, rel_terms, dtype):
    """Relative error of a pairwise sum of positive terms e_j each with relative error rel_terms[j]."""
    nodes, total = pairwise_nodes(e)
    err = sum(ej * r for ej, r in zip(e, rel_terms)) + sum(rounding(p, dtype) for p in nodes)
    return err / total, total


def softmax_bounds(xs, dtype):
    """y_i = e_i / S, e_j = exp(x_j - m) (subtraction rounded), S pairwise: ulps of each y_i."""
    k = PRIMITIVE_ULPS[dtype]["exp"]
    m = max(xs)
    d = [x - m for x in xs]
    e = [mp.exp(v) for v in d]
    # relative error of e_j: the rounded argument (absolute error of d_j) and exp's own k + 1/2
    rel = [rounding(v, dtype) + (k + mp.mpf(0.5)) * ulp(ej, dtype) / ej for v, ej in zip(d, e)]
    nodes, s = pairwise_nodes(e)
    node_err = sum(rounding(p, dtype) for p in nodes) / s
    out = []
    for i, ei in enumerate(e):
        y = ei / s
        r = rel[i] + sum(ej / s * rj for ej, rj in zip(e, rel)) + node_err
        out.append((y, r * y / ulp(y, dtype)))
    return out


def log_softmax_bounds(xs, dtype):
    """y_i = (x_i - m) - log1p(S'), S' = pairwise sum of exp(x_j - m) over j != argmax."""
    ke, kl = PRIMITIVE_ULPS[dtype]["exp"], PRIMITIVE_ULPS[dtype]["log1p"]
    m = max(xs)
    j = xs.index(m)
    d = [x - m for x in xs]
    rest = [(mp.exp(v), v) for n, v in enumerate(d) if n != j]
    if rest:
        e = [t[0] for t in rest]
        rel = [rounding(v, dtype) + (ke + mp.mpf(0.5)) * ulp(ej, dtype) / ej for ej, v in rest]
        r, s = sum_relative_error(e, rel, dtype)
        lse = mp.log1p(s)
        lse_err = (kl + mp.mpf(0.5)) * ulp(lse, dtype) + s * r / (1 + s)
    else:
        lse, lse_err = mp.mpf(0), mp.mpf(0)
    return [(v - lse, (rounding(v, dtype) + lse_err) / ulp(v - lse, dtype)) for v in d]


def sparsemax_bounds(xs, dtype):
    """y_i = (1 - sum_{j in support} (z_j - z_i)) / k over the support of k largest inputs (the
    differences are below 1 there and exact when z_j and z_i are within a factor 2), else 0."""
    z = sorted(xs, reverse=True)
    c, k = Fraction(0), 0
    for n, v in enumerate(z, 1):             # the support, in exact arithmetic
        c += Fraction(float(v))
        if 1 + n * Fraction(float(v)) > c:
            k = n
    support = z[:k]
    tau = (sum(support) - 1) / k
    out = []
    for x in xs:
        if x <= tau:
            out.append((mp.mpf(0), 0))
            continue
        err, acc = mp.mpf(0), mp.mpf(0)
        for j, v in enumerate(support):
            dj = v - x
            err += rounding(dj, dtype)
            if j:
                acc += dj
                err += rounding(acc, dtype)
            else:
                acc = dj
        num = 1 - acc
        y = num / k
        m, _ = mp.frexp(mp.mpf(k))
        if abs(m) == mp.mpf(0.5):            # k a power of two: 1 - sum is the last rounding
            e = err / k
        else:
            e = (err + rounding(num, dtype)) / k
        out.append((y, e / ulp(y, dtype)))
    return out


def glu_bounds(xs, dtype):
    n = len(xs) // 2
    out = []
    for i in range(n):
        def f(o, a=xs[i], b=xs[n + i]):
            if b >= 0:
                return o.div(a, o.add(1, o.exp(-b)))
            e = o.exp(b)
            return o.div(o.mul(a, e), o.add(1, e))
        v = f(Ops(dtype))
        out.append((v, bound(lambda o, *a: f(o), dtype, (), v) if v != 0 else 0))
    return out


def crelu_bounds(xs, dtype):
    """relu(x) and relu(-x): selections and a negation, nothing rounds."""
    return [(max(x, 0), 0) for x in xs] + [(max(-x, 0), 0) for x in xs]


AXIS = {"crelu": crelu_bounds, "softmax": softmax_bounds, "softmin": lambda xs, dt: softmax_bounds([-v for v in xs], dt),
        "log_softmax": log_softmax_bounds, "sparsemax": sparsemax_bounds, "glu": glu_bounds}


def axis(fn, bounds):
    data = json.load(open(os.path.join(CASES, fn + ".json")))
    worst = {}
    for c in data["cases"]:
        dtype = c["dtype"]
        hexes = [v["hex"] for v in c["x"]]
        if any("nan" in h.lower() or "inf" in h.lower() for h in hexes):
            continue
        xs = [parse(h) for h in hexes]
        for i, (y, b) in enumerate(bounds(xs, dtype)):
            s = c["value"][i].get(dtype) if i < len(c["value"]) else None
            if y == 0 or s in (None, "NaN", "Infinity", "-Infinity") or mp.mpf(s) == 0:
                continue
            w = worst.get((dtype, False))
            if w is None or b > w[0]:
                worst[(dtype, False)] = (float(b), "[" + ", ".join(v["dec"] for v in c["x"][:6])
                                         + (", ...]" if len(c["x"]) > 6 else "]"), c["dialects"][0], c["params"])
    return worst


def main(argv):
    names = argv or sorted(list(ELEMENTWISE) + list(AXIS))
    result = {}
    for fn in names:
        w = axis(fn, AXIS[fn]) if fn in AXIS else elementwise(fn, ELEMENTWISE[fn])
        row = {}
        for dtype in ("float64", "float32"):
            parts = {der: w.get((dtype, der)) for der in (False, True)}
            budget = max((math.ceil(v[0] - SLACK) for v in parts.values() if v), default=0)
            row[dtype] = {"budget": budget}
            for der, v in parts.items():
                if v:
                    row[dtype]["derivative" if der else "value"] = {
                        "bound": round(v[0], 3), "at": v[1], "dialect": v[2], "params": v[3]}
        result[fn] = row
        print(fn, json.dumps(row), flush=True)
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
