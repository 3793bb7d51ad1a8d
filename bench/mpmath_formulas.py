"""The mpmath formulas the oracle benchmarks compare against, in their numerically stable form.

mpmath is not handicapped: no cancellation, one evaluation of each special function. mpmath's dps
is a working precision, not a proven error bound.
"""
from mpmath import mp


def sigmoid(x):
    if x >= 0:
        return 1 / (1 + mp.exp(-x))
    e = mp.exp(x)
    return e / (1 + e)


def softplus(x):
    if x > 0:
        return x + mp.log1p(mp.exp(-x))
    return mp.log1p(mp.exp(x))


def gelu(x):
    return x * mp.erfc(-x / mp.sqrt(2)) / 2


def elu(x):
    return x if x > 0 else mp.expm1(x)


def mish(x):
    return x * mp.tanh(softplus(x))


FUNCTIONS = {
    "sigmoid": sigmoid,
    "softplus": softplus,
    "tanh": mp.tanh,
    "gelu": gelu,
    "elu": elu,
    "mish": mish,
}
