package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tck run --expect / --strict / --require / --write-expectations} end to end. */
class GateCommandTest {

  private static final String NUMPY = "python3 ../adapters/numpy/numpy_activation.py";

  @Test
  void theNumpyAdapter_gatesOnItsCommittedList(@TempDir Path dir) throws Exception {
    CliRun r = CliRun.exec("run", "--impl-command", NUMPY, "--functions", "sigmoid,tanh,relu",
        "--expect", "../adapters/numpy/activation-tck-deviations.json", "--require", "sigmoid:float32");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("RESULT: KNOWN DEVIATIONS ONLY ("), r.out());
    // the entries of functions not run are not exercised, and do not fail --strict
    CliRun strict = CliRun.exec("run", "--impl-command", NUMPY, "--functions", "sigmoid,tanh,relu",
        "--expect", "../adapters/numpy/activation-tck-deviations.json", "--strict");
    assertEquals(0, strict.code(), strict.out());
    assertTrue(strict.out().contains("not exercised"), strict.out());
  }

  @Test
  void withoutAList_theSameRunFails_andWritesOneEntryPerDeviation(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("list.json");
    CliRun r = CliRun.exec("run", "--impl-command", NUMPY, "--functions", "sigmoid",
        "--write-expectations", list.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    String written = Files.readString(list);
    assertTrue(written.contains("\"reason\": \"TODO\""), written);
    CliRun again = CliRun.exec("run", "--impl-command", NUMPY, "--functions", "sigmoid",
        "--expect", list.toString(), "--strict");
    assertEquals(0, again.code(), again.out() + again.err());
  }

  @Test
  void expectAndWrite_updateAList_keepingReasons_droppingFixedEntries(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("list.json");
    CliRun first = CliRun.exec("run", "--impl-command", NUMPY, "--functions", "sigmoid",
        "--write-expectations", list.toString());
    assertEquals(1, first.code(), first.err());
    // a person fills in a reason, and lists a deviation the adapter does not have (tanh is right)
    String edited = Files.readString(list).replaceFirst("\"reason\": \"TODO\"",
        "\"reason\": \"flushes to zero\"").replace("\"deviations\": [",
        "\"deviations\": [\n    {\"function\": \"sigmoid\", \"dialect\": \"jax\", \"dtype\": \"float64\","
        + " \"of\": \"value\", \"kind\": \"signed_zero\", \"reason\": \"gone\"},");
    Files.writeString(list, edited);
    Path updated = dir.resolve("updated.json");
    CliRun r = CliRun.exec("run", "--impl-command", NUMPY, "--functions", "sigmoid",
        "--expect", list.toString(), "--write-expectations", updated.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("fixed: sigmoid float64 [jax] signed_zero"), r.out());
    String out = Files.readString(updated);
    assertTrue(out.contains("\"reason\": \"flushes to zero\""), out);
    assertTrue(!out.contains("\"gone\""), out);
    assertEquals(Files.readString(list).split("\"function\"").length - 1,
        out.split("\"function\"").length, "one entry fewer: the fixed one");
  }

  @Test
  void anUnlistedFailure_failsTheRun_namingItself(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("list.json");
    Files.writeString(list, "{\"format\": \"activation-tck-deviations/1\", \"deviations\": []}");
    CliRun r = CliRun.exec("run", "--impl-command", NUMPY, "--functions", "sigmoid", "--dtype",
        "float32", "--expect", list.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("failures not in the list: "), r.out());
    assertTrue(r.out().contains("  sigmoid float32 [keras3] x = -"), r.out());
    assertTrue(r.out().contains("RESULT: FAILED ("), r.out());
  }

  @Test
  void runsThatMatchNoFixture_areNotChecked_andSaySo(@TempDir Path dir) {
    for (String[] args : new String[][] {{"run", "--fixtures", dir.toString()},
        {"run", "--functions", "softmin", "--dialect", "keras3"}}) {
      CliRun r = CliRun.exec(args);
      assertEquals(4, r.code(), r.out() + r.err());
      assertTrue(r.out().contains("RESULT: NOT CHECKED (no fixture case matched"), r.out());
    }
  }

  @Test
  void anUnmetRequirement_isNotChecked() {
    CliRun r = CliRun.exec("run", "--functions", "relu", "--dtype", "float32", "--require",
        "float16,relu:float32");
    assertEquals(4, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("RESULT: NOT CHECKED (required but not checked: float16)"), r.out());
  }

  @Test
  void badListsAndRequirements_exit2_withOneLine(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("bad.json");
    Files.writeString(list, "{\n\"format\": \"activation-tck-deviations/1\",\n\"deviations\": [\n"
        + "{\"function\": \"relu\", \"dialect\": \"pytorh\", \"dtype\": \"float32\", \"of\": \"value\","
        + " \"reason\": \"r\"}]}");
    CliRun r = CliRun.exec("run", "--functions", "relu", "--expect", list.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("tck run: " + list + ":4: field /deviations/0/dialect: 'pytorh' is not a dialect of"
        + " relu (keras3, tf_keras2, pytorch, jax, onnx)", r.err().strip());
    assertEquals("", r.out(), "nothing ran");
    CliRun q = CliRun.exec("run", "--functions", "relu", "--require", "float8");
    assertEquals(2, q.code());
    assertTrue(q.err().contains("'float8' is not a function, dtype or dialect id"), q.err());
    CliRun s = CliRun.exec("run", "--functions", "relu", "--strict");
    assertEquals(2, s.code());
    assertTrue(s.err().contains("--strict needs --expect"), s.err());
  }
}
