#!/usr/bin/env python3
"""A naive implementation of relu, leaky_relu, sigmoid and tanh, values and derivatives, in
PyTorch's semantics, on the Python client. Each function computes in double on inputs that are
values of the request's dtype; the client rounds the results to the dtype.

    ./tck run --impl-command "python3 clients/python/example_relu_sigmoid.py" \
        --functions relu,leaky_relu,sigmoid,tanh
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from activation_tck_client import Client, Unsupported, round_to  # noqa: E402

client = Client(name="example-relu-sigmoid", version="1.0", dialects=["pytorch"])


def op_math(value, call):
    """PyTorch holds a real parameter in the op-math type: double for float64, float32 otherwise."""
    return round_to(float(value), "float64" if call.dtype == "float64" else "float32")


def sigmoid(v):
    """1 / (1 + e^-x), written so that e^... never overflows."""
    if v >= 0:
        return 1 / (1 + math.exp(-v))
    e = math.exp(v)  # v = -inf gives 0; NaN falls through to here and stays NaN
    return e / (1 + e)


@client.value("relu")
def relu(x, call):
    if call.params:
        raise Unsupported  # PyTorch's relu has no parameters
    return [0.0 if v < 0 else v for v in x]  # keeps -0.0 and NaN


@client.derivative("relu")
def relu_prime(x, call):
    return [0.0 if v <= 0 else 1.0 for v in x]  # NaN <= 0 is false: 1, as PyTorch


@client.value("leaky_relu")
def leaky_relu(x, call):
    slope = op_math(call.params.get("negative_slope", 0.01), call)  # PyTorch's default
    return [v if v > 0 else slope * v for v in x]


@client.derivative("leaky_relu")
def leaky_relu_prime(x, call):
    slope = op_math(call.params.get("negative_slope", 0.01), call)
    return [1.0 if v > 0 else slope for v in x]


@client.value("sigmoid")
def sigmoid_values(x, call):
    return [sigmoid(v) for v in x]


@client.derivative("sigmoid")
def sigmoid_prime(x, call):
    return [sigmoid(v) * sigmoid(-v) for v in x]


@client.value("tanh")
def tanh(x, call):
    return [math.tanh(v) for v in x]


@client.derivative("tanh")
def tanh_prime(x, call):
    return [1 - math.tanh(v) ** 2 for v in x]  # naive: 0 once tanh rounds to 1


if __name__ == "__main__":
    client.serve()
