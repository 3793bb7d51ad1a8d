package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.activationtck.cli.exhaustive.ShardFiles;
import org.activationtck.cli.exhaustive.ShardResult;
import org.activationtck.cli.impls.NarrowingReference;
import org.activationtck.fixtures.generator.HardCaseSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharded sweeps and their merge: 8 shards run as separate processes and merged equal the
 * unsharded run (counts, failures, worst input, hard-case selection); a killed shard resumes from
 * its checkpoint; bad input to merge exits 2 with one line naming the file and writes nothing.
 * The sweep: sigmoid on 2^19 inputs near 4 * 10^-6 (one of them, 0x368c0000, rounds twice through float64) of
 * {@link NarrowingReference}, with the hard-case search.
 */
class ExhaustiveMergeTest {

  static final String RANGE = "0x36880000:0x36900000";

  @TempDir
  static Path dir;

  static Path whole;
  static List<Path> shards = new ArrayList<>();

  static List<String> sweep(String... extra) {
    List<String> a = new ArrayList<>(List.of("exhaustive", "--function", "sigmoid", "--range", RANGE,
        "--impl-class", NarrowingReference.class.getName(), "--hard-cases", "--threads", "1",
        "--progress", "0"));
    a.addAll(List.of(extra));
    return a;
  }

  @BeforeAll
  static void runShards() throws Exception {
    List<Process> running = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      Path out = dir.resolve("shard-" + i + ".json");
      shards.add(out);
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), TckCommand.class.getName()));
      cmd.addAll(sweep("--shard", i + "/8", "--result", out.toString()));
      running.add(new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(dir.resolve("shard-" + i + ".log").toFile()).start());
    }
    whole = dir.resolve("whole.json");
    CliRun r = CliRun.exec(sweep("--result", whole.toString()).toArray(new String[0]));
    assertEquals(1, r.code(), r.out() + r.err()); // it fails: it rounds twice
    for (int i = 0; i < running.size(); i++) {
      Process p = running.get(i);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "shard " + (i + 1) + " did not end");
      assertTrue(p.exitValue() <= 1, Files.readString(dir.resolve("shard-" + (i + 1) + ".log")));
    }
  }

  /** The merged result without what depends on the schedule (time). */
  private static JsonNode comparable(Path file) throws IOException {
    ObjectNode n = (ObjectNode) new ObjectMapper().readTree(file.toFile());
    n.remove("elapsedSeconds");
    n.remove("proven"); // pooled from the shards; compared through the selection below
    return n;
  }

  @Test
  void required_eightShards_mergeToTheUnshardedRun() throws IOException {
    Path merged = dir.resolve("merged.json");
    List<String> args = new ArrayList<>(List.of("exhaustive", "merge", "--out", merged.toString()));
    // in reverse order: merge sorts by range
    for (int i = shards.size() - 1; i >= 0; i--) {
      args.add(shards.get(i).toString());
    }
    CliRun r = CliRun.exec(args.toArray(new String[0]));
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("8 shard(s)"), r.out());
    assertEquals(comparable(whole), comparable(merged));
    ShardResult a = ShardFiles.read(whole);
    ShardResult b = ShardFiles.read(merged);
    assertEquals(1, a.failed(), "the input that rounds twice");
    List<HardCaseSet.Proven> sa = HardCaseSet.select(a.provenForSelection()).kept();
    List<HardCaseSet.Proven> sb = HardCaseSet.select(b.provenForSelection()).kept();
    assertEquals(sa.size(), sb.size());
    for (int i = 0; i < sa.size(); i++) {
      assertEquals(sa.get(i).x(), sb.get(i).x(), "hard case " + i);
      assertEquals(0, sa.get(i).distance().distance().compareTo(sb.get(i).distance().distance()));
    }
    assertEquals(1, HardCaseSet.select(b.provenForSelection()).doubleRounding());
  }

  /**
   * The unsharded sweep again in a process killed as soon as its first checkpoint appears (one
   * every 2^16 inputs), then resumed: it says so and ends equal to the run never killed.
   */
  @Test
  void required_killedSweep_resumesFromItsCheckpoint() throws Exception {
    Path file = dir.resolve("killed.json");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), TckCommand.class.getName()));
    cmd.addAll(sweep("--result", file.toString(), "--checkpoint-every", "65536"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    ShardResult left = ShardFiles.read(file);
    org.junit.jupiter.api.Assumptions.assumeFalse(left.complete(), "the sweep ended before the kill");
    CliRun r = CliRun.exec(sweep("--result", file.toString(), "--checkpoint-every", "65536")
        .toArray(new String[0]));
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("resuming"), r.err());
    assertEquals(comparable(whole), comparable(file));
    assertEquals(HardCaseSet.select(ShardFiles.read(whole).provenForSelection()).kept().size(),
        HardCaseSet.select(ShardFiles.read(file).provenForSelection()).kept().size());
  }

  private static void assertRejected(String expectedFile, String... files) throws IOException {
    Path out = dir.resolve("never.json");
    List<String> args = new ArrayList<>(List.of("exhaustive", "merge", "--out", out.toString()));
    args.addAll(List.of(files));
    CliRun r = CliRun.exec(args.toArray(new String[0]));
    assertEquals(2, r.code(), r.out() + r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, r.err());
    assertTrue(lines[0].contains(expectedFile), lines[0]);
    assertFalse(Files.exists(out), "merge wrote a file on bad input");
    assertEquals("", r.out());
  }

  @Test
  void required_badInput_exits2NamingTheFile_writesNothing() throws IOException {
    String s1 = shards.get(0).toString();
    String s2 = shards.get(1).toString();
    String s3 = shards.get(2).toString();
    // a gap: 1 and 3 without 2
    assertRejected(s3, s1, s3);
    // an overlap: 1 twice
    assertRejected(s1, s1, s1, s2);
    // truncated
    Path cut = dir.resolve("cut.json");
    byte[] b = Files.readAllBytes(shards.get(1));
    Files.write(cut, java.util.Arrays.copyOf(b, b.length / 2));
    assertRejected(cut.toString(), s1, cut.toString());
    // another function, another version
    for (String[] edit : new String[][] {{"function", "tanh"}, {"versions", "kit"}}) {
      ObjectNode n = (ObjectNode) new ObjectMapper().readTree(shards.get(1).toFile());
      if (edit[0].equals("versions")) {
        ((ObjectNode) n.get("versions")).put("kit", "9.9.9");
      } else {
        n.put(edit[0], edit[1]);
      }
      Path other = dir.resolve("other-" + edit[0] + ".json");
      Files.write(other, new ObjectMapper().writeValueAsBytes(n));
      assertRejected(other.toString(), s1, other.toString());
    }
    // a shard that did not finish
    ObjectNode n = (ObjectNode) new ObjectMapper().readTree(shards.get(1).toFile());
    n.put("done", n.get("range").get("from").asText());
    n.put("complete", false);
    n.remove("proven");
    n.putArray("candidates");
    Path unfinished = dir.resolve("unfinished.json");
    Files.write(unfinished, new ObjectMapper().writeValueAsBytes(n));
    assertRejected(unfinished.toString(), s1, unfinished.toString());
    // a fixture from a partial range
    CliRun r = CliRun.exec("exhaustive", "merge", "--fixtures", dir.resolve("fx").toString(), s1, s2);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("needs every float32 input"), r.err());
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("fx")));
    }
    assertTrue(new String(Files.readAllBytes(shards.get(0)), StandardCharsets.UTF_8).contains("\"complete\" : true"));
  }
}
