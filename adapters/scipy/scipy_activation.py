#!/usr/bin/env python3
"""SciPy under activation-tck, speaking the JSON-lines process protocol.

Run the TCK against it:  ./tck run --impl-command "python3 adapters/scipy/scipy_activation.py"

What SciPy itself provides, and nothing else (values only: SciPy has no derivatives):

- sigmoid      scipy.special.expit(x)
- log_sigmoid  scipy.special.log_expit(x)
- softmax      scipy.special.softmax(x)       (axis function, the whole vector)
- log_softmax  scipy.special.log_softmax(x)
- gelu, exact form only (approximate = false):
    jax                          x * scipy.special.ndtr(x)   (Phi itself, like jax's erfc form)
    keras3, tf_keras2            0.5 x (1 + erf(x / sqrt_2)),  sqrt_2 = sqrt(2) in the dtype
    pytorch, onnx                0.5 x (1 + erf(x * sqrt_half)), sqrt_half = sqrt(1/2) in the dtype
  i.e. the dialect's own formula, with scipy.special.erf / ndtr as the special function.

Dtypes: float64 and float32, each computed by calling SciPy on an array of that dtype (float16 and
bfloat16 are declined). expit and log_expit have genuine float32 kernels (their 'f->f' loops give
other results than the float64 kernel rounded to float32). softmax and log_softmax are NumPy
operations in the array's dtype. For erf and ndtr, SciPy's 'f->f' loop evaluates the float64
kernel and rounds the result to float32 (on 200,000 random float32 inputs every result equals
float32(f(float64(x)))): a float32 gelu here is float64 erf/ndtr rounded to float32, then float32
arithmetic. That is SciPy's implementation choice, taken as it is, not a widening by this adapter.

Declined ({"unsupported": true}, reported not implemented): every derivative; the tanh form of
gelu (SciPy has no such function); any parameter value other than the dialect's default; every
other function. The adapter declares its name and scipy.__version__ and no dialects: it implements
formulas shared by several dialects, and each request says which one's semantics are asked for.
"""
import math
import os
import sys

import numpy as np
import scipy
import scipy.special as sp

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "clients", "python"))
from activation_tck_client import Client, Unsupported  # noqa: E402

DTYPES = {"float64": np.float64, "float32": np.float32}


def _array(x, call):
    if call.dtype not in DTYPES:
        raise Unsupported
    return np.array(x, dtype=DTYPES[call.dtype])


def _no_params(call):
    if call.params:
        raise Unsupported


def _exact_gelu(call):
    # Omitted: the dialect's default, the tanh form in jax (jax.nn.gelu), the exact form elsewhere.
    a = call.params.get("approximate", call.dialect == "jax")
    if a in (False, "false", "none"):
        extra = {k: v for k, v in call.params.items() if k != "approximate"}
        if extra:
            raise Unsupported
        return True
    raise Unsupported


def _values(fn):
    def run(x, call):
        a = _array(x, call)
        with np.errstate(all="ignore"):
            y = fn(a, call)
        return np.asarray(y).astype(a.dtype).tolist()
    return run


def sigmoid(x, call):
    _no_params(call)
    return sp.expit(x)


def log_sigmoid(x, call):
    _no_params(call)
    return sp.log_expit(x)


def softmax(x, call):
    _no_params(call)
    return sp.softmax(x)


def log_softmax(x, call):
    _no_params(call)
    return sp.log_softmax(x)


def gelu(x, call):
    _exact_gelu(call)
    t = x.dtype.type
    if call.dialect == "jax":
        return x * sp.ndtr(x)
    if call.dialect in ("keras3", "tf_keras2"):
        return t(0.5) * x * (t(1) + sp.erf(x / t(math.sqrt(2))))
    return x * t(0.5) * (t(1) + sp.erf(x * t(math.sqrt(0.5))))


def client():
    c = Client(name="scipy", version=scipy.__version__)
    for name, fn in (("sigmoid", sigmoid), ("log_sigmoid", log_sigmoid), ("softmax", softmax),
                     ("log_softmax", log_softmax), ("gelu", gelu)):
        c.value(name)(_values(fn))
    return c


if __name__ == "__main__":
    client().serve()
