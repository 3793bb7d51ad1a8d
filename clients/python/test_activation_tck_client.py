"""Unit tests of the Python client: python3 -m unittest clients/python/test_activation_tck_client.py
(run by the runner's ClientModulesTest)."""
import io
import json
import math
import os
import random
import struct
import sys
import unittest
from decimal import Decimal, getcontext

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from activation_tck_client import Client, Unsupported, read_value, round_to, write_value  # noqa: E402


def struct_round(v, fmt):
    """The C library's rounding of a double to float ('f') or half ('e'), overflow to infinity."""
    try:
        return struct.unpack(fmt, struct.pack(fmt, v))[0]
    except OverflowError:
        return math.copysign(math.inf, v)


def same(a, b):
    return (a == b and math.copysign(1, a) == math.copysign(1, b)) or (a != a and b != b)


def request(rid, function, dtype, x, derivative=False, dialect="pytorch", params=None):
    return json.dumps({"id": rid, "function": function, "dialect": dialect, "params": params or {},
                       "dtype": dtype, "derivative": derivative, "x": x, "shape": [len(x)],
                       "axis": -1})


class RoundingTest(unittest.TestCase):

    def test_round_to_agrees_with_the_c_casts_of_float_and_half(self):
        rng = random.Random(7)
        for _ in range(20000):
            v = rng.uniform(-1, 1) * 2.0 ** rng.randint(-160, 140)
            self.assertTrue(same(round_to(v, "float32"), struct_round(v, "f")), v)
            self.assertTrue(same(round_to(v, "float16"), struct_round(v, "e")), v)

    def test_bfloat16_ties_to_even_and_overflow(self):
        self.assertEqual(1.0, round_to(1.00390625, "bfloat16"))  # halfway 1 .. 1+2^-7: even
        self.assertEqual(1.015625, round_to(1.01171875, "bfloat16"))  # halfway, odd below: up
        self.assertEqual(3.3895313892515355e38, round_to(3.39e38, "bfloat16"))
        self.assertEqual(3.3895313892515355e38, round_to(3.3961e38, "bfloat16"))  # below max + 2^119
        self.assertEqual(math.inf, round_to(3.3962e38, "bfloat16"))
        self.assertTrue(same(-0.0, round_to(-1e-50, "bfloat16")))

    def test_a_float32_decimal_is_read_as_the_float32_it_names(self):
        self.assertEqual(0.10000000149011612, read_value("0.1", "float32"))
        self.assertEqual(0.1, read_value("0.1", "float64"))
        self.assertEqual(0.333251953125, read_value("0.33325", "float16"))
        self.assertEqual(1.401298464324817e-45, read_value("1.4E-45", "float32"))

    def test_a_double_on_a_tie_of_the_dtype_lets_the_decimal_decide(self):
        getcontext().prec = 80
        tie = Decimal(1) + Decimal(2) ** -24  # halfway between float32 1 and 1 + 2^-23
        above = str(tie + Decimal(2) ** -60)  # rounds to the tie as a double
        below = str(tie - Decimal(2) ** -60)
        self.assertEqual(1 + 2 ** -24, float(above))
        self.assertEqual(1 + 2 ** -23, read_value(above, "float32"))
        self.assertEqual(1.0, read_value(below, "float32"))
        self.assertEqual(1.0, read_value(str(tie), "float32"))  # a true tie: to even
        self.assertEqual(-1 - 2 ** -23, read_value("-" + above, "float32"))

    def test_specials_and_signed_zero(self):
        self.assertTrue(math.isnan(read_value("NaN", "float32")))
        self.assertEqual(-math.inf, read_value("-Infinity", "float16"))
        self.assertTrue(same(-0.0, read_value("-0.0", "bfloat16")))
        self.assertEqual(['"NaN"', '"Infinity"', '"-Infinity"', "-0.0", "0.10000000149011612"],
                         [write_value(v) for v in (math.nan, math.inf, -math.inf, -0.0,
                                                   round_to(0.1, "float32"))])


class ClientTest(unittest.TestCase):

    def setUp(self):
        self.client = Client(name="t", version="2", dialects=["pytorch", "jax"])
        self.seen = []

        @self.client.value("relu")
        def relu(x, call):
            self.seen.append(call)
            if call.params.get("threshold"):
                raise Unsupported
            return [0 if v < 0 else v for v in x]

        @self.client.derivative("relu")
        def relu_prime(x, call):
            raise ValueError("boom")

    def test_describe(self):
        self.assertEqual({"id": 0, "name": "t", "version": "2", "dialects": ["pytorch", "jax"]},
                         json.loads(self.client.answer('{"id":0,"describe":true,"protocol":1}')))
        self.assertEqual({"id": 0}, json.loads(Client().answer('{"id":0,"describe":true}')))

    def test_values_are_rounded_to_the_dtype_and_written_exactly(self):
        # 5e-324 is no float32: it reads as +0.0. relu's int 0 is written 0.0, -0.0 keeps its sign.
        reply = self.client.answer(request(3, "relu", "float32", [0.1, "-Infinity", -0.0, "NaN", 5e-324]))
        self.assertEqual('{"id":3,"y":[0.10000000149011612,0.0,-0.0,"NaN",0.0]}', reply)

    def test_dispatch_declines_and_errors(self):
        self.assertEqual({"id": 4, "unsupported": True},
                         json.loads(self.client.answer(request(4, "gelu", "float64", [1.0]))))
        self.assertEqual({"id": 5, "unsupported": True},
                         json.loads(self.client.answer(request(5, "relu", "float64", [1.0], dialect="keras3"))))
        self.assertEqual({"id": 6, "unsupported": True}, json.loads(self.client.answer(
            request(6, "relu", "float64", [1.0], params={"threshold": 5}))))
        self.assertEqual({"id": 7, "error": "ValueError: boom"},
                         json.loads(self.client.answer(request(7, "relu", "float64", [1.0], derivative=True))))
        self.assertEqual(None, json.loads(self.client.answer("not json"))["id"])

    def test_params_keep_their_json_types(self):
        self.client.answer(request(8, "relu", "float32", [1.0], params={
            "negative_slope": 0.3, "max_value": 6, "flag": True, "mode": "tanh"}))
        params = self.seen[-1].params
        self.assertEqual({"negative_slope": 0.3, "max_value": 6, "flag": True, "mode": "tanh"}, params)
        self.assertIs(type(params["max_value"]), int)
        self.assertEqual("float32", self.seen[-1].dtype)

    def test_serve_flushes_each_reply_and_keeps_print_off_stdout(self):
        client = Client()

        @client.value("linear")
        def linear(x, call):
            print("debugging")  # must not reach the protocol's stdout
            return x

        out = io.StringIO()
        err = io.StringIO()
        saved = sys.stderr
        sys.stderr = err
        try:
            client.serve(io.StringIO(request(1, "linear", "float64", [2.5]) + "\n\n"), out)
        finally:
            sys.stderr = saved
        self.assertEqual('{"id":1,"y":[2.5]}\n', out.getvalue())
        self.assertEqual("debugging\n", err.getvalue())


if __name__ == "__main__":
    unittest.main()
