#!/usr/bin/env python3
"""Activation functions as tutorials write them in plain NumPy, under activation-tck.

Run the TCK against it:  ./tck run --impl-command "python3 adapters/textbook/textbook_activation.py"

Not a library: the formulas of a typical "activation functions in Python" tutorial (the ones below
are those of a tutorial's code, quoted in the project's seed documents), as one-liners on a NumPy
array in the dtype of the request (float32 arrays for float32, float64 for float64; float16 and
bfloat16 are declined). No care for overflow, cancellation or signed zeros beyond what the formula
gives: the results measure the textbook formulas, which is the point.

    function     value                                          derivative
    relu         np.maximum(0, x)                               (x > 0).astype(dtype)
    leaky_relu   np.where(x > 0, x, 0.01 * x)                   np.where(x >= 0, 1, 0.01)
    elu          np.where(x > 0, x, alpha * (np.exp(x) - 1))    np.where(x > 0, 1, np.exp(x))
    softplus     np.log(1 + np.exp(x))                          1 / (1 + np.exp(x)) * np.exp(x)
    sigmoid      1 / (1 + np.exp(-x))                           s * (1 - s), s the sigmoid
    tanh         (e^x - e^-x) / (e^x + e^-x), np.exp each       1 - t**2, t that quotient
    arctan       np.arctan(x)                                   1 / (1 + x**2)

The derivatives are the tutorial's (leaky_relu' is 1 at 0 there: `if x >= 0: return 1`; elu' is
np.exp(x) below 0, which is f(x) + alpha for its alpha = 1). Declared dialect: pytorch, whose
defaults tutorial code mirrors (leaky slope 0.01, elu alpha 1, softplus beta 1); a request with any
other parameter value is declined ({"unsupported": true}), and softplus' threshold (20) is taken
as the default and ignored, as the tutorial formula has none.
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "clients", "python"))
from activation_tck_client import Client, Unsupported  # noqa: E402

DTYPES = {"float64": np.float64, "float32": np.float32}
# PyTorch's defaults, the only parameter values the tutorial formulas have.
DEFAULTS = {
    "leaky_relu": {"negative_slope": 0.01},
    "elu": {"alpha": 1.0},
    "softplus": {"beta": 1.0, "threshold": 20.0},
}


def _check_params(call):
    allowed = DEFAULTS.get(call.function, {})
    for k, v in call.params.items():
        if k not in allowed or isinstance(v, (bool, str)) or float(v) != allowed[k]:
            raise Unsupported


def tanh_(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def sigmoid_(x):
    return 1 / (1 + np.exp(-x))


VALUES = {
    "relu": lambda x: np.maximum(0, x),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.01 * x),
    "elu": lambda x: np.where(x > 0, x, 1.0 * (np.exp(x) - 1)),
    "softplus": lambda x: np.log(1 + np.exp(x)),
    "sigmoid": sigmoid_,
    "tanh": tanh_,
    "arctan": lambda x: np.arctan(x),
}
DERIVATIVES = {
    "relu": lambda x: (x > 0).astype(x.dtype),
    "leaky_relu": lambda x: np.where(x >= 0, 1, 0.01),
    "elu": lambda x: np.where(x > 0, 1, np.exp(x)),
    "softplus": lambda x: 1 / (1 + np.exp(x)) * np.exp(x),
    "sigmoid": lambda x: sigmoid_(x) * (1 - sigmoid_(x)),
    "tanh": lambda x: 1 - tanh_(x) ** 2,
    "arctan": lambda x: 1 / (1 + x ** 2),
}


def _numpy(fn):
    def run(x, call):
        if call.dtype not in DTYPES:
            raise Unsupported
        _check_params(call)
        a = np.array(x, dtype=DTYPES[call.dtype])
        with np.errstate(all="ignore"):
            return np.asarray(fn(a)).astype(a.dtype).tolist()
    return run


def client():
    c = Client(name="textbook", version="1", dialects=["pytorch"])
    for name, fn in VALUES.items():
        c.value(name)(_numpy(fn))
    for name, fn in DERIVATIVES.items():
        c.derivative(name)(_numpy(fn))
    return c


if __name__ == "__main__":
    client().serve()
