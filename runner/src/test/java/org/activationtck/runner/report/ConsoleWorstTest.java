package org.activationtck.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The worst-input column keeps the implementation's message: a long vector is cut, not the reason. */
class ConsoleWorstTest {

  @Test
  void required_reasonKeptWhole_longVectorShortened() {
    String vector = "[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0]";
    String reason = "no result: threw java.lang.IllegalStateException: kernel softmax_avx512 rejected"
        + " a length of 16 (expected a multiple of 32)";
    String w = ConsoleReport.worst(vector, reason);
    assertTrue(w.endsWith(reason), w);
    assertTrue(w.startsWith("[1.0, 2.0,") && w.contains("... no result"), w);
  }

  @Test
  void required_shortTextUnchanged() {
    assertEquals("0.5 (0x1.0p-1) ulps: 3.00 ulp > budget 0", ConsoleReport.worst("0.5 (0x1.0p-1)", "ulps: 3.00 ulp > budget 0"));
  }
}
