#!/usr/bin/env python3
"""`./tck oracle` against mpmath as a user meets them: whole processes, side by side in one run.

For each function and input count, writes seeded float64 inputs (uniform in [-20, 20]) to a file,
then times, alternating, `python3 bench/mpmath_values.py F DIGITS < inputs` (interpreter start
and mpmath's import included) and `./tck oracle F --digits DIGITS < inputs` (JVM start
included; the launcher's build and class-data archive are made before any timing), both writing
to a file. Prints wall seconds (median of --rounds), the ratio mpmath/tck (above 1: the oracle is
faster), each side's CPU seconds and peak memory (RSS), and checks that the two outputs agree
line by line to DIGITS - 3 significant digits (mpmath's dps is a working precision, not a
bound, so its last digits may differ from the correctly rounded ones). Then the wall time of a
single query (`./tck oracle F 0.5` against mpmath_values.py on one line), median of --single
runs, with the same variants.

    bench/oracle_cli_vs_mpmath.py [--functions sigmoid,...] [--digits 40] [--counts 200000,2000000]
                                  [--seed 1] [--rounds 1] [--single 5]
                                  [--variant NAME=JAVA_OPTS ...] [--baseline-jar JAR]

--variant adds a column: `./tck oracle` again with TCK_JAVA_OPTS=JAVA_OPTS (e.g.
`c2=-XX:TieredStopAtLevel=4`), or with an environment variable when the value is VAR=VALUE
(`nocds=TCK_CDS=0`), to measure what one lever buys; --baseline-jar one for an earlier build,
run as `java -cp JAR` without the launcher's flags.
"""
import argparse
import decimal
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

import mpmath

from mpmath_formulas import FUNCTIONS

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TCK = os.path.join(ROOT, "tck")
MPMATH_VALUES = os.path.join(ROOT, "bench", "mpmath_values.py")


def timed(cmd, stdin_path, stdout_path, env=None):
    """Runs cmd with stdin and stdout redirected to files: (wall s, CPU s, peak RSS MB)."""
    with open(stdin_path, "rb") as i, open(stdout_path, "wb") as o:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=i, stdout=o, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("oracle_cli_vs_mpmath.py: %s exited with %d" % (" ".join(cmd), p.returncode))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def variant_env(env, opts):
    """The environment of a variant: TCK_JAVA_OPTS=opts, or opts itself when it is VAR=VALUE."""
    m = re.match(r"^([A-Z_][A-Z0-9_]*)=(.*)$", opts)
    if m:
        return dict(env, **{m.group(1): m.group(2)})
    return dict(env, TCK_JAVA_OPTS=opts)


def disagreements(path_a, path_b, digits):
    """Lines whose values differ by more than 10^-(digits-3) relative, and the line count."""
    ctx = decimal.Context(prec=digits + 10)
    tol = decimal.Decimal(10) ** -(digits - 3)
    bad = 0
    n = 0
    with open(path_a) as a, open(path_b) as b:
        for la, lb in zip(a, b):
            n += 1
            x = decimal.Decimal(la.strip())
            y = decimal.Decimal(lb.strip())
            if x != y and ctx.subtract(x, y).copy_abs() > ctx.multiply(tol, y.copy_abs()):
                bad += 1
        if a.readline() or b.readline():
            bad += 1
    return bad, n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--functions", default="sigmoid,tanh,softplus,elu,mish,gelu")
    ap.add_argument("--digits", type=int, default=40)
    ap.add_argument("--counts", default="200000,2000000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--single", type=int, default=5, help="single-query runs (0: none)")
    ap.add_argument("--variant", action="append", default=[], metavar="NAME=JAVA_OPTS")
    ap.add_argument("--baseline-jar", metavar="JAR")
    a = ap.parse_args()
    functions = a.functions.split(",")
    for f in functions:
        if f not in FUNCTIONS:
            sys.exit("oracle_cli_vs_mpmath.py: --functions: no mpmath formula for '%s' (known: %s)"
                     % (f, ",".join(FUNCTIONS)))
    counts = [int(c) for c in a.counts.split(",")]
    variants = [v.split("=", 1) for v in a.variant]
    if a.baseline_jar:
        variants.append(["before", None])
    # the launcher builds the jar and its class-data archive on first use: not timed
    subprocess.run([TCK, "oracle", "sigmoid", "0"], check=True, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="oracle-cli-bench-")
    env = dict(os.environ)
    env.pop("TCK_JAVA_OPTS", None)
    print("mpmath %s (backend %s) vs ./tck oracle, %d digits, whole processes, inputs uniform in "
          "[-20, 20] (seed %d), median of %d round(s); load average %s"
          % (mpmath.__version__, mpmath.libmp.BACKEND, a.digits, a.seed, a.rounds,
             " ".join("%.2f" % l for l in os.getloadavg())))
    head = "%-9s %8s %9s %9s %7s %8s %8s %7s %7s" % (
        "function", "inputs", "mpmath s", "tck s", "ratio", "mp cpu s", "tck cpu", "mp MB",
        "tck MB")
    for name, _ in variants:
        head += " %9s %7s" % (name + " s", "ratio")
    print(head + "  agree")
    try:
        for count in counts:
            rng = random.Random(a.seed)
            inputs = os.path.join(work, "inputs-%d.txt" % count)
            with open(inputs, "w") as out:
                for _ in range(count):
                    out.write(repr(rng.uniform(-20.0, 20.0)) + "\n")
            for f in functions:
                mine = os.path.join(work, "tck.txt")
                theirs = os.path.join(work, "mpmath.txt")
                runs = {"mpmath": [], "tck": []}
                for name, _ in variants:
                    runs[name] = []
                for _ in range(a.rounds):
                    runs["mpmath"].append(timed(
                        [sys.executable, MPMATH_VALUES, f, str(a.digits)], inputs, theirs, env))
                    runs["tck"].append(timed(
                        [TCK, "oracle", f, "--digits", str(a.digits)], inputs, mine, env))
                    for name, opts in variants:
                        if opts is None:
                            cmd = ["java", "-cp", a.baseline_jar, "org.activationtck.cli.TckCommand"]
                            venv = env
                        else:
                            cmd = [TCK]
                            venv = variant_env(env, opts)
                        runs[name].append(timed(cmd + ["oracle", f, "--digits", str(a.digits)],
                                                inputs, os.path.join(work, "variant.txt"), venv))
                med = {k: [statistics.median(r[i] for r in v) for i in range(3)]
                       for k, v in runs.items()}
                bad, n = disagreements(mine, theirs, a.digits)
                line = "%-9s %8d %9.2f %9.2f %6.2fx %8.2f %8.2f %7.0f %7.0f" % (
                    f, count, med["mpmath"][0], med["tck"][0], med["mpmath"][0] / med["tck"][0],
                    med["mpmath"][1], med["tck"][1], med["mpmath"][2], med["tck"][2])
                for name, _ in variants:
                    line += " %9.2f %6.2fx" % (med[name][0], med["mpmath"][0] / med[name][0])
                print(line + "  %s" % ("all %d" % n if bad == 0 else "%d of %d DIFFER" % (bad, n)))
                sys.stdout.flush()
        if a.single:
            one = os.path.join(work, "one.txt")
            with open(one, "w") as out:
                out.write("0.5\n")
            print("single query (x = 0.5), wall s, median of %d: load average %s"
                  % (a.single, " ".join("%.2f" % l for l in os.getloadavg())))
            head = "%-9s %9s %9s" % ("function", "mpmath s", "tck s")
            for name, _ in variants:
                head += " %9s" % (name + " s")
            print(head)
            for f in functions:
                mp_s = statistics.median(timed([sys.executable, MPMATH_VALUES, f, str(a.digits)],
                                               one, os.path.join(work, "o1"), env)[0]
                                         for _ in range(a.single))
                line = "%-9s %9.2f" % (f, mp_s)
                for name, opts in [("tck", "")] + variants:
                    if opts is None:
                        cmd = ["java", "-cp", a.baseline_jar, "org.activationtck.cli.TckCommand"]
                        venv = env
                    else:
                        cmd = [TCK]
                        venv = variant_env(env, opts) if opts else env
                    line += " %9.2f" % statistics.median(
                        timed(cmd + ["oracle", f, "0.5", "--digits", str(a.digits)], one,
                              os.path.join(work, "o2"), venv)[0] for _ in range(a.single))
                print(line)
                sys.stdout.flush()
    finally:
        for name in os.listdir(work):
            os.unlink(os.path.join(work, name))
        os.rmdir(work)


if __name__ == "__main__":
    main()
