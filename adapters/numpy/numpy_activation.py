#!/usr/bin/env python3
"""NumPy under activation-tck, speaking the JSON-lines process protocol.

Run the TCK against it:  ./tck run --impl-command "python3 adapters/numpy/numpy_activation.py"

NumPy has no activation functions of its own: each function here is the catalog's definition
written with NumPy ufuncs in the dtype of the request, the way a NumPy user (or a framework's NumPy
reference) writes it: no widening of float32 to float64, no extra care beyond what the ufuncs give
(np.logaddexp, np.expm1 and np.log1p where the definition is a softplus or an e^x - 1). So the
results measure NumPy's ufuncs and the obvious formulas, not a careful implementation.

What is declined ({"unsupported": true}, reported not implemented, never passed):
- every derivative except linear (1) and exponential (e^x): NumPy has no differentiation;
- gelu's exact form in float32 (NumPy has no erf; float64 uses Python's math.erf per element,
  which is the C library's erf, not NumPy);
- parameters the formula below does not take (relu's Keras parameters), and functions not listed.

Parameters omitted from a request take the dialect's default, read from the catalog JSON in this
repository (spec/src/main/resources/org/activationtck/spec/catalog), and are held as the dialect
holds them (rule params.compute_format): rounded to the parameter's storage precision where the
catalog declares one (float32 for ONNX attributes and TensorFlow float attrs, on every dtype), then
to the request's dtype, in which every formula here computes.

The protocol (framing, the describe reply, reading the inputs in the request's dtype, writing the
results) is the Python client's, clients/python/activation_tck_client.py. The adapter declares its
name and NumPy's version; no dialects, since it implements every dialect's semantics.
"""
import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "clients", "python"))
from activation_tck_client import Client, Unsupported  # noqa: E402

DTYPES = {"float64": np.float64, "float32": np.float32, "float16": np.float16}
DIALECTS = ("keras3", "tf_keras2", "pytorch", "jax", "onnx")
CATALOG_DIR = os.path.join(HERE, "..", "..", "spec", "src", "main", "resources", "org", "activationtck",
                           "spec", "catalog")
_catalog = {}


def catalog(function):
    if function not in _catalog:
        with open(os.path.join(CATALOG_DIR, function + ".json"), encoding="utf-8") as f:
            _catalog[function] = json.load(f)
    return _catalog[function]


def spelling(function, dialect, name):
    """The dialect's name for a parameter (e.g. ONNX calls selu's scale gamma)."""
    for p in catalog(function).get("parameters", []):
        if p["name"] == name:
            return p.get("names", {}).get(dialect, name)
    return name


def storage(function, dialect, name, value_of):
    """The catalog's storage precision of a real parameter for the call: float32, dtype or compute.

    value_of(other) gives another parameter's value, for conditional precisions ("when")."""
    for p in catalog(function).get("parameters", []):
        if p["name"] == name:
            rule = p.get("precision", {}).get(dialect)
            if rule is None:
                return "compute"
            if isinstance(rule, str):
                return rule
            for other, want in rule.get("when", {}).items():
                got = value_of(other)
                if got != want and not _same_number(got, want):
                    return "compute"
            return rule["storage"]
    return "compute"


def default(function, dialect, name):
    for p in catalog(function).get("parameters", []):
        if p["name"] == name:
            v = p.get("defaults", {}).get(dialect)
            if v is None:
                raise Unsupported
            return v
    raise Unsupported


class Req:
    """A request as the formulas below see it: the client's call, with the dtype as NumPy's."""

    def __init__(self, call):
        self.function = call.function
        self.dialect = call.dialect
        self.params = call.params
        self.dtype = DTYPES[call.dtype]

    def raw(self, name):
        v = self.params.get(name)
        if v is None:
            # Documented fixture cases may spell a parameter as the dialect does (ONNX selu: gamma).
            v = self.params.get(spelling(self.function, self.dialect, name))
        return str(v) if v is not None else default(self.function, self.dialect, name)

    def real(self, name):
        """The parameter as the dialect holds it, in the request's dtype (rule params.compute_format).

        float32 storage rounds to float32 first; otherwise the value goes to float32 for narrow
        dtypes (PyTorch's op-math type) and then to the dtype, as before the rule had storages."""
        wide = float(self.raw(name))  # correctly rounded decimal -> double
        kept = storage(self.function, self.dialect, name, self.raw)
        if kept == "float32" or self.dtype != np.float64:
            wide = np.float32(wide)
        return self.dtype(wide)

    def only_defaults(self):
        for k, v in self.params.items():
            canonical = [p["name"] for p in catalog(self.function).get("parameters", [])
                         if k in (p["name"], p.get("names", {}).get(self.dialect))]
            if not canonical:
                raise Unsupported
            d = default(self.function, self.dialect, canonical[0])
            if str(v) != d and not _same_number(str(v), d):
                raise Unsupported


def _same_number(a, b):
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def c(r, v):
    """A constant in the request's dtype."""
    return r.dtype(v)


def sigmoid_of(x, r):
    return c(r, 1) / (c(r, 1) + np.exp(-x))


def relu(x, r):
    r.only_defaults()
    # max(x, 0) keeping x itself for x = +-0 and NaN: relu(-0.0) = -0.0.
    return np.where((x > 0) | np.isnan(x) | (x == 0), x, np.zeros_like(x))


def leaky_relu(x, r):
    s = r.real("negative_slope")
    keep = x >= 0 if r.dialect == "jax" else x > 0
    return np.where(keep, x, s * x)


def elu(x, r):
    a = r.real("alpha")
    return np.where(x > 0, x, a * np.expm1(x))


def selu(x, r):
    a, s = r.real("alpha"), r.real("scale")
    return s * np.where(x > 0, x, a * np.expm1(x))


def celu(x, r):
    a = r.real("alpha")
    return np.where(x > 0, x, a * np.expm1(x / a))


def softplus(x, r):
    b = r.real("beta")
    y = np.logaddexp(c(r, 0), b * x) / b
    if r.dialect == "pytorch":
        t = r.real("threshold")
        y = np.where(b * x > t, x, y)
    return y


def hard_sigmoid(x, r):
    if r.dialect in ("tf_keras2", "onnx"):
        return np.clip(r.real("alpha") * x + r.real("beta"), c(r, 0), c(r, 1))
    return np.clip(x + c(r, 3), c(r, 0), c(r, 6)) / c(r, 6)


def hard_silu(x, r):
    if r.dialect == "onnx":
        # HardSwish's function body: HardSigmoid with alpha = float32(1/6), a float attribute.
        a = c(r, np.float32(1 / 6))
        return x * np.maximum(c(r, 0), np.minimum(c(r, 1), a * x + c(r, 0.5)))
    return x * np.clip(x + c(r, 3), c(r, 0), c(r, 6)) / c(r, 6)


def hard_tanh(x, r):
    return np.clip(x, r.real("min_val"), r.real("max_val"))


def gelu(x, r):
    approximate = r.raw("approximate") in ("true", "True", True)
    if approximate:
        k = c(r, math.sqrt(2 / math.pi))
        return c(r, 0.5) * x * (c(r, 1) + np.tanh(k * (x + c(r, 0.044715) * x * x * x)))
    if r.dtype != np.float64:
        raise Unsupported  # no erf in NumPy; widening float32 to math.erf would not be NumPy float32
    # x/2 * erfc(-x/sqrt 2): the erfc form keeps the negative tail (1 + erf(x) cancels there).
    return np.array([0.5 * v * math.erfc(-v / math.sqrt(2)) for v in x.tolist()], dtype=np.float64)


def softmax(x, r):
    r.only_defaults()
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


def log_softmax(x, r):
    r.only_defaults()
    s = x - np.max(x)
    return s - np.log(np.sum(np.exp(s)))


FUNCTIONS = {
    "exponential": lambda x, r: np.exp(x),
    "linear": lambda x, r: x,
    "arctan": lambda x, r: np.arctan(x),
    "tanh": lambda x, r: np.tanh(x),
    "sigmoid": sigmoid_of,
    "softsign": lambda x, r: x / (c(r, 1) + np.abs(x)),
    "relu": relu,
    "relu6": lambda x, r: np.clip(x, c(r, 0), c(r, 6)),
    "leaky_relu": leaky_relu,
    "elu": elu,
    "selu": selu,
    "celu": celu,
    "softplus": softplus,
    "log_sigmoid": lambda x, r: -np.logaddexp(c(r, 0), -x),
    "mish": lambda x, r: x * np.tanh(np.logaddexp(c(r, 0), x)),
    "silu": lambda x, r: x / (c(r, 1) + np.exp(-x)),
    "hard_sigmoid": hard_sigmoid,
    "hard_silu": hard_silu,
    "hard_tanh": hard_tanh,
    "tanh_shrink": lambda x, r: x - np.tanh(x),
    "gelu": gelu,
    "softmax": softmax,
    "log_softmax": log_softmax,
}
DERIVATIVES = {"linear": lambda x, r: np.ones_like(x), "exponential": lambda x, r: np.exp(x)}


def numpy_function(fn):
    """fn(x, r) on a NumPy array in the request's dtype, as a function the client registers."""
    def run(x, call):
        if call.dtype not in DTYPES or call.dialect not in DIALECTS:
            raise Unsupported
        r = Req(call)
        with np.errstate(all="ignore"):
            return np.asarray(fn(np.array(x, dtype=r.dtype), r)).astype(r.dtype).tolist()
    return run


def client():
    c = Client(name="numpy", version=np.__version__)
    for name, fn in FUNCTIONS.items():
        c.value(name)(numpy_function(fn))
    for name, fn in DERIVATIVES.items():
        c.derivative(name)(numpy_function(fn))
    return c


if __name__ == "__main__":
    client().serve()
