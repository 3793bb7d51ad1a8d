#!/usr/bin/env python3
"""mpmath's counterpart of `./tck oracle FUNCTION --digits DIGITS`, for benchmarks.

    python3 bench/mpmath_values.py FUNCTION DIGITS < inputs > values

Reads one float64 literal per line from stdin and prints FUNCTION at it (the double's exact
value) to DIGITS significant digits, one line each, at mp.dps = DIGITS (mpmath's working
precision, not a proven bound). Streams: constant memory however long stdin is.
"""
import sys

from mpmath import mp, mpf

from mpmath_formulas import FUNCTIONS


def main():
    f = FUNCTIONS[sys.argv[1]]
    digits = int(sys.argv[2])
    mp.dps = digits
    nstr = mp.nstr
    write = sys.stdout.write
    for line in sys.stdin:
        write(nstr(f(mpf(float(line))), digits) + "\n")


if __name__ == "__main__":
    main()
