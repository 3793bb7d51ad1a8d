package org.activationtck.cli.exhaustive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputClassTest {

  private static String labelOf(float x) {
    return InputClass.label(InputClass.of(Float.floatToRawIntBits(x)));
  }

  @Test
  void classes_nameSignBinadeAndSpecialValues() {
    assertEquals("+[2^0, 2^1)", labelOf(1.5f));
    assertEquals("-[2^1, 2^2)", labelOf(-3f));
    assertEquals("+0.0", labelOf(0f));
    assertEquals("-0.0", labelOf(-0f));
    assertEquals("+subnormal", labelOf(Float.MIN_VALUE));
    assertEquals("-Infinity", labelOf(Float.NEGATIVE_INFINITY));
    assertEquals("NaN (sign bit 1)", InputClass.label(InputClass.of(0xffc00001)));
    assertEquals("+[2^-126, 2^-125)", labelOf(Float.MIN_NORMAL));
    assertEquals("+[2^127, 2^128)", labelOf(Float.MAX_VALUE));
  }

  @Test
  void classes_haveDistinctLabels() {
    java.util.Set<String> labels = new java.util.HashSet<>();
    for (int c = 0; c < InputClass.COUNT; c++) {
      labels.add(InputClass.label(c));
    }
    assertEquals(InputClass.COUNT, labels.size());
  }
}
