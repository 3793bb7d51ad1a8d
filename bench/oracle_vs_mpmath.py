#!/usr/bin/env python3
"""Oracle vs mpmath throughput, side by side in one run.

Generates seeded float64 inputs, evaluates each function on them with mpmath (mp.dps = digits)
and with the oracle (./tck bench oracle --inputs FILE, OracleValue.at(digits): relative error at
most 10^-digits), and prints evaluations per second of both and their ratio. Both sides are
single-threaded, warm up first and report the median of the timed rounds. The functions are
interleaved (mpmath f, oracle f, mpmath g, ...) so that a change in the machine's load hits both.

    bench/oracle_vs_mpmath.py [--functions sigmoid,...] [--digits 20,40,100] [--count 500]
                              [--seed 1] [--rounds 5] [--warmup 2]

The mpmath formulas are the textbook ones in their numerically stable form (no cancellation),
so mpmath is not handicapped; mpmath's dps is a working precision, not a proven error bound,
so the oracle does strictly more per evaluation.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

import mpmath
from mpmath import mp

from mpmath_formulas import FUNCTIONS


def mpmath_rate(f, xs, digits, rounds, warmup):
    mp.dps = digits
    args = [mpmath.mpf(x) for x in xs]
    end = time.perf_counter() + warmup
    while True:
        for a in args:
            f(a)
        if time.perf_counter() >= end:
            break
    rates = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for a in args:
            f(a)
        rates.append(len(args) / (time.perf_counter() - t0))
    return statistics.median(rates)


def oracle_rates(launcher, function, digits, inputs, rounds, warmup):
    cmd = launcher + ["bench", "oracle", "--functions", function,
           "--digits", ",".join(str(d) for d in digits), "--inputs", inputs,
           "--rounds", str(rounds), "--warmup", str(warmup), "--tsv"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rates = {}
    for line in out.splitlines():
        name, d, rate = line.split("\t")
        rates[int(d)] = float(rate)
    return rates


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--functions", default="sigmoid,softplus,tanh,gelu,elu,mish")
    ap.add_argument("--digits", default="20,40,100")
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--warmup", type=float, default=2.0)
    ap.add_argument("--baseline-jar", metavar="JAR",
                    help="also run this earlier build of cli/target/activation-tck-cli.jar "
                         "(a 'before' column, measured in the same run)")
    a = ap.parse_args()
    functions = a.functions.split(",")
    for f in functions:
        if f not in FUNCTIONS:
            sys.exit("oracle_vs_mpmath.py: --functions: no mpmath formula for '%s' (known: %s)"
                     % (f, ",".join(FUNCTIONS)))
    digits = [int(d) for d in a.digits.split(",")]
    rng = random.Random(a.seed)
    xs = [rng.uniform(-20.0, 20.0) for _ in range(a.count)]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as tmp:
        tmp.write("\n".join(repr(x) for x in xs) + "\n")
        inputs = tmp.name
    try:
        print("mpmath %s (backend %s), %d seeded inputs in [-20, 20] (seed %d), median of %d rounds"
              % (mpmath.__version__, mpmath.libmp.BACKEND, len(xs), a.seed, a.rounds))
        header = "%-10s %6s %14s %14s %8s" % ("function", "digits", "mpmath eval/s",
                                              "oracle eval/s", "ratio")
        if a.baseline_jar:
            header += " %14s %8s" % ("before eval/s", "ratio")
        print(header)
        launcher = [os.path.join(root, "tck")]
        before = ["java", "-cp", a.baseline_jar, "org.activationtck.cli.TckCommand"]
        ratios = {}
        old_ratios = {}
        for f in functions:
            mine = oracle_rates(launcher, f, digits, inputs, a.rounds, a.warmup)
            old = oracle_rates(before, f, digits, inputs, a.rounds, a.warmup) if a.baseline_jar else {}
            for d in digits:
                theirs = mpmath_rate(FUNCTIONS[f], xs, d, a.rounds, a.warmup)
                ratio = mine[d] / theirs
                ratios.setdefault(d, []).append(ratio)
                line = "%-10s %6d %14.0f %14.0f %7.2fx" % (f, d, theirs, mine[d], ratio)
                if a.baseline_jar:
                    old_ratios.setdefault(d, []).append(old[d] / theirs)
                    line += " %14.0f %7.2fx" % (old[d], old[d] / theirs)
                print(line)
                sys.stdout.flush()
        for d in digits:
            line = "geometric mean of oracle/mpmath at %d digits: %.2fx" % (
                d, statistics.geometric_mean(ratios[d]))
            if a.baseline_jar:
                line += " (before: %.2fx)" % statistics.geometric_mean(old_ratios[d])
            print(line)
    finally:
        os.unlink(inputs)


if __name__ == "__main__":
    main()
