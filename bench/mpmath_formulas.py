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


# keras3's gelu (the default dialect) divides by sqrt(2) rounded to the input's dtype, float64:
# 1.4142135623730951 exactly, not sqrt(2) (the two differ from the 17th digit on)
SQRT_2_FLOAT64 = mp.mpf(1.4142135623730951)


def gelu(x):
    return x * mp.erfc(-x / SQRT_2_FLOAT64) / 2


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
