#!/usr/bin/env python3
"""An independent implementation of the activation catalog, over the JSON-lines process protocol.

Written from the text of spec/ACTIVATIONS.md (definitions, parameters and defaults per dialect,
derivatives, kink conventions, special values, notes) and spec/VERDICTS.md, not from the kit's Java
oracle or reference. Every value is computed with mpmath at a working precision well above the
target's and rounded correctly (round to nearest, ties to even, subnormals, overflow to +-Infinity,
underflow to a signed zero) to the request's dtype with Ziv's strategy: evaluate at precision wp,
round both ends of a relative error interval 2^-(wp-24), and double wp until they agree. Exact
rational results (piecewise-linear pieces, products and sums of floats and parameters, softsign,
arctan', sparsemax, 1/k in softmax, ...) are computed with fractions.Fraction and rounded exactly,
so that their ties round to even instead of looping.

Parameters and constants follow the catalog 0.2.0 rule params.compute_format: each is rounded to
the dialect's storage precision for it (the parameter tables' float32 / dtype marks, the Constants
tables), then to the dialect's compute format (the input's dtype; PyTorch's op-math type), and the
function is evaluated exactly at that value. f'(NaN) is the catalog's per-dialect value (the
"Derivative at NaN" lines), the scalar path's where PyTorch's depends on the position.

Run:  ./tck run --impl-command "python3 examples/independent-mpmath/independent_activation.py"

One request per line on stdin, one reply per line on stdout. Every request is answered on its
own; results are cached per (function, dialect, params, dtype, derivative, input) so that the
TCK's repeated presentations of an input cost a dictionary look-up.
"""
import json
import math
import struct
import sys
from fractions import Fraction as F

import mpmath
from mpmath import mp, mpf

INF = float("inf")
NAN = float("nan")

# (precision in bits including the implicit one, emin, emax)
FORMATS = {
    "float64": (53, -1022, 1023),
    "float32": (24, -126, 127),
    "float16": (11, -14, 15),
    "bfloat16": (8, -126, 127),
}


class Unsupported(Exception):
    pass


class BadRequest(Exception):
    pass


def isnan(v):
    return v != v


def isinf(v):
    return v in (INF, -INF)


def signbit(v):
    return math.copysign(1.0, v) < 0


def signed_zero(neg):
    return -0.0 if neg else 0.0


# ---------------------------------------------------------------------------------------------
# Correct rounding
# ---------------------------------------------------------------------------------------------

def round_parts(neg, man, exp, fmt):
    """Round (-1)^neg * man * 2^exp (man > 0) to the format, nearest-even."""
    p, emin, emax = FORMATS[fmt]
    bc = man.bit_length()
    e = exp + bc - 1  # floor(log2 |v|)
    if e > emax:
        return -INF if neg else INF
    q = max(e, emin) - (p - 1)  # the quantum's exponent
    shift = q - exp
    if shift <= 0:
        r = man << (-shift)
    elif shift > bc + 1:
        r = 0
    else:
        r = man >> shift
        rem = man - (r << shift)
        half = 1 << (shift - 1)
        if rem > half or (rem == half and (r & 1)):
            r += 1
    if r == 0:
        return signed_zero(neg)
    if q + r.bit_length() - 1 > emax:
        return -INF if neg else INF
    v = math.ldexp(r, q)
    return -v if neg else v


def round_fraction(fr, fmt):
    if fr == 0:
        return 0.0
    neg = fr < 0
    n, d = abs(fr.numerator), fr.denominator
    p, emin, emax = FORMATS[fmt]
    e = n.bit_length() - d.bit_length()
    if e >= 0:
        if n < (d << e):
            e -= 1
    elif (n << -e) < d:
        e -= 1
    if e > emax:
        return -INF if neg else INF
    q = max(e, emin) - (p - 1)
    if q >= 0:
        num, den = n, d << q
    else:
        num, den = n << -q, d
    r, rem = divmod(num, den)
    if 2 * rem > den or (2 * rem == den and (r & 1)):
        r += 1
    if r == 0:
        return signed_zero(neg)
    if q + r.bit_length() - 1 > emax:
        return -INF if neg else INF
    v = math.ldexp(r, q)
    return -v if neg else v


def round_float(v, fmt):
    """A float (exact value) rounded to fmt: identity for values of the format."""
    if isnan(v) or isinf(v) or v == 0:
        return v
    if fmt == "float64":
        return v
    return round_fraction(F(v), fmt)


ZIV_MARGIN = 24
ZIV_LIMIT = 9000


def ziv(fn, fmt):
    """Correctly round the real number that fn() approximates at the current mp.prec."""
    p = FORMATS[fmt][0]
    wp = p + 64
    while True:
        with mp.workprec(wp):
            v = fn()
        if not isinstance(v, mpf):
            v = mpf(v)
        sign, man, exp, bc = v._mpf_
        if man == 0:
            # an approximation that is exactly zero (or special): only at exact zeros, which the
            # functions below never hand to ziv; treat as a failure of the evaluation.
            if v != v:
                return NAN
            if mpmath.isinf(v):
                return -INF if v < 0 else INF
            if wp > ZIV_LIMIT:
                return 0.0
            wp *= 2
            continue
        k = wp - ZIV_MARGIN
        lo = round_parts(sign, man * ((1 << k) - 1), exp - k, fmt)
        hi = round_parts(sign, man * ((1 << k) + 1), exp - k, fmt)
        if lo == hi:
            return lo
        if wp > ZIV_LIMIT:
            # Still undecided: the value is (taken to be) exactly the midpoint it sits on.
            sys.stderr.write("independent_activation: undecided rounding of %s, assuming exact\n"
                             % mpmath.nstr(v, 30))
            return round_parts(sign, man, exp, fmt)
        wp *= 2


def cancel_sum(terms_fn, hint=0):
    """Sum terms_fn() (a list of mpf computed at the current precision) with enough extra
    precision that the result is accurate to about mp.prec bits despite cancellation."""
    base = mp.prec
    extra = max(hint, 0) + 16
    for _ in range(40):
        with mp.workprec(base + extra):
            terms = terms_fn()
            s = mpmath.fsum(terms)
            big = max(abs(t) for t in terms)
        if s == 0:
            extra = 2 * extra + 64
            continue
        lost = int(mpmath.mag(big)) - int(mpmath.mag(s))
        if lost + 8 <= extra:
            return s
        extra = lost + 24
    raise ArithmeticError("cancellation not resolved")


class Near:
    """A value base + direction * eps with 0 < eps far below any rounding granularity near base
    (relative eps < 2^-4000): the asymptotic tails whose correction is exponentially small, where
    base may be exactly a rounding midpoint that no finite precision would decide."""

    def __init__(self, base, direction):
        self.base = F(base)
        self.direction = direction


def round_near(r, fmt):
    b = r.base
    if b == 0:
        raise ArithmeticError("Near with a zero base")
    return round_fraction(b + r.direction * abs(b) / F(2) ** 3000, fmt)


def finalize(r, fmt):
    if isinstance(r, Near):
        return round_near(r, fmt)
    if isinstance(r, float):
        return round_float(r, fmt)
    if isinstance(r, int):
        return round_float(float(r), fmt)
    if isinstance(r, F):
        return round_fraction(r, fmt)
    return ziv(r, fmt)


# ---------------------------------------------------------------------------------------------
# IEEE-style exact helpers on floats (results: float for specials and zeros, else Fraction)
# ---------------------------------------------------------------------------------------------

def q_mul(a, b):
    """a * b with IEEE special cases, exact (Fraction) otherwise. a, b are float or Fraction."""
    fa, fb = isinstance(a, float), isinstance(b, float)
    if (fa and isnan(a)) or (fb and isnan(b)):
        return NAN
    ia, ib = fa and isinf(a), fb and isinf(b)
    if ia or ib:
        if a == 0 or b == 0:
            return NAN
        return INF if (a > 0) == (b > 0) else -INF
    if a == 0 or b == 0:
        na = signbit(a) if fa else a < 0
        nb = signbit(b) if fb else b < 0
        return signed_zero(na != nb)
    return F(a) * F(b)


def q_add(a, b):
    """a + b (floats) with IEEE special cases and zero signs, exact otherwise."""
    if isnan(a) or isnan(b):
        return NAN
    if isinf(a) and isinf(b):
        return a if a == b else NAN
    if isinf(a):
        return a
    if isinf(b):
        return b
    if a == 0 and b == 0:
        return signed_zero(signbit(a) and signbit(b))
    if a == 0:
        return b
    if b == 0:
        return a
    s = F(a) + F(b)
    if s == 0:
        return 0.0
    return s


def mpf_of(fr):
    """An exact mpf of a dyadic Fraction or float (no rounding to mp.prec)."""
    if isinstance(fr, float):
        return mp.make_mpf(mpmath.libmp.from_float(fr))
    n, d = fr.numerator, fr.denominator
    if d & (d - 1):
        raise ValueError("not dyadic")
    return mp.make_mpf(mpmath.libmp.from_man_exp(n, -(d.bit_length() - 1)))


def ln2():
    return mpmath.log(2)


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

# name -> (defaults per dialect, other spellings per dialect). A default of None means "absent".
PARAMS = {
    "relu": [
        ("negative_slope", {"keras3": "0", "tf_keras2": "0"}, {"tf_keras2": "alpha"}),
        ("max_value", {"keras3": None, "tf_keras2": None}, {}),
        ("threshold", {"keras3": "0", "tf_keras2": "0"}, {}),
    ],
    "leaky_relu": [("negative_slope", {"keras3": "0.2", "tf_keras2": "0.2", "pytorch": "0.01",
                                        "jax": "0.01", "onnx": "0.01"},
                    {"tf_keras2": "alpha", "onnx": "alpha"})],
    "prelu": [("alpha", {"keras3": "0", "tf_keras2": "0", "pytorch": "0.25", "onnx": "0.25"},
               {"pytorch": "weight", "onnx": "slope"})],
    "rrelu": [("lower", {"pytorch": "0.125"}, {}),
              ("upper", {"pytorch": "0.333333333333333314829616256247390992939472198486328125"}, {})],
    "threshold": [("threshold", {"keras3": "0.1", "pytorch": "0.1"}, {}),
                  ("default_value", {"keras3": "20", "pytorch": "20"}, {"pytorch": "value"})],
    "thresholded_relu": [("theta", {"tf_keras2": "1.0", "onnx": "1.0"}, {"onnx": "alpha"})],
    "hard_tanh": [("min_val", {"keras3": "-1", "pytorch": "-1", "jax": "-1"}, {}),
                  ("max_val", {"keras3": "1", "pytorch": "1", "jax": "1"}, {})],
    "hard_shrink": [("threshold", {"keras3": "0.5", "pytorch": "0.5", "onnx": "0.5"},
                     {"pytorch": "lambd", "onnx": "lambd"})],
    "soft_shrink": [("threshold", {"keras3": "0.5", "pytorch": "0.5", "onnx": "0.5"},
                     {"pytorch": "lambd", "onnx": "lambd"})],
    "hard_sigmoid": [("alpha", {"tf_keras2": "0.2", "onnx": "0.2"}, {}),
                     ("beta", {"tf_keras2": "0.5", "onnx": "0.5"}, {})],
    "elu": [("alpha", {d: "1.0" for d in ("keras3", "tf_keras2", "pytorch", "jax", "onnx")}, {})],
    "selu": [
        ("alpha", {"keras3": "1.6732632423543772848170429916717",
                   "tf_keras2": "1.6732632423543772848170429916717",
                   "pytorch": "1.6732632423543772848170429916717",
                   "jax": "1.6732632423543772848170429916717",
                   "onnx": "1.67326319217681884765625"}, {}),
        ("scale", {"keras3": "1.0507009873554804934193349852946",
                   "tf_keras2": "1.0507009873554804934193349852946",
                   "pytorch": "1.0507009873554804934193349852946",
                   "jax": "1.0507009873554804934193349852946",
                   "onnx": "1.05070102214813232421875"}, {"onnx": "gamma"}),
    ],
    "celu": [("alpha", {d: "1.0" for d in ("keras3", "pytorch", "jax", "onnx")}, {})],
    "softplus": [("beta", {d: "1" for d in ("keras3", "tf_keras2", "pytorch", "jax", "onnx")}, {}),
                 ("threshold", {"keras3": None, "tf_keras2": None, "pytorch": "20", "jax": None,
                                "onnx": None}, {})],
    "squareplus": [("b", {"keras3": "4", "jax": "4"}, {})],
    "soft_exponential": [("alpha", {"keras3": "0"}, {})],
}

DIALECTS = {
    "exponential": "keras3 tf_keras2 pytorch jax onnx",
    "linear": "keras3 tf_keras2 pytorch jax onnx",
    "softmax": "keras3 tf_keras2 pytorch jax onnx",
    "log_softmax": "keras3 pytorch jax onnx",
    "softmin": "pytorch",
    "glu": "keras3 pytorch jax",
    "sparsemax": "keras3",
    "relu": "keras3 tf_keras2 pytorch jax onnx",
    "relu6": "keras3 tf_keras2 pytorch jax",
    "leaky_relu": "keras3 tf_keras2 pytorch jax onnx",
    "prelu": "keras3 tf_keras2 pytorch onnx",
    "rrelu": "pytorch",
    "threshold": "keras3 pytorch",
    "thresholded_relu": "tf_keras2 onnx",
    "hard_tanh": "keras3 pytorch jax",
    "hard_shrink": "keras3 pytorch onnx",
    "soft_shrink": "keras3 pytorch onnx",
    "hard_sigmoid": "keras3 tf_keras2 pytorch jax onnx",
    "hard_silu": "keras3 pytorch jax onnx",
    "sparse_sigmoid": "keras3 jax",
    "crelu": "keras3 tf_keras2",
    "elu": "keras3 tf_keras2 pytorch jax onnx",
    "selu": "keras3 tf_keras2 pytorch jax onnx",
    "celu": "keras3 pytorch jax onnx",
    "softplus": "keras3 tf_keras2 pytorch jax onnx",
    "log_sigmoid": "keras3 tf_keras2 pytorch jax",
    "mish": "keras3 tf_keras2 pytorch jax onnx",
    "sparse_plus": "keras3 jax",
    "squareplus": "keras3 jax",
    "softsign": "keras3 tf_keras2 pytorch jax onnx",
    "arctan": "keras3 tf_keras2 pytorch jax onnx",
    "soft_exponential": "keras3",
    "sigmoid": "keras3 tf_keras2 pytorch jax onnx",
    "tanh": "keras3 tf_keras2 pytorch jax onnx",
    "silu": "keras3 tf_keras2 pytorch jax",
    "tanh_shrink": "keras3 pytorch",
    "gelu": "keras3 tf_keras2 pytorch jax onnx",
}
DIALECTS = {k: set(v.split()) for k, v in DIALECTS.items()}

AXIS_FUNCTIONS = {"softmax", "log_softmax", "softmin", "glu", "sparsemax", "crelu"}

# Storage precision of parameters (rule params.compute_format and the parameter tables of the
# catalog 0.2.0): "float32" on every input dtype (ONNX float attributes, TensorFlow float op attrs,
# the floatx casts of tf.keras 2 layers), "dtype" (kernels that cast to the element type where the
# dialect computes wider), "float32_leaky" (relu's negative_slope: float32 only on the leaky path,
# max_value absent and threshold 0, where Keras calls tf.nn.leaky_relu). Absent: "compute".
STORAGE = {
    ("relu", "negative_slope"): {"keras3": "float32_leaky", "tf_keras2": "float32_leaky"},
    ("leaky_relu", "negative_slope"): {"keras3": "float32", "tf_keras2": "float32",
                                       "onnx": "float32"},
    ("threshold", "threshold"): {"pytorch": "dtype"},
    ("threshold", "default_value"): {"pytorch": "dtype"},
    ("thresholded_relu", "theta"): {"tf_keras2": "float32", "onnx": "float32"},
    ("hard_tanh", "min_val"): {"pytorch": "dtype"},
    ("hard_tanh", "max_val"): {"pytorch": "dtype"},
    ("hard_shrink", "threshold"): {"pytorch": "dtype", "onnx": "float32"},
    ("soft_shrink", "threshold"): {"onnx": "float32"},
    ("hard_sigmoid", "alpha"): {"onnx": "float32"},
    ("hard_sigmoid", "beta"): {"onnx": "float32"},
    ("elu", "alpha"): {"onnx": "float32"},
    ("selu", "alpha"): {"onnx": "float32"},
    ("selu", "scale"): {"onnx": "float32"},
    ("celu", "alpha"): {"onnx": "float32"},
}


def exact_number(v):
    """A JSON parameter (number as its text, int, or str) as an exact Fraction."""
    if isinstance(v, bool):
        raise BadRequest("boolean where a number is due")
    if isinstance(v, int):
        return F(v)
    if isinstance(v, str):
        return F(v.strip())
    raise BadRequest("not a number: %r" % (v,))


def compute_format(dialect, dtype):
    """The input's dtype (Keras, TensorFlow, JAX, ONNX), or PyTorch's op-math type (float64 for
    float64, float32 for float32, float16 and bfloat16)."""
    if dialect == "pytorch":
        return "float64" if dtype == "float64" else "float32"
    return dtype


def stored(exact, storage, dialect, dtype):
    """A parameter or constant as the dialect holds it: rounded to its storage precision, then to
    the dialect's compute format (each step to nearest, ties to even)."""
    cf = compute_format(dialect, dtype)
    if storage == "float32":
        v = round_fraction(exact, "float32")
    elif storage == "dtype":
        v = round_fraction(exact, dtype)
    else:
        v = exact
    return round_fraction(F(v), cf)


def stored_real(fn, storage, dialect, dtype):
    """An irrational constant (fn() at the current precision) as the dialect holds it."""
    first = "float32" if storage == "float32" else compute_format(dialect, dtype)
    return stored(F(ziv(fn, first)), storage, dialect, dtype)


def resolve_params(function, dialect, raw, dtype):
    """Parameter name -> (value as the dialect holds it, exact Fraction given)."""
    out = {}
    known = set()
    for name, defaults, spellings in PARAMS.get(function, []):
        known.add(name)
        if dialect in spellings:
            known.add(spellings[dialect])
        if dialect not in defaults:
            if name in raw or spellings.get(dialect) in raw:
                raise BadRequest("%s has no parameter %s in %s" % (function, name, dialect))
            continue
        if name in raw:
            v = raw[name]
        elif dialect in spellings and spellings[dialect] in raw:
            v = raw[spellings[dialect]]
        else:
            v = defaults[dialect]
        if v is None:
            out[name] = (None, None)
            continue
        out[name] = (None, exact_number(v))
    for name, (_, exact) in list(out.items()):
        if exact is None:
            continue
        storage = STORAGE.get((function, name), {}).get(dialect, "compute")
        if storage == "float32_leaky":
            leaky = (out["negative_slope"][1] != 0 and out["max_value"][1] is None
                     and out["threshold"][1] == 0)
            storage = "float32" if leaky else "compute"
        out[name] = (stored(exact, storage, dialect, dtype), exact)
    if function == "gelu":
        known.add("approximate")
        a = raw.get("approximate")
        if a is None:
            a = dialect == "jax"
        elif isinstance(a, str):
            s = a.strip().lower()
            if s in ("tanh", "true"):
                a = True
            elif s in ("none", "false"):
                a = False
            else:
                raise BadRequest("approximate: %r" % (a,))
        elif not isinstance(a, bool):
            raise BadRequest("approximate: %r" % (a,))
        out["approximate"] = (a, a)
    add_constants(function, dialect, dtype, out)
    if function in AXIS_FUNCTIONS:
        known.update(("axis", "dim"))
    for k in raw:
        if k not in known:
            raise BadRequest("unknown parameter %s for %s" % (k, function))
    return out


SELU_SCALE_ALPHA = F("1.7580993408473768599402175208123")


def add_constants(function, dialect, dtype, out):
    """The catalog's Constants tables: constants a dialect stores rounded, as it holds them."""
    if function == "hard_silu" and dialect == "onnx":
        # one_sixth: HardSwish = x HardSigmoid<alpha = float32(1/6), beta = 0.5>
        out["one_sixth"] = (stored(F(1, 6), "float32", dialect, dtype), F(1, 6))
    if function == "selu" and dialect in ("keras3", "tf_keras2"):
        # scale_alpha: TensorFlow's single kernel constant, in the compute format
        out["scale_alpha"] = (stored(SELU_SCALE_ALPHA, "compute", dialect, dtype),
                              SELU_SCALE_ALPHA)
    if function == "gelu":
        # exact form erf(s x): ("div", sqrt_2) s = 1/sqrt_2; ("mul", sqrt_half) s = sqrt_half;
        # ("exact", None) s = 1/sqrt(2) exactly (onnx)
        if dialect in ("keras3", "tf_keras2"):
            erf = ("div", stored_real(lambda: mpmath.sqrt(2), "compute", dialect, dtype))
        elif dialect in ("pytorch", "jax"):
            erf = ("mul", stored_real(lambda: mpmath.sqrt(mpf(1) / 2), "compute", dialect,
                                      dtype))
        else:
            erf = ("exact", None)
        out["erf_scale"] = (erf, None)
        # tanh form tanh(b (x + kappa x^3)): ("mul", sqrt_2_over_pi) b = sqrt_2_over_pi;
        # ("sqrt", two_over_pi) b = sqrt(two_over_pi) exactly (onnx)
        if dialect == "onnx":
            b = ("sqrt", stored(F("0.63661977236"), "float32", dialect, dtype))
            k = stored(F("0.044715"), "float32", dialect, dtype)
        else:
            b = ("mul", stored_real(lambda: mpmath.sqrt(2 / mpmath.pi), "compute", dialect,
                                    dtype))
            k = stored(F("0.044715"), "compute", dialect, dtype)
        out["tanh_scale"] = (b, None)
        out["kappa"] = (k, F("0.044715"))


def pv(P, name):
    return P[name][0]


# ---------------------------------------------------------------------------------------------
# Elementwise functions. Each returns a float (final, before rounding to a narrower dtype), a
# Fraction (exact, rounded once), or a callable evaluated by ziv at mp.prec.
# ---------------------------------------------------------------------------------------------

def sigmoid_mp(z):
    return 1 / (1 + mpmath.exp(-z))


def softplus_mp(z):
    if z > 0:
        return z + mpmath.log1p(mpmath.exp(-z))
    return mpmath.log1p(mpmath.exp(z))


def f_exponential(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if x == INF:
        return INF
    if x == -INF:
        return 0.0
    if x == 0:
        return 1.0
    return lambda: mpmath.exp(mpf(x))


def f_linear(x, P, dialect, deriv):
    if deriv:
        return 1.0
    return x


def f_relu(x, P, dialect, deriv):
    if dialect in ("keras3", "tf_keras2"):
        return relu_keras(x, P, dialect, deriv)
    if isnan(x):
        return NAN
    if deriv:
        return 1.0 if x > 0 else 0.0
    if x > 0 or x == 0:
        return x
    return 0.0


def relu_keras(x, P, dialect, deriv):
    s = pv(P, "negative_slope")
    m = pv(P, "max_value")
    t = pv(P, "threshold")
    if isnan(x):
        return NAN
    if s != 0 and m is None and t == 0:
        # the leaky path: tf.nn.leaky_relu, whose alpha attribute is a float32 (resolve_params)
        if deriv:
            return 1.0 if x > 0 else s
        if x > 0:
            return x
        return q_mul(s, x)
    relu6_path = (m == 6 and t == 0)
    if deriv:
        g = 0.0
        if x > t:
            if m is None:
                g = 1.0
            elif relu6_path:
                g = 1.0 if (0 < x < 6) else 0.0
            else:
                pos = x  # pos before the clip, x > t
                g = 1.0 if (0 <= pos <= m) else 0.0
        if x < t and s != 0:
            g = s if g == 0 else (F(g) + F(s))
        return g
    # value: the op sequence, signs of zeros as IEEE and 'a tie keeps the first operand'
    if t != 0:
        pos = x if x > t else q_mul(x, 0.0)
    else:
        pos = x if (x > 0 or x == 0) else 0.0
    if isinstance(pos, float) and isnan(pos):
        return NAN
    if m is not None:
        # min(pos, m) then max(., 0)
        if pos > m:
            pos = m
        if pos < 0:
            pos = 0.0
    if s == 0:
        return pos
    # pos - s * max(t - x, 0)
    if x == -INF:
        neg = INF  # t - (-inf)
    elif x == INF:
        neg = 0.0
    else:
        d = F(t) - F(x)
        neg = d if d > 0 else 0.0
    if isinstance(neg, float):
        term = q_mul(s, neg)
    else:
        term = F(s) * neg
    if isinstance(term, float):
        if isnan(term):
            return NAN
        if isinf(term):
            if isinf(pos) and pos == term:
                return NAN
            return -term
        # term is a zero
        if pos == 0 and isinstance(pos, float):
            return signed_zero(signbit(pos) and not signbit(term))
        return pos
    # term a nonzero Fraction
    if isinstance(pos, float) and isinf(pos):
        return pos
    r = F(pos) - term
    if r == 0:
        return 0.0
    return r


def f_relu6(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        return 1.0 if 0 < x < 6 else 0.0
    if x < 0:
        return 0.0
    if x > 6:
        return 6.0
    return x


def f_leaky_relu(x, P, dialect, deriv):
    s = pv(P, "negative_slope")
    if isnan(x):
        return NAN
    if deriv:
        if x > 0:
            return 1.0
        if x < 0:
            return s
        return 1.0 if dialect == "jax" else s
    if x > 0:
        return x
    if dialect == "jax" and x == 0:
        return x
    return q_mul(s, x)


def f_prelu(x, P, dialect, deriv):
    a = pv(P, "alpha")
    if isnan(x):
        return NAN
    if dialect in ("keras3", "tf_keras2"):
        if deriv:
            if x > 0:
                return 1.0
            if x < 0:
                return a
            return 0.0
        # relu(x) - alpha * relu(-x)
        rx = x if (x > 0 or x == 0) else 0.0
        mx = -x
        rnx = mx if (mx > 0 or mx == 0) else 0.0
        term = q_mul(a, rnx)
        if isinstance(term, float):
            if isnan(term):
                return NAN
            if isinf(term):
                return NAN if (isinf(rx) and rx == term) else -term
            # zero term
            if rx == 0:
                return signed_zero(signbit(rx) and not signbit(term))
            return rx
        if isinf(rx):
            return rx
        r = F(rx) - term
        return 0.0 if r == 0 else r
    if dialect == "pytorch":
        if deriv:
            return 1.0 if x > 0 else a
        return x if x > 0 else q_mul(a, x)
    # onnx: x for x >= 0, slope * x for x < 0
    if deriv:
        return 1.0 if x >= 0 else a
    return x if x >= 0 else q_mul(a, x)


def f_rrelu(x, P, dialect, deriv):
    lo, up = pv(P, "lower"), pv(P, "upper")
    if lo > up:
        raise BadRequest("rrelu: lower > upper")
    a = (F(lo) + F(up)) / 2
    if isnan(x):
        return NAN
    if deriv:
        return 1.0 if x > 0 else a
    if x > 0:
        return x
    return q_mul(a, x)


def f_threshold(x, P, dialect, deriv):
    t, v = pv(P, "threshold"), pv(P, "default_value")
    if dialect == "keras3":
        if deriv:
            return 1.0 if x > t else 0.0
        return x if x > t else v
    if isnan(x):
        return NAN
    if deriv:
        return 1.0 if x > t else 0.0
    return v if x <= t else x


def f_thresholded_relu(x, P, dialect, deriv):
    th = pv(P, "theta")
    if dialect == "onnx":
        if deriv:
            return 1.0 if x > th else 0.0
        return x if th < x else 0.0
    if isnan(x):
        return NAN
    if deriv:
        return 1.0 if x > th else 0.0
    return x if x > th else q_mul(x, 0.0)


def f_hard_tanh(x, P, dialect, deriv):
    lo, hi = pv(P, "min_val"), pv(P, "max_val")
    if lo > hi:
        raise BadRequest("hard_tanh: min_val > max_val")
    if isnan(x):
        return NAN
    if deriv:
        if lo < x < hi:
            return 1.0
        if x == lo or x == hi:
            return 1.0 if dialect in ("keras3", "jax") else 0.0
        return 0.0
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def f_hard_shrink(x, P, dialect, deriv):
    t = pv(P, "threshold")
    if isnan(x):
        if dialect == "pytorch":
            return NAN
        return 0.0
    if deriv:
        return 1.0 if abs(x) > t else 0.0
    if dialect == "keras3":
        return x if abs(x) > t else 0.0
    if dialect == "pytorch":
        return 0.0 if (-t <= x <= t) else x
    # onnx: x < -lambd ? x + bias : x > lambd ? x - bias : 0, bias = 0
    if x < -t:
        return x
    if x > t:
        return x
    return 0.0


def f_soft_shrink(x, P, dialect, deriv):
    t = pv(P, "threshold")
    if isnan(x):
        if dialect == "pytorch":
            return NAN
        return 0.0
    if deriv:
        return 1.0 if abs(x) > t else 0.0
    if x > t:
        return q_add(x, -t)
    if x < -t:
        return q_add(x, t)
    return 0.0


def f_hard_sigmoid(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if dialect in ("keras3", "pytorch", "jax"):
        if deriv:
            return F(1, 6) if -3 < x < 3 else 0.0
        if x <= -3:
            return 0.0
        if x >= 3:
            return 1.0
        return (F(x) + 3) / 6
    a, b = pv(P, "alpha"), pv(P, "beta")
    if isinf(x):
        if a == 0:
            u = F(b)
        else:
            return 0.0 if deriv else (1.0 if (x > 0) == (a > 0) else 0.0)
    else:
        u = F(a) * F(x) + F(b)
    if deriv:
        return a if 0 <= u <= 1 else 0.0
    if u <= 0:
        return 0.0
    if u >= 1:
        return 1.0
    return u


def f_hard_silu(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if dialect == "onnx":
        # x * HardSigmoid(x) with alpha = one_sixth = float32(1/6), beta = 0.5 (ONNX float
        # attributes; the constant one_sixth, then the compute format)
        a = F(pv(P, "one_sixth"))
        b = F(1, 2)
        if x == INF:
            return 1.0 if deriv else INF
        if x == -INF:
            return 0.0 if deriv else NAN
        u = a * F(x) + b
        if deriv:
            if u <= 0:
                return 0.0
            if u >= 1:
                return 1.0
            g = 2 * a * F(x) + b
            return 0.0 if g == 0 else g
        if u <= 0:
            return q_mul(x, 0.0)
        if u >= 1:
            return x
        if x == 0:
            return x
        return F(x) * u
    if deriv:
        if x <= -3:
            return 0.0
        if x >= 3:
            return 1.0
        g = (2 * F(x) + 3) / 6
        return 0.0 if g == 0 else g
    if x <= -3:
        return q_mul(x, 0.0)
    if x >= 3:
        return x
    if x == 0:
        return x
    return F(x) * (F(x) + 3) / 6


def f_sparse_sigmoid(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if x == 1 or x == -1:
            return 0.25 if dialect == "jax" else 0.0
        return 0.5 if -1 < x < 1 else 0.0
    if x <= -1:
        return 0.0
    if x >= 1:
        return 1.0
    return (F(x) + 1) / 2


def f_elu(x, P, dialect, deriv):
    a = pv(P, "alpha")
    if isnan(x):
        return NAN
    if deriv:
        if x > 0:
            return 1.0
        if x == -INF:
            return q_mul(a, 0.0)
        if x == 0:
            return a
        if a == 0:
            return 0.0
        return lambda: mpf(a) * mpmath.exp(mpf(x))
    if x > 0:
        return x
    if x == -INF:
        return -a
    if x == 0:
        if dialect == "pytorch":
            return q_mul(0.0, a)  # (e^-0 - 1) * alpha
        return q_mul(a, x)  # alpha * expm1(+-0)
    if a == 0:
        return q_mul(a, -1.0)
    if x < -3000:
        return Near(-F(a), 1 if a > 0 else -1)
    return lambda: mpf(a) * mpmath.expm1(mpf(x))


def f_selu(x, P, dialect, deriv):
    a, s = pv(P, "alpha"), pv(P, "scale")
    if dialect in ("keras3", "tf_keras2"):
        sa = F(pv(P, "scale_alpha"))  # TensorFlow's one constant, in the compute format
    else:
        sa = F(s) * F(a)  # the exact product of the parameters as held
    if isnan(x):
        return NAN
    if deriv:
        if x > 0:
            return s
        if x == -INF:
            return 0.0
        if x == 0:
            return s if dialect in ("keras3", "tf_keras2") else sa
        return lambda: mpf_of(sa) * mpmath.exp(mpf(x))
    if x > 0:
        return q_mul(s, x)
    if x == -INF:
        return -sa
    if x == 0:
        if dialect in ("pytorch", "onnx"):
            return 0.0
        return x
    if x < -3000 and sa != 0:
        return Near(-sa, 1 if sa > 0 else -1)
    return lambda: mpf_of(sa) * mpmath.expm1(mpf(x))


def f_celu(x, P, dialect, deriv):
    a = pv(P, "alpha")
    if a == 0:
        raise BadRequest("celu: alpha = 0")
    if isnan(x):
        return NAN
    if deriv:
        if x > 0:
            return 1.0
        if x == 0:
            return 1.0
        if x == -INF:
            return 0.0 if a > 0 else INF
        return lambda: mpmath.exp(mpf(x) / mpf(a))
    if x > 0:
        return x
    if x == -INF:
        return -a if a > 0 else -INF
    if x == 0:
        if dialect == "pytorch":
            return q_mul(0.0, a)
        if dialect == "onnx":
            return 0.0
        return x
    return lambda: mpf(a) * mpmath.expm1(mpf(x) / mpf(a))


def f_softplus(x, P, dialect, deriv):
    beta = pv(P, "beta")
    thr = pv(P, "threshold")
    if beta <= 0:
        raise BadRequest("softplus: beta <= 0")
    if isnan(x):
        return NAN
    if x == INF:
        return 1.0 if deriv else INF
    if x == -INF:
        return 0.0
    if thr is not None and F(beta) * F(x) > F(thr):
        return 1.0 if deriv else x
    if deriv:
        if x == 0:
            return 0.5
        return lambda: sigmoid_mp(mpmath.fmul(mpf(beta), mpf(x), exact=True))
    if x == 0:
        return lambda: mpmath.log(2) / mpf(beta)
    return lambda: softplus_mp(mpmath.fmul(mpf(beta), mpf(x), exact=True)) / mpf(beta)


def f_log_sigmoid(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if x == INF:
            return 0.0
        if x == -INF:
            return 1.0
        if x == 0:
            return 0.5
        return lambda: 1 / (1 + mpmath.exp(mpf(x)))
    if x == INF:
        return 0.0 if dialect == "pytorch" else -0.0
    if x == -INF:
        return -INF
    return lambda: -softplus_mp(-mpf(x))


def f_mish(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if isinf(x):
            return NAN
        if x == 0:
            return F(3, 5)
        if x > 60:
            return 1.0

        def d():
            X = mpf(x)

            def terms():
                e = mpmath.exp(X)
                u = e * (e + 2)
                return [u * (u + 2), 4 * X * e * (1 + e)]
            num = cancel_sum(terms)
            e = mpmath.exp(X)
            u = e * (e + 2)
            return num / (u + 2) ** 2
        return d
    if x == INF:
        return INF
    if x == -INF:
        return NAN
    if x == 0:
        return x
    if x > 60:
        return x

    def v():
        X = mpf(x)
        e = mpmath.exp(X)
        u = e * (e + 2)
        return X * u / (u + 2)
    return v


def f_sparse_plus(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if x <= -1:
            return 0.0
        if x >= 1:
            return 1.0
        return (F(x) + 1) / 2
    if x <= -1:
        return 0.0
    if x >= 1:
        return x
    return (F(x) + 1) ** 2 / 4


def exact_sqrt(fr):
    """sqrt of a nonnegative Fraction if rational, else None."""
    n, d = fr.numerator, fr.denominator
    rn, rd = math.isqrt(n), math.isqrt(d)
    if rn * rn == n and rd * rd == d:
        return F(rn, rd)
    return None


def f_squareplus(x, P, dialect, deriv):
    b = pv(P, "b")
    if b < 0:
        raise BadRequest("squareplus: b < 0")
    if isnan(x):
        return NAN
    if x == INF:
        return 1.0 if deriv else INF
    if x == -INF:
        return 0.0 if deriv else NAN
    if b == 0:
        if deriv:
            return 1.0 if x > 0 else (0.0 if x < 0 else NAN)
        return x if x > 0 else 0.0
    X, B = F(x), F(b)
    s = exact_sqrt(X * X + B)
    if deriv:
        if x == 0:
            return 0.5
        if s is not None:
            return (1 + X / s) / 2 if x >= 0 else B / (2 * s * (s - X))
        if x > 0:
            return lambda: (1 + mpf(x) / mpmath.sqrt(mpf(x) ** 2 + mpf(b))) / 2

        def dn():
            S = mpmath.sqrt(mpf(x) ** 2 + mpf(b))
            return mpf(b) / (2 * S * (S - mpf(x)))
        return dn
    if s is not None:
        return (X + s) / 2 if x >= 0 else B / (2 * (s - X))
    if x >= 0:
        return lambda: (mpf(x) + mpmath.sqrt(mpf(x) ** 2 + mpf(b))) / 2
    return lambda: mpf(b) / (2 * (mpmath.sqrt(mpf(x) ** 2 + mpf(b)) - mpf(x)))


def f_softsign(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if isinf(x):
            return 0.0
        return 1 / (1 + abs(F(x))) ** 2
    if isinf(x):
        return NAN
    if x == 0:
        return x
    return F(x) / (1 + abs(F(x)))


def f_arctan(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if isinf(x):
            return 0.0
        return 1 / (1 + F(x) ** 2)
    if x == INF:
        return lambda: mpmath.pi / 2
    if x == -INF:
        return lambda: -mpmath.pi / 2
    if x == 0:
        return x
    return lambda: mpmath.atan(mpf(x))


def f_soft_exponential(x, P, dialect, deriv):
    a = pv(P, "alpha")
    if a == 0:
        if deriv:
            return NAN if isnan(x) else 1.0
        return x
    if isnan(x):
        return NAN
    A = F(a)
    if a > 0:
        if deriv:
            if x == INF:
                return INF
            if x == -INF:
                return 0.0
            if x == 0:
                return 1.0
            return lambda: mpmath.exp(mpmath.fmul(mpf(a), mpf(x), exact=True))
        if x == INF:
            return INF
        if x == -INF:
            r = (A * A - 1) / A
            return 0.0 if r == 0 else r
        if x == 0:
            return a
        if F(a) * F(x) < -3000 and A * A != 1:
            return Near((A * A - 1) / A, 1)

        def v():
            ax = mpmath.fmul(mpf(a), mpf(x), exact=True)
            a2 = mpmath.fmul(mpf(a), mpf(a), exact=True)
            s = cancel_sum(lambda: [mpmath.expm1(ax), a2])
            return s / mpf(a)
        return v
    # a < 0: -ln(1 - a (x + a)) / a
    if x == INF:
        return 0.0 if deriv else INF
    if x == -INF:
        return NAN
    inner = -A * (F(x) + A)
    vv = 1 + inner
    if vv < 0:
        return NAN
    if vv == 0:
        return INF if deriv else -INF
    if deriv:
        return 1 / vv
    if inner == 0:
        return 0.0
    return lambda: -mpmath.log1p(mpf_of(inner)) / mpf(a)


def f_sigmoid(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if isinf(x):
            return 0.0
        if x == 0:
            return 0.25

        def d():
            e = mpmath.exp(-abs(mpf(x)))
            return e / (1 + e) ** 2
        return d
    if x == INF:
        return 1.0
    if x == -INF:
        return 0.0
    if x == 0:
        return 0.5
    return lambda: sigmoid_mp(mpf(x))


def f_tanh(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if isinf(x):
            return 0.0
        if x == 0:
            return 1.0
        return lambda: mpmath.sech(mpf(x)) ** 2
    if x == INF:
        return 1.0
    if x == -INF:
        return -1.0
    if x == 0:
        return x
    return lambda: mpmath.tanh(mpf(x))


def f_silu(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if x == INF:
            return 1.0
        if x == -INF:
            return -0.0
        if x == 0:
            return 0.5

        def d():
            X = mpf(x)
            s = cancel_sum(lambda: [mpf(1), X, mpmath.exp(X)])
            e = mpmath.exp(X)
            return e * s / (1 + e) ** 2
        return d
    if x == INF:
        return INF
    if x == -INF:
        return NAN
    if x == 0:
        return x
    return lambda: mpf(x) / (1 + mpmath.exp(-mpf(x)))


def f_tanh_shrink(x, P, dialect, deriv):
    if isnan(x):
        return NAN
    if deriv:
        if isinf(x):
            return 1.0
        if x == 0:
            return 0.0
        return lambda: mpmath.tanh(mpf(x)) ** 2
    if isinf(x):
        return x
    if x == 0:
        return 0.0
    if abs(x) > 2000:
        # x - tanh x = x - 1 + 2 e^(-2x) / (1 + e^(-2x)): above x - 1 by less than e^-4000
        sgn = 1 if x > 0 else -1
        return Near(F(x) - sgn, sgn)
    if abs(x) < 2.0 ** -400:
        return signed_zero(x < 0)  # |x^3 / 3| < 2^-1201
    hint = max(0, -2 * math.frexp(x)[1]) + 4

    def v():
        X = mpf(x)
        return cancel_sum(lambda: [X, -mpmath.tanh(X)], hint)
    return v


def f_gelu(x, P, dialect, deriv):
    approx = pv(P, "approximate")
    if isnan(x):
        return NAN
    if deriv:
        if x == INF:
            return 1.0
        if x == -INF:
            return -0.0
        if x == 0:
            return 0.5
        if x > 50:
            return 1.0
        if x < -50:
            return -0.0
    else:
        if x == INF:
            return INF
        if x == -INF:
            return NAN
        if x == 0:
            return x
        if x > 50:
            return x
        if x < -50:
            return -0.0
    extra = 2 * max(0, math.frexp(x)[1]) + 16
    if not approx:
        # (x/2) erfc(-s x) with s the dialect's scale: 1/sqrt_2 (keras3, tf_keras2), sqrt_half
        # (pytorch, jax), both as stored in the compute format; 1/sqrt(2) exactly (onnx)
        kind, c = pv(P, "erf_scale")

        def s_of():
            if kind == "div":
                return 1 / mpf(c)
            if kind == "mul":
                return mpf(c)
            return 1 / mpmath.sqrt(2)

        if not deriv:
            def v():
                with mp.extraprec(extra):
                    X = mpf(x)
                    return X / 2 * mpmath.erfc(-s_of() * X)
            return v

        def d():
            with mp.extraprec(extra):
                X = mpf(x)
                S = s_of()

                def terms():
                    # (1/2)(1 + erf(s x)) + x s e^(-s^2 x^2) / sqrt(pi)
                    return [mpmath.erfc(-S * X) / 2,
                            X * S * mpmath.exp(-(S * X) ** 2) / mpmath.sqrt(mpmath.pi)]
                return cancel_sum(terms)
        return d
    # tanh form: f = x sigmoid(2u), u = b (x + kappa x^3), b and kappa as the dialect holds them
    extra = 3 * max(0, math.frexp(x)[1]) + 16
    bkind, bc = pv(P, "tanh_scale")
    kappa = pv(P, "kappa")

    def b_of():
        if bkind == "sqrt":
            return mpmath.sqrt(mpf(bc))
        return mpf(bc)

    def u_of(X):
        return b_of() * X * (1 + mpf(kappa) * X * X)

    if not deriv:
        def v():
            with mp.extraprec(extra):
                X = mpf(x)
                return X * sigmoid_mp(2 * u_of(X))
        return v

    def d():
        with mp.extraprec(extra):
            X = mpf(x)

            def terms():
                # f' = sigmoid(2u) (1 + 2 x sigmoid(-2u) b (1 + 3 kappa x^2))
                u = u_of(X)
                du = b_of() * (1 + 3 * mpf(kappa) * X * X)
                return [mpf(1), 2 * X * sigmoid_mp(-2 * u) * du]
            inner = cancel_sum(terms)
            return sigmoid_mp(2 * u_of(X)) * inner
    return d


ELEMENTWISE = {
    "exponential": f_exponential,
    "linear": f_linear,
    "relu": f_relu,
    "relu6": f_relu6,
    "leaky_relu": f_leaky_relu,
    "prelu": f_prelu,
    "rrelu": f_rrelu,
    "threshold": f_threshold,
    "thresholded_relu": f_thresholded_relu,
    "hard_tanh": f_hard_tanh,
    "hard_shrink": f_hard_shrink,
    "soft_shrink": f_soft_shrink,
    "hard_sigmoid": f_hard_sigmoid,
    "hard_silu": f_hard_silu,
    "sparse_sigmoid": f_sparse_sigmoid,
    "elu": f_elu,
    "selu": f_selu,
    "celu": f_celu,
    "softplus": f_softplus,
    "log_sigmoid": f_log_sigmoid,
    "mish": f_mish,
    "sparse_plus": f_sparse_plus,
    "squareplus": f_squareplus,
    "softsign": f_softsign,
    "arctan": f_arctan,
    "soft_exponential": f_soft_exponential,
    "sigmoid": f_sigmoid,
    "tanh": f_tanh,
    "silu": f_silu,
    "tanh_shrink": f_tanh_shrink,
    "gelu": f_gelu,
}


def nan_derivative(function, dialect, P):
    """f'(NaN) per dialect (the catalog's "Derivative at NaN" lines, rules
    <function>.derivative.nan; PyTorch's position-dependent cases take the scalar path's value,
    as the rules do). NaN where no line gives a value."""
    one, zero = 1.0, 0.0
    if function == "linear":
        return one
    if function == "relu":
        if dialect in ("keras3", "tf_keras2"):
            s, m, t = P["negative_slope"][1], P["max_value"][1], P["threshold"][1]
            if s != 0 and m is None and t == 0:
                return pv(P, "negative_slope")  # the leaky path: LeakyReluGrad gives alpha
            return zero
        return {"jax": zero, "onnx": zero, "pytorch": one}.get(dialect, NAN)
    if function == "relu6":
        return {"keras3": zero, "tf_keras2": zero, "jax": zero, "pytorch": one}.get(dialect, NAN)
    if function == "leaky_relu":
        return pv(P, "negative_slope")
    if function == "prelu":
        return {"keras3": zero, "tf_keras2": zero, "pytorch": pv(P, "alpha")}.get(dialect, NAN)
    if function == "rrelu":
        return (F(pv(P, "lower")) + F(pv(P, "upper"))) / 2
    if function == "threshold":
        return {"keras3": zero, "pytorch": one}.get(dialect, NAN)
    if function == "thresholded_relu":
        return {"tf_keras2": zero, "onnx": zero}.get(dialect, NAN)
    if function == "hard_tanh":
        return {"keras3": zero, "pytorch": one, "jax": one}.get(dialect, NAN)
    if function in ("hard_shrink", "soft_shrink"):
        return {"keras3": zero, "onnx": zero, "pytorch": one}.get(dialect, NAN)
    if function == "hard_sigmoid":
        return {"keras3": zero, "tf_keras2": zero, "pytorch": zero, "jax": zero}.get(dialect, NAN)
    if function == "hard_silu":
        return {"pytorch": one}.get(dialect, NAN)
    if function == "sparse_sigmoid":
        return {"keras3": 0.5, "jax": zero}.get(dialect, NAN)
    if function == "elu":
        return {"keras3": pv(P, "alpha"), "tf_keras2": pv(P, "alpha"),
                "pytorch": one}.get(dialect, NAN)
    if function == "selu":
        return {"keras3": pv(P, "scale"), "tf_keras2": pv(P, "scale"),
                "pytorch": pv(P, "scale")}.get(dialect, NAN)
    if function == "celu":
        return {"keras3": zero, "pytorch": one}.get(dialect, NAN)
    if function == "sparse_plus":
        return {"keras3": one}.get(dialect, NAN)
    return NAN  # soft_exponential (rule soft_exponential.derivative.nan) and all others


# ---------------------------------------------------------------------------------------------
# Axis functions (one vector at a time)
# ---------------------------------------------------------------------------------------------

def softmax_vector(xs, fmt, log=False):
    n = len(xs)
    if any(isnan(v) or v == INF for v in xs):
        return [NAN] * n
    fin = [v for v in xs if v != -INF]
    if not fin:
        return [NAN] * n
    m = max(fin)
    ninf = -INF if log else 0.0
    if all(v == m for v in fin):
        k = len(fin)
        if log:
            if k == 1:
                val = 0.0
            else:
                val = finalize(lambda: -mpmath.log(k), fmt)
        else:
            val = round_fraction(F(1, k), fmt)
        return [val if v != -INF else ninf for v in xs]
    # d_j = x_j - m exact (mpf with exact subtraction); s = sum over all but one maximum
    M = mpf(m)
    ds = [mpmath.fsub(mpf(v), M, exact=True) for v in fin]
    imax = fin.index(m)
    others = [d for j, d in enumerate(ds) if j != imax]
    top = max(others)
    cache = {}

    def s_at(prec):
        if prec not in cache:
            with mp.workprec(prec + 16):
                if log:
                    cut = top - (prec + 40) * mpmath.log(2)
                else:
                    cut = -(prec + 40) * mpmath.log(2)
                terms = [mpmath.exp(d) for d in others if d >= cut]
                s = mpmath.fsum(terms) if terms else mpf(0)
                cache[prec] = (s, mpmath.log1p(s) if log else None)
        return cache[prec]

    out_by_value = {}
    for v in set(fin):
        d = mpmath.fsub(mpf(v), M, exact=True)
        if log:
            if v == m:
                if top < -2000:
                    out_by_value[v] = -0.0
                    continue

                def fn():
                    return -s_at(mp.prec)[1]
            elif top < -3000:
                # d - log1p(s) with log1p(s) < 2^-4300 and |d| >= 3000
                out_by_value[v] = round_near(Near(F(v) - F(m), -1), fmt)
                continue
            else:
                def fn(d=d):
                    return d - s_at(mp.prec)[1]
        else:
            if d < -800:
                out_by_value[v] = 0.0
                continue

            def fn(d=d):
                s = s_at(mp.prec)[0]
                return mpmath.exp(d) / (1 + s)
        out_by_value[v] = ziv(fn, fmt)
    return [out_by_value[v] if v != -INF else ninf for v in xs]


def sparsemax_vector(xs, fmt):
    n = len(xs)
    if any(isnan(v) or v == INF for v in xs):
        return [NAN] * n
    fin = [F(v) for v in xs if v != -INF]
    if not fin:
        return [NAN] * n
    z = sorted(fin, reverse=True)
    cs = F(0)
    k, csk = 0, F(0)
    for i, zi in enumerate(z, start=1):
        cs += zi
        if 1 + i * zi > cs:
            k, csk = i, cs
    tau = (csk - 1) / k
    out = []
    for v in xs:
        if v == -INF:
            out.append(0.0)
            continue
        y = F(v) - tau
        out.append(round_fraction(y, fmt) if y > 0 else 0.0)
    return out


def glu_pair(a, b, fmt):
    if isnan(a) or isnan(b):
        return NAN
    if b == INF:
        return a
    if b == -INF:
        return NAN if isinf(a) else signed_zero(signbit(a))
    if isinf(a):
        return a
    if a == 0:
        return a
    if b == 0:
        return round_fraction(F(a) / 2, fmt)
    return ziv(lambda: mpf(a) * sigmoid_mp(mpf(b)), fmt)


def relu_keep(v):
    if isnan(v):
        return NAN
    if v > 0 or v == 0:
        return v
    return 0.0


# ---------------------------------------------------------------------------------------------
# Requests
# ---------------------------------------------------------------------------------------------

def parse_x(v):
    if isinstance(v, str):
        s = v.strip()
        if s == "NaN":
            return NAN
        if s in ("Infinity", "+Infinity"):
            return INF
        if s == "-Infinity":
            return -INF
        return float(s)
    if isinstance(v, (int, float)):
        return float(v)
    raise BadRequest("bad x element %r" % (v,))


def fmt_out(v):
    if isnan(v):
        return '"NaN"'
    if v == INF:
        return '"Infinity"'
    if v == -INF:
        return '"-Infinity"'
    return repr(v)


def key_of(v):
    if isnan(v):
        return b"nan"
    return struct.pack(">d", v)


ELEM_CACHE = {}
VEC_CACHE = {}


def vectors(shape, axis):
    """Flat index lists of the vectors along axis of a row-major array."""
    rank = len(shape)
    if axis < 0:
        axis += rank
    if not 0 <= axis < rank:
        raise BadRequest("axis out of range")
    n = shape[axis]
    inner = 1
    for s in shape[axis + 1:]:
        inner *= s
    outer = 1
    for s in shape[:axis]:
        outer *= s
    res = []
    for o in range(outer):
        for i in range(inner):
            res.append([o * n * inner + j * inner + i for j in range(n)])
    return res, axis, outer, inner, n


def handle(req):
    function = req.get("function")
    dialect = req.get("dialect") or "keras3"
    dtype = req.get("dtype") or "float64"
    deriv = bool(req.get("derivative", False))
    if function not in DIALECTS:
        raise Unsupported()
    if dialect not in DIALECTS[function]:
        raise Unsupported()
    if dtype not in FORMATS:
        raise Unsupported()
    raw = req.get("params") or {}
    P = resolve_params(function, dialect, raw, dtype)
    xs = [parse_x(v) for v in req.get("x", [])]
    # inputs are values of the dtype; make sure of it
    xs = [round_float(v, dtype) for v in xs]
    pkey = json.dumps(raw, sort_keys=True)
    if function in ELEMENTWISE:
        fn = ELEMENTWISE[function]
        out = []
        base = (function, dialect, pkey, dtype, deriv)
        for x in xs:
            k = (base, key_of(x))
            y = ELEM_CACHE.get(k)
            if y is None:
                if deriv and isnan(x):
                    y = finalize(nan_derivative(function, dialect, P), dtype)
                else:
                    y = finalize(fn(x, P, dialect, deriv), dtype)
                ELEM_CACHE[k] = y
            out.append(y)
        return out
    # axis functions
    if deriv:
        raise Unsupported()
    shape = req.get("shape") or [len(xs)]
    axis = req.get("axis")
    if axis is None:
        axis = raw.get("axis", raw.get("dim", -1))
    size = 1
    for s in shape:
        size *= s
    if size != len(xs):
        raise BadRequest("shape does not match x")
    vecs, ax, outer, inner, n = vectors(shape, axis)
    if function in ("softmax", "log_softmax", "softmin", "sparsemax"):
        out = [None] * len(xs)
        for idx in vecs:
            v = [xs[i] for i in idx]
            if function == "softmin":
                v = [-t for t in v]
            key = (function, dtype, tuple(sorted(key_of(t) for t in v)))
            table = VEC_CACHE.get(key)
            if table is None:
                if function == "sparsemax":
                    ys = sparsemax_vector(v, dtype)
                else:
                    ys = softmax_vector(v, dtype, log=(function == "log_softmax"))
                table = {key_of(t): y for t, y in zip(v, ys)}
                VEC_CACHE[key] = table
            for i, t in zip(idx, v):
                out[i] = table[key_of(t)]
        return out
    if function == "glu":
        if n % 2:
            raise BadRequest("glu: the length along the axis must be even, got %d" % n)
        h = n // 2
        out = [None] * (outer * h * inner)
        for o in range(outer):
            for i in range(inner):
                for j in range(h):
                    a = xs[o * n * inner + j * inner + i]
                    b = xs[o * n * inner + (j + h) * inner + i]
                    k = ("glu", dtype, key_of(a), key_of(b))
                    y = VEC_CACHE.get(k)
                    if y is None:
                        y = glu_pair(a, b, dtype)
                        VEC_CACHE[k] = y
                    out[o * h * inner + j * inner + i] = y
        return out
    if function == "crelu":
        out = [None] * (outer * 2 * n * inner)
        for o in range(outer):
            for i in range(inner):
                for j in range(n):
                    x = xs[o * n * inner + j * inner + i]
                    out[o * 2 * n * inner + j * inner + i] = relu_keep(x)
                    out[o * 2 * n * inner + (j + n) * inner + i] = relu_keep(-x)
        return out
    raise Unsupported()


def main():
    if sys.argv[1:]:
        sys.exit("usage: independent_activation.py (requests on stdin, replies on stdout)")
    out = sys.stdout
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        rid = None
        try:
            req = json.loads(line, parse_float=lambda s: s)
            rid = req.get("id")
            ys = handle(req)
            reply = '{"id":%s,"y":[%s]}' % (json.dumps(rid), ",".join(fmt_out(y) for y in ys))
        except Unsupported:
            reply = json.dumps({"id": rid, "unsupported": True})
        except (BadRequest, ValueError, ZeroDivisionError, ArithmeticError) as e:
            reply = json.dumps({"id": rid, "error": "%s: %s" % (type(e).__name__, e)})
        except Exception as e:  # noqa: BLE001 - report, never crash
            reply = json.dumps({"id": rid, "error": "internal: %s: %s" % (type(e).__name__, e)})
        out.write(reply + "\n")
        out.flush()


if __name__ == "__main__":
    main()
