"""Drives `./tck oracle --serve` from Python, as a Python test suite would (OracleServerPythonTest).

Usage: python3 oracle_server_check.py COMMAND...   (e.g. ./tck oracle --serve, or java -cp ... )

Checks the replies against values computed here with the decimal module, independently of the
oracle: sigmoid(0) = 1/2, sigmoid(1) = e / (1 + e), tanh(1/2) = (e - 1) / (e + 1),
softplus(0) = ln 2, softmax([0, ln-free 1]) = [1 / (1 + e), e / (1 + e)]. Exits 0 when all hold,
1 with the first failure on stderr.
"""
import json
import subprocess
import sys
from decimal import Context, Decimal, getcontext


class OracleClient:
    """One `./tck oracle --serve` process: ask() sends a request and returns its reply."""

    def __init__(self, command):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, encoding="utf-8", bufsize=1)
        self.next_id = 1

    def ask(self, **request):
        request.setdefault("id", self.next_id)
        self.next_id += 1
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        assert reply["id"] == request["id"], (reply, request)
        return reply

    def send_line(self, line):
        """A raw line, for malformed requests; returns the reply."""
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self):
        self.proc.stdin.close()
        return self.proc.wait(timeout=60)


def check(cond, what):
    if not cond:
        print("FAILED: " + what, file=sys.stderr)
        sys.exit(1)


def agree(text, exact, digits):
    """text (the oracle's, to `digits` significant digits) is exact rounded to that many."""
    return Decimal(text) == Context(prec=digits).plus(exact)


def main():
    getcontext().prec = 80
    e = Decimal(1).exp()
    client = OracleClient(sys.argv[1:])

    d = client.ask(op="describe")
    names = {f["id"] for f in d["functions"]}
    check({"sigmoid", "tanh", "softplus", "softmax"} <= names, "describe lists the functions: %s" % d)
    check(d["limits"]["digits"] == 1000, "describe names the digits limit: %s" % d["limits"])

    r = client.ask(function="sigmoid", x=[0, 1, "-0.0", "NaN", "Infinity"], digits=50,
                   formats=["exact", "float32"])
    v = r["values"]
    check(v[0] == {"exact": "0.5", "float32": "0.5"}, "sigmoid(0) = 0.5: %s" % v[0])
    check(agree(v[1]["exact"], e / (1 + e), 50), "sigmoid(1) = e/(1+e): %s" % v[1])
    check(v[1]["float32"] == "0.7310586", "float32 sigmoid(1): %s" % v[1])
    check(v[2]["exact"] == "0.5" and v[3]["exact"] == "NaN" and v[4]["exact"] == "1.0",
          "sigmoid(-0.0), sigmoid(NaN), sigmoid(inf): %s" % v[2:])

    r = client.ask(function="tanh", x=[0.5], digits=60)
    check(agree(r["values"][0]["exact"], (e - 1) / (e + 1), 60), "tanh(1/2) = (e-1)/(e+1): %s" % r)

    r = client.ask(function="softplus", dialect="pytorch", x=["0x0p+0"], digits=70)
    check(agree(r["values"][0]["exact"], Decimal(2).ln(), 70), "softplus(0) = ln 2: %s" % r)

    r = client.ask(function="softmax", x=[0, 1], digits=45)
    check(len(r["values"]) == 2, "softmax gives one value per element: %s" % r)
    check(agree(r["values"][0]["exact"], 1 / (1 + e), 45) and agree(r["values"][1]["exact"], e / (1 + e), 45),
          "softmax([0, 1]): %s" % r)

    r = client.ask(function="sigmoid", x=[0], derivative=True, formats=["float64"])
    check(r["values"] == [{"float64": "0.25"}], "sigmoid'(0) = 1/4: %s" % r)

    # bad requests: an error line naming the field, and the server goes on
    r = client.ask(id=41, function="sigmoid", input_dtype="float32", x=[1.5, "0x1.8p-3", "one"])
    check(r.get("error", "").startswith("field x/2:"), "a bad input is an error naming x/2: %s" % r)
    r = client.ask(id=42, function="sigmoid", x=[1], digits=10**9)
    check(r.get("limit") == "digits" and "1000" in r["error"], "digits 10^9 names the limit: %s" % r)
    r = client.send_line('{"id": 43, "function": "sigmoid", "x": [1,')
    check(r["id"] is None and "malformed JSON" in r["error"], "malformed JSON: %s" % r)
    r = client.ask(id=44, function="sigmoid", x=[1], colour="red")
    check("field colour" in r.get("error", ""), "an unknown field is named: %s" % r)

    r = client.ask(id=45, function="sigmoid", x=[0])
    check(r == {"id": 45, "values": [{"exact": "0.5"}]}, "the server goes on after errors: %s" % r)

    code = client.close()
    check(code == 0, "EOF ends the server with exit 0, got %s" % code)
    print("ok: 12 requests, replies checked against decimal-module values")


if __name__ == "__main__":
    main()
