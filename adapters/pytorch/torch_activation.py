#!/usr/bin/python3
"""PyTorch (from Python) under activation-tck, speaking the JSON-lines process protocol.

Run the TCK against it (Debian's python3-torch installs for the system Python only):

    ./tck run --impl-command "/usr/bin/python3 adapters/pytorch/torch_activation.py"
    /usr/bin/python3 adapters/pytorch/torch_activation.py --probe   # exit 0 when torch imports

What it computes: the catalog's pytorch dialect with torch itself, eager mode on the CPU.

- values: torch.nn.functional (F) where F has the function, torch.* where the catalog names a
  torch.* function (exp, atan, sigmoid, tanh) and torch.nn.Identity for linear; each request is
  one contiguous 1-D tensor of the request's dtype, built from the exact input values;
- derivatives: autograd, torch.autograd.grad(y, x, grad_outputs=ones), for the elementwise
  functions (the protocol asks axis functions for values only);
- dtypes: float64 and float32. float16 and bfloat16 are declined, so the hard cases' 16-bit
  blocks are reported not implemented (checked on 1.13.1: the CPU has no float16 kernel for any
  of these ops, relu included: 'not implemented for Half'; bfloat16 has all but mish, so a
  bfloat16 path is possible and not written yet);
- parameters: the pytorch dialect's, passed to torch as Python floats under torch's own names
  (lambd, value, weight, ...), so that torch rounds them the way it does for a user; an omitted
  parameter takes the pytorch default of the catalog (F.threshold has no defaults: the catalog's
  0.1 and 20 are passed). prelu's weight is a one-element tensor of the input's dtype, as
  nn.PReLU holds it; rrelu runs with training=False (the catalog's evaluation mode);
- declined ({"unsupported": true}, reported not implemented, never passed): every function torch
  does not have (sparsemax, thresholded_relu, sparse_sigmoid, crelu, sparse_plus, squareplus,
  soft_exponential), parameters the pytorch dialect does not have (relu's Keras parameters,
  hard_sigmoid's alpha/beta, selu's alpha/scale), and any kernel torch reports as not
  implemented for the dtype.

The adapter declares the dialect pytorch, so the TCK checks that dialect only. Its version is
Debian's package version where dpkg knows it (torch.__version__ of Debian's 1.13.1 build says
1.13.0a0), with torch.__version__ after it. torch runs with one intra-op thread: the tensors are
at most a few hundred elements, far below torch's grain size for parallel loops, so this changes
no result and keeps the process off the other cores.

The protocol (framing, describe, exact inputs, exact outputs) is the Python client's,
clients/python/activation_tck_client.py.
"""
import os
import subprocess
import sys

if __name__ == "__main__" and "--probe" in sys.argv[1:]:
    try:
        import torch  # noqa: F401
    except Exception as e:  # ImportError, or a broken installation
        print("torch_activation.py --probe: cannot import torch: %s" % e, file=sys.stderr)
        sys.exit(1)
    sys.exit(0)

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "clients", "python"))
from activation_tck_client import Client, Unsupported  # noqa: E402

DTYPES = {"float64": torch.float64, "float32": torch.float32}

# Catalog defaults of the pytorch dialect (spec/ACTIVATIONS.md), by canonical parameter name.
RRELU_UPPER = 1.0 / 3.0  # torch's default upper bound, 0.333...3148 as a double


def _tensor(x, call):
    if call.dtype not in DTYPES:
        raise Unsupported
    return torch.tensor(x, dtype=DTYPES[call.dtype])


def _params(call, allowed):
    """The call's parameters with the pytorch defaults filled in; any other parameter declines."""
    extra = set(call.params) - set(allowed)
    if extra:
        raise Unsupported
    out = dict(allowed)
    out.update(call.params)
    return out


def _real(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise Unsupported
    return float(v)


def _approximate(v):
    if v in (False, "false", "none"):
        return "none"
    if v in (True, "true", "tanh"):
        return "tanh"
    raise Unsupported


def _dim(call, p):
    axis = p["axis"]
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise Unsupported
    return axis


# Elementwise functions: name -> (allowed parameters with defaults, fn(t, params, dtype)).
ELEMENTWISE = {
    "exponential": ({}, lambda t, p, d: torch.exp(t)),
    "linear": ({}, lambda t, p, d: torch.nn.Identity()(t)),
    "relu": ({}, lambda t, p, d: F.relu(t)),
    "relu6": ({}, lambda t, p, d: F.relu6(t)),
    "leaky_relu": ({"negative_slope": 0.01},
                   lambda t, p, d: F.leaky_relu(t, _real(p["negative_slope"]))),
    "prelu": ({"alpha": 0.25},
              lambda t, p, d: F.prelu(t, torch.tensor([_real(p["alpha"])], dtype=d))),
    "rrelu": ({"lower": 0.125, "upper": RRELU_UPPER},
              lambda t, p, d: F.rrelu(t, _real(p["lower"]), _real(p["upper"]), training=False)),
    "threshold": ({"threshold": 0.1, "default_value": 20.0},
                  lambda t, p, d: F.threshold(t, _real(p["threshold"]), _real(p["default_value"]))),
    "hard_tanh": ({"min_val": -1.0, "max_val": 1.0},
                  lambda t, p, d: F.hardtanh(t, _real(p["min_val"]), _real(p["max_val"]))),
    "hard_shrink": ({"threshold": 0.5}, lambda t, p, d: F.hardshrink(t, _real(p["threshold"]))),
    "soft_shrink": ({"threshold": 0.5}, lambda t, p, d: F.softshrink(t, _real(p["threshold"]))),
    "hard_sigmoid": ({}, lambda t, p, d: F.hardsigmoid(t)),
    "hard_silu": ({}, lambda t, p, d: F.hardswish(t)),
    "elu": ({"alpha": 1.0}, lambda t, p, d: F.elu(t, _real(p["alpha"]))),
    "selu": ({}, lambda t, p, d: F.selu(t)),
    "celu": ({"alpha": 1.0}, lambda t, p, d: F.celu(t, _real(p["alpha"]))),
    "softplus": ({"beta": 1.0, "threshold": 20.0},
                 lambda t, p, d: F.softplus(t, _real(p["beta"]), _real(p["threshold"]))),
    "log_sigmoid": ({}, lambda t, p, d: F.logsigmoid(t)),
    "mish": ({}, lambda t, p, d: F.mish(t)),
    "softsign": ({}, lambda t, p, d: F.softsign(t)),
    "arctan": ({}, lambda t, p, d: torch.atan(t)),
    "sigmoid": ({}, lambda t, p, d: torch.sigmoid(t)),
    "tanh": ({}, lambda t, p, d: torch.tanh(t)),
    "silu": ({}, lambda t, p, d: F.silu(t)),
    "tanh_shrink": ({}, lambda t, p, d: F.tanhshrink(t)),
    "gelu": ({"approximate": False},
             lambda t, p, d: F.gelu(t, approximate=_approximate(p["approximate"]))),
}

# Axis functions (values only): the request's vector is the axis.
AXIS = {
    "softmax": lambda t, dim: F.softmax(t, dim=dim),
    "log_softmax": lambda t, dim: F.log_softmax(t, dim=dim),
    "softmin": lambda t, dim: F.softmin(t, dim=dim),
    "glu": lambda t, dim: F.glu(t, dim=dim),
}


def _torch_call(fn):
    """Runs fn; torch's 'not implemented for <dtype>' becomes a decline, other errors stay."""
    try:
        return fn()
    except (RuntimeError, NotImplementedError) as e:
        if "not implemented for" in str(e):
            raise Unsupported from e
        raise


def _elementwise_value(name):
    allowed, f = ELEMENTWISE[name]

    def run(x, call):
        p = _params(call, allowed)
        t = _tensor(x, call)
        with torch.no_grad():
            y = _torch_call(lambda: f(t, p, t.dtype))
        return y.tolist()
    return run


def _elementwise_derivative(name):
    allowed, f = ELEMENTWISE[name]

    def run(x, call):
        p = _params(call, allowed)
        t = _tensor(x, call).requires_grad_(True)

        def grad():
            y = f(t, p, t.dtype)
            (g,) = torch.autograd.grad(y, t, grad_outputs=torch.ones_like(y))
            return g
        return _torch_call(grad).tolist()
    return run


def _axis_value(name):
    f = AXIS[name]

    def run(x, call):
        p = _params(call, {"axis": call.axis if call.axis is not None else -1})
        t = _tensor(x, call)
        with torch.no_grad():
            y = _torch_call(lambda: f(t, _dim(call, p)))
        return y.tolist()
    return run


def _version():
    try:
        deb = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-torch"],
                             capture_output=True, text=True, timeout=10)
        if deb.returncode == 0 and deb.stdout.strip():
            return "%s (Debian python3-torch; torch.__version__ %s)" % (
                deb.stdout.strip(), torch.__version__)
    except (OSError, subprocess.SubprocessError):
        pass
    return torch.__version__


def client():
    c = Client(name="pytorch", version=_version(), dialects=["pytorch"])
    for name in ELEMENTWISE:
        c.value(name)(_elementwise_value(name))
        c.derivative(name)(_elementwise_derivative(name))
    for name in AXIS:
        c.value(name)(_axis_value(name))
    return c


if __name__ == "__main__":
    torch.set_num_threads(1)
    client().serve()
