package org.activationtck.runner.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/** Which reply numbers are values of the request's dtype (spec/VERDICTS.md, section 1). */
class RepliesTest {

  private static double one(String number, Dtype t) {
    return new Replies(1 << 20).parse("{\"id\":1,\"y\":[" + number + "]}", 1, t)[0];
  }

  @Test
  void trailingTextAfterTheObject_isABadReply() {
    Replies r = new Replies(1 << 20);
    for (String line : new String[] {"{\"id\":1,\"y\":[1.0]} garbage", "{\"id\":1,\"y\":[1.0]}{\"id\":2}",
        "{\"id\":1,\"y\":[1.0]}]"}) {
      Replies.BadReply e = assertThrows(Replies.BadReply.class, () -> r.parse(line, 1, Dtype.FLOAT64), line);
      assertTrue(e.restart(), "out of step: " + line);
    }
    assertEquals(1.0, r.parse("{\"id\":1,\"y\":[1.0]}  ", 1, Dtype.FLOAT64)[0], "blanks are fine");
  }

  @Test
  void numbersBeyondTheDoubleRange_areBadReplies_notInfinities() {
    for (String n : new String[] {"1e999", "-1e400", "2e308"}) {
      Replies.BadReply e = assertThrows(Replies.BadReply.class, () -> one(n, Dtype.FLOAT64), n);
      assertTrue(e.getMessage().contains("is beyond the double range"), e.getMessage());
    }
    assertEquals(Double.POSITIVE_INFINITY, one("\"Infinity\"", Dtype.FLOAT64));
    assertEquals(Double.MAX_VALUE, one("1.7976931348623157e308", Dtype.FLOAT64));
  }

  @Test
  void digitsThatSingleOutAValue_perDtype() {
    assertEquals(9, Replies.digitsToSingleOut(Dtype.FLOAT32));
    assertEquals(5, Replies.digitsToSingleOut(Dtype.FLOAT16));
    assertEquals(4, Replies.digitsToSingleOut(Dtype.BFLOAT16));
    assertEquals(7, Replies.significantDigits("0.7310586"));
    assertEquals(2, Replies.significantDigits("-1.50e3"));
    assertEquals(1, Replies.significantDigits("0.000"));
    assertEquals(16, Replies.significantDigits("0.7310585786300049"));
  }

  @Test
  void float32_shortDecimalsAndExactValuesAreFloats_doublesAreNot() {
    assertEquals(0.7310585975646973, one("0.7310586", Dtype.FLOAT32)); // read in float32
    assertEquals(0.7310585975646973, one("0.7310585975646973", Dtype.FLOAT32)); // exact
    assertEquals(0.7310585975646973, one("0.731058597564697265625", Dtype.FLOAT32)); // expansion
    // A double that is no float32: passed on as it is, for the verdict to fail.
    assertEquals(0.7310585786300049, one("0.7310585786300049", Dtype.FLOAT32));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(one("-0", Dtype.FLOAT32)));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(one("-0.0", Dtype.FLOAT64)));
  }

  @Test
  void sixteenBit_fiveOrFourDigits() {
    // float16 1/3 is 0.333251953125; 5 digits single it out, 7 digits of a float32 do not.
    assertEquals(0.333251953125, one("0.33325", Dtype.FLOAT16));
    assertEquals(0.333251953125, one("0.333251953125", Dtype.FLOAT16));
    // A float32's 8 digits are no float16: passed on as the double they denote, to fail.
    assertEquals(0.33333334, one("0.33333334", Dtype.FLOAT16));
    // bfloat16 1/3 is 0.333984375; 4 digits.
    assertEquals(0.333984375, one("0.334", Dtype.BFLOAT16));
    assertEquals(0.333984375, one("0.3333", Dtype.BFLOAT16));
    assertEquals(0.33333, one("0.33333", Dtype.BFLOAT16));
  }
}
