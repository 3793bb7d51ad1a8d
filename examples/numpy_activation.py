#!/usr/bin/env python3
"""A complete activation-tck implementation in NumPy, speaking the JSON-lines protocol.

Run the TCK against it:  ./tck run --impl-command "python3 examples/numpy_activation.py"

One request per line on stdin, one reply per line on stdout, matched by "id". Functions this
program does not know are answered {"unsupported": true}: the TCK reports them as not
implemented, never as passed.
"""
import json
import sys

import numpy as np

DTYPES = {"float64": np.float64, "float32": np.float32, "float16": np.float16}


def relu(x, p):
    # Keras 3 semantics at default parameters only; anything else is declined.
    if p:
        raise NotImplementedError
    # tf.nn.relu: x for x > 0 (and NaN), +0.0 below, and the zero itself kept (relu(-0.0) = -0.0).
    return np.where((x > 0) | np.isnan(x) | (x == 0), x, np.zeros_like(x))


def sigmoid(x, p):
    return 1 / (1 + np.exp(-x))


def tanh(x, p):
    return np.tanh(x)


def exponential(x, p):
    return np.exp(x)


def linear(x, p):
    return x


FUNCTIONS = {"relu": relu, "sigmoid": sigmoid, "tanh": tanh, "exponential": exponential,
             "linear": linear}
DERIVATIVES = {"linear": lambda x, p: np.ones_like(x), "exponential": lambda x, p: np.exp(x)}


def number(v):
    """JSON numbers, except NaN and infinities, which the protocol spells as strings."""
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return float(v)  # repr of a float32/float16 value widened to float64 reads back exactly


def answer(req):
    table = DERIVATIVES if req["derivative"] else FUNCTIONS
    fn = table.get(req["function"])
    dtype = DTYPES.get(req["dtype"])
    if fn is None or dtype is None or req["dialect"] not in ("keras3", "tf_keras2", "pytorch", "jax", "onnx"):
        return {"id": req["id"], "unsupported": True}
    x = np.array([float(v) for v in req["x"]], dtype=dtype)  # float("NaN") etc. parse too
    with np.errstate(all="ignore"):
        try:
            y = fn(x, req.get("params") or {}).astype(dtype)
        except NotImplementedError:
            return {"id": req["id"], "unsupported": True}
    return {"id": req["id"], "y": [number(v) for v in y]}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            reply = answer(req)
        except Exception as e:  # report, don't die: the TCK records it against this request
            reply = {"id": req.get("id"), "error": repr(e)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
